import ArgumentParser
import Foundation
import Srok

/// `srok profiles`: the regulation profiles, their fast-track catalogues, and (`--explain`) the
/// table of every rule of a profile's act and what Srok does with it.
struct ProfilesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "profiles",
        abstract: tr("Профили регламентов и их фаст-треки.", "Regulation profiles and their fast-track categories."),
        discussion: tr(
            "С --explain ПРОФИЛЬ: каждое правило акта, его пункт и что с ним делает Srok, включая то, о чём акт молчит, и выбранные тогда значения по умолчанию (по-английски: --lang en).",
            "With --explain PROFILE: every rule of the act, its clause and what Srok does with it, including the act's silences and the defaults chosen (Russian by default; --lang en for English)."
        )
    )
    @Argument(help: help("Показать один профиль полностью.", "Show one profile in full."), completion: .profiles)
    var id: String?
    @Option(
        name: .long,
        help: help(
            "Объяснить профиль: каждое правило акта, пункт и что делает движок.",
            "Explain a profile: each rule of its act, the clause, and what the engine does."),
        completion: .profiles)
    var explain: String?
    @Option(name: .long, help: help("Формат вывода.", "Output format.")) var format: TextOrJSONFormat = .text
    @Option(
        name: .customLong("profile-file"),
        help: help("Файл профиля для загрузки; можно повторять.", "A profile file to load; repeatable."),
        completion: .profileFile)
    var profileFiles: [String] = []
    @OptionGroup var common: CalendarOptionsGroup

    func run() throws {
        let context = try common.context(profileFiles: profileFiles)
        if let explain {
            let p = try context.profile(explain)
            let rows = p.explanation(common.lang)
            switch format {
            case .json: print(try OrderedJSONEncoder().text(ProfileExplanation(p, lang: common.lang)))
            case .text: print(Self.table(p, rows, lang: common.lang))
            }
            return
        }
        let list = try id.map { [try context.profile($0)] } ?? context.profiles.values.sorted { $0.id < $1.id }
        switch format {
        case .json:
            print(try OrderedJSONEncoder().text(list.map(ProfileSummary.init)))
        case .text:
            for p in list { print(Self.text(p, full: id != nil, lang: common.lang)) }
        }
    }

    /// A profile as `srok profiles` lists it (`full`: with the act, the controls and every clause).
    static func text(_ p: RegulationProfile, full: Bool, lang: Language) -> String {
        let ru = lang == .ru
        func days(_ n: Int) -> String { ru ? "\(n) дн." : EnglishPlural.count(n, "day") }
        var out = ["\(p.id) — \(p.title(lang)) [\(p.region.value), \(p.zone.value)]"]
        if full { out.append("  \(p.document)") }
        let c = p.conventions
        let fastTrack = "\(p.fastTrackTerms.value) " + (ru ? "дн." : "days")
        out.append(
            ru
                ? "  срок \(days(p.term.value)) (\(p.term.citation)); фаст-трек \(fastTrack); «Отложено» \(p.postponements.value.text.ru)"
                : "  term \(days(p.term.value)) (\(DefaultCitations.text(p.term.citation, lang))); fast-track \(fastTrack); «Отложено» (postponed) \(p.postponements.value.text.en)"
        )
        out.append(
            "  " + c.count.text(lang) + ", " + c.roll.text(lang) + ", " + c.basis.text(lang)
                + (ru ? ", доли " : ", shares ")
                + Stage.allCases.map { "\(Int(c.shares.percent($0)))" }.joined(separator: "/")
                + (c.budgets == .published
                    ? (ru ? ", бюджеты — опубликованная таблица" : ", budgets from the published table") : ""))
        for (name, level) in p.fastTrackLevels.sorted(by: { $0.key < $1.key }) {
            out.append((ru ? "  уровень " : "  level ") + "\(name): \(days(level.value)) — \(level.citation)")
        }
        for f in p.fastTracks {
            out.append(
                "  \(days(f.days)): \(f.category)\(f.subcategory.map { " / " + $0 } ?? "")"
                    + (full ? " — \(f.citation)" : ""))
        }
        guard full else { return out.joined(separator: "\n") }
        for k in p.controls {
            let amount =
                ru
                ? (k.workingDays ? RussianPlural.workingDays(k.amount) : RussianPlural.days(k.amount))
                : EnglishPlural.count(k.amount, k.workingDays ? "working day" : "day")
            out.append("  \(k.kind.title(lang)): \(amount), \(k.count.text(lang)) — \(k.citation)")
        }
        out.append(
            ru
                ? "  «Отложено»: \(p.postponements.value.text.ru) — \(p.postponements.citation)"
                : "  «Отложено» (postponed): \(p.postponements.value.text.en) — \(DefaultCitations.text(p.postponements.citation, lang))"
        )
        let reason =
            p.rejection.reasons.isEmpty
            ? (p.rejection.required ? (ru ? "обязательна" : "required") : (ru ? "не обязательна" : "optional"))
            : (ru ? "из перечня (\(p.rejection.reasons.count))" : "from the act's list (\(p.rejection.reasons.count))")
        out.append(
            (ru ? "  причина «Отклонено»: " : "  reason of «Отклонено» (rejected): ") + reason + " — "
                + DefaultCitations.text(p.rejection.citation, lang))
        for (k, v) in p.conventionCitations.sorted(by: { $0.key < $1.key }) {
            out.append("  \(conventionName(k, lang)): \(v)")
        }
        return out.joined(separator: "\n")
    }

    /// The name of a convention's clause key (`count`, `roll`, `basis`, `budgets`, `stage.<code>`).
    static func conventionName(_ key: String, _ lang: Language) -> String {
        let ru = lang == .ru
        switch key {
        case "count": return ru ? "счёт срока" : "count"
        case "roll": return ru ? "перенос последнего дня" : "roll"
        case "basis": return ru ? "основа бюджетов этапов" : "basis"
        case "budgets": return ru ? "бюджеты этапов" : "budgets"
        default:
            if key.hasPrefix("stage."), let s = try? Stage(parsing: String(key.dropFirst(6))) {
                return (ru ? "доля этапа «" : "share of ") + s.name(lang) + (ru ? "»" : "")
            }
            return key
        }
    }

    /// The explanation as a Markdown table.
    static func table(_ p: RegulationProfile, _ rows: [ProfileRuleRow], lang: Language) -> String {
        let ru = lang == .ru
        func cell(_ s: String) -> String {
            s.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
        }
        var out = ["# " + p.id + " — " + p.title(lang), "", p.document, ""]
        out.append(ru ? "| Правило акта | Пункт | Что делает Srok |" : "| Rule of the act | Clause | What Srok does |")
        out.append("|---|---|---|")
        for r in rows {
            let mark =
                r.isDefault
                ? (ru ? " *(акт молчит; выбрано по умолчанию)*" : " *(the act is silent; default chosen)*") : ""
            out.append("| " + cell(r.rule) + mark + " | " + cell(r.clause) + " | " + cell(r.engine) + " |")
        }
        return out.joined(separator: "\n")
    }
}
