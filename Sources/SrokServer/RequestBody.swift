import HTTPTypes
import Hummingbird
import Srok

/// Reading a request's body within a limit, and checking its media type.
enum RequestBody {
    /// The whole body, at most `limit` bytes.
    /// - Throws: a 413 ``Problem`` naming the limit when the body (or its announced length) is larger.
    static func bytes(_ request: Request, limit: Int) async throws -> [UInt8] {
        let tooLarge = Problem(
            .contentTooLarge, kind: "body-too-large", field: "body", expected: LocalizedText(verbatim: String(limit)))
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > limit { throw tooLarge }
        do {
            let buffer = try await request.body.collect(upTo: limit)
            return Array(buffer.readableBytesView)
        } catch let e as HTTPError where e.status == .contentTooLarge {
            throw tooLarge
        }
    }

    /// The media type of the request (`application/json`), lowercased, without parameters; nil
    /// when the request has none.
    static func mediaType(_ request: Request) -> String? {
        guard let value = request.headers[.contentType] else { return nil }
        // The usual answer, without splitting or lowercasing.
        if value == "application/json" { return value }
        let type = value.split(separator: ";", maxSplits: 1).first.map { $0.trimmingCharacters(in: " \t") } ?? ""
        return type.isEmpty ? nil : type.lowercased()
    }

    /// Checks that a JSON request's body is JSON (`application/json` or a `+json` type; a request
    /// with no type is taken as JSON).
    /// - Throws: a 415 ``Problem`` naming the type given and the one accepted.
    static func requireJSON(_ request: Request) throws {
        guard let type = mediaType(request) else { return }
        guard type == "application/json" || type.hasSuffix("+json") else {
            throw Problem(
                .unsupportedMediaType, kind: "unsupported-media-type", field: "Content-Type", value: type,
                expected: LocalizedText(verbatim: "application/json"))
        }
    }
}
