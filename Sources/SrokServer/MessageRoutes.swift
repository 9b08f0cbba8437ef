import Hummingbird
import Srok

/// `POST /v1/due`, `POST /v1/status` and `GET /v1/profiles`: the core's JSON call
/// (``MessageJSONCall``: the one request reader, the answers `srok due`/`srok status --format json`
/// print) and ``ProfileSummary`` (`srok profiles --format json`); nothing is parsed or encoded here.
enum MessageRoutes {
    /// The due date and stage plan of the request in the body, its texts in the request's language.
    static func due(_ request: Request, _ data: ServiceData, limit: Int) async throws -> Response {
        try RequestBody.requireJSON(request)
        let body = try await RequestBody.bytes(request, limit: limit)
        var calls = data.calls
        calls.language = request.language
        do { return Responses.json(bytes: try calls.due(body, now: .now())) } catch { throw Problem(error) }
    }

    /// The status of the request (with its history) in the body, as of its `as_of` or now, its
    /// texts in the request's language.
    static func status(_ request: Request, _ data: ServiceData, limit: Int) async throws -> Response {
        try RequestBody.requireJSON(request)
        let body = try await RequestBody.bytes(request, limit: limit)
        var calls = data.calls
        calls.language = request.language
        do { return Responses.json(bytes: try calls.status(body, now: .now())) } catch { throw Problem(error) }
    }

    /// Every profile, sorted by id.
    static func profiles(_ request: Request, _ data: ServiceData) throws -> Response {
        _ = try QueryParameters(request, accepted: [])
        let list = data.context.profiles.values.sorted { $0.id < $1.id }.map(ProfileSummary.init)
        return Responses.json(bytes: try OrderedJSONEncoder().encode(list))
    }
}
