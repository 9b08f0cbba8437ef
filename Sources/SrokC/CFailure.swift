import CSrok
import SrokCore

/// A failure as the C interface reports it: an `srok_code`, the request key at fault ("" when no
/// one field is) and the message, rendered in the context's language when it is reported.
struct CFailure: Error {
    /// The code returned to the caller.
    var code: srok_code
    /// The request key at fault, or "".
    var field: String
    /// What was wrong and what is accepted (a Srok error, rendered only when reported).
    private var text: Text

    /// The message's source.
    private enum Text {
        /// A Srok error's message.
        case error(SrokError)
        /// A text of the C interface's own.
        case words(LocalizedText)
    }

    /// A failure with the given parts.
    init(code: srok_code, field: String, message: LocalizedText) {
        self.code = code
        self.field = field
        text = .words(message)
    }

    /// The failure of a request field (the resolver's errors).
    init(_ error: MessageFieldError) {
        code = Self.code(of: error.error)
        field = error.field == "row" ? "" : error.field
        text = .error(error.error)
    }

    /// The failure of a Srok error, blamed on the field it names.
    init(_ error: SrokError) {
        self.init(MessageFieldError(evaluating: error))
    }

    /// What was wrong and what is accepted, in `lang`.
    func message(_ lang: Language) -> String {
        switch text {
        case .error(let e): e.message(lang)
        case .words(let w): w(lang)
        }
    }

    /// A C caller's mistake: a field outside its enum, a NULL pointer.
    static func argument(_ field: String, _ value: String, _ expected: LocalizedText) -> CFailure {
        var f = CFailure(.invalidValue(field: field, value: value, expected: expected))
        f.code = SROK_E_ARGUMENT
        f.field = field
        return f
    }

    /// A required pointer that is NULL.
    static func null(_ parameter: String) -> CFailure {
        CFailure(
            code: SROK_E_ARGUMENT, field: "",
            message: LocalizedText(
                ru: "\(parameter) равен NULL; ожидается действительный указатель",
                en: "\(parameter) is NULL; expected a valid pointer"))
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

extension Language {
    /// The language of an `srok_language` value, nil for another value.
    init?(c value: Int32) {
        switch value {
        case Int32(SROK_LANG_RU.rawValue): self = .ru
        case Int32(SROK_LANG_EN.rawValue): self = .en
        default: return nil
        }
    }
}
