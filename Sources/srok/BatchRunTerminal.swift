import SrokBatch
import SrokCore

/// The CLI's side of a batch run: removes the run's temporary files when the process is
/// interrupted (and holds interruption off while the finished files are renamed into place),
/// says when the run waits for another one, and draws the progress line on a terminal.
final class BatchRunTerminal: BatchRunObserver {
    private var cleanup: SignalCleanup?
    private var bar: Progress

    /// Starts watching SIGINT, SIGTERM and SIGHUP; `progress` draws a progress line on stderr.
    init(progress: Bool) {
        cleanup = SignalCleanup()
        bar = Progress(enabled: progress)
    }

    func created(temporaryFile path: String) { cleanup?.add(path) }

    func progress(rows: Int, bytes: Int, totalBytes: Int) { bar.update(rows: rows, bytes: bytes, total: totalBytes) }

    func waiting(forLockOn path: String) {
        StandardStreams.error(
            tr(
                "srok: \(path) записывает другой запуск srok; ждём, пока он закончит (с --no-wait — сразу ошибка)\n",
                "srok: another srok run is writing \(path); waiting for it to finish (--no-wait fails instead)\n"))
    }

    func replacing(_ targets: [String], _ replace: () throws(SrokError) -> Void) throws(SrokError) {
        if let cleanup { try cleanup.replacing(targets, replace) } else { try replace() }
    }

    /// Clears the progress line and restores the default signal handling (once).
    func finish() {
        guard let c = cleanup else { return }
        bar.finish()
        c.cancel()
        cleanup = nil
    }
}
