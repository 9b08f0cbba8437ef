import ArgumentParser
import Foundation
import Srok

/// `srok profiles`: the regulation profiles, their fast-track catalogues, and (`--explain`) the
/// table of every rule of a profile's act and what Srok does with it.
struct ProfilesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "profiles",
        abstract: "Профили регламентов и их фаст-треки. Regulation profiles and their fast-track categories.",
        discussion:
            "With --explain PROFILE: every rule of the act, its clause and what Srok does with it, including the act's silences and the defaults chosen (Russian; --lang en for English)."
    )
    @Argument(help: "Show one profile in full.", completion: .profiles) var id: String?
    @Option(
        name: .long, help: "Explain a profile: each rule of its act, the clause, and what the engine does.",
        completion: .profiles)
    var explain: String?
    @Option(name: .long, help: "Output format.") var format: TextOrJSONFormat = .text
    @Option(name: .customLong("profile-file"), help: "A profile file to load; repeatable.", completion: .profileFile)
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
            for p in list {
                print("\(p.id) — \(p.title) [\(p.region.value), \(p.zone.value)]")
                if id != nil { print("  \(p.document)") }
                print(
                    "  срок \(p.term.value) дн. (\(p.term.citation)); фаст-трек \(p.fastTrackTerms.value) дн.; «Отложено» \(Self.limit(p.postponements.value))"
                )
                print(
                    "  счёт \(p.conventions.count.rawValue), перенос \(p.conventions.roll.rawValue), этапы \(p.conventions.basis.rawValue), доли "
                        + Stage.allCases.map { "\(Int(p.conventions.shares.percent($0)))" }.joined(separator: "/")
                        + (p.conventions.budgets == .published ? ", бюджеты — опубликованная таблица" : ""))
                for (name, level) in p.fastTrackLevels.sorted(by: { $0.key < $1.key }) {
                    print("  уровень \(name): \(level.value) дн. — \(level.citation)")
                }
                for f in p.fastTracks {
                    print(
                        "  \(f.days) дн.: \(f.category)\(f.subcategory.map { " / " + $0 } ?? "")"
                            + (id != nil ? " — \(f.citation)" : ""))
                }
                if id != nil {
                    for c in p.controls {
                        print(
                            "  контроль \(c.kind.rawValue): \(c.amount) \(c.workingDays ? "раб. дн." : "дн."), счёт \(c.count.rawValue) — \(c.citation)"
                        )
                    }
                    print("  «Отложено»: \(Self.limit(p.postponements.value)) — \(p.postponements.citation)")
                    print(
                        "  причина «Отклонено»: "
                            + (p.rejection.reasons.isEmpty
                                ? (p.rejection.required ? "обязательна" : "не обязательна")
                                : "из перечня (\(p.rejection.reasons.count))") + " — \(p.rejection.citation)")
                    for (k, v) in p.conventionCitations.sorted(by: { $0.key < $1.key }) { print("  \(k): \(v)") }
                }
            }
        }
    }

    /// «без ограничения» or «не более N раз(а)».
    static func limit(_ l: PostponementLimit) -> String {
        switch l {
        case .unlimited: "без ограничения"
        case .atMost(let n): "не более \(n) раз(а)"
        }
    }

    /// The explanation as a Markdown table.
    static func table(_ p: RegulationProfile, _ rows: [ProfileRuleRow], lang: Language) -> String {
        let ru = lang == .ru
        func cell(_ s: String) -> String {
            s.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
        }
        var out = ["# " + p.id + " — " + p.title, "", p.document, ""]
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
