import Testing

@testable import SrokCore

/// Issue 11 item 6: a fast-track term the act does not list is refused, naming the allowed ones;
/// `lenientFastTrack` keeps the older behaviour (any term up to the act's longest).
@Suite("Fast-track terms the acts allow")
struct FastTrackTermsTests {
    func failure(_ profile: String, _ days: Int, lenient: Bool = false) -> (field: String, text: String) {
        var defaults = MessageDefaults()
        defaults.lenientFastTrack = lenient
        return Regulation.failure(
            Regulation.request(profile, "2025-03-03T10:00+03:00") { $0.fastTrackDays = days },
            asOf: "2025-03-04T10:00+03:00", defaults: defaults)
    }

    /// Seed 004 раздел 3 абз. 3: «Срок рассмотрения и подготовки ответов по фаст-трекам - 3, 5, 7,
    /// 10 дней». 4, 6, 8 and 9 are not among them.
    @Test func seed004ListsThreeFiveSevenTen() {
        for d in [3, 5, 7, 10] { #expect(failure("mamadysh", d).field == "", "\(d)") }
        for d in [1, 2, 4, 6, 8, 9, 11] {
            let f = failure("mamadysh", d)
            #expect(f.field == "fast_track_days", "\(d)")
            #expect(f.text.contains("3, 5, 7, 10") && f.text.contains("раздел 3 абз. 3"), "\(d)")
        }
    }

    /// Seed 000 приложение № 2: every row «не более 10 календарных дней» — only 10.
    @Test func seed000ListsTen() {
        #expect(failure("brasovsky", 10).field == "")
        let f = failure("brasovsky", 7)
        #expect(f.field == "fast_track_days" && f.text.contains(": 10 days"))
    }

    /// Seed 002 п. 8: «Допустимы и иные фаст-треки с любым сроком ответа, составляющим менее 30
    /// дней» — any term from 1 to 29; 30 is not shorter than the general term.
    @Test func seed002AllowsAnyTermUnder30() throws {
        for d in [1, 13, 29] { #expect(failure("krasnodar-krai", d).field == "", "\(d)") }
        #expect(failure("krasnodar-krai", 30).field == "fast_track_days")
        #expect(try Fixtures.context.profile("krasnodar-krai").fastTrackTerms.value == .range(1...29))
    }

    /// `lenientFastTrack`: any term from 1 day to the act's longest (seed 004: 10; seed 000: 10).
    @Test func lenientAcceptsUpToTheLongest() {
        #expect(failure("mamadysh", 4, lenient: true).field == "")
        #expect(failure("brasovsky", 7, lenient: true).field == "")
        #expect(failure("mamadysh", 11, lenient: true).field == "fast_track_days")
    }

    @Test func theGrammarTakesAListOrARange() throws {
        let p = try RegulationProfile.parse(files: [
            ("p.srokprofile", "profile p\n  fast-track-terms 10 3 7 5 3 | act\n")
        ])["p"]!
        #expect(p.fastTrackTerms.value == .list([3, 5, 7, 10]) && p.fastTrackTerms.value.description == "3, 5, 7, 10")
        #expect(p.fastTrackTerms.value.lenient == .range(1...10))
        let r = try RegulationProfile.parse(files: [("p.srokprofile", "profile p\n  fast-track-range 1 29 | act\n")])[
            "p"]!
        #expect(r.fastTrackTerms.value.description == "1–29")
    }
}
