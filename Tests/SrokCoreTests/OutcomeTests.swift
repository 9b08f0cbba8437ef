import Testing

@testable import SrokCore

/// Issue 11 item 7: outcome types («Тип решения») and the reasons for «Отклонено» where an act
/// requires one.
@Suite("Outcomes and reasons for «Отклонено»")
struct OutcomeTests {
    func failure(_ profile: String, _ outcome: Outcome?, reason: String?) -> (field: String, text: String) {
        Regulation.failure(
            Regulation.request(profile, "2025-03-03T10:00+03:00") {
                $0.outcome = outcome
                $0.rejectionReason = reason
            }, asOf: "2025-03-05T10:00+03:00")
    }

    /// Seed 002 п. 9: the coordinator «отклоняет сообщение в случаях, установленных пунктом 13 …
    /// с указанием причины отклонения»; the grounds are the 13 of п. 12 (its п. 13 is about
    /// responsibility). Ground 5 is «сообщение содержит описание нескольких проблем (предложений)
    /// по разным темам», ground 4 the spam one, ground 7 «текст сообщения не поддается прочтению».
    @Test func seed002NeedsAGroundOfItsList() throws {
        let p = try Fixtures.context.profile("krasnodar-krai")
        #expect(p.rejection.required && p.rejection.reasons.count == 13)
        #expect(
            p.rejection.reasons[4].text
                == "сообщение содержит описание нескольких проблем (предложений) по разным темам")
        // By number, key, full text (case and final punctuation ignored), or a unique start.
        for given in [
            "5", "several-problems", "Сообщение содержит описание нескольких проблем (предложений) по разным темам;",
            "сообщение содержит описание нескольких",
        ] {
            #expect(failure("krasnodar-krai", .rejected, reason: given).field == "", "\(given)")
            #expect(p.rejection.reason(matching: given)?.number == 5, "\(given)")
        }
        #expect(p.rejection.reason(matching: "spam")?.number == 4)
        #expect(p.rejection.reason(matching: "Текст сообщения не поддается прочтению.")?.number == 7)
        // Not a ground: refused, naming п. 12 and the list.
        let other = failure("krasnodar-krai", .rejected, reason: "неактуально")
        #expect(
            other.field == "rejection_reason" && other.text.contains("п. 12")
                && other.text.contains("5 several-problems"))
        // A start shared by several grounds (2, 3, 4, 5, 10, 12 begin «сообщение содержит») names none.
        #expect(p.rejection.reason(matching: "сообщение содержит") == nil)
        #expect(failure("krasnodar-krai", .rejected, reason: "14").field == "rejection_reason")
        // No reason at all.
        #expect(failure("krasnodar-krai", .rejected, reason: nil).field == "rejection_reason")
        // Other outcomes need none.
        #expect(failure("krasnodar-krai", .resolved, reason: nil).field == "")
    }

    /// Seed 003 п. 6.3: «При выборе результата рассмотрения сообщения «Отклонено», должна быть
    /// указана конкретная причина … из перечня исчерпывающих причин» — the list is not in the act,
    /// so any non-empty reason is accepted and a missing one is an error naming п. 6.3.
    @Test func seed003NeedsSomeReason() {
        let none = failure("bryansk", .rejected, reason: "  ")
        #expect(none.field == "rejection_reason" && none.text.contains("п. 6.3"))
        #expect(failure("bryansk", .rejected, reason: "вопрос не относится к компетенции").field == "")
    }

    /// Seed 004 раздел 2 lists the four types and asks for no reason; seed 000 says nothing.
    @Test func seeds004And000NeedNoReason() throws {
        #expect(failure("mamadysh", .rejected, reason: nil).field == "")
        #expect(failure("brasovsky", .rejected, reason: nil).field == "")
        #expect(
            try Fixtures.context.profile("mamadysh").outcomes.value == [.resolved, .notResolved, .postponed, .rejected])
        #expect(try Fixtures.context.profile("brasovsky").outcomes.isDefault)
    }

    /// An outcome type a profile's act does not list is an error on `outcome`.
    @Test func anOutcomeTheActDoesNotListIsRefused() throws {
        let text = "profile only\n  outcomes resolved rejected | act, п. 1\n"
        let context = try SrokContext(profileFiles: [("only.srokprofile", text)])
        do {
            _ = try MessageResolver(context: context).resolve(
                Regulation.request("only", "2025-03-03T10:00+03:00") { $0.outcome = .postponed },
                now: Regulation.t("2025-03-04T10:00+03:00"))
            Issue.record("accepted «Отложено»")
        } catch { #expect(error.field == "outcome" && error.description.contains("п. 1")) }
    }

    @Test func thePlatformsNamesParse() throws {
        #expect(try Outcome(parsing: "Решено") == .resolved)
        #expect(try Outcome(parsing: " не  решено ") == .notResolved)
        #expect(try Outcome(parsing: "ОТЛОЖЕНО") == .postponed)
        #expect(try Outcome(parsing: "not_resolved") == .notResolved)
        #expect(throws: SrokError.self) { try Outcome(parsing: "возвращено") }
    }
}
