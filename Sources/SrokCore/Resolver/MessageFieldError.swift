/// A message that could not be resolved or evaluated: which field of the request (its key, the
/// same name as the batch's input column and the JSON key), the value as given, and the error.
public struct MessageFieldError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The request key (`registered_at`, `term_days`, `profile` …; `entries[0].stage` inside a list),
    /// `row` when no one field is at fault, or `body` when a JSON request is not a JSON object.
    public var field: String
    /// The offending value as given.
    public var value: String
    /// What was wrong and what is accepted.
    public var error: SrokError

    /// An error of `field`.
    public init(field: String, value: String, error: SrokError) {
        self.field = field
        self.value = value
        self.error = error
    }

    /// An error of an evaluation, attributed to the field its ``SrokError`` names.
    package init(evaluating error: SrokError) {
        switch error {
        case .invalidValue(let field, let value, _): self.init(field: field, value: value, error: error)
        case .missing(let field, _): self.init(field: field, value: "", error: error)
        case .outOfCoverage(let date, _, _, _): self.init(field: "registered_at", value: date.iso, error: error)
        default: self.init(field: "row", value: "", error: error)
        }
    }

    /// The error's message (what was wrong and what is accepted), in Russian.
    public var description: String { error.description }

    /// The error's message in `lang`.
    public func message(_ lang: Language) -> String { error.message(lang) }
}
