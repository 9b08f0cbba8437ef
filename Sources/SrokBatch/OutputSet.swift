import SrokCore
import SrokFiles

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A batch's output files — the output, the rejects and the summary — written together and
/// replaced together, so that they always come from one run.
///
/// Opening takes each regular target's ``OutputLock`` (in the order of their resolved paths, so
/// two runs never wait for each other in a circle), removes what killed runs left beside them
/// (``StaleTemporaryFiles``) and creates the sinks. ``commit(observer:)`` first writes out, syncs
/// and closes every file, then renames them into place, the rejects and the summary first and
/// the output last: the output is the commit point. A run that stops before it leaves every
/// previous file untouched; once the output is new, the rest is new too.
final class OutputSet {
    /// The checked paths.
    let targets: OutputTargets
    /// Where the good rows go.
    let output: any OutputSink
    /// Where the bad rows go.
    let rejects: any OutputSink
    /// Where the summary goes, if anywhere.
    let summary: (any OutputSink)?
    /// Whether the files and their folders are synced to disk before the run succeeds.
    let durable: Bool
    private var locks: [OutputLock]

    /// Locks the targets, removes stale temporary files and creates the sinks (streams first);
    /// tells `observer` of a lock it waits for and of every temporary file as soon as it exists.
    /// With `report`, the output is an Excel report written into its temporary file
    /// (``XLSXReportSink``), which must be a regular file. On failure nothing is left (no lock,
    /// no temporary file).
    init(
        _ targets: OutputTargets, durable: Bool, waitForLock: Bool, observer: (any BatchRunObserver)?,
        report: XLSXReportSetup? = nil
    ) throws(SrokError) {
        if report != nil, targets.output.kind != .file {
            let standard = targets.output.kind == .standardOutput
            throw .io(
                targets.output.path,
                ru: "книгу Excel нельзя записать "
                    + (standard ? "в стандартный вывод" : "в устройство или канал FIFO")
                    + ": это архив ZIP, полный только в конце, srok пишет его в обычный файл и переименовывает на место; укажите файл, например -o report.xlsx",
                en: "an Excel workbook cannot be written to "
                    + (standard ? "standard output" : "a device or a FIFO")
                    + ": it is a ZIP archive, complete only at its end, that srok writes to a regular file and renames into place; name one, e.g. -o report.xlsx"
            )
        }
        self.targets = targets
        self.durable = durable
        let files = targets.inCommitOrder.filter { $0.kind == .file }
            .sorted { ($0.identity.resolvedPath ?? $0.path) < ($1.identity.resolvedPath ?? $1.path) }
        var locks: [OutputLock] = []
        var made: [any OutputSink] = []
        do {
            for target in files {
                locks.append(
                    try OutputLock(target: target.path, wait: waitForLock) { observer?.waiting(forLockOn: target.path) }
                )
            }
            for target in files { StaleTemporaryFiles.remove(besides: target.path) }
            // Streams first (opening a FIFO waits for its reader), then the temporary files, each
            // reported as soon as it exists.
            var sinks: [Int: any OutputSink] = [:]
            let all = [targets.output, targets.rejects] + (targets.summary.map { [$0] } ?? [])
            for k in all.indices.filter({ all[$0].kind != .file }) + all.indices.filter({ all[$0].kind == .file }) {
                let sink = try Self.open(all[k], durable: durable, report: k == 0 ? report : nil)
                made.append(sink)
                if let path = sink.temporaryPath { observer?.created(temporaryFile: path) }
                sinks[k] = sink
            }
            output = sinks[0]!
            rejects = sinks[1]!
            summary = sinks[2]
        } catch {
            for sink in made { sink.abandon() }
            for lock in locks.reversed() { lock.release() }
            throw error
        }
        self.locks = locks
    }

    /// The sink for `target`: a new ``AtomicFile`` for a regular file (an Excel report written
    /// into one with `report`), the stream opened in place for a character device or FIFO,
    /// standard output for `-`.
    private static func open(_ target: OutputTarget, durable: Bool, report: XLSXReportSetup?) throws(SrokError)
        -> any OutputSink
    {
        switch target.kind {
        case .standardOutput:
            return StandardOutputSink()
        case .file:
            let file = try AtomicFile(target: target.path, durable: durable)
            if let report { return try XLSXReportSink(file: file, setup: report) }
            return file
        case .stream:
            // Never created (no O_CREAT) and checked once open: whatever replaced the device
            // since it was looked at is not written.
            let fd: Int32
            do { fd = try Syscall.open(target.path, O_WRONLY | O_NOCTTY | O_CLOEXEC) } catch {
                throw .io(target.path, ru: "не удаётся открыть для записи", en: "cannot open it for writing", error)
            }
            guard let st = try? Syscall.fileStatus(fd: fd), [S_IFCHR, S_IFIFO].contains(st.st_mode & S_IFMT) else {
                try? Syscall.close(fd)
                throw .io(
                    path: target.path,
                    message: LocalizedText(
                        ru: "уже не символьное устройство и не канал FIFO; ",
                        en: "is no longer a character device or a FIFO; ") + OutputTarget.accepted)
            }
            return StandardOutputSink(fd: fd, name: target.path)
        }
    }

    /// Writes out, syncs and closes the output and the rejects (the summary, written last, is
    /// prepared by ``commit(observer:)``).
    func prepareRows() throws(SrokError) {
        try output.prepare()
        try rejects.prepare()
    }

    /// Makes the set final: every file written out and synced, then the rejects, the summary
    /// and the output renamed into place in that order, inside `observer`'s
    /// ``BatchRunObserver/replacing(_:_:)`` (which holds off signals), then the folders synced.
    /// A rename that fails names what this run has already replaced.
    func commit(observer: (any BatchRunObserver)?) throws(SrokError) {
        let targets = targets.inCommitOrder
        let sinks: [any OutputSink] = [rejects] + (summary.map { [$0] } ?? []) + [output]
        for sink in sinks { try sink.prepare() }
        let durable = durable
        func replace() throws(SrokError) {
            var done: [String] = []
            for (sink, target) in zip(sinks, targets) {
                do throws(SrokError) { try sink.publish() } catch {
                    guard !done.isEmpty, case .io(let path, let message) = error else { throw error }
                    throw .io(
                        path: path,
                        message: message
                            + "; this run had already replaced \(done.joined(separator: ", ")), and left the rest as they were"
                    )
                }
                if target.kind == .file { done.append(target.path) }
            }
            guard durable else { return }
            var synced: Set<String> = []
            for path in done where synced.insert(AtomicFile.split(path).folder).inserted {
                try AtomicFile.syncFolder(AtomicFile.split(path).folder, of: path)
            }
        }
        let replaced = targets.filter { $0.kind == .file }.map(\.path)
        if let observer { try observer.replacing(replaced, replace) } else { try replace() }
    }

    /// Drops every file not yet in place (on failure).
    func abandon() {
        output.abandon()
        rejects.abandon()
        summary?.abandon()
    }

    /// Releases the locks (once; after ``commit(observer:)`` or ``abandon()``).
    func release() {
        for lock in locks.reversed() { lock.release() }
        locks.removeAll()
    }

    deinit { release() }
}
