import Foundation
import Logging
import Srok
import Synchronization

/// The current ``ServiceData``, swapped whole by ``reload()``: a request takes the current data
/// once and answers from it to the end, so that a reload drops no request and none sees a mix.
public final class DataStore: Sendable {
    /// The configuration the data is loaded from (its files are reread on reload).
    public let configuration: ServerConfiguration
    private let current: Mutex<ServiceData>
    private let metrics: ServerMetrics

    /// Loads the data of `configuration`.
    /// - Throws: ``SrokError`` when a file cannot be read or is invalid, or a default is unknown.
    public init(_ configuration: ServerConfiguration, metrics: ServerMetrics) throws(SrokError) {
        self.configuration = configuration
        self.metrics = metrics
        let data = try ServiceData(configuration, generation: 1, now: Self.now())
        current = Mutex(data)
        metrics.dataLoaded(data)
    }

    /// The data to answer a request from.
    public var data: ServiceData { current.withLock { $0 } }

    /// What a reload did.
    public enum ReloadResult: Sendable {
        /// The new data is in use.
        case loaded(ServiceData)
        /// The files were invalid or unreadable: the old data stays in use.
        case kept(ServiceData, SrokError)
    }

    /// Rereads the configuration's files and swaps the new data in; when they are invalid, keeps
    /// the old data and says why.
    @discardableResult
    public func reload(logger: Logger) -> ReloadResult {
        let old = data
        do throws(SrokError) {
            let new = try ServiceData(configuration, generation: old.generation + 1, now: Self.now())
            current.withLock { $0 = new }
            metrics.dataLoaded(new)
            metrics.reloaded(ok: true)
            logger.info(
                "reloaded the calendar and profile files",
                metadata: ["generation": "\(new.generation)", "data_version": "\(new.dataVersion)"])
            return .loaded(new)
        } catch {
            metrics.reloaded(ok: false)
            logger.error(
                "reload failed; still serving the data loaded before",
                metadata: ["error": "\(error.description)", "generation": "\(old.generation)"])
            return .kept(old, error)
        }
    }

    /// The current time, whole seconds.
    static func now() -> Instant { Instant(secondsSinceEpoch: Int64(Date().timeIntervalSince1970)) }
}
