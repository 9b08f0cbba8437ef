import Dispatch
import SrokCore

/// A batch's input opened (``BatchInput``) with its output settled: the format and columns, an
/// Excel report's layout, the text encoding of CSV output and rejects, the rejects' delimiter.
/// ``run(evaluator:jobs:output:rejects:report:observer:)`` evaluates every record block by block
/// and writes the results in input order to the sinks it is given. The one pipeline behind
/// ``BatchRunner/run(_:evaluator:observer:)`` (files) and the service's `POST /v1/batch` (a request
/// body in, a streamed response out): same columns, same rows, same rejects.
package struct BatchStream {
    /// The input, its first block read and its header mapped.
    let input: BatchInput
    /// The records' format, the output's and its columns.
    let format: BatchFormat
    /// The Excel report's layout when the output is one.
    let layout: XLSXReportLayout?
    /// The encoding of CSV output and of the rejects.
    let textEncoding: OutputEncoding
    /// The rejects file's delimiter.
    let rejectsDelimiter: Character
    /// The input chunk size.
    private let chunkBytes: Int

    /// Settles the output of `input` by `options` (`--output-format`, the output's name, the
    /// delimiters, `--columns`, `--output-encoding`).
    init(input: BatchInput, options: BatchRunOptions) throws(SrokError) {
        let schema = input.schema
        var format: BatchFormat
        switch input.delimiter {
        case let d? where input.kind == .csv:
            format = BatchFormat(input: .csv(delimiter: d), output: .csv(delimiter: d), columns: options.columns)
        case let d?:
            // A workbook's records; CSV output with the delimiter asked for, else a comma.
            let od = options.delimiter ?? 0x2C
            format = BatchFormat(input: .csv(delimiter: d), output: .csv(delimiter: od), columns: options.columns)
        case nil:
            format = BatchFormat(input: .jsonl, output: .jsonl, columns: options.columns)
        }
        format.maxRecordBytes = options.maxRecordBytes
        format.formulaEscape = options.formulaEscape
        format.language = options.language
        switch options.outputFormat {
        case nil: if options.output.lowercased().hasSuffix(".xlsx") { format.output = .xlsx }
        case "xlsx": format.output = .xlsx
        case "csv":
            if case .csv = format.output {} else { format.output = .csv(delimiter: options.delimiter ?? 0x2C) }
        case "jsonl": format.output = .jsonl
        case let other?:
            throw .invalidValue(field: "--output-format", value: other, expected: .oneOf(["csv", "jsonl", "xlsx"]))
        }
        if let od = options.outputDelimiter, case .csv = format.output { format.output = .csv(delimiter: od) }
        if options.columns == OutputColumn.defaults {
            // No --columns: the controls array in JSON Lines, the audit when the export has the platform's planned date.
            let json: Bool
            if case .jsonl = format.output { json = true } else { json = false }
            format.columns = OutputColumn.defaults(jsonOutput: json, audit: schema?.has(.posPlannedDate) ?? false)
        }
        // An Excel report: the input's columns, then Srok's (its workers encode typed cells).
        let layout =
            format.output == .xlsx
            ? XLSXReportLayout(inputHeader: input.headers, columns: format.columns, language: options.language) : nil
        if let layout {
            format.columns = layout.columns
            format.reportTexts = layout.texts
        }
        // CSV output and the rejects in the input's encoding and delimiter unless told otherwise.
        textEncoding =
            options.outputEncoding
            ?? (input.kind == .csv ? OutputEncoding(input: input.encoding, bom: input.bom) : .utf8)
        var rejectsDelimiter = Character(",")
        if input.kind == .csv, let d = input.delimiter { rejectsDelimiter = Character(Unicode.Scalar(d)) }
        if case .csv(let od) = format.output, options.outputDelimiter != nil || input.kind != .csv {
            rejectsDelimiter = Character(Unicode.Scalar(od))
        }
        self.input = input
        self.format = format
        self.layout = layout
        self.rejectsDelimiter = rejectsDelimiter
        chunkBytes = options.chunkBytes
    }

    /// Opens the input `bytes` (a whole request body: CSV in UTF-8, UTF-16 or Windows-1251, or JSON
    /// Lines) with `options` (formats, delimiters, encodings, columns, limits; the paths are not
    /// used). The output is CSV or JSON Lines (an Excel report needs a file).
    package init(bytes: [UInt8], options: BatchRunOptions) throws(SrokError) {
        try options.validate()
        let input = try BatchInput(body: bytes, options: options)
        try input.checkColumns(options)
        try self.init(input: input, options: options)
        if format.output == .xlsx {
            throw .invalidValue(field: "--output-format", value: "xlsx", expected: .oneOf(["csv", "jsonl"]))
        }
    }

    /// Whether the output is JSON Lines (else CSV).
    package var outputIsJSONL: Bool {
        if case .jsonl = format.output { return true }
        return false
    }

    /// Evaluates every record on `jobs` worker threads and writes the output (the CSV header
    /// first), in input order, to `output`, and each block's rejects (after their header line) to
    /// `rejects`, both in ``textEncoding``; `report` gets the rejects too. `observer` is told the
    /// progress after each block. An error thrown by a sink ends the run.
    func run(
        evaluator: BatchEvaluator, jobs: Int, output files: any OutputSink, rejects rejectsSink: any OutputSink,
        report: XLSXReportSink?, observer: (any BatchRunObserver)?
    ) throws(SrokError) -> BatchStats {
        let input = self.input
        let format = self.format
        let schema = input.schema
        let headers = input.headers
        let lineBase = input.headerLines
        let rejectsDelimiter = self.rejectsDelimiter
        var reader = input.reader
        let output: any OutputSink
        if case .csv = format.output {
            output = try EncodingSink.wrap(files, encoding: textEncoding)
        } else {
            output = files
        }
        let rejectsFile = try EncodingSink.wrap(rejectsSink, encoding: textEncoding)
        // Output header.
        if case .csv(let od) = format.output {
            var h: [UInt8] = []
            for (k, c) in format.columns.enumerated() {
                if k > 0 { h.append(od) }
                h.append(contentsOf: c.rawValue.utf8)
            }
            h.append(0x0A)
            try output.write(h)
        }
        try rejectsFile.write(
            Array(
                (CSVText.record(["line", "id", "column", "value", "reason"], delimiter: rejectsDelimiter) + "\n")
                    .utf8))

        let jobs = max(1, jobs)
        // Segments of at most about 512 KB (one per worker, more for large chunks): their
        // output, about twice as long, is still in cache when it is written out.
        reader.parts = max(jobs, chunkBytes / (512 << 10))
        let pool = WorkerPool(count: jobs) { [format, schema, headers] in
            BatchWorker(evaluator: evaluator, format: format, schema: schema, headers: headers)
        }
        defer { pool.shutdown() }
        var stats = BatchStats()
        var line = 1 + lineBase  // the next record's line number
        // Blocks in flight: while the workers evaluate them, this thread reads and plans the
        // next block and writes the finished ones, in input order. Up to six (five while the
        // next is read) leave the workers something to do while this thread waits for a core
        // or for a write.
        let depth = 6
        var inflight: [BlockJob] = []
        var spareBlocks: [InputBlock] = []
        var spareTasks: [SegmentTask] = []
        let escape = format.formulaEscape
        /// An input text for the rejects file (a CSV: ``FormulaGuard``).
        func guarded(_ text: String) -> String { escape ? FormulaGuard.escape(text) : text }
        func drain() throws(SrokError) {
            let job = inflight.removeFirst()
            job.group.wait()
            for task in job.tasks {
                let r = task.result
                try output.write(task.output)
                var rej: [UInt8] = []
                func add(_ x: RejectedRow, line: Int) {
                    let fields = [String(line), guarded(x.id ?? ""), guarded(x.column), guarded(x.value), x.reason]
                    rej.append(contentsOf: CSVText.record(fields, delimiter: rejectsDelimiter).utf8)
                    rej.append(0x0A)
                }
                // Rejects numbered by the input's lines (a workbook's sheet rows), in order.
                var rejects: [RejectedRow] = []
                if let workbook = input.workbook {
                    // Rows the workbook could not decode, in their place among the rows.
                    for x in workbook.takeFailures(before: input.inputLine(line + r.lines)) {
                        stats.read += 1
                        stats.rejected += 1
                        rejects.append(x)
                    }
                    workbook.forget(before: line)
                }
                for var x in r.rejects {
                    x.line = input.inputLine(line + x.line - 1)
                    rejects.append(x)
                }
                for x in rejects { add(x, line: x.line) }
                if !rej.isEmpty { try rejectsFile.write(rej) }
                if let report, !rejects.isEmpty { try report.appendRejects(rejects, firstLine: 1) }
                stats.merge(r.stats)
                line += r.lines
                task.finish()
                spareTasks.append(task)
            }
            spareBlocks.append(job.block)
            let progress = input.progress(consumed: reader.consumedBytes)
            observer?.progress(rows: stats.read, bytes: progress.bytes, totalBytes: progress.total)
        }
        do {
            var next = try reader.next(input.firstBlock, started: true)
            while let block = next {
                let group = DispatchGroup()
                var tasks: [SegmentTask] = []
                for k in 0..<block.segments {
                    let task = spareTasks.popLast() ?? SegmentTask()
                    task.prepare(block, k, group)
                    tasks.append(task)
                    pool.submit(task)
                }
                inflight.append(BlockJob(block: block, tasks: tasks, group: group))
                while inflight.count >= depth { try drain() }
                next = try reader.next(spareBlocks.popLast() ?? InputBlock(capacity: chunkBytes * 2))
            }
            while !inflight.isEmpty { try drain() }
        } catch {
            // Let the workers finish the blocks they hold before the pool and the blocks go (a
            // sink's error: the service's client went away).
            for job in inflight { job.group.wait() }
            throw error
        }
        if let failures = input.workbook?.takeFailures(before: Int.max), !failures.isEmpty {
            var rej: [UInt8] = []
            for x in failures {
                stats.read += 1
                stats.rejected += 1
                let fields = [String(x.line), "", x.column, x.value, x.reason]
                rej.append(contentsOf: (CSVText.record(fields, delimiter: rejectsDelimiter) + "\n").utf8)
            }
            try rejectsFile.write(rej)
            try report?.appendRejects(failures, firstLine: 1)
        }
        return stats
    }

    /// ``run(evaluator:jobs:output:rejects:report:observer:)`` with the output and the rejects
    /// handed to callbacks (the service streams them into its response).
    package func run(
        evaluator: BatchEvaluator, jobs: Int,
        output: @escaping (UnsafeBufferPointer<UInt8>) throws(SrokError) -> Void,
        rejects: @escaping (UnsafeBufferPointer<UInt8>) throws(SrokError) -> Void
    ) throws(SrokError) -> BatchStats {
        try run(
            evaluator: evaluator, jobs: jobs, output: CallbackSink(output), rejects: CallbackSink(rejects), report: nil,
            observer: nil)
    }
}

/// An ``OutputSink`` that hands every write to a callback and has no file.
final class CallbackSink: OutputSink {
    private let body: (UnsafeBufferPointer<UInt8>) throws(SrokError) -> Void

    /// Writes go to `body`.
    init(_ body: @escaping (UnsafeBufferPointer<UInt8>) throws(SrokError) -> Void) { self.body = body }

    var temporaryPath: String? { nil }
    func write(_ bytes: UnsafeBufferPointer<UInt8>) throws(SrokError) { try body(bytes) }
    func prepare() throws(SrokError) {}
    func publish() throws(SrokError) {}
    func commit() throws(SrokError) {}
    func abandon() {}
}
