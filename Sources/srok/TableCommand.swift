import ArgumentParser
import Srok

/// `srok table`: a stage table like the regulation's Приложение 1.
struct TableCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "table",
        abstract: tr(
            "Таблица сроков этапов для сроков в N дней (как Приложение 1).",
            "A stage table for terms of N days (like Приложение 1 of the acts).")
    )
    @Option(name: .long, help: help("Сроки в днях (1–366) через запятую.", "Terms in days (1–366), comma-separated."))
    var days: String = "1,7,10,15,30"
    @Option(
        name: .long,
        help: help(
            "clock24 — доли от N × 24 ч; workday8 — доли от N × 8 рабочих часов.",
            "clock24: shares of N × 24 h; workday8: shares of N × 8 working hours."))
    var basis: StageBasis = .clock24
    @Option(
        name: .long, help: help("Профиль, чьи доли этапов взять.", "A profile whose stage shares to use."),
        completion: .profiles)
    var profile: String = "federal"
    @Option(name: .long, help: help("Формат вывода.", "Output format.")) var format: RecordFormat = .text
    @OptionGroup var common: CalendarOptionsGroup

    mutating func validate() throws {
        do { _ = try Self.terms(days) } catch { throw ValidationError(error.message(CLILanguage.current)) }
    }

    func run() throws {
        let lang = common.lang
        let b = basis
        let terms = try Self.terms(days)
        let context = try common.context()
        let p = try context.profile(profile)
        let plural = try RussianText()
        let rows = try StageTable.rows(
            days: terms, basis: b, shares: p.conventions.shares, schedule: p.conventions.schedule)
        func share(_ v: Double) -> String { v == v.rounded() ? String(Int(v)) : String(v) }
        switch format {
        case .csv:
            print(CSVText.record(["days", "stage", "share", "budget_minutes", "text", "basis"]))
            for r in rows {
                print(
                    CSVText.record([
                        String(r.days), r.stage.code, share(r.sharePercent), String(r.budgetMinutes),
                        StageTable.text(r, schedule: p.conventions.schedule, lang: lang, plural: plural), b.rawValue,
                    ]))
            }
        case .json:
            print(
                "["
                    + rows.map { r in
                        var o = JSONObject()
                        o.add("days", r.days)
                        o.add("stage", r.stage.code)
                        o.addNumber("share", share(r.sharePercent))
                        o.add("budget_minutes", r.budgetMinutes)
                        o.add("text", StageTable.text(r, schedule: p.conventions.schedule, lang: lang, plural: plural))
                        o.add("basis", b.rawValue)
                        return o.text
                    }.joined(separator: ",") + "]")
        case .text:
            let ru = lang == .ru
            print(
                ru
                    ? "Сроки этапов (\(b == .clock24 ? "доли от N × 24 ч" : "доли от N × 8 рабочих часов"), профиль \(p.id))"
                    : "Stage budgets (\(b == .clock24 ? "shares of N × 24 h" : "shares of N × 8 working hours"), profile \(p.id))"
            )
            // `rows` holds the stages of each term in turn: term k's are rows[k × 5 ..< (k + 1) × 5].
            let perTerm = Stage.allCases.count
            for (k, n) in terms.enumerated() {
                print(ru ? "\nСрок \(plural.days(n)):" : "\nTerm \(EnglishPlural.count(n, "day")):")
                for r in rows[k * perTerm..<(k + 1) * perTerm] {
                    print(
                        "  " + ScheduleOutput.pad(ru ? r.stage.russian : r.stage.english, 14) + " "
                            + ScheduleOutput.pad(share(r.sharePercent) + " %", 5) + " "
                            + StageTable.text(r, schedule: p.conventions.schedule, lang: lang, plural: plural))
                }
            }
        }
    }
}

extension TableCommand {
    /// At most this many terms in one table (one per possible term of 1–366 days).
    static let maxTerms = 366

    /// The terms of `--days`: 1–366 days each, at most ``maxTerms`` of them.
    static func terms(_ text: String) throws(SrokError) -> [Int] {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false)
        guard parts.count <= maxTerms else {
            throw .invalidValue(
                field: "--days", value: String(text.prefix(40)) + "…",
                expected: LocalizedText(
                    ru: "не больше \(maxTerms) сроков в днях через запятую, например 1,7,10,15,30",
                    en: "at most \(maxTerms) comma-separated terms in days, e.g. 1,7,10,15,30"))
        }
        var terms: [Int] = []
        for part in parts {
            guard let n = Int(part.trimmingCharacters()), (1...366).contains(n) else {
                throw .invalidValue(
                    field: "--days", value: String(part),
                    expected: LocalizedText(
                        ru: "сроки от 1 до 366 дней через запятую, например 1,7,10,15,30",
                        en: "comma-separated terms of 1–366 days, e.g. 1,7,10,15,30"))
            }
            terms.append(n)
        }
        return terms
    }
}

extension Substring {
    func trimmingCharacters() -> String { String(self).filter { $0 != " " } }
}

/// `srok regulation check PROFILE`: compares a profile's published stage table with the model.
struct RegulationCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "regulation",
        abstract: tr("Проверка таблиц регламента.", "Checks a regulation's own tables."),
        subcommands: [RegulationCheckCommand.self]
    )
}

struct RegulationCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: tr(
            "Сверка опубликованной таблицы этапов с моделью; код выхода 1, если ячейка не совпадает ни с одной основой.",
            "Compares a published stage table with the model; exit 1 when a cell matches no basis.")
    )
    @Argument(help: help("Профиль (например, brasovsky).", "The profile (e.g. brasovsky)."), completion: .profiles)
    var profile: String
    @Option(name: .long, help: help("Формат вывода.", "Output format.")) var format: TextOrJSONFormat = .text
    @Option(
        name: .customLong("profile-file"),
        help: help("Файл профиля для загрузки; можно повторять.", "A profile file to load; repeatable."),
        completion: .profileFile)
    var profileFiles: [String] = []
    @OptionGroup var common: CalendarOptionsGroup

    func run() throws {
        let lang = common.lang
        let ru = lang == .ru
        let p = try common.context(profileFiles: profileFiles).profile(profile)
        let checks = p.checkTable()
        let plural = try RussianText()
        let dayMinutes = p.conventions.schedule.dayMinutes
        func model(_ m: Int, _ working: Bool) -> String {
            ru
                ? DurationText.russian(m, dayMinutes: working ? dayMinutes : 1440, working: working, plural: plural)
                : DurationText.english(m, dayMinutes: working ? dayMinutes : 1440, working: working)
        }
        let bad = checks.filter { $0.matches.isEmpty }
        switch format {
        case .json:
            var o = JSONObject()
            o.add("profile", p.id)
            o.add("cells", checks.count)
            o.add("mismatched", bad.count)
            o.add(
                "findings",
                bad.map { c in
                    var e = JSONObject()
                    e.add("days", c.cell.days)
                    e.add("stage", c.cell.stage.code)
                    e.add("published", c.cell.text)
                    e.add("published_minutes_clock24", c.publishedClock24Minutes)
                    e.add("published_minutes_workday8", c.publishedWorkday8Minutes)
                    e.add("model_clock24_minutes", c.modelClock24Minutes)
                    e.add("model_clock24_text", model(c.modelClock24Minutes, false))
                    e.add("model_workday8_minutes", c.modelWorkday8Minutes)
                    e.add("model_workday8_text", model(c.modelWorkday8Minutes, true))
                    e.add("source", c.cell.citation)
                    e.add("location", c.cell.location.description)
                    return e
                })
            o.add(
                "columns",
                Set(checks.map(\.cell.days)).sorted().map { d in
                    var e = JSONObject()
                    let col = checks.filter { $0.cell.days == d }
                    e.add("days", d)
                    e.add("clock24", col.allSatisfy { $0.matches.contains(.clock24) })
                    e.add("workday8", col.allSatisfy { $0.matches.contains(.workday8) })
                    return e
                })
            print(o.text)
        case .text:
            guard !checks.isEmpty else {
                print(
                    ru
                        ? "У профиля \(p.id) нет опубликованной таблицы этапов."
                        : "Profile \(p.id) has no published stage table.")
                return
            }
            print(
                ru
                    ? "Профиль \(p.id): \(checks.count) ячеек, не совпадают ни с одним базисом: \(bad.count)"
                    : "Profile \(p.id): \(checks.count) cells, \(bad.count) match no basis")
            for d in Set(checks.map(\.cell.days)).sorted() {
                let col = checks.filter { $0.cell.days == d }
                let counts = StageBasis.allCases.map { b in
                    "\(b.text(lang)) \(col.filter { $0.matches.contains(b) }.count)/\(col.count)"
                }
                print(
                    ru
                        ? "  столбец \(d) дн.: совпадает ячеек — " + counts.joined(separator: ", ")
                        : "  column \(d) days: cells matching — " + counts.joined(separator: ", "))
            }
            for c in bad {
                print(
                    ru
                        ? "  НЕ СОВПАДАЕТ: \(c.cell.days) дн., \(c.cell.stage.russian): «\(c.cell.text)»; модель: в 24-часовых сутках — \(model(c.modelClock24Minutes, false)), в 8-часовых рабочих днях — \(model(c.modelWorkday8Minutes, true)) (\(c.cell.citation); \(c.cell.location))"
                        : "  MISMATCH: \(c.cell.days) days, \(c.cell.stage.english): “\(c.cell.text)”; model: in 24-hour days \(model(c.modelClock24Minutes, false)), in 8-hour working days \(model(c.modelWorkday8Minutes, true)) (\(c.cell.citation); \(c.cell.location))"
                )
            }
        }
        if !bad.isEmpty { throw CommandExitCode(code: 1) }
    }
}
