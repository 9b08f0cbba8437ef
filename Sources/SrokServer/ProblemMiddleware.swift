import Foundation
import HTTPTypes
import Hummingbird
import Srok

/// Turns every error into an `application/problem+json` answer in the language the request asks
/// for (404 and 405 for unknown paths and methods, 413 for a body over its limit, 500 only for the
/// service's own faults), and counts every request, its status and latency in ``ServerMetrics``.
struct ProblemMiddleware<Context: RequestContext>: RouterMiddleware {
    let metrics: ServerMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        let started = ContinuousClock.now
        var response: Response
        do {
            response = try await next(request, context)
        } catch {
            let problem = Self.problem(error, request: request)
            if problem.status.kind == .clientError { metrics.rejected(kind: problem.kind) }
            response = Self.response(problem, request: request)
        }
        let elapsed = ContinuousClock.now - started
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let route = context.endpointPath ?? ServiceRoutes.entry(for: request.uri.path)?.pattern ?? "unmatched"
        metrics.request(
            route: route, method: request.method.rawValue, status: response.status.code, seconds: seconds)
        return response
    }

    /// The problem an error thrown while answering `request` makes.
    static func problem(_ error: any Error, request: Request) -> Problem {
        switch error {
        case let p as Problem: return p
        case let e as MessageFieldError: return Problem(e)
        case let e as SrokError: return Problem(e)
        case let e as HTTPError:
            switch e.status {
            case .notFound:
                let path = request.uri.path
                if let entry = ServiceRoutes.entry(for: path) {
                    var p = Problem(
                        .methodNotAllowed, kind: "method-not-allowed", value: request.method.rawValue,
                        expected: LocalizedText(verbatim: entry.methods.joined(separator: ", ")))
                    p.headers[.allow] = entry.methods.joined(separator: ", ")
                    return p
                }
                return Problem(
                    .notFound, kind: "not-found", value: path, expected: LocalizedText(verbatim: ServiceRoutes.patterns)
                )
            case .contentTooLarge:
                return Problem(.contentTooLarge, kind: "body-too-large", field: "body")
            default:
                if e.status.kind == .clientError {
                    return Problem(e.status, kind: "bad-request", expected: e.body.map { LocalizedText(verbatim: $0) })
                }
                return Problem(.internalServerError, kind: "internal")
            }
        default:
            return Problem(.internalServerError, kind: "internal")
        }
    }

    /// The answer of a problem, in the language `request` asks for.
    static func response(_ problem: Problem, request: Request) -> Response {
        let lang = Language(acceptLanguage: request.headers[.acceptLanguage])
        var headers = problem.headers
        headers[.contentType] = "application/problem+json; charset=utf-8"
        headers[.contentLanguage] = lang.rawValue
        let body = problem.json(lang, instance: request.uri.path) + "\n"
        return Response(
            status: problem.status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
    }
}
