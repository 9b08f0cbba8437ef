/// What kind of day a date is in a working-day calendar.
public enum DayKind: UInt8, Sendable, CaseIterable, Codable {
    /// An ordinary working day (рабочий день).
    case working = 0
    /// Saturday or Sunday (выходной день).
    case weekend = 1
    /// A statutory public holiday (нерабочий праздничный день, ТК РФ ст. 112).
    case holiday = 2
    /// A day off moved here by a Government decree (перенос выходного дня).
    case transferredDayOff = 3
    /// A day off carried over from a holiday that fell on a weekend (ст. 112 ч. 2).
    case carriedOverDayOff = 4
    /// A Saturday or Sunday made a working day by a decree transfer (рабочая суббота).
    case workedWeekend = 5
    /// A presidential paid "non-working day" (2020–2021); working by default, as in official calendars.
    case presidentialNonWorking = 6
    /// Another day off set by an act (regional holiday, a one-off decree).
    case otherDayOff = 7

    /// The stable machine name used in CSV/JSON output.
    public var code: String {
        switch self {
        case .working: "working"
        case .weekend: "weekend"
        case .holiday: "holiday"
        case .transferredDayOff: "transferred_day_off"
        case .carriedOverDayOff: "carried_over_day_off"
        case .workedWeekend: "worked_weekend"
        case .presidentialNonWorking: "presidential_non_working"
        case .otherDayOff: "other_day_off"
        }
    }

    /// Russian description.
    public var russian: String {
        switch self {
        case .working: "рабочий день"
        case .weekend: "выходной день"
        case .holiday: "нерабочий праздничный день"
        case .transferredDayOff: "выходной день (перенос)"
        case .carriedOverDayOff: "выходной день (перенос с праздника, совпавшего с выходным)"
        case .workedWeekend: "рабочий день (перенесённый выходной)"
        case .presidentialNonWorking: "нерабочий день с сохранением заработной платы"
        case .otherDayOff: "нерабочий день"
        }
    }

    /// English description.
    public var english: String {
        switch self {
        case .working: "working day"
        case .weekend: "weekend"
        case .holiday: "public holiday"
        case .transferredDayOff: "day off (transferred)"
        case .carriedOverDayOff: "day off (carried over from a holiday on a weekend)"
        case .workedWeekend: "working day (worked weekend)"
        case .presidentialNonWorking: "paid non-working day (presidential decree)"
        case .otherDayOff: "day off"
        }
    }
}

/// Everything a calendar knows about one day: its kind, working time and why.
public struct DayInfo: Sendable, Hashable {
    /// The day.
    public var date: CivilDate
    /// Its kind.
    public var kind: DayKind
    /// Whether it counts as a working day under the calendar's options.
    public var isWorking: Bool
    /// Whether it is a shortened pre-holiday day (ТК РФ ст. 95: one hour less).
    public var isShortened: Bool
    /// Working minutes for a 40-hour week: 480, 420 when shortened, 0 when off.
    public var workingMinutes: Int
    /// The holiday's or day's name, if any, in both languages (a name from the data reads the
    /// same in both; a name Srok writes, such as «перенос с 27.04.2024», is translated).
    public var localizedName: LocalizedText?
    /// For moved days off: the day the day off came from.
    public var movedFrom: CivilDate?
    /// The act that made the day what it is (decree, article), if any, in both languages.
    public var localizedSource: LocalizedText?
    /// Whether the day was computed from statutory rules alone, with no decree data (провизорно).
    public var isProvisional: Bool

    /// The name in Russian.
    public var name: String? { localizedName?.ru }
    /// The act in Russian.
    public var source: String? { localizedSource?.ru }
    /// The name in `lang`.
    public func name(_ lang: Language) -> String? { localizedName?(lang) }
    /// The act in `lang`.
    public func source(_ lang: Language) -> String? { localizedSource?(lang) }
}
