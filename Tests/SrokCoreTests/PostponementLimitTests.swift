import Testing

@testable import SrokCore

/// Issue 11 item 4: each act's limit of «Отложено», and an explicit, documented default for the
/// acts that say nothing.
@Suite("«Отложено» limits per act")
struct PostponementLimitTests {
    /// Registered Monday 03.03.2025 10:00, 30 days: due 02.04.2025; postponed twice.
    func twice(_ profile: String) -> MessageRequest {
        Regulation.request(profile, "2025-03-03T10:00+03:00") {
            $0.termDays = 30
            $0.postponedUntil = [Fixtures.d("2025-04-20"), Fixtures.d("2025-05-10")]
        }
    }

    /// Seed 004 раздел 3 абз. 2: «Подготовка ответа с использованием типа решения «Отложено»
    /// возможна не более 1 раза». A second postponement is an error on postponed_until naming the
    /// clause; one is fine.
    @Test func seed004AllowsOne() throws {
        let f = Regulation.failure(twice("mamadysh"), asOf: "2025-04-10T12:00+03:00")
        #expect(f.field == "postponed_until")
        #expect(f.text.contains("раздел 3 абз. 2") && f.text.contains("не более 1 раза"))
        var once = twice("mamadysh")
        once.postponedUntil.removeLast()
        #expect(try Regulation.status(once, asOf: "2025-04-10T12:00+03:00").dueDate == Fixtures.d("2025-04-20"))
    }

    /// Seed 003 п. 6.3: the executor names «дату, до которой отложено рассмотрение», and a message
    /// stays postponed until it is reconsidered — no limit. The latest date governs: 10.05.2025.
    @Test func seed003HasNoLimit() throws {
        var r = twice("bryansk")
        r.postponedUntil.append(Fixtures.d("2025-05-30"))
        let st = try Regulation.status(r, asOf: "2025-04-10T12:00+03:00")
        #expect(st.dueDate == Fixtures.d("2025-05-30") && st.dueReason == .postponed)
        #expect(try Fixtures.context.profile("bryansk").postponements.value == .unlimited)
    }

    /// The acts of seeds 000, 001 and 002 never mention «Отложено»: their profiles state the
    /// named default, unlimited, and so does a profile that says nothing at all.
    @Test func theDefaultForASilentActIsNamedAndUnlimited() throws {
        #expect(PostponementLimit.silentActDefault.value == .unlimited)
        #expect(PostponementLimit.silentActDefault.isDefault)
        for id in ["brasovsky", "staritsa", "krasnodar-krai", "federal"] {
            let p = try Fixtures.context.profile(id)
            #expect(p.postponements.value == .unlimited, "\(id)")
            #expect(p.postponements.isDefault, "\(id): the citation says the act is silent")
            #expect(
                try Regulation.status(twice(id), asOf: "2025-04-10T12:00+03:00").dueDate == Fixtures.d("2025-05-10"),
                "\(id)")
        }
        let bare = try RegulationProfile.parse(files: [("p.srokprofile", "profile p\n  term 30 | c\n")])["p"]!
        #expect(bare.postponements == PostponementLimit.silentActDefault)
        // The grammar: a number (0–10) or `unlimited`.
        let two = try RegulationProfile.parse(files: [
            ("p.srokprofile", "profile p\n  control postponements 2 | act, п. 1\n")
        ])["p"]!
        #expect(two.postponements.value == .atMost(2) && two.postponements.citation == "act, п. 1")
    }
}
