import Dispatch
import SrokCore
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Which writer writes an Excel report.
package enum XLSXWriterKind: String, Sendable, CaseIterable {
    /// ``XLSXStreamWriter`` (the default).
    case stream
    /// ``XLSXReportWriter`` (libxlsxwriter): slower, the reference.
    case libxlsxwriter
}

/// What a batch's Excel report is: its columns and which writer writes it.
struct XLSXReportSetup: Sendable {
    /// The columns and the language.
    var layout: XLSXReportLayout
    /// The writer.
    var writer: XLSXWriterKind
    /// The writer's options (durability is the run's: the ``AtomicFile``'s).
    var options = XLSXReportOptions()
}

/// The output sink of `srok batch -o report.xlsx`: takes the workers' encoded rows
/// (``XLSXRowEncoding``) and the rejected rows in input order, and has a report writer
/// (``XLSXReportBackend``) write them into the run's ``AtomicFile`` on a thread of its own, so
/// that formatting and compressing the workbook overlaps reading and evaluating the input.
///
/// The file is the output set's like any output's (``OutputSet``): locked, created beside the
/// target under a temporary name (`O_EXCL | O_NOFOLLOW`, mode 0600), removed on failure or
/// interruption, synced and renamed last. ``finish(stats:input:evaluator:)`` waits for the writer's
/// thread to take every row, then adds the summary and completes the workbook (on the caller's
/// thread); ``prepare()`` and ``publish()`` are the file's.
///
/// At most ``queueDepth`` blocks of rows wait for the writer: the reader then waits too, so memory
/// stays bounded when the writer is the slower side. An error on the writer's thread (a full disk)
/// is thrown by the next call.
final class XLSXReportSink: OutputSink, @unchecked Sendable {
    /// What the writer's thread is given.
    private enum Message {
        case rows([UInt8])
        case rejects([XLSXRejectedRow])
        /// Everything is queued: end the thread.
        case stop
    }

    private struct State {
        var messages: [Message] = []
        var failure: SrokError?
        /// Arrays of rows handed back for reuse.
        var spare: [[UInt8]] = []
        var cancelled = false
        /// Executor name → rows (when the input has an executor column).
        var executors: [String: Int] = [:]
    }

    /// The file the workbook is written into.
    let file: AtomicFile
    /// The columns.
    let layout: XLSXReportLayout
    private let state = Mutex(State())
    private let items = DispatchSemaphore(value: 0)
    private let space: DispatchSemaphore
    /// Used only by the writer's thread while it runs, then by the owner after ``finish``.
    private let backend: any XLSXReportBackend
    private let executorColumn: Int?
    private var thread: pthread_t?
    private var running: Bool { thread != nil }
    private var finished = false

    /// Blocks of rows waiting for the writer at most.
    static let queueDepth = 8

    /// Starts the report in `file`: the writer and its thread.
    /// - Throws: the writer's errors (a sheet name, the header) and when no thread can be made.
    init(file: AtomicFile, setup: XLSXReportSetup) throws(SrokError) {
        self.file = file
        layout = setup.layout
        space = DispatchSemaphore(value: Self.queueDepth)
        let texts = setup.layout.texts
        var options = setup.options
        options.durable = file.durable
        switch setup.writer {
        case .stream:
            backend = try XLSXStreamWriter(
                file: file, sheetName: texts.reportSheet, header: setup.layout.header, labels: texts.labels,
                options: options)
        case .libxlsxwriter:
            backend = try XLSXReportWriter(
                file: file, sheetName: texts.reportSheet, header: setup.layout.header, labels: texts.labels,
                options: options)
        }
        executorColumn = setup.layout.inputColumn(named: XLSXReportLayout.executorNames)
        // The thread holds the sink until it ends (``finish``, ``abandon``).
        guard let thread = WorkerPool.start({ [self] in loop() }) else {
            backend.abandon()
            throw .io(
                file.target, ru: "не удаётся запустить поток записи отчёта Excel",
                en: "cannot start the Excel report's writer thread")
        }
        self.thread = thread
    }

    /// Tells the writer's thread to end after what is queued (skipping it when `cancel`), and waits for it.
    private func stopThread(cancel: Bool) {
        guard let thread else { return }
        state.withLock { s in
            if cancel { s.cancelled = true }
            s.messages.append(.stop)
        }
        items.signal()
        pthread_join(thread, nil)
        self.thread = nil
    }

    var temporaryPath: String? { file.temporaryPath }

    /// Queues encoded rows (a copy: `bytes` is the caller's buffer).
    func write(_ bytes: UnsafeBufferPointer<UInt8>) throws(SrokError) {
        if let failure = state.withLock({ $0.failure }) { throw failure }
        guard !bytes.isEmpty else { return }
        space.wait()
        var copy = state.withLock { $0.spare.popLast() } ?? []
        copy.removeAll(keepingCapacity: true)
        copy.append(contentsOf: bytes)
        state.withLock { [copy] s in s.messages.append(.rows(copy)) }
        items.signal()
    }

    /// Queues rejected rows, numbered from `firstLine` (the line of a segment's line 1).
    func appendRejects(_ rows: [RejectedRow], firstLine: Int) throws(SrokError) {
        if let failure = state.withLock({ $0.failure }) { throw failure }
        let converted = rows.map {
            XLSXRejectedRow(line: firstLine + $0.line - 1, column: $0.column, value: $0.value, reason: $0.reason)
        }
        state.withLock { $0.messages.append(.rejects(converted)) }
        items.signal()
    }

    /// Adds the summary of the run and completes the workbook in the file (waits for the writer).
    func finish(stats: BatchStats, input: String, evaluator: BatchEvaluator) throws(SrokError) {
        guard !finished else { return }
        try finish { executors in
            XLSXReportSummary.make(
                stats: stats, executors: executorColumn == nil ? nil : executors, texts: layout.texts, input: input,
                evaluator: evaluator)
        }
    }

    /// Lets the writer take every queued row and end its thread, then has it add the summary
    /// `make` builds (from the executors counted) and complete the workbook.
    private func finish(_ make: ([String: Int]) -> XLSXSummary) throws(SrokError) {
        finished = true
        guard running else { throw state.withLock { $0.failure } ?? backendGone }
        stopThread(cancel: false)
        let (failure, executors) = state.withLock { ($0.failure, $0.executors) }
        if let failure { throw failure }
        do throws(SrokError) { try backend.finish(summary: make(executors)) } catch {
            state.withLock { $0.failure = error }
            throw error
        }
    }

    private var backendGone: SrokError {
        .io(file.target, ru: "запись отчёта Excel остановлена", en: "the Excel report's writer has stopped")
    }

    /// Completes the workbook if nothing did (an empty summary), then writes out and syncs the file.
    func prepare() throws(SrokError) {
        if !finished { try finish { _ in XLSXSummary() } }
        if let failure = state.withLock({ $0.failure }) { throw failure }
        try file.prepare()
    }

    func publish() throws(SrokError) {
        try prepare()
        try file.publish()
    }

    func commit() throws(SrokError) {
        try prepare()
        try file.commit()
    }

    /// Stops the writer, drops the workbook and removes the file.
    func abandon() {
        stopThread(cancel: true)
        finished = true
        backend.abandon()
        file.abandon()
    }

    // MARK: - The writer's thread

    private func loop() {
        while true {
            items.wait()
            let (message, skip) = state.withLock { s in (s.messages.removeFirst(), s.cancelled || s.failure != nil) }
            switch message {
            case .rows(let bytes):
                space.signal()
                if !skip {
                    do throws(SrokError) {
                        if let executorColumn { countExecutors(bytes, column: executorColumn) }
                        try bytes.withUnsafeBufferPointer { (p) throws(SrokError) in try backend.appendEncodedRows(p) }
                    } catch { state.withLock { $0.failure = error } }
                }
                state.withLock { if $0.spare.count < Self.queueDepth { $0.spare.append(bytes) } }
            case .rejects(let rows):
                if !skip {
                    do throws(SrokError) { for r in rows { try backend.appendRejected(r) } } catch {
                        state.withLock { $0.failure = error }
                    }
                }
            case .stop:
                return
            }
        }
    }

    /// Counts the rows of each executor (the input's column `column`).
    private func countExecutors(_ bytes: [UInt8], column: Int) {
        var local: [String: Int] = [:]
        bytes.withUnsafeBufferPointer { p in
            var decoder = XLSXRowDecoder(p)
            while decoder.nextRow() != nil {
                var k = 0
                while let (cell, _) = decoder.nextCell() {
                    if k == column, case .text(let t) = cell {
                        local[String(decoding: t, as: UTF8.self), default: 0] += 1
                    }
                    k += 1
                }
            }
        }
        state.withLock { s in s.executors.merge(local, uniquingKeysWith: +) }
    }
}
