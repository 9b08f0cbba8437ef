import Logging

/// The service's log handler: `StreamLogHandler.standardError`'s lines, with the metadata kept as
/// given and formatted only when a line is written. (`StreamLogHandler` formats its metadata on
/// every change, and Hummingbird sets a request id on every request's logger: a few percent of a
/// small request's CPU for lines that, below the log level, are never written.)
public struct ServerLogHandler: LogHandler {
    private let label: String
    /// The metadata, formatted when a line is written.
    public var metadata = Logger.Metadata()
    /// The lowest level written.
    public var logLevel: Logger.Level
    /// The metadata provider (`LoggingSystem`'s when bootstrapped with one).
    public var metadataProvider: Logger.MetadataProvider?

    /// A handler writing to standard error at `logLevel` and above.
    public init(label: String, logLevel: Logger.Level) {
        self.label = label
        self.logLevel = logLevel
        metadataProvider = LoggingSystem.metadataProvider
    }

    /// One metadata item.
    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    /// Writes the event as `StreamLogHandler` writes it to standard error.
    public func log(event: LogEvent) {
        var handler = StreamLogHandler.standardError(label: label, metadataProvider: metadataProvider)
        handler.logLevel = logLevel
        handler.metadata = metadata
        handler.log(event: event)
    }
}
