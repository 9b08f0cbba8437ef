import Dispatch
import Srok
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Removes a run's temporary files when the process is interrupted (SIGINT, SIGTERM, SIGHUP), so
/// an interrupted run leaves the previous output or none, and says truly what it left. While the
/// run renames its finished files into place (``replacing(_:_:)``) a signal waits: an
/// interruption finds either no file replaced or all of them. (SIGKILL cannot be caught: then the
/// hidden temporary files stay until the next run on the same output removes them, and the
/// targets are still the previous ones, or all new when the renames were done.)
final class SignalCleanup: @unchecked Sendable {
    /// How far the run got in replacing its files.
    private enum Replacement {
        /// Nothing replaced yet.
        case none
        /// Every target replaced: these paths.
        case all([String])
        /// The renames failed partway (the run's error names what was replaced).
        case failed
    }

    private struct State {
        var temporaryFiles: [String] = []
        var replacement = Replacement.none
    }

    private var sources: [DispatchSourceSignal] = []
    private let queue = DispatchQueue(label: "srok.signals")
    private let state = Mutex(State())

    /// Registers a temporary file to remove on interruption.
    func add(_ path: String) { state.withLock { $0.temporaryFiles.append(path) } }

    /// Runs `replace` (the renames of the run's files into place) with the signal handler held
    /// off, and records that `targets` were replaced.
    func replacing(_ targets: [String], _ replace: () throws(SrokError) -> Void) throws(SrokError) {
        try state.withLock { (s) throws(SrokError) in
            do throws(SrokError) { try replace() } catch {
                s.replacement = .failed
                throw error
            }
            s.replacement = .all(targets)
        }
    }

    /// What an interruption says, given how far the run got.
    private static func message(_ replacement: Replacement) -> String {
        switch replacement {
        case .none:
            tr(
                "srok: прервано; вывод не записан (прежние файлы, если были, не тронуты)\n",
                "srok: interrupted; no output was written (the previous files, if any, are untouched)\n")
        case .all(let targets) where targets.isEmpty:
            tr(
                "srok: прервано после того, как запуск закончил запись\n",
                "srok: interrupted after the run had finished writing\n")
        case .all(let targets):
            tr(
                "srok: прервано после окончания запуска; эти файлы новые и полные: ",
                "srok: interrupted after the run had finished; these files are the new, complete ones: ")
                + targets.joined(separator: ", ") + "\n"
        case .failed:
            tr(
                "srok: прервано после того, как замена файлов не удалась на полпути; часть из них может быть новой\n",
                "srok: interrupted after replacing its files failed partway; some of them may be new\n")
        }
    }

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
                // Waits here while the run is renaming its files.
                state.withLock { state in
                    for p in state.temporaryFiles { unlink(p) }
                    _ = Self.message(state.replacement).withCString { write(2, $0, strlen($0)) }
                    _exit(128 + sig)
                }
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
