import ArgumentParser
import Foundation
import Logging
import Srok
import SrokServer

/// `srok-server`: the HTTP/JSON service. Every flag falls back to an environment variable
/// (``ServerConfiguration/environmentNames``), then to the default.
@main
struct ServerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "srok-server",
        abstract: "HTTP/JSON-сервис сроков ПОС. The Srok HTTP/JSON service (OpenAPI document at /openapi.json).",
        discussion: """
            Environment: SROK_SERVER_HOST, SROK_SERVER_PORT, SROK_CALENDAR_FILES, SROK_PROFILE_FILES,
            SROK_REGION_FILES (paths separated by ':'), SROK_DEFAULT_PROFILE, SROK_DEFAULT_TZ, SROK_BODY_LIMIT,
            SROK_BATCH_BODY_LIMIT, SROK_BATCH_JOBS, SROK_LOG_LEVEL; a flag wins over its variable.
            SIGHUP rereads the calendar, profile and region files (invalid files: the old data stays, the log says
            why); SIGTERM or SIGINT stops accepting connections, lets in-flight requests finish, and exits 0.
            """
    )

    @Option(name: .long, help: "The address to listen on (default 127.0.0.1).") var host: String?
    @Option(name: .long, help: "The port (default 8080; 0: any free port, printed once listening).") var port: Int?
    @Option(name: .customLong("calendar-file"), help: "A calendar file (Data/FORMAT.md); repeatable.")
    var calendarFiles: [String] = []
    @Option(name: .customLong("profile-file"), help: "A profile file; repeatable.") var profileFiles: [String] = []
    @Option(name: .customLong("region-file"), help: "A region file; repeatable.") var regionFiles: [String] = []
    @Option(name: .customLong("default-profile"), help: "The profile of a request that names none (default federal).")
    var defaultProfile: String?
    @Option(name: .customLong("default-tz"), help: "The zone of a request that names none (default: its profile's).")
    var defaultZone: String?
    @Option(
        name: .customLong("body-limit"),
        help: "The largest body of /v1/due and /v1/status in bytes (default 65536); larger: 413.")
    var bodyLimit: Int?
    @Option(
        name: .customLong("batch-body-limit"),
        help: "The largest body of /v1/batch in bytes (default 67108864); larger: 413.")
    var batchBodyLimit: Int?
    @Option(name: .customLong("batch-jobs"), help: "Worker threads of one /v1/batch, 1–256 (default 2).")
    var batchJobs: Int?
    @Option(name: .customLong("log-level"), help: "trace, debug, info, notice, warning, error or critical.")
    var logLevel: String?

    func run() async throws {
        let configuration = try settings(ProcessInfo.processInfo.environment)
        LoggingSystem.bootstrap { label in ServerLogHandler(label: label, logLevel: configuration.logLevel) }
        var logger = Logger(label: "srok-server")
        logger.logLevel = configuration.logLevel
        // A client that goes away must not end the process by SIGPIPE.
        signal(SIGPIPE, SIG_IGN)
        do {
            try await SrokService.run(configuration, logger: logger) { address, _ in
                // The line a supervisor or a test waits for (the port matters with --port 0).
                FileHandle.standardOutput.write(Data("srok-server listening on http://\(address)\n".utf8))
            }
        } catch let error as SrokError {
            logger.critical("cannot start: \(error.description)")
            throw ExitCode(2)
        }
    }

    /// The configuration from the flags, else `environment`, else the defaults.
    func settings(_ environment: [String: String]) throws -> ServerConfiguration {
        func env(_ flag: String) -> String? {
            ServerConfiguration.environmentNames[flag].flatMap { environment[$0] }.flatMap { $0.isEmpty ? nil : $0 }
        }
        func int(_ flag: String, _ value: Int?, _ range: ClosedRange<Int>, _ expected: String) throws -> Int? {
            var v = value
            if v == nil, let text = env(flag) {
                guard let parsed = Int(text) else {
                    throw ValidationError(
                        "invalid \(ServerConfiguration.environmentNames[flag]!): '\(text)'; expected \(expected)")
                }
                v = parsed
            }
            if let v, !range.contains(v) {
                throw ValidationError("invalid --\(flag): \(v); expected \(expected)")
            }
            return v
        }
        func paths(_ flag: String, _ values: [String]) -> [String] {
            values.isEmpty ? (env(flag)?.split(separator: ":").map(String.init) ?? []) : values
        }
        var c = ServerConfiguration()
        c.host = host ?? env("host") ?? c.host
        c.port = try int("port", port, 0...65535, "a port from 0 to 65535") ?? c.port
        c.calendarFiles = paths("calendar-file", calendarFiles)
        c.profileFiles = paths("profile-file", profileFiles)
        c.regionFiles = paths("region-file", regionFiles)
        c.defaultProfile = defaultProfile ?? env("default-profile") ?? c.defaultProfile
        c.defaultZone = defaultZone ?? env("default-tz")
        let limits = ServerConfiguration.bodyLimitRange
        let limitText = "bytes from \(limits.lowerBound) to \(limits.upperBound)"
        c.bodyLimit = try int("body-limit", bodyLimit, limits, limitText) ?? c.bodyLimit
        c.batchBodyLimit = try int("batch-body-limit", batchBodyLimit, limits, limitText) ?? c.batchBodyLimit
        c.batchJobs = try int("batch-jobs", batchJobs, 1...256, "1 to 256") ?? c.batchJobs
        if let level = logLevel ?? env("log-level") {
            guard let l = Logger.Level(rawValue: level) else {
                throw ValidationError(
                    "invalid --log-level: '\(level)'; expected trace, debug, info, notice, warning, error or critical")
            }
            c.logLevel = l
        }
        return c
    }
}
