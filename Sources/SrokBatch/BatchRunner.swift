import Dispatch
import SrokCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Options of a batch run (`srok batch`).
public struct BatchRunOptions: Sendable {
    /// Input path, or `-` for standard input.
    public var input = "-"
    /// Output path, or `-` for standard output.
    public var output = "-"
    /// Rejects path (default: beside the output, `<output>.rejects.csv`; `srok-rejects.csv` in the
    /// working folder when the output is standard output, a device or a FIFO).
    public var rejects: String?
    /// Machine-readable summary path.
    public var summaryJSON: String?
    /// `csv`, `jsonl` or `xlsx`; nil: an XLSX workbook when the file starts as a ZIP archive
    /// does or is named `.xlsx`, JSON Lines by the extension (`.jsonl`, `.ndjson`), else CSV.
    public var inputFormat: String?
    /// The worksheet of an XLSX input: a name, or a 1-based position (`--sheet`); nil: the first.
    public var sheet: String?
    /// The text encoding of a CSV input (`--encoding`); `auto`: detected (see ``InputEncoding``).
    public var encoding = InputEncoding.auto
    /// The encoding of a CSV output and of the rejects file; nil: the CSV input's (UTF-8 for
    /// other inputs). JSON Lines output is always UTF-8.
    public var outputEncoding: OutputEncoding?
    /// Whether a header the batch does not recognise is a fatal error (`--strict-columns`)
    /// rather than a warning in the report (``BatchRunReport/unknownColumns``).
    public var strictColumns = false
    /// `csv`, `jsonl` or `xlsx` (an Excel report, ``XLSXReportLayout``); nil: `xlsx` when the
    /// output's name ends in `.xlsx`, else the input's.
    public var outputFormat: String?
    /// The language of everything the run writes in words (default Russian; the CLI's `--lang`):
    /// the reject reasons, the `*_text` columns, the summary's text, the messages it reports
    /// itself (unknown columns) and an Excel report's headers, texts and sheet names.
    public var language: Language = .ru
    /// Which writer writes an Excel report (the default, or libxlsxwriter for comparison).
    package var xlsxWriter = XLSXWriterKind.stream
    /// CSV input delimiter; nil: detected from the header (`,`, `;` or TAB). With an input that
    /// has none (XLSX, JSON Lines) it is the CSV output's.
    public var delimiter: UInt8?
    /// CSV output delimiter (also the rejects file's); nil: the input's (`,` for XLSX and JSON Lines).
    public var outputDelimiter: UInt8?
    /// Output columns.
    public var columns: [OutputColumn] = OutputColumn.defaults
    /// Worker threads (default 2; `srok batch` passes the number of cores unless `--jobs` is given).
    public var jobs = 2
    /// Input chunk size in bytes, 64 to 1 GiB (``BatchLimits/chunkBytesRange``; checked by
    /// ``BatchRunner/run(_:evaluator:observer:)``).
    public var chunkBytes = 1 << 20
    /// The longest record read, in bytes with its line end, 64 to 1 GiB (default 16 MiB,
    /// ``BatchLimits/defaultMaxRecordBytes``). A longer one (a field with megabytes of text, a
    /// quote that is never closed) is one reject naming the limit, and reading resumes after its
    /// end; memory stays bounded by this and the chunk size.
    public var maxRecordBytes = BatchLimits.defaultMaxRecordBytes
    /// Whether input text written to CSV output and to the rejects file is protected from being
    /// read as a spreadsheet formula (``FormulaGuard``; default true; `--no-formula-escape`).
    public var formulaEscape = true
    /// Whether the output files are forced to disk (fsync of the file and its folder) before
    /// the run reports success; writeback starts as the output grows. Without it a killed run
    /// still leaves no partial file, but a power loss soon after may lose the new output.
    public var durable = true
    /// Whether a run whose output file another run is writing waits for that run to end (the
    /// default), or fails at once (`--no-wait`). Runs lock each output file they replace
    /// (`flock` on `.<name>.srok-lock` beside it), so that two runs never mix their files.
    public var waitForLock = true
    /// Options with the defaults.
    public init() {}
}

/// What a run did.
public struct BatchRunReport: Sendable {
    /// Counts.
    public var stats: BatchStats
    /// Wall time in seconds.
    public var seconds: Double
    /// Where rejects went.
    public var rejectsPath: String?
    /// Header names the run did not recognise (read past), in header order.
    public var unknownColumns: [UnknownInputColumn] = []
}

/// Runs a batch: streams the input in chunks, evaluates rows on all cores, writes the output in
/// input order, atomically, and every bad row to the rejects file. Memory stays bounded by the
/// chunk size whatever the input's length.
public enum BatchRunner {
    /// Runs the batch. Fatal problems (unreadable input, a missing id or registered_at header,
    /// unwritable output) throw; bad rows do not.
    /// - Parameter observer: told of every temporary file as it is created and of the progress
    ///   after each block (the CLI removes the files on SIGINT and draws a progress line).
    public static func run(
        _ options: BatchRunOptions, evaluator: BatchEvaluator,
        observer: (any BatchRunObserver)? = nil
    ) throws(SrokError) -> BatchRunReport {
        let clock = ContinuousClock()
        let started = clock.now
        try options.validate()
        let input = try BatchInput(options)
        try input.checkColumns(options)
        var reader = input.reader
        let firstBlock = input.firstBlock
        let schema = input.schema
        let headers = input.headers
        let lineBase = input.headerLines
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
            ? XLSXReportLayout(inputHeader: headers, columns: format.columns, language: options.language) : nil
        if let layout {
            format.columns = layout.columns
            format.reportTexts = layout.texts
        }

        // Sinks: the output set's paths checked (no folder, link or device replaced, no two
        // naming one file or the input), locked and created, the summary's too, so that a bad
        // path fails the run before any file is replaced.
        let files = try OutputSet(
            OutputTargets(options), durable: options.durable, waitForLock: options.waitForLock, observer: observer,
            report: layout.map { XLSXReportSetup(layout: $0, writer: options.xlsxWriter) })
        defer { files.release() }
        let report = files.output as? XLSXReportSink
        // CSV output and the rejects in the input's encoding and delimiter unless told otherwise.
        let textEncoding =
            options.outputEncoding
            ?? (input.kind == .csv ? OutputEncoding(input: input.encoding, bom: input.bom) : .utf8)
        var rejectsDelimiter = Character(",")
        if input.kind == .csv, let d = input.delimiter { rejectsDelimiter = Character(Unicode.Scalar(d)) }
        if case .csv(let od) = format.output, options.outputDelimiter != nil || input.kind != .csv {
            rejectsDelimiter = Character(Unicode.Scalar(od))
        }
        let output: any OutputSink
        let rejectsFile: any OutputSink
        do {
            if case .csv = format.output {
                output = try EncodingSink.wrap(files.output, encoding: textEncoding)
            } else {
                output = files.output
            }
            rejectsFile = try EncodingSink.wrap(files.rejects, encoding: textEncoding)
        } catch {
            files.abandon()
            throw error
        }
        let summaryFile = files.summary
        let rejectsPath = files.targets.rejects.path
        do {
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

            let jobs = max(1, options.jobs)
            // Segments of at most about 512 KB (one per worker, more for large chunks): their
            // output, about twice as long, is still in cache when it is written out.
            reader.parts = max(jobs, options.chunkBytes / (512 << 10))
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
            var next = try reader.next(firstBlock, started: true)
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
                next = try reader.next(spareBlocks.popLast() ?? InputBlock(capacity: options.chunkBytes * 2))
            }
            while !inflight.isEmpty { try drain() }
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
            try report?.finish(stats: stats, input: options.input, evaluator: evaluator)
            try files.prepareRows()
            let elapsed = clock.now - started
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            if let summaryFile {
                var summary = stats.json(
                    seconds: seconds, input: options.input, output: options.output, rejects: rejectsPath,
                    lang: options.language)
                if let unknown = schema?.unknown, !unknown.isEmpty {
                    summary.add("unknown_columns", unknown.map(\.json))
                }
                try summaryFile.write(Array((summary.text + "\n").utf8))
            }
            // Everything written and synced, then renamed: the rejects, the summary, the output last.
            try files.commit(observer: observer)
            return BatchRunReport(
                stats: stats, seconds: seconds, rejectsPath: rejectsPath, unknownColumns: schema?.unknown ?? [])
        } catch {
            files.abandon()
            throw error
        }
    }

    /// The CSV header: the record at `start` in `head`, bounded by ``BatchLimits/headerBytes``
    /// and ``BatchLimits/headerColumns`` (an error echoes at most ``BatchLimits/echoCharacters``
    /// of it). `wholeInput` says `head` holds the whole input (the header may then end without a
    /// line end).
    static func readHeader(
        _ head: UnsafeBufferPointer<UInt8>, from start: Int, delimiter d: UInt8,
        wholeInput: Bool
    ) throws(SrokError) -> (names: [String], next: Int, lines: Int) {
        let limit = BatchLimits.headerBytes
        // One byte past the limit: enough to tell a header of the limit's length from a longer one.
        let end = min(head.count, start + limit + 1)
        func echo() -> String {
            let text = String(
                decoding: UnsafeBufferPointer(rebasing: head[start..<min(end, start + 4 * BatchLimits.echoCharacters)]),
                as: UTF8.self)
            return BatchLimits.echo(text)
        }
        let expected = LocalizedText(
            ru: "строка заголовка CSV со столбцами id и registered_at", en: "a CSV header row with id and registered_at"
        )
        guard start < end else {
            throw .invalidValue(
                field: "header", value: "",
                expected: expected + LocalizedText(ru: " (вход пуст)", en: " (the input is empty)"))
        }
        var t = CSVTokenizer(delimiter: d)
        let next: Int
        let lines: Int
        switch t.read(head, from: start, end: end) {
        case .record(let n, let l):
            next = n
            lines = l
        case .unbalancedQuote:
            throw .invalidValue(
                field: "header", value: echo(),
                expected: expected
                    + LocalizedText(
                        ru: " (имя в кавычках не закрыто в пределах \(limit) байт)",
                        en: " (a quoted name is not closed within \(limit) bytes)"))
        case .junkAfterQuote:
            throw .invalidValue(
                field: "header", value: echo(),
                expected: expected
                    + LocalizedText(
                        ru: " (кавычку внутри имени нужно удвоить: \"\")",
                        en: " (a quote inside a name must be doubled: \"\")"))
        }
        let endsWithLineEnd = next > start && (head[next - 1] == LineEnds.lf || head[next - 1] == LineEnds.cr)
        guard next - start <= limit, endsWithLineEnd || (wholeInput && next == head.count) else {
            throw .invalidValue(
                field: "header", value: echo(),
                expected: expected
                    + LocalizedText(
                        ru: " не длиннее \(limit) байт, заканчивающаяся переводом строки; первая строка длиннее",
                        en:
                            " of at most \(limit) bytes (BatchLimits.headerBytes) ending with a line break; the first line is longer"
                    )
            )
        }
        guard t.count <= BatchLimits.headerColumns else {
            throw .invalidValue(
                field: "header", value: echo(),
                expected: expected
                    + LocalizedText(
                        ru: " не больше чем из \(BatchLimits.headerColumns) столбцов; в ней \(t.count)",
                        en:
                            " of at most \(BatchLimits.headerColumns) columns (BatchLimits.headerColumns); it has \(t.count)"
                    ))
        }
        let record = t.record
        var names: [String] = []
        names.reserveCapacity(t.count)
        for k in 0..<t.count { names.append(String(decoding: record[t.range(k)], as: UTF8.self).trimmingSpaces) }
        // Line breaks the reader does not split at (NEL, LS, PS) or control bytes (UTF-16 text's
        // NULs) would make the whole input one header and leave no row: say so instead. (A TAB,
        // and a line break inside a quoted name, are the writer's choice.)
        func isForeign(_ c: Unicode.Scalar) -> Bool {
            (c.value < 0x20 && c != "\t" && c != "\n" && c != "\r") || c.value == 0x7F || c.value == 0x85
                || c.value == 0x2028 || c.value == 0x2029
        }
        if names.contains(where: { $0.unicodeScalars.contains(where: isForeign) }) {
            throw .invalidValue(
                field: "header", value: echo(),
                expected: expected
                    + LocalizedText(
                        ru:
                            " в UTF-8 со строками, оканчивающимися на LF, CRLF или CR; в ней управляющий символ или разделитель строк Юникода (U+0085, U+2028, U+2029)",
                        en:
                            " in UTF-8 with lines ending in LF, CRLF or CR; it holds a control character or a Unicode line separator (U+0085, U+2028, U+2029)"
                    )
            )
        }
        return (names, next, lines)
    }
}
