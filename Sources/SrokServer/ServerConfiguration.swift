import Logging

/// How `srok-server` is set up: where it listens, the user's data files, the defaults of a request
/// that names no profile or zone, and the request body limits. `srok-server` fills it from its
/// flags and environment (``ServerConfiguration/environmentNames``).
public struct ServerConfiguration: Sendable {
    /// The address to listen on (default `127.0.0.1`: loopback only).
    public var host = "127.0.0.1"
    /// The port (default 8080; 0 picks a free one, reported once listening).
    public var port = 8080
    /// Calendar files (Data/FORMAT.md) extending or overriding the embedded data; reread on SIGHUP.
    public var calendarFiles: [String] = []
    /// Profile files; reread on SIGHUP.
    public var profileFiles: [String] = []
    /// Region files; reread on SIGHUP.
    public var regionFiles: [String] = []
    /// The profile of a request that names none.
    public var defaultProfile = "federal"
    /// The zone of a request that names none (nil: its profile's).
    public var defaultZone: String?
    /// The largest body of `POST /v1/due` and `POST /v1/status`, in bytes (default 64 KiB); a
    /// larger one is answered 413.
    public var bodyLimit = 64 << 10
    /// The largest body of `POST /v1/batch`, in bytes (default 64 MiB); a larger one is answered 413.
    public var batchBodyLimit = 64 << 20
    /// Worker threads of one `POST /v1/batch` (default 2).
    public var batchJobs = 2
    /// The log level (default `info`).
    public var logLevel = Logger.Level.info

    /// The defaults.
    public init() {}

    /// The accepted body limits, in bytes: 1 KiB to 1 GiB.
    public static let bodyLimitRange = 1024...(1 << 30)

    /// The environment variable behind each setting (a flag wins over it).
    public static let environmentNames: [String: String] = [
        "host": "SROK_SERVER_HOST", "port": "SROK_SERVER_PORT", "calendar-file": "SROK_CALENDAR_FILES",
        "profile-file": "SROK_PROFILE_FILES", "region-file": "SROK_REGION_FILES",
        "default-profile": "SROK_DEFAULT_PROFILE", "default-tz": "SROK_DEFAULT_TZ",
        "body-limit": "SROK_BODY_LIMIT", "batch-body-limit": "SROK_BATCH_BODY_LIMIT",
        "batch-jobs": "SROK_BATCH_JOBS", "log-level": "SROK_LOG_LEVEL",
    ]
}
