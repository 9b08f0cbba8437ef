import Foundation
import PropertyBased
import Testing

@testable import SrokCore

/// `DueAnswer.json` (the byte writer `srok due`, the service and the C ABI answer with) writes the
/// bytes of the `Codable` definition, `encode(to:)` through the ordered encoder's tree.
@Suite("Due answer: the byte writer")
struct DueAnswerJSONTests {
    static let call = MessageJSONCall(context: try! SrokContext())
    static let now = Instant(secondsSinceEpoch: 1_717_200_000)

    func check(_ answer: DueAnswer, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let tree = String(decoding: try OrderedJSONEncoder().treeEncode(answer), as: UTF8.self)
        #expect(String(decoding: answer.json, as: UTF8.self) == tree, sourceLocation: sourceLocation)
    }

    @Test(arguments: [Language.ru, .en])
    func answersOfEveryShape(_ lang: Language) throws {
        // A roll (28.04.2024 → 27.04: rolled_text), a postponement (original_due, due_reason and
        // due_reason_text set), a profile term, an hours term, an appeal, a fast-track with no
        // category (warnings and warnings_text), an explicit label with a quote to escape; the
        // texts in `lang`.
        let requests = [
            #"{"registered_at":"2024-03-29T10:15+03:00","profile":"bryansk","term_days":30}"#,
            #"{"registered_at":"2024-12-28T17:00+03:00","term_days":7,"postponed_until":["2025-02-10"]}"#,
            #"{"registered_at":"2024-03-11T10:00+03:00","profile":"mamadysh"}"#,
            #"{"registered_at":"2025-03-11T10:00+03:00","profile":"mamadysh","fast_track_days":5}"#,
            #"{"registered_at":"2024-03-30T10:15+03:00","term_days":30,"regime":"appeal"}"#,
            #"{"registered_at":"2024-03-30 10:15","tz":"Asia/Yekaterinburg","term_days":30,"roll":"following"}"#,
            #"{"registered_at":"2024-04-15T10:00+03:00","profile":"brasovsky","fast_track":true}"#,
        ]
        var plain = Self.call
        plain.language = lang
        var labelled = plain
        labelled.explicitTermSource = LocalizedText(ru: "метка \"в кавычках\" \\ ё", en: "label \"quoted\" \\ e")
        var answers: [DueAnswer] = []
        for json in requests {
            answers.append(try plain.dueAnswer(Array(json.utf8), now: Self.now))
            answers.append(try labelled.dueAnswer(Array(json.utf8), now: Self.now))
        }
        for answer in answers { try check(answer) }
        // Every optional text is written at least once (not a comparison of nulls only).
        #expect(answers.contains { $0.rolledText != nil })
        #expect(answers.contains { $0.dueReasonText != nil })
        #expect(answers.contains { !$0.warnings.isEmpty && $0.warningsText != nil })
        // The label in the call's language: the Russian one has Cyrillic, the English one none.
        let label = try #require(
            answers.first { $0.termSource.contains("quoted") || $0.termSource.contains("кавычках") })
        #expect(label.termSource.contains(lang == .ru ? "кавычках" : "quoted"))
    }

    /// The answer to a random request (RequestCodingTests's generator: zones, regions, regimes,
    /// conventions, terms, fast-tracks, postponements) made mostly answerable: a registration in
    /// 2020–2024 (the calendars' years), a known profile or none, no catalogue fields, no history;
    /// nil when it has none.
    static func answer(_ seed: Int) -> DueAnswer? {
        var r = RequestCodingTests.request(seed)
        let registered = 1_577_836_800 + Int64(seed % 157_680_000)
        r.registeredAt = .instant(Instant(secondsSinceEpoch: registered))
        if r.profile != nil { r.profile = ["federal", "bryansk"][seed % 2] }
        r.termDays = r.termDays.map { abs($0) + 1 }
        r.level = nil
        r.category = nil
        r.subcategory = nil
        r.entries = []
        r.stage = nil
        r.extensionDays = nil
        r.closedAt = nil
        r.outcome = nil
        r.rejectionReason = nil
        r.postponedUntil = r.postponedUntil.isEmpty ? [] : [CivilDate(daysSinceEpoch: Int32(registered / 86_400 + 40))]
        r.asOf = nil
        // Half the answers in English (the texts, the term's source).
        return try? call.resolver.resolve(r, now: now).dueAnswer(language: seed % 2 == 0 ? .ru : .en)
    }

    @Test func randomRequests() async {
        await propertyCheck(count: 300, input: Gen.int(in: 0...Int.max)) { seed in
            if let answer = Self.answer(seed) { try check(answer) }
        }
    }

    @Test func theRandomRequestsAreMostlyAnswered() {
        // Not a vacuous property: most generated requests have an answer.
        let answered = (0..<200).filter { Self.answer($0 &* 2_654_435_761) != nil }.count
        #expect(answered >= 50, "\(answered) of 200")
    }
}
