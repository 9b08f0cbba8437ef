/// A term (срок): an amount of calendar days, working days, hours or working hours.
public struct Term: Hashable, Sendable, CustomStringConvertible {
    /// What the amount counts.
    public enum Unit: String, Sendable, CaseIterable {
        /// Calendar days (календарные дни).
        case calendarDays = "calendar-days"
        /// Working days of the calendar.
        case workingDays = "working-days"
        /// Wall-clock hours.
        case hours
        /// Working hours of the organisation's schedule.
        case workingHours = "working-hours"
    }

    /// The amount.
    public var amount: Int
    /// The unit.
    public var unit: Unit

    /// Creates a term.
    public init(_ amount: Int, _ unit: Unit = .calendarDays) {
        self.amount = amount
        self.unit = unit
    }

    /// `N calendar days`.
    public static func days(_ n: Int) -> Term { Term(n, .calendarDays) }

    /// Whether the term is counted in days (a last day that can be rolled).
    public var isDayBased: Bool { unit == .calendarDays || unit == .workingDays }

    /// `30 calendar-days`.
    public var description: String { "\(amount) \(unit.rawValue)" }
}

/// The legal regime of an item on the platform.
public enum Regime: String, Sendable, CaseIterable {
    /// A ПОС message (сообщение): not governed by 59-ФЗ; the regulation's term, 30 days by default,
    /// fast-track 1–30 days.
    case message
    /// An appeal (обращение) under 59-ФЗ: 30 days (ст. 12 ч. 1), 20 for facts of possible
    /// violations of migration law (ст. 12 ч. 1.1), one extension of up to 30 days (ст. 12 ч. 2),
    /// redirect within 7 days (ст. 8 ч. 3), registration within 3 days of receipt (ст. 8 ч. 2).
    case appeal

    /// Parses `message`/`appeal` (also `сообщение`, `обращение`, `59-ФЗ`, and the export's
    /// «59-ФЗ» flag: да/yes/1 for an appeal, нет/no/0 for a message).
    public init(parsing text: String, field: String = "regime") throws(SrokError) {
        switch TextKey.normalize(text) {
        // The ПОС export's «59-ФЗ» column says да/нет.
        case "message", "сообщение", "", "нет", "no", "false", "0": self = .message
        case "appeal", "обращение", "59-фз", "59фз", "да", "yes", "true", "1": self = .appeal
        default:
            throw .invalidValue(
                field: field, value: text,
                expected: LocalizedText(
                    ru: "сообщение или обращение (message, appeal, 59-ФЗ)",
                    en: "message or appeal (сообщение, обращение, 59-ФЗ)"))
        }
    }
}

/// 59-ФЗ terms (Федеральный закон от 02.05.2006 № 59-ФЗ).
public enum AppealLaw {
    /// Consideration: 30 days from registration (ст. 12 ч. 1).
    public static let considerationDays = 30
    /// Facts of possible violations of migration law: 20 days (ст. 12 ч. 1.1).
    public static let migrationConsiderationDays = 20
    /// One extension of at most 30 days (ст. 12 ч. 2).
    public static let maxExtensionDays = 30
    /// Redirect to the competent body within 7 days of registration (ст. 8 ч. 3).
    public static let redirectDays = 7
    /// Registration within 3 days of receipt (ст. 8 ч. 2).
    public static let registrationDays = 3
}
