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
        let stream = try BatchStream(input: input, options: options)
        let schema = input.schema

        // Sinks: the output set's paths checked (no folder, link or device replaced, no two
        // naming one file or the input), locked and created, the summary's too, so that a bad
        // path fails the run before any file is replaced.
        let files = try OutputSet(
            OutputTargets(options), durable: options.durable, waitForLock: options.waitForLock, observer: observer,
            report: stream.layout.map { XLSXReportSetup(layout: $0, writer: options.xlsxWriter) })
        defer { files.release() }
        let report = files.output as? XLSXReportSink
        let summaryFile = files.summary
        let rejectsPath = files.targets.rejects.path
        do {
            let stats = try stream.run(
                evaluator: evaluator, jobs: options.jobs, output: files.output, rejects: files.rejects, report: report,
                observer: observer)
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
