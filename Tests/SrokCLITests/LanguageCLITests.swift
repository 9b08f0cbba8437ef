import Foundation
import Testing

/// Issue 12, «One language at a time»: every command and subcommand, run in Russian (the default)
/// and with `--lang en` over representative inputs — results, errors, help, the batch's summary,
/// rejects and text columns. Russian output holds no Latin word but codes, dates, option names,
/// file names and the like (``LanguageAudit/latinLeaks(_:values:)``); English output holds no
/// Cyrillic but data values: the names, titles and citations of `Data/` and the values a user
/// types from the ПОС export (``LanguageAudit/cyrillicLeaks(_:)``).
@Suite("One language at a time")
struct LanguageCLITests {
    /// One run: the arguments (without `--lang`) and what of its output is read by people.
    struct Case: CustomStringConvertible, Sendable {
        /// What the run prints: results (only codes of the data allowed), or an error or help
        /// (the values a user may type allowed too).
        enum Kind: Sendable { case result, error, help }
        var arguments: [String]
        var kind: Kind
        /// The exit status expected.
        var status: Int32 = 0
        /// JSON output: only the values of `*_text` keys are read by people.
        var json = false
        var description: String { arguments.joined(separator: " ") }
    }

    static let registered = ["--registered", "2024-03-29T10:15+03:00"]

    /// Results: every command, with the texts that used to mix languages (rolls, controls,
    /// conventions, statuses, postponements, provisional and regional days).
    static let results: [Case] = [
        Case(arguments: ["due"] + registered + ["--profile", "bryansk"], kind: .result),
        Case(
            arguments: ["due"] + registered + ["--profile", "mamadysh", "--postponed-until", "2024-05-15"],
            kind: .result),
        Case(
            arguments: ["due", "--registered", "1.3.2025 9:05", "--days", "10", "--basis", "workday8"], kind: .result),
        Case(arguments: ["due"] + registered + ["--profile", "brasovsky", "--days", "10"], kind: .result),
        Case(
            arguments: ["due"] + registered + ["--regime", "appeal", "--extension-days", "10", "--roll", "following"],
            kind: .result),
        Case(
            arguments: ["due"] + registered + ["--profile", "bryansk", "--format", "json"], kind: .result, json: true),
        Case(
            arguments: [
                "status", "--history", "examples/history.json", "--stage", "approval@2024-04-25T10:00+03:00",
                "--as-of", "2024-04-30T10:00+03:00",
            ], kind: .result),
        Case(arguments: ["status", "--history", "examples/history.json"], kind: .result),
        Case(
            arguments: ["status", "--history", "examples/history.json", "--format", "json"], kind: .result, json: true),
        Case(
            arguments: ["status"] + registered + ["--as-of", "2024-03-01T10:00+03:00", "--profile", "bryansk"],
            kind: .result),
        Case(
            arguments: [
                "status", "--registered", "2024-03-29T10:15+03:00", "--profile", "krasnodar-krai", "--stage",
                "coordination@2024-03-29T11:00+03:00", "--postponed-until", "2024-05-20", "--closed-at",
                "2024-05-10T10:00+03:00", "--as-of", "2024-05-12T10:00+03:00",
            ], kind: .result),
        Case(arguments: ["table", "--days", "1,10,30"], kind: .result),
        Case(arguments: ["table", "--days", "10", "--basis", "workday8", "--profile", "brasovsky"], kind: .result),
        Case(arguments: ["profiles"], kind: .result),
        Case(arguments: ["profiles", "bryansk"], kind: .result),
        Case(arguments: ["profiles", "mamadysh"], kind: .result),
        Case(arguments: ["profiles", "krasnodar-krai"], kind: .result),
        Case(arguments: ["profiles", "--explain", "brasovsky"], kind: .result),
        Case(arguments: ["profiles", "--explain", "bryansk"], kind: .result),
        Case(arguments: ["profiles", "--explain", "krasnodar-krai"], kind: .result),
        Case(arguments: ["profiles", "--explain", "mamadysh"], kind: .result),
        Case(arguments: ["profiles", "--explain", "staritsa"], kind: .result),
        Case(arguments: ["profiles", "--explain", "federal"], kind: .result),
        Case(arguments: ["regulation", "check", "brasovsky"], kind: .result, status: 1),
        Case(arguments: ["day", "2024-04-27"], kind: .result),
        Case(arguments: ["day", "29.04.2024"], kind: .result),
        Case(arguments: ["day", "2025-03-31", "--region", "RU-BA"], kind: .result),
        Case(arguments: ["day", "2027-03-09", "--region", "RU-TA"], kind: .result),
        Case(arguments: ["day", "2020-04-01", "--presidential-days", "non-working"], kind: .result),
        Case(arguments: ["day", "2024-02-22"], kind: .result),
        Case(arguments: ["day", "2028-01-10", "--provisional", "2030"], kind: .result),
        Case(arguments: ["day", "2024-04-29", "--format", "json"], kind: .result, json: true),
        Case(arguments: ["calendar", "2024"], kind: .result),
        Case(arguments: ["calendar", "2025", "--region", "RU-TA"], kind: .result),
        Case(arguments: ["add", "2024-04-26", "3", "--working"], kind: .result),
        Case(arguments: ["add", "2024-04-26", "3", "--roll", "following"], kind: .result),
        Case(arguments: ["between", "2024-04-01", "2024-04-30"], kind: .result),
        Case(arguments: ["roll", "2024-04-28", "--convention", "following"], kind: .result),
        Case(arguments: ["roll", "2024-04-27"], kind: .result),
        Case(arguments: ["version"], kind: .result),
    ]

    /// Errors: from the core, the batch's library, the CLI's checks and ArgumentParser itself.
    static let errors: [Case] = [
        Case(arguments: ["due", "--registered", "01.03.25"], kind: .error, status: 2),
        Case(arguments: ["due", "--registered", "yesterday"], kind: .error, status: 2),
        Case(arguments: ["due"], kind: .error, status: 2),
        Case(arguments: ["due"] + registered + ["--days", "31"], kind: .error, status: 2),
        Case(arguments: ["due"] + registered + ["--profile", "nowhere"], kind: .error, status: 2),
        Case(arguments: ["due"] + registered + ["--tz", "Mars/Olympus"], kind: .error, status: 2),
        Case(
            arguments: ["due"] + registered + ["--profile", "mamadysh", "--fast-track", "4"], kind: .error, status: 2),
        Case(arguments: ["due"] + registered + ["--migration"], kind: .error, status: 2),
        Case(arguments: ["due"] + registered + ["--extension-days", "5"], kind: .error, status: 2),
        Case(arguments: ["due"] + registered + ["--schedule", "9-18"], kind: .error, status: 2),
        Case(
            arguments: ["due"] + registered + ["--profile", "mamadysh", "--postponed-until", "2024-04-20"]
                + ["--postponed-until", "2024-04-25"], kind: .error, status: 2),
        Case(arguments: ["due", "--registered", "2031-06-01T10:00+03:00"], kind: .error, status: 2),
        Case(arguments: ["due"] + registered + ["--basis", "clock8"], kind: .error, status: 2),
        Case(arguments: ["due"] + registered + ["--bogus"], kind: .error, status: 2),
        Case(
            arguments: ["status"] + registered + ["--profile", "krasnodar-krai", "--outcome", "Отклонено"],
            kind: .error, status: 2),
        Case(
            arguments: ["status"] + registered + ["--stage", "lunch@2024-03-30T10:00+03:00"], kind: .error, status: 2),
        Case(arguments: ["status"] + registered + ["--stage", "execution"], kind: .error, status: 2),
        Case(arguments: ["status", "--history", "/nonexistent/srok-history.json"], kind: .error, status: 2),
        Case(arguments: ["day"], kind: .error, status: 2),
        Case(arguments: ["day", "2025-02-30"], kind: .error, status: 2),
        Case(arguments: ["day", "2028-01-10"], kind: .error, status: 2),
        Case(arguments: ["day", "1998-06-01"], kind: .error, status: 2),
        Case(arguments: ["day", "2027-03-09", "--region", "RU-TA", "--strict-regional"], kind: .error, status: 2),
        Case(arguments: ["day", "2024-01-01", "--region", "Атлантида"], kind: .error, status: 2),
        Case(arguments: ["day", "2024-01-01", "--provisional", "2300"], kind: .error, status: 2),
        Case(arguments: ["calendar", "99999"], kind: .error, status: 2),
        Case(arguments: ["add", "2024-01-01", "100001"], kind: .error, status: 2),
        Case(arguments: ["between", "2024-04-30", "2024-04-01"], kind: .error, status: 2),
        Case(arguments: ["table", "--days", "7,0"], kind: .error, status: 2),
        Case(arguments: ["profiles", "nowhere"], kind: .error, status: 2),
        Case(arguments: ["regulation", "check", "nowhere"], kind: .error, status: 2),
        Case(arguments: ["batch", "/nonexistent/in.csv", "-o", "-"], kind: .error, status: 2),
        Case(arguments: ["batch", "-", "-o", "-", "-j", "0"], kind: .error, status: 2),
        Case(arguments: ["batch", "-", "-o", "-", "--columns", "id,colour"], kind: .error, status: 2),
    ]

    /// Help: the root and every command (the list of commands is read from the root's help, so a
    /// new command must be added here).
    static let commands = [
        "due", "status", "batch", "table", "profiles", "regulation", "day", "calendar", "add", "between", "roll",
        "version",
    ]

    static func run(_ c: Case, _ lang: String?, stdin: String? = nil) throws -> CLI.Result {
        try CLI.run(c.arguments + (lang.map { ["--lang", $0] } ?? []), stdin: stdin ?? "")
    }

    /// The texts of a run people read: stdout and stderr, or for JSON the `*_text` values.
    static func texts(_ c: Case, _ r: CLI.Result) throws -> [String] {
        guard c.json else { return [r.stdout, r.stderr] }
        return [r.stderr] + LanguageAudit.textValues(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)))
    }

    @Test(arguments: results + errors)
    func russianByDefaultEnglishOnRequest(_ c: Case) throws {
        let ru = try Self.run(c, nil)
        #expect(ru.status == c.status, "\(c): \(ru.stderr)")
        #expect(!ru.crashed)
        // The user's own words come back as given (a bad value is quoted in the error).
        let echo = c.arguments.joined(separator: " ")
        for text in try Self.texts(c, ru) {
            let leaks = LanguageAudit.latinLeaks(text, values: c.kind != .result, echo: echo)
            #expect(leaks.isEmpty, "\(c) (ru): \(leaks) in \(text.prefix(3000))")
        }
        let en = try Self.run(c, "en")
        #expect(en.status == c.status, "\(c): \(en.stderr)")
        for text in try Self.texts(c, en) {
            let leaks = LanguageAudit.cyrillicLeaks(text, echo: echo)
            #expect(leaks.isEmpty, "\(c) (en): \(leaks) in \(text.prefix(3000))")
        }
        // The same run says something in both, and not the same thing.
        #expect(ru.stdout + ru.stderr != en.stdout + en.stderr, "\(c)")
    }

    @Test func theListOfCommandsIsComplete() throws {
        let help = try CLI.run(["--help", "--lang", "en"])
        let listed = help.stdout.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("  "), !line.hasPrefix("   "), let word = line.split(separator: " ").first,
                !word.hasPrefix("-"), word != "See"
            else { return nil }
            return String(word)
        }
        #expect(Set(listed) == Set(Self.commands), "\(listed)")
        let covered = Set((Self.results + Self.errors).map { $0.arguments[0] })
        #expect(covered == Set(Self.commands), "\(covered)")
    }

    @Test(arguments: [[]] + commands.map { [$0] } + [["regulation", "check"]])
    func helpInOneLanguage(_ command: [String]) throws {
        let ru = try CLI.run(command + ["--help"])
        #expect(ru.status == 0)
        let leaks = LanguageAudit.latinLeaks(ru.stdout, values: true)
        #expect(leaks.isEmpty, "\(command) (ru): \(leaks)")
        #expect(ru.stdout.contains("ИСПОЛЬЗОВАНИЕ:") && ru.stdout.contains("ОПИСАНИЕ:"), "\(ru.stdout.prefix(300))")
        let en = try CLI.run(command + ["--help", "--lang", "en"])
        #expect(en.status == 0)
        #expect(en.stdout.contains("USAGE:") && en.stdout.contains("OVERVIEW:"))
        let cyr = LanguageAudit.cyrillicLeaks(en.stdout)
        #expect(cyr.isEmpty, "\(command) (en): \(cyr)")
    }

    @Test func historyFileErrorsInBothLanguages() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("srok-lang-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, text) in [
            ("key.json", #"{"registered_at": "2024-03-29T10:15+03:00", "term": 30}"#),
            ("type.json", #"{"registered_at": "2024-03-29T10:15+03:00", "term_days": true}"#),
            ("entries.json", #"{"registered_at": "2024-03-29T10:15+03:00", "entries": [1]}"#),
            ("text.json", "not json"),
        ] {
            let path = folder.appendingPathComponent(name).path
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            let c = Case(arguments: ["status", "--history", path], kind: .error, status: 2)
            let ru = try Self.run(c, nil)
            #expect(ru.status == 2)
            #expect(LanguageAudit.latinLeaks(ru.stderr, values: true, echo: text).isEmpty, "\(name): \(ru.stderr)")
            let en = try Self.run(c, "en")
            #expect(LanguageAudit.cyrillicLeaks(en.stderr).isEmpty, "\(name): \(en.stderr)")
        }
    }

    /// A batch with every kind of row: good, registered after the as-of instant, marked fast-track
    /// without a catalogue entry, and rejected for each kind of reason; its summary, rejects and
    /// text columns in each language.
    @Test func theBatchSpeaksOneLanguage() throws {
        let input = """
            Номер,Дата поступления,Профиль,Фаст-трек,Категория,Стадия,Дата перехода на стадию,Отложено до,Тип решения,Дата планируемого завершения работ
            1,29.03.2024 10:15,bryansk,,,Исполнение,01.04.2024 9:00,,,27.04.2024
            2,2024-05-01T10:00+03:00,federal,,,,,,,
            3,29.03.2024,brasovsky,Да,Сантехника,,,,,
            4,29.03.2024,bryansk,Да,,,,,,
            5,29.03.24,federal,,,,,,,
            6,29.03.2024,nowhere,,,,,,,
            7,29.03.2024,mamadysh,,,Исполнение,01.04.2024 9:00,2024-04-20;2024-04-25,,
            8,29.03.2024,krasnodar-krai,,,,,,Отклонено,
            9,29.03.2024,federal,7,,,,,,
            10,29.03.2024,federal,,,обед,,,,
            11,"29.03.2024,federal

            """
        let columns =
            "id,status,status_text,stage,stage_text,stage_status_text,rolled,rolled_text,due_reason,due_reason_text,"
            + "next_control,next_control_text,overdue_controls,overdue_controls_text,planned_check,planned_check_text,"
            + "warnings,warnings_text"
        for lang in ["ru", "en"] {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("srok-lang-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let out = folder.appendingPathComponent("out.csv").path
            let r = try CLI.run(
                [
                    "batch", "-", "-o", out, "--as-of", "2024-04-20T12:00+03:00", "--no-progress", "--columns", columns,
                    "--summary-json", folder.appendingPathComponent("summary.json").path, "--lang", lang,
                ], stdin: input)
            #expect(r.status == 1, "\(r.stderr)")
            let rejects = try String(contentsOfFile: out + ".rejects.csv", encoding: .utf8)
            let output = try String(contentsOfFile: out, encoding: .utf8)
            let summary = try String(
                contentsOfFile: folder.appendingPathComponent("summary.json").path, encoding: .utf8)
            let summaryText = LanguageAudit.textValues(try JSONSerialization.jsonObject(with: Data(summary.utf8)))
            // The reasons (the last field of each reject) and the text columns (every other one).
            let reasons = rejects.split(separator: "\n").dropFirst().map { LanguageAudit.csvFields(String($0)).last! }
            let lines = output.split(separator: "\n").map { LanguageAudit.csvFields(String($0)) }
            let textColumns = lines[0].indices.filter { lines[0][$0].hasSuffix("_text") }
            let words = lines.dropFirst().flatMap { fields in textColumns.map { fields[$0] } }
            #expect(textColumns.count == 9)
            #expect(reasons.count == 6, "\(rejects)")
            let people = [r.stderr] + reasons + words + summaryText
            for text in people {
                if lang == "ru" {
                    let leaks = LanguageAudit.latinLeaks(text, values: true, echo: input)
                    #expect(leaks.isEmpty, "ru: \(leaks) in \(text)")
                } else {
                    let leaks = LanguageAudit.cyrillicLeaks(text, echo: input)
                    #expect(leaks.isEmpty, "en: \(leaks) in \(text)")
                }
            }
        }
    }
}

/// What a text may hold in the other language.
enum LanguageAudit {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Every file under `Data/`, normalised (lower case, ё→е, runs of spaces folded): the data
    /// values English output may quote.
    static let data: String = {
        var all = ""
        let enumerator = FileManager.default.enumerator(atPath: root.appendingPathComponent("Data").path)
        while let name = enumerator?.nextObject() as? String {
            guard name.hasSuffix(".srokcal") || name.hasSuffix(".srokprofile") else { continue }
            all += (try? String(contentsOf: root.appendingPathComponent("Data/" + name), encoding: .utf8)) ?? ""
            all += "\n"
        }
        return normalise(all)
    }()

    /// Values a user types or reads in the ПОС export, quoted by English help and errors: the
    /// export's column names, stage, outcome and regime words, да/нет.
    static let exportValues = normalise(
        """
        номер; номер сообщения; дата поступления; дата регистрации; часовой пояс; регион; субъект рф; профиль; регламент;
        срок; срок, дней; срок рассмотрения; фаст-трек; фаст трек; категория; подкатегория; фз; 59-фз; стадия; этап;
        дата перехода на стадию; дата поступления на этап; отложено до; продление, дней;
        дата фактического завершения работ; дата ответа; организация; организация, в которую поступило сообщение;
        заявитель выбрал подачу по 59-фз; тип решения; результат рассмотрения; причина отклонения;
        дата планируемого завершения работ; решено; не решено; отложено; отклонено; модерация; координация;
        исполнение; согласование; утверждение; сообщение; обращение; обычное сообщение; да; нет; татарстан; рф;
        приложение; номер епгу; источник
        """)

    static func normalise(_ s: String) -> String {
        s.lowercased().replacingOccurrences(of: "ё", with: "е").split(whereSeparator: \.isWhitespace).joined(
            separator: " ")
    }

    static func isCyrillic(_ c: Character) -> Bool {
        c.unicodeScalars.allSatisfy { (0x0400...0x04FF).contains($0.value) }
    }

    /// The runs of Cyrillic words in `text` (words joined by single spaces or hyphens) that are
    /// neither in `Data/` nor export values.
    static func cyrillicLeaks(_ text: String, echo: String = "") -> [String] {
        let echoed = normalise(echo)
        var runs: [String] = []
        var current = ""
        var pending = ""
        for c in text {
            if isCyrillic(c) {
                current += pending
                pending = ""
                current.append(c)
            } else if !current.isEmpty && (c == " " || c == "-") && pending.isEmpty {
                pending = String(c)
            } else {
                if !current.isEmpty { runs.append(current) }
                current = ""
                pending = ""
            }
        }
        if !current.isEmpty { runs.append(current) }
        return runs.filter { run in
            let n = normalise(run)
            return !data.contains(n) && !exportValues.contains(n) && !echoed.contains(n)
        }
    }

    /// Codes a user types, allowed in Russian help and errors (the values an option or column
    /// takes, the data files' keywords): never in a result.
    static let values: Set<String> = [
        "days", "days-inclusive", "clock", "working-days", "preceding", "following", "modified-preceding",
        "modified-following", "none", "clock24", "workday8", "message", "appeal", "shares", "published", "24h", "8h",
        "resolved", "not-resolved", "postponed", "rejected", "moderation", "coordination", "execution", "approval",
        "final-approval", "text", "csv", "json", "ics", "jsonl", "ru", "en", "comma", "semicolon", "tab", "working",
        "non-working", "state-body", "other", "islamic-umalqura", "islamic-civil", "true", "false", "null", "auto",
        "ok", "approaching", "overdue", "closed", "not-yet-registered", "fast-track-without-category",
        "category-not-in-profile", "agrees", "platform-later", "platform-earlier", "id", "tz", "region", "profile",
        "category", "subcategory", "regime", "stage", "organisation", "outcome", "level", "migration", "count", "roll",
        "basis", "schedule", "entries", "status", "rolled", "due", "term", "warnings", "provisional",
        "coordinator-decision", "executor-take", "executor-return", "redirect-approval", "appeal-redirect",
        "appeal-registration", "applicant-contact", "head-informed", "postponements", "unlimited", "calendar", "title",
        "data-version", "statute", "holiday", "carry-over", "shortening-norms", "year", "decree", "transfer",
        "shortened", "dayoff", "nonworking", "totals", "verified", "open", "all", "except-january", "srok", "help",
        "at", "add", "batch", "between", "check", "day", "profiles", "regulation", "table", "version", "controls",
        // Input and output formats and encodings (--input-format, --encoding, --output-encoding).
        "xlsx", "xlsm", "utf-8", "utf8", "utf-16", "utf-16le", "utf-16be", "utf-8-bom", "windows-1251", "cp1251",
    ]

    /// The keys of the acts' rejection reasons (`rejection-reason KEY TEXT`): codes of the data.
    static let reasonKeys: Set<String> = {
        var keys = Set<String>()
        let enumerator = FileManager.default.enumerator(atPath: root.appendingPathComponent("Data/profiles").path)
        while let name = enumerator?.nextObject() as? String {
            let text =
                (try? String(contentsOf: root.appendingPathComponent("Data/profiles/" + name), encoding: .utf8)) ?? ""
            for line in text.split(separator: "\n") {
                let words = line.split(separator: " ")
                if words.count > 1, words[0] == "rejection-reason" { keys.insert(String(words[1])) }
                // Latin words the acts' clauses quote («sic»).
                if let bar = line.range(of: " | ") {
                    for w in line[bar.upperBound...].split(whereSeparator: { !$0.isLetter })
                    where w.allSatisfy(\.isASCII) {
                        keys.insert(String(w))
                    }
                }
            }
        }
        return keys
    }()

    /// Words that are names, not language: the program, data identifiers, formats, units.
    static let names: Set<String> = [
        "srok", "Srok", "ICU", "tzdata", "IANA", "ISO", "JSON", "CSV", "UTF-8", "UTC", "GiB", "MiB", "brasovsky",
        "bryansk", "federal", "krasnodar-krai", "mamadysh", "staritsa", "Lines", "Excel", "FIFO", "LibreOffice",
        "Office", "Open", "XML", "ZIP", "libxlsxwriter", "libxml2", "zlib", "minizip",
    ]

    /// The Latin words of `text` that are no code, date, option, key, file name or data
    /// identifier (with `values`, also none of the codes a user types).
    static func latinLeaks(_ text: String, values allowValues: Bool, echo: String = "") -> [String] {
        let separators = CharacterSet(charactersIn: " \t\n\r,;()[]{}\"'«»!?=|*`“”")
        let echoed = Set(
            echo.components(separatedBy: separators).flatMap { [$0] + $0.split(separator: "@").map(String.init) })
        // A command the user types («srok regulation check») is a name, whatever its words.
        let commands = text.replacingOccurrences(
            of:
                #"\bsrok\b( help)?( (regulation check|due|status|batch|table|profiles|regulation|day|calendar|add|between|roll|version))?"#,
            with: " ", options: .regularExpression)
        var leaks: [String] = []
        for raw in commands.components(separatedBy: separators) {
            var token = raw
            while let last = token.last, ".:…".contains(last) { token.removeLast() }
            while let first = token.first, ".:…".contains(first) { token.removeFirst() }
            guard token.unicodeScalars.contains(where: { ("A"..."Z").contains($0) || ("a"..."z").contains($0) })
            else { continue }
            if isAllowedLatin(token, allowValues) || echoed.contains(token) || echoed.contains(raw) { continue }
            if reasonKeys.contains(token) { continue }
            leaks.append(token)
        }
        return leaks
    }

    static func isAllowedLatin(_ token: String, _ allowValues: Bool) -> Bool {
        if token.hasPrefix("--") || token.hasPrefix("-") && token.count == 2 { return true }  // options
        if token.hasPrefix("<") || token.hasSuffix(">") { return true }  // placeholders
        if token.hasPrefix("\\") { return true }  // escapes written as in JSON
        if token.contains("_") || token.contains("/") { return true }  // keys, zones, paths
        if token.contains(".") && !token.hasSuffix(".") { return true }  // file names, versions
        if token.hasPrefix("0x") { return true }  // bytes in hex
        if token.hasPrefix("UTC") { return true }
        if token.first?.isNumber == true { return true }  // instants, 2022e, 3166-2:RU
        if token == "N" || token.hasPrefix("N-") { return true }  // N, N-й: a number in a formula
        // RU-BRY, ICU
        if token.range(of: #"^[A-Z0-9][A-Z0-9\-]*$"#, options: .regularExpression) != nil { return true }
        if names.contains(token) { return true }
        if allowValues {
            if values.contains(token.lowercased()) { return true }
            if token.contains("@") { return true }  // STAGE@TIME
            if token.hasPrefix("$") { return true }  // regular-expression groups never reach here; be lenient
        }
        return false
    }

    /// The string values of every `*_text` key, and of `summary_text`, in a JSON document.
    static func textValues(_ value: Any) -> [String] {
        switch value {
        case let o as [String: Any]:
            return o.flatMap { key, v -> [String] in
                if key.hasSuffix("_text"), let s = v as? String { return [s] }
                return textValues(v)
            }
        case let a as [Any]: return a.flatMap(textValues)
        default: return []
        }
    }

    /// The fields of a CSV record (quotes removed, doubled quotes undone).
    static func csvFields(_ line: String) -> [String] {
        var fields: [String] = []
        var field = ""
        var quoted = false
        var chars = Array(line)
        if chars.last == "\r" { chars.removeLast() }
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if quoted {
                if c == "\"" {
                    if i + 1 < chars.count, chars[i + 1] == "\"" {
                        field.append("\"")
                        i += 1
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(c)
                }
            } else if c == "\"" {
                quoted = true
            } else if c == "," {
                fields.append(field)
                field = ""
            } else {
                field.append(c)
            }
            i += 1
        }
        fields.append(field)
        return fields
    }
}
