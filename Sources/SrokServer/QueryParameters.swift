import Hummingbird
import Srok

/// A request's query parameters, checked against the names a route accepts: an unknown name (a
/// misspelt `regoin`) is a 400 naming the accepted ones rather than silently ignored.
struct QueryParameters {
    private let values: [String: String]

    /// The parameters of `request`.
    /// - Throws: a ``Problem`` for a name not in `accepted` or given twice.
    init(_ request: Request, accepted: [String]) throws {
        var values: [String: String] = [:]
        for (name, value) in request.uri.queryParameters {
            let key = String(name)
            guard accepted.contains(key) else {
                throw Problem(
                    .badRequest, kind: "unknown-parameter", field: key, value: String(value),
                    expected: accepted.isEmpty
                        ? LocalizedText(ru: "никаких параметров запроса", en: "no query parameters")
                        : LocalizedText(verbatim: accepted.joined(separator: ", ")))
            }
            guard values[key] == nil else {
                throw Problem(
                    .badRequest, kind: "repeated-parameter", field: key, value: String(value),
                    expected: LocalizedText(ru: "один раз", en: "once"))
            }
            values[key] = String(value)
        }
        self.values = values
    }

    /// The value of `name`, if given.
    subscript(_ name: String) -> String? { values[name] }

    /// A `true`/`false` parameter (default `false`).
    func flag(_ name: String) throws -> Bool {
        switch values[name]?.lowercased() {
        case nil, "false", "0", "no": return false
        case "true", "1", "yes", "": return true
        case let v?:
            throw Problem(
                .badRequest, kind: "invalid-value", field: name, value: v, expected: .oneOf(["true", "false"]))
        }
    }

    /// One of `choices` (default `fallback`).
    func choice(_ name: String, _ choices: [String], default fallback: String) throws -> String {
        guard let v = values[name] else { return fallback }
        guard choices.contains(v) else {
            throw Problem(
                .badRequest, kind: "invalid-value", field: name, value: v, expected: .oneOf(choices))
        }
        return v
    }
}
