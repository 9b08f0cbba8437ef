import ArgumentParser
import Srok

/// `srok profiles`: the regulation profiles and their fast-track catalogues.
struct ProfilesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "profiles",
        abstract: "Профили регламентов и их фаст-треки. Regulation profiles and their fast-track categories."
    )
    @Argument(help: "Show one profile in full.") var id: String?
    @Option(name: .long, help: "Output format.") var format: TextOrJSONFormat = .text
    @Option(name: .customLong("profile-file"), help: "A profile file to load; repeatable.") var profileFiles: [String] = []
    @OptionGroup var common: CalendarOptionsGroup

    func run() throws {
        let context = try common.context(profileFiles: profileFiles)
        let list = try id.map { [try context.profile($0)] } ?? context.profiles.values.sorted { $0.id < $1.id }
        switch format {
        case .json:
            print("[" + list.map { json($0).text }.joined(separator: ",") + "]")
        case .text:
            for p in list {
                print("\(p.id) — \(p.title) [\(p.region.value), \(p.zone.value)]")
                if id != nil { print("  \(p.document)") }
                print("  срок \(p.term.value) дн. (\(p.term.citation)); фаст-трек \(p.fastTrackRange.value.lowerBound)–\(p.fastTrackRange.value.upperBound) дн.")
                print("  счёт \(p.conventions.count.rawValue), перенос \(p.conventions.roll.rawValue), этапы \(p.conventions.basis.rawValue), доли " + Stage.allCases.map { "\(Int(p.conventions.shares.percent($0)))" }.joined(separator: "/"))
                for (name, level) in p.fastTrackLevels.sorted(by: { $0.key < $1.key }) { print("  уровень \(name): \(level.value) дн. — \(level.citation)") }
                for f in p.fastTracks { print("  \(f.days) дн.: \(f.category)\(f.subcategory.map { " / " + $0 } ?? "")" + (id != nil ? " — \(f.citation)" : "")) }
                if id != nil {
                    for c in p.controls { print("  контроль \(c.kind.rawValue): \(c.amount) \(c.workingDays ? "раб. дн." : "дн.") — \(c.citation)") }
                    for (k, v) in p.conventionCitations.sorted(by: { $0.key < $1.key }) { print("  \(k): \(v)") }
                }
            }
        }
    }

    func json(_ p: RegulationProfile) -> JSONObject {
        var o = JSONObject()
        o.add("id", p.id); o.add("title", p.title); o.add("document", p.document)
        o.add("region", p.region.value); o.add("zone", p.zone.value); o.add("regime", p.regime.value.rawValue)
        o.add("term_days", p.term.value); o.add("term_source", p.term.citation)
        o.add("fast_track_min", p.fastTrackRange.value.lowerBound); o.add("fast_track_max", p.fastTrackRange.value.upperBound)
        o.add("count", p.conventions.count.rawValue); o.add("roll", p.conventions.roll.rawValue); o.add("basis", p.conventions.basis.rawValue)
        o.add("fast_tracks", p.fastTracks.map { f in
            var e = JSONObject()
            e.add("category", f.category); e.add("subcategory", f.subcategory); e.add("days", f.days); e.add("source", f.citation)
            return e
        })
        o.add("levels", p.fastTrackLevels.sorted(by: { $0.key < $1.key }).map { k, v in
            var e = JSONObject(); e.add("level", k); e.add("days", v.value); e.add("source", v.citation); return e
        })
        return o
    }
}
