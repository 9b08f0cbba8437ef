/// The type of answer («Тип решения», «результат рассмотрения») the executor chooses: seed 003
/// п. 6.3 «решено; не решено; отложено (до определенной даты); отклонено»; seed 004 раздел 2
/// «Решено», «Не решено», «Отложено», «Отклонено»; the ПОС export's column «Тип решения».
public enum Outcome: String, Sendable, CaseIterable {
    /// «Решено».
    case resolved
    /// «Не решено».
    case notResolved = "not-resolved"
    /// «Отложено»: consideration postponed to a date.
    case postponed
    /// «Отклонено»: rejected (no answer on the merits).
    case rejected

    /// The platform's name («Решено» …).
    public var russian: String {
        switch self {
        case .resolved: "Решено"
        case .notResolved: "Не решено"
        case .postponed: "Отложено"
        case .rejected: "Отклонено"
        }
    }

    /// Parses the codes (`resolved`, `not-resolved`, `postponed`, `rejected`, also with `_`) and the
    /// platform's names in any case (Решено, Не решено, Отложено, Отклонено).
    public init(parsing text: String, field: String = "outcome") throws(SrokError) {
        switch TextKey.normalize(text).replacingUnderscores() {
        case "resolved", "решено": self = .resolved
        case "not-resolved", "не решено", "нерешено": self = .notResolved
        case "postponed", "отложено": self = .postponed
        case "rejected", "отклонено": self = .rejected
        default:
            throw .invalidValue(
                field: field, value: text,
                expected: LocalizedText(
                    ru:
                        "тип решения: Решено, Не решено, Отложено, Отклонено (или resolved, not-resolved, postponed, rejected)",
                    en:
                        "an outcome: Решено, Не решено, Отложено, Отклонено (or resolved, not-resolved, postponed, rejected)"
                )
            )
        }
    }
}
