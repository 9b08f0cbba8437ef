#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import Synchronization

/// Removes a run's temporary files when the process is interrupted (SIGINT, SIGTERM, SIGHUP), so
/// an interrupted run leaves the previous output or none. (SIGKILL cannot be caught: then the
/// hidden temporary file stays, and the target is still untouched.)
final class SignalCleanup: @unchecked Sendable {
    private var sources: [DispatchSourceSignal] = []
    private let queue = DispatchQueue(label: "srok.signals")
    private let paths = Mutex<[String]>([])

    /// Registers a temporary file to remove on interruption.
    func add(_ path: String) { paths.withLock { $0.append(path) } }

    init() {
        // On Linux libdispatch reads signals through signalfd: they must be blocked (not ignored,
        // which would discard them), in this thread and so in the worker threads it creates later.
        var set = sigset_t()
        sigemptyset(&set)
        for sig in [SIGINT, SIGTERM, SIGHUP] { sigaddset(&set, sig) }
        pthread_sigmask(SIG_BLOCK, &set, nil)
        for sig in [SIGINT, SIGTERM, SIGHUP] {
            let s = DispatchSource.makeSignalSource(signal: sig, queue: queue)
            s.setEventHandler { [self] in
                for p in self.paths.withLock({ $0 }) { unlink(p) }
                _ = "srok: interrupted; no output was written\n".withCString { write(2, $0, strlen($0)) }
                _exit(128 + sig)
            }
            s.resume()
            sources.append(s)
        }
    }

    /// Stops watching and restores the default signal handling.
    func cancel() {
        for s in sources { s.cancel() }
        sources.removeAll()
        var set = sigset_t()
        sigemptyset(&set)
        for sig in [SIGINT, SIGTERM, SIGHUP] { sigaddset(&set, sig) }
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
    }
}
