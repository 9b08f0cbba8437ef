import Logging
import ServiceLifecycle
import UnixSignals

/// Rereads the calendar and profile files on each SIGHUP (``DataStore/reload(logger:)``) until
/// the service shuts down. The signal is trapped when the service is made, before the server
/// listens, so that a SIGHUP sent once it answers never takes the default action (exit).
struct ReloadService: Service {
    let store: DataStore
    let logger: Logger
    let signals: UnixSignalsSequence

    init(store: DataStore, logger: Logger) async {
        self.store = store
        self.logger = logger
        self.signals = await UnixSignalsSequence(trapping: .sighup)
    }

    func run() async throws {
        await cancelWhenGracefulShutdown {
            for await _ in signals {
                logger.info("SIGHUP: rereading the data files")
                store.reload(logger: logger)
            }
        }
    }
}
