import Foundation
import Testing

@testable import SrokCore

/// Issue 11 item 8: each profile's explanation table lists every rule it encodes — with its clause
/// and what the engine does — and the act's silences with the default chosen.
@Suite("Profile explanation tables")
struct ProfileExplanationTests {
    @Test(arguments: ["brasovsky", "staritsa", "krasnodar-krai", "bryansk", "mamadysh", "federal"])
    func everyEncodedRuleHasARow(_ id: String) throws {
        let p = try Fixtures.context.profile(id)
        for lang in Language.allCases {
            let rows = p.explanation(lang)
            let clauses = Set(rows.map(\.clause))
            // Srok's own default clauses are translated in English; the acts' are quoted as written.
            func clause(_ c: String) -> String { DefaultCitations.text(c, lang) }
            #expect(clauses.contains(clause(p.term.citation)), "\(id) term")
            #expect(clauses.contains(clause(p.fastTrackTerms.citation)), "\(id) fast-track terms")
            #expect(clauses.contains(clause(p.postponements.citation)), "\(id) postponements")
            #expect(clauses.contains(clause(p.rejection.citation)), "\(id) rejection")
            for c in p.controls {
                #expect(
                    rows.contains {
                        $0.clause == c.citation && $0.rule.contains(c.kind.name(lang))
                            && $0.rule.contains(c.count.text(lang))
                    }, "\(id) \(c.kind)")
            }
            for f in p.fastTracks { #expect(clauses.contains(f.citation), "\(id) \(f.category)") }
            for n in p.notes { #expect(clauses.contains(n.citation), "\(id) note") }
            for r in p.rejection.reasons {
                #expect(rows.contains { $0.rule.contains(r.text) }, "\(id) ground \(r.number)")
            }
            #expect(rows.allSatisfy { !$0.rule.isEmpty && !$0.clause.isEmpty && !$0.engine.isEmpty }, "\(id)")
        }
    }

    /// The silences are marked: seed 000 says nothing about «Отложено» (its row is a default),
    /// seed 003 п. 6.3 and seed 004 раздел 3 абз. 2 do (theirs are not).
    @Test func silencesAreMarkedAsDefaults() throws {
        func row(_ id: String, _ prefix: String) throws -> ProfileRuleRow? {
            try Fixtures.context.profile(id).explanation(.ru).first { $0.rule.hasPrefix(prefix) }
        }
        #expect(try row("brasovsky", "«Отложено»")?.isDefault == true)
        #expect(try row("bryansk", "«Отложено»")?.isDefault == false)
        #expect(try row("mamadysh", "«Отложено»")?.rule.contains("не более 1 раза") == true)
        #expect(try row("bryansk", "Доли этапов")?.isDefault == true)
        #expect(try row("brasovsky", "Доли этапов")?.isDefault == false)
        // English: generated texts in English, the clauses as the acts write them.
        let en = try Fixtures.context.profile("bryansk").explanation(.en)
        #expect(
            en.contains {
                $0.rule == "Control: return as outside competence: 7 days, days from the next day"
                    && $0.engine.contains("end of day 7 after the day of the event")
            })
    }

    /// Each profile file's header carries the essence of its table and points to the full one.
    @Test(arguments: ["brasovsky", "staritsa", "krasnodar-krai", "bryansk", "mamadysh", "federal"])
    func theProfileHeaderSummarisesTheTable(_ id: String) throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let text = try String(
            contentsOf: root.appendingPathComponent("Data/profiles/\(id).srokprofile"), encoding: .utf8)
        let header = text.components(separatedBy: "\nprofile ")[0]
        #expect(header.contains("srok profiles --explain \(id)"))
        #expect(header.contains("| rule"))
    }
}
