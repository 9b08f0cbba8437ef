import ArgumentParser
import Srok

extension ValidationError {
    /// A check in `validate()` that failed, worded as the core's ``SrokError/invalidValue(field:value:expected:)``
    /// (what was wrong, which option, what is accepted); ArgumentParser adds the usage and exit code 2 follows.
    static func invalidValue(_ option: String, _ value: some CustomStringConvertible, expected: LocalizedText)
        -> ValidationError
    {
        ValidationError(
            SrokError.invalidValue(field: option, value: value.description, expected: expected).message(
                CLILanguage.current))
    }
}
