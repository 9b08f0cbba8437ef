import ArgumentParser
import Foundation
import Srok

/// `srok batch`: recomputes every due time and status of an export, in parallel, atomically.
struct BatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract:
            "Пересчёт сроков и статусов выгрузки сообщений. Recomputes due times and statuses of an XLSX, CSV or JSON Lines export.",
        discussion: """
            Input columns by header name (case-insensitive) or the ПОС export's Russian names: id (Номер),
            registered_at (Дата поступления), tz, region, profile, term_days, fast_track_days (Фаст-трек),
            category (Категория), subcategory (Подкатегория), regime (ФЗ), stage (Стадия), stage_entered_at,
            postponed_until (several: d1;d2), extension_days, closed_at, organisation, outcome (Тип решения),
            rejection_reason (Причина отклонения), appeal_chosen (Заявитель выбрал подачу по 59-ФЗ: appeal when it or
            ФЗ says 59-ФЗ), pos_planned_date (Дата планируемого завершения работ: adds the planned_check audit).
            The export's other columns (Номер ЕПГУ, Источник, Статус, Просрочено …) are carried, not used; any other
            header is reported once (--strict-columns: an error). An .xlsx input (by content or name) is read directly:
            the first sheet (--sheet), the header found below title rows, date cells read in the row's zone. CSV input
            in UTF-8, UTF-16 (BOM) or Windows-1251 is detected (--encoding), and CSV output and rejects keep its
            encoding and delimiter (--output-encoding, --output-delimiter). A row with a stage but no stage_entered_at
            is taken to have entered it when the plan says it starts (the previous stage's planned due time).
            Exit codes: 0 all rows good; 1 some rows
            rejected (the output is complete for the good ones; each bad row is in the rejects file); 2 fatal.
            """
    )

    @Argument(
        help: "The input file (.xlsx, .csv, .jsonl), or - for standard input (CSV or JSON Lines).",
        completion: .file())
    var input: String = "-"
    @Option(
        name: .shortAndLong,
        help:
            "The output file (written atomically), or - for standard output; a name ending in .xlsx writes an Excel report.",
        completion: .file())
    var output: String = "-"
    @Option(
        name: .long, help: "The rejects file (default: <output>.rejects.csv, or srok-rejects.csv for standard output).",
        completion: .file())
    var rejects: String?
    @Option(name: .customLong("summary-json"), help: "Write the summary as JSON to this file.", completion: .jsonFile)
    var summaryJSON: String?
    @Option(
        name: .customLong("input-format"),
        help: "The input's format (default: xlsx by content or extension, jsonl by .jsonl/.ndjson, else csv)."
    ) var inputFormat: BatchInputFormat?
    @Option(
        name: .long, help: "The worksheet of an .xlsx input: its name, or its position from 1 (default: the first).")
    var sheet: String?
    @Option(
        name: .long,
        help:
            "The text encoding of a CSV input (default: auto — a BOM, else UTF-8 when valid, else Windows-1251). Also utf8, utf-16, cp1251, 1251."
    ) var encoding: InputEncodingArgument?
    @Option(
        name: .customLong("output-encoding"),
        help: "The encoding of CSV output and of the rejects file (default: the CSV input's; UTF-8 otherwise).")
    var outputEncoding: OutputEncodingArgument?
    @Flag(
        name: .customLong("strict-columns"),
        help: "Make a header the batch does not recognise an error (exit 2, nothing written) instead of a warning.")
    var strictColumns = false
    @Option(
        name: .customLong("output-format"),
        help:
            "The output's format: csv, jsonl, or xlsx, an Excel report in --lang (default: xlsx for an output named *.xlsx, else the input's)."
    ) var outputFormat: BatchOutputFormat?
    @Option(
        name: .customLong("xlsx-writer"),
        help: ArgumentHelp("The Excel report's writer: stream or libxlsxwriter (benchmarks).", visibility: .hidden))
    var xlsxWriter: String?
    @Option(
        name: .long,
        help:
            "The CSV delimiter, also written , ; or \\t (default: detected from the header; with .xlsx or JSON Lines input, the CSV output's)."
    )
    var delimiter: CSVDelimiter?
    @Option(
        name: .customLong("output-delimiter"),
        help:
            "The output CSV delimiter, also the rejects file's (default: the input's; a comma for .xlsx and JSON Lines)."
    )
    var outputDelimiter: CSVDelimiter?
    @Option(
        name: .long,
        help:
            "Output columns in order, comma-separated (default: id,due_date,due,moderation_due,…,rolled,original_due,due_reason,next_control,next_control_due,overdue_controls,controls_overdue_count)."
    ) var columns: String?
    @Option(name: .shortAndLong, help: "Worker threads, 1–256 (default: the number of cores, at most 256).") var jobs:
        Int?
    @Flag(name: .customLong("no-progress"), help: "No progress line on stderr.") var noProgress = false
    @Flag(
        name: .customLong("no-fsync"),
        help:
            "Do not force the output to disk before renaming it into place (faster on slow disks; a killed run still leaves no partial file, but a power loss right after the run may lose the new output)."
    ) var noFsync = false
    @Flag(
        name: .customLong("no-wait"),
        help:
            "When another srok run is writing the same output file, fail at once (exit 2) instead of waiting for it to finish."
    ) var noWait = false
    @Option(name: .customLong("as-of"), help: "Evaluate statuses as of this instant (default: now).") var asOf: String?
    @Option(name: .long, help: "Default profile for rows without one.", completion: .profiles) var profile: String =
        "federal"
    @Option(name: .long, help: "Default IANA zone for rows without one (default: the profile's).", completion: .zones)
    var tz: String?
    @Option(name: .long, help: "How the term is counted (default: each profile's).") var count: CountConvention?
    @Option(name: .long, help: "How a non-working last day moves (default: each profile's).") var roll: RollConvention?
    @Option(name: .long, help: "How stage budgets are measured (default: each profile's).") var basis: StageBasis?
    @Flag(name: .customLong("roll-stages"), help: "Roll planned stage due times off non-working days too.")
    var rollStages = false
    @Option(name: .customLong("profile-file"), help: "A profile file to load; repeatable.", completion: .profileFile)
    var profileFiles: [String] = []
    @Flag(
        name: .customLong("strict-categories"),
        help:
            "Reject rows whose category is not a fast-track category of their profile (default: such rows get the general term)."
    ) var strictCategories = false
    @Flag(
        name: .customLong("lenient-fast-track"),
        help: "Accept any fast-track term from 1 day to the act's longest (default: only the terms the act lists)."
    ) var lenientFastTrack = false
    @Option(
        name: .customLong("chunk-bytes"),
        help: ArgumentHelp("Input chunk size in bytes, 64 to 1 GiB (tuning and tests).", visibility: .hidden))
    var chunkBytes: Int?
    @Option(
        name: .customLong("max-record-bytes"),
        help:
            "The longest input record read, in bytes, 64 to 1 GiB (default 16 MiB); a longer one is one reject and reading goes on after it."
    ) var maxRecordBytes: Int?
    @Flag(
        name: .customLong("no-formula-escape"),
        help:
            "Write input text that starts with = + - @ TAB or CR as it is in CSV output and in the rejects (default: prefixed with ' so that a spreadsheet does not run it as a formula)."
    ) var noFormulaEscape = false
    @OptionGroup var common: CalendarOptionsGroup

    /// The accepted `--jobs`, `--chunk-bytes` and `--max-record-bytes` (the library's own bounds).
    static let jobsRange = BatchLimits.jobsRange, chunkBytesRange = BatchLimits.chunkBytesRange
    static let maxRecordBytesRange = BatchLimits.maxRecordBytesRange

    mutating func validate() throws {
        if let jobs, !Self.jobsRange.contains(jobs) {
            throw ValidationError.invalidValue("--jobs", jobs, expected: "1–256")
        }
        if let chunkBytes, !Self.chunkBytesRange.contains(chunkBytes) {
            throw ValidationError.invalidValue("--chunk-bytes", chunkBytes, expected: "64 to 1073741824 (1 GiB)")
        }
        if let maxRecordBytes, !Self.maxRecordBytesRange.contains(maxRecordBytes) {
            throw ValidationError.invalidValue(
                "--max-record-bytes", maxRecordBytes, expected: "64 to 1073741824 (1 GiB)")
        }
        if let sheet, inputFormat == .csv || inputFormat == .jsonl || input == "-" {
            throw ValidationError("--sheet '\(sheet)' applies to an .xlsx input only")
        }
        if let encoding, inputFormat == .xlsx || inputFormat == .jsonl {
            throw ValidationError(
                "--encoding \(encoding.rawValue) applies to CSV input only (.xlsx is read as the workbook says, JSON Lines is UTF-8)"
            )
        }
        if let outputEncoding, outputFormat == .jsonl || outputFormat == .xlsx {
            throw ValidationError(
                "--output-encoding \(outputEncoding.rawValue) applies to CSV output only (JSON Lines is UTF-8, a workbook has none)"
            )
        }
    }

    func run() throws {
        let context = try common.context(profileFiles: profileFiles)
        let zoneForAsOf = try context.zone(tz ?? context.profile(profile).zone.value)
        let now = Instant(secondsSinceEpoch: Int64(Date().timeIntervalSince1970))
        var defaults = BatchDefaults(
            asOf: try asOf.map { try Timestamp(parsing: $0, field: "--as-of").resolve(in: zoneForAsOf) } ?? now)
        defaults.profile = profile
        _ = try context.profile(profile)
        defaults.tz = tz
        if let tz { _ = try context.zone(tz) }
        defaults.region = common.region
        if let region = common.region { _ = try context.calendar(region: region) }
        defaults.conventions.count = count
        defaults.conventions.roll = roll
        defaults.conventions.basis = basis
        defaults.conventions.rollStageDueTimes = rollStages ? true : nil
        defaults.strictCategories = strictCategories
        defaults.lenientFastTrack = lenientFastTrack
        var options = BatchRunOptions()
        options.input = input
        options.output = output
        options.rejects = rejects
        options.summaryJSON = summaryJSON
        options.inputFormat = inputFormat?.rawValue
        options.sheet = sheet
        if let encoding { options.encoding = encoding.encoding }
        options.outputEncoding = outputEncoding?.encoding
        options.strictColumns = strictColumns
        options.outputFormat = outputFormat?.rawValue
        options.language = common.lang
        if let xlsxWriter {
            guard let kind = XLSXWriterKind(rawValue: xlsxWriter) else {
                throw ValidationError.invalidValue("--xlsx-writer", xlsxWriter, expected: "stream or libxlsxwriter")
            }
            options.xlsxWriter = kind
        }
        options.delimiter = delimiter?.byte
        options.outputDelimiter = outputDelimiter?.byte
        if let columns { options.columns = try OutputColumn.parse(columns) }
        options.jobs = jobs ?? min(ProcessInfo.processInfo.activeProcessorCount, Self.jobsRange.upperBound)
        options.durable = !noFsync
        options.waitForLock = !noWait
        if let chunkBytes { options.chunkBytes = chunkBytes }
        if let maxRecordBytes { options.maxRecordBytes = maxRecordBytes }
        options.formulaEscape = !noFormulaEscape
        // A reader that goes away (`srok batch … -o - | head`) must end the run with an error and
        // its temporary files removed, not kill the process by SIGPIPE.
        signal(SIGPIPE, SIG_IGN)
        // Watch for interruption before the run creates anything or starts its worker threads.
        let terminal = BatchRunTerminal(progress: !noProgress && isatty(2) == 1)
        defer { terminal.finish() }
        let report = try BatchRunner.run(
            options, evaluator: BatchEvaluator(context: context, defaults: defaults), observer: terminal)
        terminal.finish()
        StandardStreams.error(report.stats.text(seconds: report.seconds, rejectsPath: report.rejectsPath) + "\n")
        // Headers read past, once, in the summary.
        for column in report.unknownColumns { StandardStreams.error("  " + column.message(common.lang) + "\n") }
        if report.stats.rejected > 0 { throw CommandExitCode(code: 1) }
    }
}
