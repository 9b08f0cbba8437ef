import ArgumentParser
import Foundation
import Srok

/// `srok batch`: recomputes every due time and status of an export, in parallel, atomically.
struct BatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: tr(
            "Пересчёт сроков и статусов выгрузки сообщений (XLSX, CSV или JSON Lines).",
            "Recomputes due times and statuses of an XLSX, CSV or JSON Lines export."),
        // One paragraph each (a line ending in `\` continues it): ArgumentParser wraps it to the terminal.
        discussion: tr(
            """
            Столбцы входа — по имени заголовка (без учёта регистра) или по русским названиям выгрузки ПОС: id (Номер), \
            registered_at (Дата поступления), tz, region, profile, term_days, fast_track_days (Фаст-трек: число дней или \
            Да — тогда срок по категории из каталога профиля), category (Категория), subcategory (Подкатегория), regime (ФЗ), \
            stage (Стадия), stage_entered_at, postponed_until (несколько: ДАТА1;ДАТА2), extension_days, closed_at, organisation, \
            outcome (Тип решения), rejection_reason (Причина отклонения), appeal_chosen (Заявитель выбрал подачу по 59-ФЗ: \
            обращение, если он или ФЗ говорит 59-ФЗ), pos_planned_date (Дата планируемого завершения работ: добавляет \
            сверку planned_check). Остальные столбцы выгрузки (Номер ЕПГУ, Источник, Статус, Просрочено …) переносятся, \
            но не используются; о любом другом заголовке сообщается один раз (с --strict-columns это ошибка). Файл .xlsx \
            (по содержимому или имени) читается напрямую: первый лист (--sheet), заголовок ищется и под строками \
            названия, ячейки с датами читаются в часовом поясе строки. Кодировка входа CSV (UTF-8, UTF-16 с BOM или \
            Windows-1251) определяется сама (--encoding); вывод CSV и файл отклонённых строк сохраняют кодировку и \
            разделитель входа (--output-encoding, --output-delimiter); вывод в файл *.xlsx — отчёт Excel. Строка с \
            этапом без stage_entered_at считается поступившей на этап тогда, когда он начинается по плану (плановый срок \
            предыдущего этапа). Даты и время: 2024-03-29T10:15+03:00, 2024-03-29 10:15, 29.03.2024 10:15, 1.3.2025 9:05, \
            01.03.2025 09:05:00, 29.03.2024; двузначный год (01.03.25) не принимается. Строка «Фаст-трек: Да» без записи \
            в каталоге категорий или с категорией не из профиля считается с общим сроком и помечается в столбце warnings \
            (fast-track-without-category, category-not-in-profile); с --strict-categories такая строка отклоняется. \
            Сообщение, зарегистрированное позже --as-of, получает статус not-yet-registered («ещё не поступило»). \
            Столбцы с текстом на языке --lang (не входят в набор по умолчанию, выбираются в --columns): status_text, \
            stage_text, stage_status_text, rolled_text, due_reason_text, next_control_text, overdue_controls_text, \
            planned_check_text, warnings_text. Коды выхода: 0 — все строки приняты; 1 — часть строк отклонена (вывод \
            полон для остальных, каждая отклонённая строка — в файле отклонённых); 2 — неустранимая ошибка.
            """,
            """
            Input columns by header name (case-insensitive) or the ПОС export's Russian names: id (Номер), \
            registered_at (Дата поступления), tz, region, profile, term_days, fast_track_days (Фаст-трек), \
            category (Категория), subcategory (Подкатегория), regime (ФЗ), stage (Стадия), stage_entered_at, \
            postponed_until (several: d1;d2), extension_days, closed_at, organisation, outcome (Тип решения), \
            rejection_reason (Причина отклонения), appeal_chosen (Заявитель выбрал подачу по 59-ФЗ: appeal when it or \
            ФЗ says 59-ФЗ), pos_planned_date (Дата планируемого завершения работ: adds the planned_check audit). \
            The export's other columns (the platform's own: Номер ЕПГУ, Источник …) are carried, not used; any other \
            header is reported once (--strict-columns: an error). An .xlsx input (by content or name) is read directly: \
            the first sheet (--sheet), the header found below title rows, date cells read in the row's zone. CSV input \
            in UTF-8, UTF-16 (BOM) or Windows-1251 is detected (--encoding), and CSV output and rejects keep its \
            encoding and delimiter (--output-encoding, --output-delimiter). A row with a stage but no stage_entered_at \
            is taken to have entered it when the plan says it starts (the previous stage's planned due time). \
            Dates and times: 2024-03-29T10:15+03:00, 2024-03-29 10:15, 29.03.2024 10:15, 1.3.2025 9:05, \
            01.03.2025 09:05:00, 29.03.2024; a two-digit year (01.03.25) is refused. A row marked fast-track («Да») \
            with no category catalogue entry, or a category not in its profile, gets the general term and is flagged \
            in the warnings column (fast-track-without-category, category-not-in-profile); --strict-categories \
            rejects it instead. A message registered after --as-of gets the status not-yet-registered. Columns in \
            words, in --lang (not in the default set; choose them with --columns): status_text, stage_text, \
            stage_status_text, rolled_text, due_reason_text, next_control_text, overdue_controls_text, \
            planned_check_text, warnings_text. \
            Exit codes: 0 all rows good; 1 some rows \
            rejected (the output is complete for the good ones; each bad row is in the rejects file); 2 fatal.
            """
        )
    )

    @Argument(
        help: help(
            "Входной файл (.xlsx, .csv, .jsonl) или - для стандартного ввода (CSV или JSON Lines).",
            "The input file (.xlsx, .csv, .jsonl), or - for standard input (CSV or JSON Lines)."),
        completion: .file())
    var input: String = "-"
    @Option(
        name: .shortAndLong,
        help: help(
            "Выходной файл (записывается атомарно) или - для стандартного вывода; имя на .xlsx — отчёт Excel.",
            "The output file (written atomically), or - for standard output; a name ending in .xlsx writes an Excel report."
        ),
        completion: .file())
    var output: String = "-"
    @Option(
        name: .long,
        help: help(
            "Файл отклонённых строк (по умолчанию <вывод>.rejects.csv или srok-rejects.csv при выводе в стандартный вывод).",
            "The rejects file (default: <output>.rejects.csv, or srok-rejects.csv for standard output)."),
        completion: .file())
    var rejects: String?
    @Option(
        name: .customLong("summary-json"),
        help: help("Записать сводку в этот файл в формате JSON.", "Write the summary as JSON to this file."),
        completion: .jsonFile)
    var summaryJSON: String?
    @Option(
        name: .customLong("input-format"),
        help: help(
            "Формат входа (по умолчанию xlsx — по содержимому или расширению, jsonl — по .jsonl/.ndjson, иначе csv).",
            "The input's format (default: xlsx by content or extension, jsonl by .jsonl/.ndjson, else csv)."))
    var inputFormat: BatchInputFormat?
    @Option(
        name: .long,
        help: help(
            "Лист входа .xlsx: его название или номер с 1 (по умолчанию первый).",
            "The worksheet of an .xlsx input: its name, or its position from 1 (default: the first)."))
    var sheet: String?
    @Option(
        name: .long,
        help: help(
            "Кодировка входа CSV (по умолчанию auto — по BOM, иначе UTF-8, если текст в ней допустим, иначе Windows-1251). Также utf8, utf-16, cp1251, 1251.",
            "The text encoding of a CSV input (default: auto — a BOM, else UTF-8 when valid, else Windows-1251). Also utf8, utf-16, cp1251, 1251."
        ))
    var encoding: InputEncodingArgument?
    @Option(
        name: .customLong("output-encoding"),
        help: help(
            "Кодировка вывода CSV и файла отклонённых строк (по умолчанию — как у входа CSV, иначе UTF-8).",
            "The encoding of CSV output and of the rejects file (default: the CSV input's; UTF-8 otherwise)."))
    var outputEncoding: OutputEncodingArgument?
    @Flag(
        name: .customLong("strict-columns"),
        help: help(
            "Нераспознанный заголовок — ошибка (код 2, ничего не записывается), а не предупреждение.",
            "Make a header the batch does not recognise an error (exit 2, nothing written) instead of a warning."))
    var strictColumns = false
    @Option(
        name: .customLong("output-format"),
        help: help(
            "Формат вывода: csv, jsonl или xlsx — отчёт Excel на языке --lang (по умолчанию xlsx для вывода *.xlsx, иначе как у входа).",
            "The output's format: csv, jsonl, or xlsx, an Excel report in --lang (default: xlsx for an output named *.xlsx, else the input's)."
        ))
    var outputFormat: BatchOutputFormat?
    @Option(
        name: .customLong("xlsx-writer"),
        help: ArgumentHelp("The Excel report's writer: stream or libxlsxwriter (benchmarks).", visibility: .hidden))
    var xlsxWriter: String?
    @Option(
        name: .long,
        help: help(
            "Разделитель CSV, можно писать , ; или \\t (по умолчанию — определяется по заголовку; при входе .xlsx или JSON Lines — разделитель вывода CSV).",
            "The CSV delimiter, also written , ; or \\t (default: detected from the header; with .xlsx or JSON Lines input, the CSV output's)."
        ))
    var delimiter: CSVDelimiter?
    @Option(
        name: .customLong("output-delimiter"),
        help: help(
            "Разделитель вывода CSV и файла отклонённых строк (по умолчанию — как у входа; запятая при входе .xlsx и JSON Lines).",
            "The output CSV delimiter, also the rejects file's (default: the input's; a comma for .xlsx and JSON Lines)."
        ))
    var outputDelimiter: CSVDelimiter?
    @Option(
        name: .long,
        help: help(
            "Столбцы вывода по порядку, через запятую (по умолчанию id,due_date,due,moderation_due,…,rolled,original_due,due_reason,next_control,next_control_due,overdue_controls,controls_overdue_count,warnings; есть и текстовые: status_text, rolled_text, next_control_text, warnings_text …).",
            "Output columns in order, comma-separated (default: id,due_date,due,moderation_due,…,rolled,original_due,due_reason,next_control,next_control_due,overdue_controls,controls_overdue_count,warnings; columns in words too: status_text, rolled_text, next_control_text, warnings_text …)."
        )
    ) var columns: String?
    @Option(
        name: .shortAndLong,
        help: help(
            "Рабочих потоков, 1–256 (по умолчанию — по числу ядер, не больше 256).",
            "Worker threads, 1–256 (default: the number of cores, at most 256)."))
    var jobs: Int?
    @Flag(
        name: .customLong("no-progress"),
        help: help("Без строки хода работы в стандартном потоке ошибок.", "No progress line on stderr."))
    var noProgress = false
    @Flag(
        name: .customLong("no-fsync"),
        help: help(
            "Не сбрасывать вывод на диск перед переименованием на место (быстрее на медленных дисках; прерванный запуск всё равно не оставит неполного файла, но отключение питания сразу после запуска может потерять новый вывод).",
            "Do not force the output to disk before renaming it into place (faster on slow disks; a killed run still leaves no partial file, but a power loss right after the run may lose the new output)."
        )
    ) var noFsync = false
    @Flag(
        name: .customLong("no-wait"),
        help: help(
            "Если тот же выходной файл пишет другой запуск srok, сразу завершиться с ошибкой (код 2), а не ждать его.",
            "When another srok run is writing the same output file, fail at once (exit 2) instead of waiting for it to finish."
        )
    ) var noWait = false
    @Option(
        name: .customLong("as-of"),
        help: help(
            "Оценить состояния на этот момент (по умолчанию — сейчас).",
            "Evaluate statuses as of this instant (default: now)."))
    var asOf: String?
    @Option(
        name: .long,
        help: help("Профиль по умолчанию для строк без профиля.", "Default profile for rows without one."),
        completion: .profiles)
    var profile: String = "federal"
    @Option(
        name: .long,
        help: help(
            "Часовой пояс IANA по умолчанию для строк без него (по умолчанию — профиля).",
            "Default IANA zone for rows without one (default: the profile's)."),
        completion: .zones)
    var tz: String?
    @Option(
        name: .long,
        help: help(
            "Как считается срок (по умолчанию — по профилю каждой строки).",
            "How the term is counted (default: each profile's)."))
    var count: CountConvention?
    @Option(
        name: .long,
        help: help(
            "Как переносится нерабочий последний день (по умолчанию — по профилю).",
            "How a non-working last day moves (default: each profile's)."))
    var roll: RollConvention?
    @Option(
        name: .long,
        help: help(
            "Как измеряются бюджеты этапов (по умолчанию — по профилю).",
            "How stage budgets are measured (default: each profile's)."))
    var basis: StageBasis?
    @Flag(
        name: .customLong("roll-stages"),
        help: help(
            "Переносить с нерабочих дней и плановые сроки этапов.",
            "Roll planned stage due times off non-working days too."))
    var rollStages = false
    @Option(
        name: .customLong("profile-file"),
        help: help("Файл профиля для загрузки; можно повторять.", "A profile file to load; repeatable."),
        completion: .profileFile)
    var profileFiles: [String] = []
    @Flag(
        name: .customLong("strict-categories"),
        help: help(
            "Отклонять строки, чья категория не входит в каталог фаст-треков профиля, и строки «Фаст-трек: Да» без категории (по умолчанию такие строки считаются с общим сроком, а отмеченные фаст-треком получают предупреждение в столбце warnings).",
            "Reject rows whose category is not a fast-track category of their profile, and rows marked fast-track with no category (default: such rows get the general term, and those marked fast-track a warning in the warnings column)."
        )
    ) var strictCategories = false
    @Flag(
        name: .customLong("lenient-fast-track"),
        help: help(
            "Принимать любой срок фаст-трека от 1 дня до самого длинного срока акта (по умолчанию — только сроки, перечисленные в акте).",
            "Accept any fast-track term from 1 day to the act's longest (default: only the terms the act lists)."))
    var lenientFastTrack = false
    @Option(
        name: .customLong("chunk-bytes"),
        help: help(
            "Размер куска входа в байтах, от 64 до 1 ГиБ (настройка и тесты).",
            "Input chunk size in bytes, 64 to 1 GiB (tuning and tests).", visibility: .hidden))
    var chunkBytes: Int?
    @Option(
        name: .customLong("max-record-bytes"),
        help: help(
            "Самая длинная читаемая запись входа в байтах, от 64 до 1 ГиБ (по умолчанию 16 МиБ); более длинная — одна отклонённая строка, чтение продолжается после неё.",
            "The longest input record read, in bytes, 64 to 1 GiB (default 16 MiB); a longer one is one reject and reading goes on after it."
        )
    ) var maxRecordBytes: Int?
    @Flag(
        name: .customLong("no-formula-escape"),
        help: help(
            "Писать текст входа, начинающийся с = + - @ TAB или CR, как есть в вывод CSV и в отклонённые строки (по умолчанию перед ним ставится ', чтобы электронная таблица не выполнила его как формулу).",
            "Write input text that starts with = + - @ TAB or CR as it is in CSV output and in the rejects (default: prefixed with ' so that a spreadsheet does not run it as a formula)."
        )
    ) var noFormulaEscape = false
    @OptionGroup var common: CalendarOptionsGroup

    /// The accepted `--jobs`, `--chunk-bytes` and `--max-record-bytes` (the library's own bounds).
    static let jobsRange = BatchLimits.jobsRange, chunkBytesRange = BatchLimits.chunkBytesRange
    static let maxRecordBytesRange = BatchLimits.maxRecordBytesRange

    /// The sizes `--chunk-bytes` and `--max-record-bytes` accept, in words.
    static let byteRange = LocalizedText(ru: "от 64 до 1073741824 (1 ГиБ)", en: "64 to 1073741824 (1 GiB)")

    mutating func validate() throws {
        if let jobs, !Self.jobsRange.contains(jobs) {
            throw ValidationError.invalidValue("--jobs", jobs, expected: .wholeNumber(from: 1, to: 256))
        }
        if let chunkBytes, !Self.chunkBytesRange.contains(chunkBytes) {
            throw ValidationError.invalidValue("--chunk-bytes", chunkBytes, expected: Self.byteRange)
        }
        if let maxRecordBytes, !Self.maxRecordBytesRange.contains(maxRecordBytes) {
            throw ValidationError.invalidValue("--max-record-bytes", maxRecordBytes, expected: Self.byteRange)
        }
        if let sheet, inputFormat == .csv || inputFormat == .jsonl || input == "-" {
            throw ValidationError(
                tr(
                    "--sheet «\(sheet)» относится только ко входу .xlsx",
                    "--sheet '\(sheet)' applies to an .xlsx input only"))
        }
        if let encoding, inputFormat == .xlsx || inputFormat == .jsonl {
            throw ValidationError(
                tr(
                    "--encoding \(encoding.rawValue) относится только ко входу CSV (.xlsx читается так, как указано в книге, JSON Lines — всегда UTF-8)",
                    "--encoding \(encoding.rawValue) applies to CSV input only (.xlsx is read as the workbook says, JSON Lines is UTF-8)"
                ))
        }
        if let outputEncoding, outputFormat == .jsonl || outputFormat == .xlsx {
            throw ValidationError(
                tr(
                    "--output-encoding \(outputEncoding.rawValue) относится только к выводу CSV (JSON Lines — всегда UTF-8, у книги Excel кодировки нет)",
                    "--output-encoding \(outputEncoding.rawValue) applies to CSV output only (JSON Lines is UTF-8, a workbook has none)"
                ))
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
                throw ValidationError.invalidValue(
                    "--xlsx-writer", xlsxWriter, expected: .oneOf(XLSXWriterKind.allCases.map(\.rawValue)))
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
        StandardStreams.error(
            report.stats.text(seconds: report.seconds, rejectsPath: report.rejectsPath, lang: common.lang) + "\n")
        // Headers read past, once, in the summary.
        for column in report.unknownColumns { StandardStreams.error("  " + column.message(common.lang) + "\n") }
        if report.stats.rejected > 0 { throw CommandExitCode(code: 1) }
    }
}
