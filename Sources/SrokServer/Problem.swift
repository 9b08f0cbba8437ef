import HTTPTypes
import Srok

/// An RFC 9457 problem (`application/problem+json`): what was wrong with a request, in Russian or
/// English, naming the field at fault, the value given and the forms accepted. Every error a
/// handler throws ends up as one (``ProblemMiddleware``).
public struct Problem: Error, Sendable, Equatable {
    /// The HTTP status (4xx for anything about the request).
    public var status: HTTPResponse.Status
    /// The kind of problem (`invalid-value`, `missing-field`, `body-too-large` …): the last part of
    /// the `type` URI.
    public var kind: String
    /// The request field (`registered_at`, `term_days`, `date`, `body` …), if one is at fault.
    public var field: String?
    /// The value as given.
    public var value: String?
    /// The forms accepted, in both languages (the core's words for a core error).
    public var expected: LocalizedText?
    /// The core's error, when the problem is one.
    public var error: SrokError?
    /// Extra headers (`Allow` of a 405).
    public var headers: HTTPFields = [:]

    /// A problem of `kind` with `status`.
    public init(
        _ status: HTTPResponse.Status, kind: String, field: String? = nil, value: String? = nil,
        expected: LocalizedText? = nil, error: SrokError? = nil
    ) {
        self.status = status
        self.kind = kind
        self.field = field
        self.value = value
        self.expected = expected
        self.error = error
    }

    /// The `type` URI of a kind.
    public static func type(_ kind: String) -> String { "urn:srok:problem:" + kind }

    /// The problem a core error makes: 422 for a value the request gave (a malformed or unknown
    /// value, a missing field, a date the calendar does not cover), 500 only for the service's
    /// own data (a data file, ICU, I/O).
    public init(_ error: SrokError, field: String? = nil, value: String? = nil) {
        switch error {
        case .invalidValue(let f, let v, let expected):
            self.init(
                .unprocessableContent, kind: "invalid-value", field: field ?? f, value: value ?? v, expected: expected)
        case .missing(let f, let expected):
            self.init(.unprocessableContent, kind: "missing-field", field: field ?? f, expected: expected)
        case .outOfCoverage(let date, _, let covered, _):
            self.init(
                .unprocessableContent, kind: "out-of-coverage", field: field, value: value ?? date.iso,
                expected: LocalizedText(verbatim: "\(covered.lowerBound.iso)…\(covered.upperBound.iso)"))
        case .unknownTimeZone(let zone):
            self.init(
                .unprocessableContent, kind: "unknown-time-zone", field: field ?? "tz", value: value ?? zone,
                expected: LocalizedText(
                    ru: "зона IANA, например Europe/Moscow или Asia/Yekaterinburg",
                    en: "an IANA zone such as Europe/Moscow or Asia/Yekaterinburg"))
        case .unknown(let kind, let name, let known, let hint):
            // A profile, region or calendar has a problem kind of its own; anything else (a
            // fast-track level, a workbook's sheet) is an invalid value.
            let code = ["profile", "region", "calendar"].contains(kind.en) ? "unknown-" + kind.en : "invalid-value"
            let list = LocalizedText(verbatim: known.joined(separator: ", "))
            self.init(
                .unprocessableContent, kind: code, field: field ?? kind.en, value: value ?? name,
                expected: known.isEmpty ? hint : hint.isEmpty ? list : list + LocalizedText(verbatim: " ") + hint)
        case .icu:
            self.init(.unprocessableContent, kind: "not-computable", field: field, value: value)
        case .data, .dataMismatch, .io:
            self.init(.internalServerError, kind: "data-error")
        }
        self.error = error
    }

    /// The problem of a request field's error (the resolver's, the JSON reader's).
    public init(_ error: MessageFieldError) {
        if error.field == "body" {
            // Not JSON, or not an object: the request as a whole is malformed.
            self.init(error.error, field: "body", value: error.value)
            status = .badRequest
            kind = "malformed-json"
            return
        }
        switch error.error {
        case .invalidValue, .unknownTimeZone, .unknown, .outOfCoverage:
            self.init(error.error, field: error.field, value: error.value)
        default:
            self.init(error.error, field: error.field == "row" ? nil : error.field)
        }
    }

    /// The title in `lang`.
    public func title(_ lang: Language) -> String {
        let ru = lang == .ru
        switch kind {
        case "invalid-value": return ru ? "Недопустимое значение поля" : "Invalid field value"
        case "missing-field": return ru ? "Нет обязательного поля" : "Missing required field"
        case "out-of-coverage": return ru ? "Дата вне данных календаря" : "Date outside the calendar's data"
        case "unknown-time-zone": return ru ? "Неизвестный часовой пояс" : "Unknown time zone"
        case "unknown-profile": return ru ? "Неизвестный профиль регламента" : "Unknown regulation profile"
        case "unknown-region": return ru ? "Неизвестный регион" : "Unknown region"
        case "unknown-calendar": return ru ? "Неизвестный календарь" : "Unknown calendar"
        case "not-computable": return ru ? "Срок не вычисляется для этих данных" : "Cannot compute for this input"
        case "body-too-large": return ru ? "Тело запроса слишком большое" : "Request body too large"
        case "unsupported-media-type":
            return ru ? "Неподдерживаемый тип содержимого" : "Unsupported media type"
        case "not-found": return ru ? "Нет такого ресурса" : "Not found"
        case "method-not-allowed": return ru ? "Метод не поддерживается" : "Method not allowed"
        case "bad-request": return ru ? "Неверный запрос" : "Bad request"
        case "unknown-parameter": return ru ? "Неизвестный параметр запроса" : "Unknown query parameter"
        case "repeated-parameter": return ru ? "Параметр запроса повторён" : "Repeated query parameter"
        case "malformed-json": return ru ? "Тело запроса — не JSON-объект запроса" : "Body is not a request JSON object"
        case "data-error": return ru ? "Ошибка данных сервиса" : "Service data error"
        default: return ru ? "Ошибка запроса" : "Request error"
        }
    }

    /// The explanation in `lang`: the frame in that language around the field, the value and the
    /// accepted forms (in `lang` too).
    public func detail(_ lang: Language) -> String {
        let ru = lang == .ru
        let expected = self.expected?(lang)
        let f = field.map { ru ? "Поле «\($0)»" : "Field '\($0)'" }
        let v = value.map { ru ? "«\($0)»" : "'\($0)'" }
        let accepted = expected.map { ru ? "ожидается: \($0)" : "expected: \($0)" }
        switch kind {
        case "invalid-value", "unknown-time-zone", "unknown-profile", "unknown-region", "unknown-calendar",
            "unknown-parameter", "repeated-parameter":
            let head = [f, v.map { ru ? "значение \($0) не подходит" : "value \($0) is not accepted" }]
                .compactMap { $0 }.joined(separator: ": ")
            return [head, accepted].compactMap { $0 }.joined(separator: "; ") + "."
        case "missing-field":
            return
                (f.map { ru ? "\($0) обязательно" : "\($0) is required" }
                ?? (ru ? "Не хватает поля" : "A field is missing"))
                + (accepted.map { "; " + $0 } ?? "") + "."
        case "out-of-coverage":
            return
                (ru
                ? "Дата \(v ?? "") вне данных календаря; поддерживаются даты "
                : "Date \(v ?? "") is outside the calendar's data; supported dates are ")
                + (expected ?? "") + "."
        case "body-too-large":
            return ru
                ? "Тело запроса больше предела \(expected ?? "") байт (--body-limit, --batch-body-limit)."
                : "The request body exceeds the limit of \(expected ?? "") bytes (--body-limit, --batch-body-limit)."
        case "unsupported-media-type":
            return
                (ru
                ? "Тип содержимого \(v ?? "(не указан)") не поддерживается; "
                : "Content type \(v ?? "(none)") is not supported; ")
                + (ru ? "принимаются: " : "accepted: ") + (expected ?? "") + "."
        case "not-found":
            return (ru ? "Нет ресурса \(v ?? ""); есть: " : "No resource \(v ?? ""); available: ") + (expected ?? "")
                + "."
        case "method-not-allowed":
            return
                (ru
                ? "Метод \(v ?? "") не поддерживается для этого пути; разрешены: "
                : "Method \(v ?? "") is not allowed on this path; allowed: ")
                + (expected ?? "") + "."
        case "data-error":
            return ru
                ? "Данные сервиса не загружаются; см. журнал сервера."
                : "The service's data failed to load; see the server log."
        default:
            let parts = [f, v, accepted].compactMap { $0 }
            return parts.isEmpty
                ? (error?.message(lang) ?? (ru ? "Неверный запрос." : "Bad request."))
                : parts.joined(separator: "; ") + "."
        }
    }

    /// The `application/problem+json` body in `lang` for a request to `instance` (its path).
    public func json(_ lang: Language, instance: String) -> String {
        var o = JSONObject()
        o.add("type", Self.type(kind))
        o.add("title", title(lang))
        o.add("status", status.code)
        o.add("detail", detail(lang))
        o.add("instance", instance)
        if let field { o.add("field", field) }
        if let value { o.add("value", value) }
        if let expected { o.add("expected", expected(lang)) }
        if let error { o.add("message", error.message(lang)) }
        return o.text
    }
}
