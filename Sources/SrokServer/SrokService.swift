import Foundation
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle
import Srok
import UnixSignals

/// The HTTP/JSON service: the routes over one ``DataStore``, the problem and metrics middleware,
/// SIGHUP reloading, and a graceful shutdown on SIGTERM or SIGINT (in-flight requests finish).
public enum SrokService {
    /// The router of every route (``ServiceRoutes``) over `store`.
    static func router(store: DataStore, metrics: ServerMetrics) -> Router<BasicRequestContext> {
        let configuration = store.configuration
        let router = Router()
        router.add(middleware: ProblemMiddleware(metrics: metrics))
        router.post("/v1/due") { request, _ in
            try await MessageRoutes.due(request, store.data, limit: configuration.bodyLimit)
        }
        router.post("/v1/status") { request, _ in
            try await MessageRoutes.status(request, store.data, limit: configuration.bodyLimit)
        }
        router.get("/v1/profiles") { request, _ in try MessageRoutes.profiles(request, store.data) }
        router.get("/v1/day/{date}") { request, context in try CalendarRoutes.day(request, context, store.data) }
        router.get("/v1/calendar/{year}") { request, context in try CalendarRoutes.year(request, context, store.data) }
        router.post("/v1/batch") { request, _ in
            try await BatchRoute.respond(request, store.data, configuration: configuration, metrics: metrics)
        }
        router.get("/healthz") { request, _ in
            _ = try QueryParameters(request, accepted: [])
            return InfoRoutes.health(store.data)
        }
        router.get("/metrics") { _, _ in InfoRoutes.metrics(metrics) }
        router.get("/openapi.json") { _, _ in InfoRoutes.openAPI() }
        return router
    }

    /// Loads the data and runs the service until SIGTERM or SIGINT (`shutdownSignals`), then
    /// drains in-flight requests and returns. SIGHUP rereads the data files when `reloadOnSIGHUP`.
    /// `onListening` gets the bound address (`host:port`, the real port when the configuration's
    /// is 0) and the data store once the server accepts connections.
    /// - Throws: ``SrokError`` when the data files cannot be loaded; the server's error when it
    ///   cannot listen.
    public static func run(
        _ configuration: ServerConfiguration, logger: Logger, shutdownSignals: [UnixSignal] = [.sigterm, .sigint],
        reloadOnSIGHUP: Bool = true,
        onListening: @escaping @Sendable (_ address: String, _ store: DataStore) async -> Void = { _, _ in }
    ) async throws {
        let metrics = ServerMetrics()
        let store = try DataStore(configuration, metrics: metrics)
        var services: [any Service] = []
        if reloadOnSIGHUP { services.append(await ReloadService(store: store, logger: logger)) }
        let app = Application(
            router: router(store: store, metrics: metrics),
            configuration: .init(
                address: .hostname(configuration.host, port: configuration.port), serverName: "srok-server",
                reuseAddress: true),
            services: services,
            onServerRunning: { channel in
                let address = channel.localAddress
                let text = "\(address?.ipAddress ?? configuration.host):\(address?.port ?? configuration.port)"
                logger.info("listening", metadata: ["address": "\(text)", "data_version": "\(store.data.dataVersion)"])
                await onListening(text, store)
            },
            logger: logger)
        try await app.runService(gracefulShutdownSignals: shutdownSignals)
        logger.info("stopped: every request answered")
    }
}
