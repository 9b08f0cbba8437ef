/// Who a regional day off binds.
public enum DayScope: String, Sendable, CaseIterable {
    /// Every employer in the region.
    case all
    /// State bodies and budget institutions only (Якутия, Коми …).
    case state
    /// Recommended only (Радоница in some years): binds nobody.
    case recommended
}

extension EmployerKind {
    /// Whether a day of `scope` binds this employer.
    public func isBound(by scope: DayScope) -> Bool {
        switch scope {
        case .all: true
        case .state: self == .stateBody
        case .recommended: false
        }
    }
}

/// What a region does with a regional holiday that falls on a Saturday or Sunday.
public enum WeekendPolicy: String, Sendable {
    /// Not moved (Татарстан since the 2016 amendment).
    case keep
    /// Moved to the next working day (Башкортостан, Бурятия …).
    case nextWorking = "next-working"
    /// Only what each year's act says.
    case perAct = "per-act"
}

/// How a regional holiday's date is found.
public enum HolidayRuleKind: String, Sendable {
    /// A fixed Gregorian month-day.
    case fixed
    /// A month-day of the Hijri year (ICU's Islamic calendar): 10-01 Ураза-байрам, 12-10 Курбан-байрам.
    case islamic
    /// Days after Orthodox Easter (Julian computus, converted through ICU's Julian calendar).
    case easter
    /// A month-day of the Chinese lunisolar calendar in ICU (a forecast for Сагаалган, Шагаа, Цаган Сар).
    case lunar
}

/// A regional holiday rule from a regional law.
public struct RegionalHolidayRule: Sendable, Hashable, YearRule {
    /// How the date is found.
    public var kind: HolidayRuleKind
    /// Month (fixed, islamic, lunar).
    public var month: Int
    /// Day (fixed, islamic, lunar).
    public var day: Int
    /// Days after Easter (easter).
    public var offset: Int
    /// Days in the span (default 1).
    public var span: Int
    /// Who it binds.
    public var scope: DayScope
    /// The years in force (`from=`, `to=`; open when not given).
    public var years: YearSpan
    /// The Russian name.
    public var name: String
    /// The law.
    public var citation: String

    /// Whether the rule is in force in `year`.
    public func isInForce(_ year: Int) -> Bool { years.contains(year) }
}

/// A decreed regional day off.
public struct RegionalDayOff: Sendable, Hashable {
    /// The day.
    public var date: CivilDate
    /// Who it binds.
    public var scope: DayScope
    /// Its name.
    public var name: String
    /// The act.
    public var citation: String
}

/// A pair of days of a regional act (a swap or a transfer): the same shape as a federal decree's
/// transfer. `from` is the worked day (swap) or the day the day off comes from (transfer); `to`
/// the day that becomes a day off.
public typealias RegionalMove = DayTransfer

/// A federal subject's administrative centre (its capital), with the act that names it.
public struct RegionCapital: Sendable, Hashable {
    /// The city (`Казань`).
    public var name: String
    /// The subject's constitution or charter.
    public var citation: String
}

/// A weekend policy in force over a span of years, with its law.
public struct WeekendPolicyRule: Sendable, Hashable, YearRule {
    /// The years it is in force.
    public var years: YearSpan
    /// The policy.
    public var policy: WeekendPolicy
    /// The law.
    public var citation: String
}

/// The acts of one year in a region: the authority for that year.
public struct RegionYear: Sendable, Hashable {
    /// The year.
    public var year: Int
    /// The acts.
    public var acts: [String] = []
    /// Declared days off.
    public var daysOff: [RegionalDayOff] = []
    /// Swaps: a weekend day worked, another day off.
    public var swaps: [RegionalMove] = []
    /// Transfers of a holiday on a weekend.
    public var transfers: [RegionalMove] = []
}

/// A region's calendar source: the federal calendar plus regional holidays, weekend policy and
/// the yearly acts (`Data/regions/*.srokcal`).
public struct RegionDefinition: Sendable, Hashable {
    /// ISO 3166-2 code (`RU-TA`).
    public var code: String
    /// Official Russian name.
    public var name: String = ""
    /// Other accepted names.
    public var aliases: [String] = []
    /// The administrative centre(s) named by the subject's charter (`capital` lines): not accepted
    /// as the region's name, but an unknown region that is one of them is answered with this region.
    public var capitals: [RegionCapital] = []
    /// The base calendar id (`RU`).
    public var base: String = "RU"
    /// Weekend policies by period (a later line overrides an earlier one).
    public var weekendPolicies: [WeekendPolicyRule] = []
    /// Holiday rules.
    public var rules: [RegionalHolidayRule] = []
    /// Acts by year.
    public var years: [Int: RegionYear] = [:]
    /// Where the region block starts.
    public var location: SourceLocation

    /// The weekend policy in force in `year` (`keep` before any is stated).
    public func weekendPolicy(in year: Int) -> WeekendPolicy { weekendPolicyRule(in: year)?.policy ?? .keep }

    /// The weekend policy line in force in `year`, with its law, if any.
    public func weekendPolicyRule(in year: Int) -> WeekendPolicyRule? { weekendPolicies.inForce(in: year) }

    /// Whether the region has days of its own (a subject with none uses the federal calendar).
    public var hasOwnDays: Bool { !rules.isEmpty || !years.isEmpty }

    /// Two definitions are the same when they come from the same place for the same code.
    public static func == (a: RegionDefinition, b: RegionDefinition) -> Bool {
        a.code == b.code && a.location == b.location
    }
    /// Hashes the code and the location.
    public func hash(into h: inout Hasher) {
        h.combine(code)
        h.combine(location)
    }
}
