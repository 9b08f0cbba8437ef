import CSrok
import SrokCore

/// A failure as the C interface reports it: an `srok_code`, the request key at fault ("" when no
/// one field is) and the message.
struct CFailure: Error {
    /// The code returned to the caller.
    var code: srok_code
    /// The request key at fault, or "".
    var field: String
    /// What was wrong and what is accepted.
    var message: String

    /// A failure with the given parts.
    init(code: srok_code, field: String, message: String) {
        self.code = code
        self.field = field
        self.message = message
    }

    /// The failure of a request field (the resolver's errors).
    init(_ error: MessageFieldError) {
        self.init(
            code: Self.code(of: error.error), field: error.field == "row" ? "" : error.field, message: error.description
        )
    }

    /// The failure of a Srok error, blamed on the field it names.
    init(_ error: SrokError) {
        self.init(MessageFieldError(evaluating: error))
    }

    /// A C caller's mistake: a field outside its enum, a NULL pointer.
    static func argument(_ field: String, _ value: String, _ expected: String) -> CFailure {
        CFailure(
            code: SROK_E_ARGUMENT, field: field,
            message: SrokError.invalidValue(field: field, value: value, expected: expected).description)
    }

    /// A required pointer that is NULL.
    static func null(_ parameter: String) -> CFailure {
        CFailure(code: SROK_E_ARGUMENT, field: "", message: "\(parameter) is NULL; expected a valid pointer")
    }

    /// The code of each kind of ``SrokError``.
    static func code(of error: SrokError) -> srok_code {
        switch error {
        case .invalidValue: SROK_E_INVALID
        case .missing: SROK_E_MISSING
        case .outOfCoverage: SROK_E_COVERAGE
        case .data, .dataMismatch: SROK_E_DATA
        case .unknownTimeZone, .unknown: SROK_E_UNKNOWN
        case .icu: SROK_E_ICU
        case .io: SROK_E_IO
        }
    }
}
