/// The source form of a working-day calendar, as read from `Data/calendars/*.srokcal`:
/// statutory holidays by period, carry-over rules and, per year, the Government's transfer
/// decree, shortened days and the officially published totals. ``WorkingCalendar`` compiles it.
public struct CalendarDefinition: Sendable {
    /// The identifier (`RU` for the federal calendar).
    public var id: String
    /// A display name.
    public var title: String
    /// The data stamp reported by `srok --version` (e.g. the latest decree included).
    public var dataVersion: String?
    /// Statutory holiday sets (ТК РФ ст. 112, КЗоТ ст. 65) by period of validity.
    public var statutes: [HolidayStatute] = []
    /// Carry-over rules (ст. 112 ч. 2) by period.
    public var carryOverRules: [CarryOverRule] = []
    /// Per-year data (decrees, transfers, shortened days, totals), by year.
    public var years: [Int: CalendarYear] = [:]
    /// Periods in which the pre-holiday hour is cut from the 40-hour norm only (КЗоТ ст. 47 before
    /// 01.02.2002); in every other year it is cut from the 36- and 24-hour norms too (ТК РФ ст. 95).
    public var shorteningNorms: [ShorteningNormsRule] = []

    /// Whether a shortened day of `year` also cuts the 36- and 24-hour norms.
    public func shorteningCutsReducedWeeks(in year: Int) -> Bool {
        shorteningNorms.inForce(in: year)?.cutsReducedWeeks ?? true
    }

    /// Creates an empty definition.
    public init(id: String, title: String = "", dataVersion: String? = nil) {
        self.id = id
        self.title = title.isEmpty ? id : title
        self.dataVersion = dataVersion
    }

    /// The years with data, ascending.
    public var dataYears: [Int] { years.keys.sorted() }
}

/// A statutory set of public holidays in force over a period.
public struct HolidayStatute: Sendable {
    /// First day the set is in force.
    public var validFrom: CivilDate
    /// Last day the set is in force (`nil`: still in force).
    public var validThrough: CivilDate?
    /// The act and article.
    public var citation: String
    /// The holidays of the set.
    public var holidays: [StatutoryHoliday]

    /// Whether the set is in force on `date`.
    public func isInForce(on date: CivilDate) -> Bool {
        date.isWithin(from: validFrom, through: validThrough)
    }
}

/// One statutory holiday: a month and day with its name.
public struct StatutoryHoliday: Sendable {
    /// Month, 1–12.
    public var month: Int
    /// Day of the month.
    public var day: Int
    /// The Russian name (e.g. «День Победы»).
    public var name: String
    /// The act and article.
    public var citation: String
}

/// How holidays that fall on a Saturday or Sunday move the day off (ТК РФ ст. 112 ч. 2).
public struct CarryOverRule: Sendable, YearRule {
    /// Which holidays the rule moves.
    public enum Mode: String, Sendable {
        /// Every holiday.
        case all
        /// Every holiday but 1–8 January (since 2013 the decree moves those).
        case exceptJanuary = "except-january"
    }
    /// The years the rule applies.
    public var years: YearSpan
    /// Which holidays it moves.
    public var mode: Mode
    /// The act and article.
    public var citation: String

    /// Whether the rule moves a holiday on `date`.
    public func applies(to date: CivilDate) -> Bool {
        let (y, m, d) = date.components
        return years.contains(y) && (mode == .all || !(m == 1 && d <= 8))
    }
}

/// Which weekly norms the pre-holiday hour is cut from, over a period of years.
public struct ShorteningNormsRule: Sendable, YearRule {
    /// The years.
    public var years: YearSpan
    /// Whether the 36- and 24-hour norms are cut too (not only the 40-hour one).
    public var cutsReducedWeeks: Bool
    /// The act.
    public var citation: String
}

/// A day with a name and the act that made it what it is.
public struct CitedDay: Sendable, Hashable {
    /// The day.
    public var date: CivilDate
    /// Its name (may be empty).
    public var name: String
    /// The act.
    public var citation: String
}

/// A move of a day off with its act: a decree transfer (перенос выходного дня), where the day off
/// moves from `from` to `to`, and the regional acts' swaps and transfers (``RegionalMove``).
public struct DayTransfer: Sendable, Hashable {
    /// The weekend day (or weekend-falling holiday) the day off is taken from; for a regional swap,
    /// the worked day.
    public var from: CivilDate
    /// The day that becomes a day off.
    public var to: CivilDate
    /// The decree or act.
    public var citation: String
}

/// Officially published totals of a year (производственный календарь).
public struct PublishedTotals: Sendable, Hashable {
    /// Working days.
    public var workingDays: Int
    /// Days off (weekends and holidays).
    public var daysOff: Int
    /// Norm of hours for a 40-hour week, in tenths of an hour.
    public var hours40Tenths: Int
    /// Norm for a 36-hour week, in tenths of an hour.
    public var hours36Tenths: Int
    /// Norm for a 24-hour week, in tenths of an hour.
    public var hours24Tenths: Int
    /// Where the figures were published.
    public var citation: String
}

/// The data of one year of a calendar.
public struct CalendarYear: Sendable {
    /// The year.
    public var year: Int
    /// The transfer decree(s).
    public var decrees: [String] = []
    /// Decree transfers.
    public var transfers: [DayTransfer] = []
    /// Shortened pre-holiday days as published.
    public var shortened: [CitedDay] = []
    /// Other act-made days off.
    public var daysOff: [CitedDay] = []
    /// Presidential paid non-working days (2020–2021).
    public var presidentialDays: [CitedDay] = []
    /// The published totals.
    public var totals: PublishedTotals?
    /// Independent sources the year was checked against.
    public var verifiedAgainst: [String] = []
    /// Where the `year` line is.
    public var location: SourceLocation
}
