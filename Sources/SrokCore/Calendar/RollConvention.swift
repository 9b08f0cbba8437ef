/// How a date that falls on a non-working day is moved to a working day.
public enum RollConvention: String, Sendable, CaseIterable, Codable {
    /// Leave the date as it is.
    case none
    /// The nearest working day on or before the date. The ПОС regulations' rule
    /// (Старица, распоряжение от 29.03.2024 № 78р, п. 10: «днем окончания этого срока считается
    /// предшествующий ему рабочий день»).
    case preceding
    /// The nearest working day on or after the date (Civil Code, ГК РФ ст. 193).
    case following
    /// `preceding`, unless that leaves the month: then `following`.
    case modifiedPreceding = "modified-preceding"
    /// `following`, unless that leaves the month: then `preceding`.
    case modifiedFollowing = "modified-following"

    /// Parses a convention name (`preceding`, `following`, `modified-preceding`,
    /// `modifiedPreceding`, …, `none`).
    public init(parsing text: String, field: String = "roll") throws(SrokError) {
        let key = String(text.lowercased().map { $0 == "_" ? "-" : $0 })
        switch key {
        case "none": self = .none
        case "preceding": self = .preceding
        case "following": self = .following
        case "modified-preceding", "modifiedpreceding": self = .modifiedPreceding
        case "modified-following", "modifiedfollowing": self = .modifiedFollowing
        default:
            throw .invalidValue(
                field: field, value: text,
                expected: .oneOf(["preceding", "following", "modified-preceding", "modified-following", "none"]))
        }
    }
}
