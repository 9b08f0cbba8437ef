import Testing

@testable import SrokCore

/// Issue 11 items 1 and 3: one effective due time with its reason; a stage with an act term for
/// its action is judged by that term (the share is its planned time); «Отложено» stretches
/// execution and the stages after it to the postponed date.
@Suite("Effective due and stage verdicts")
struct StageVerdictTests {
    let msk = Regulation.msk

    /// A 30-day federal message registered Monday 03.03.2025 10:00: ГК РФ ст. 191 — day 30 is
    /// Wednesday 02.04.2025, a working day, so the term's own due is 02.04.2025 23:59:59.
    /// «Отложено» until 30.04.2025 moves it to 30.04.2025 23:59:59 (seed 003 п. 6.3: «До этой даты
    /// должны быть выполнены все действия по подготовке ответа на сообщение, включая его
    /// утверждение»).
    func postponed(asOf: String) throws -> MessageStatus {
        try Regulation.status(
            Regulation.request("federal", "2025-03-03T10:00+03:00") {
                $0.termDays = 30
                $0.entries = [
                    Regulation.entry(.coordination, "2025-03-03T11:00+03:00"),
                    Regulation.entry(.execution, "2025-03-04T10:00+03:00"),
                ]
                $0.postponedUntil = [Fixtures.d("2025-04-30")]
            }, asOf: asOf)
    }

    @Test func theEffectiveDueAndTheOriginalWithTheReason() throws {
        let st = try postponed(asOf: "2025-04-15T12:00+03:00")
        #expect(msk(st.due) == "2025-04-30T23:59:59+03:00")
        #expect(st.dueDate == Fixtures.d("2025-04-30"))
        #expect(st.dueReason == .postponed)
        #expect(msk(st.originalDue) == "2025-04-02T23:59:59+03:00")
        #expect(st.originalDueDate == Fixtures.d("2025-04-02"))
        // remaining_minutes uses the same due: 15.04 12:00 → 30.04 23:59:59 is 15 days 11 h 59 min.
        #expect(st.remainingMinutes == 15 * 1440 + 11 * 60 + 59)
        #expect(st.state == .ok)
        // Without «Отложено» the effective due is the term's own and there is no reason.
        let plain = try Regulation.status(
            Regulation.request("federal", "2025-03-03T10:00+03:00") { $0.termDays = 30 }, asOf: "2025-03-10T12:00+03:00"
        )
        #expect(plain.due == plain.originalDue && plain.dueDate == Fixtures.d("2025-04-02") && plain.dueReason == nil)
    }

    /// 59-ФЗ ст. 12 ч. 2: an appeal extended by 10 days from its own last day 02.04.2025 ends
    /// Saturday 12.04.2025, a day off; the preceding working day is Friday 11.04.2025.
    @Test func anExtensionIsTheOtherReason() throws {
        let st = try Regulation.status(
            Regulation.request("federal", "2025-03-03T10:00+03:00") {
                $0.regime = .appeal
                $0.extensionDays = 10
            }, asOf: "2025-03-10T12:00+03:00")
        #expect(st.dueDate == Fixtures.d("2025-04-11") && st.dueReason == .extended)
        #expect(st.originalDueDate == Fixtures.d("2025-04-02"))
    }

    /// As of 15.04.2025 12:00 execution (entered 04.03 10:00) has taken 42 days 2 hours, more than its
    /// planned 65 % of 30 days (19 days 12 hours): over its share. But the message is postponed to
    /// 30.04: execution is due with the answer, 30.04.2025 23:59:59, and is not overdue. Of the span
    /// 04.03 10:00 → 30.04 23:59:59 (57 days 14 h) it has used 73 %, under the 75 % warning: ok.
    @Test func aPostponedMessagesExecutionIsNotOverdueBeforeTheDate() throws {
        let st = try postponed(asOf: "2025-04-15T12:00+03:00")
        let x = st.stages.execution
        #expect(x.budgetState == .overdue)
        #expect(x.state == .ok)
        #expect(x.rule == .effectiveDue(.postponed))
        #expect(msk(x.governingDeadline) == "2025-04-30T23:59:59+03:00")
        #expect(x.lateBy == nil)
        // The planned time stays reported: entry + 65 % of 30 × 24 h = 04.03 10:00 + 19 d 12 h = 23.03 22:00.
        #expect(msk(x.dwellDue) == "2025-03-23T22:00:00+03:00")
        // After the postponed date it is late, and the postponement is what it was late against.
        let late = try postponed(asOf: "2025-05-01T00:00:30+03:00")
        #expect(late.stages.execution.state == .overdue)
        #expect(late.stages.execution.lateBy == .effectiveDue(.postponed))
        #expect(late.state == .overdue)
    }

    /// Seed 002 п. 9 (krasnodar-krai): the coordinator decides within 3 days. Level 1 fast-track (п. 8:
    /// 8 days) registered Friday 28.03.2025 10:00; the coordination share is 5 % of 8 × 24 h = 9 h 36 min.
    /// Arrived at coordination 28.03 10:30; as of Saturday 29.03 10:00 (23 h 30 min later) the share
    /// is exceeded, but the act's term runs to the end of Monday 31.03: the stage is in time.
    @Test func aCompliantCoordinatorIsNotShownAsLate() throws {
        func coordinating(asOf: String) throws -> StageStatus {
            try Regulation.status(
                Regulation.request("krasnodar-krai", "2025-03-28T10:00+03:00") {
                    $0.level = "1"
                    $0.entries = [Regulation.entry(.coordination, "2025-03-28T10:30+03:00")]
                }, asOf: asOf
            ).stages.coordination
        }
        let c = try coordinating(asOf: "2025-03-29T10:00+03:00")
        #expect(c.budgetMinutes == 8 * 1440 * 5 / 100)  // 576 min = 9 h 36 min, the planned time
        #expect(c.budgetState == .overdue)
        #expect(c.state == .ok)  // 23.5 h of 3 d 13.5 h: 27 %
        #expect(c.rule == .actTerm(.coordinatorDecision))
        #expect(msk(c.governingDeadline) == "2025-03-31T23:59:59+03:00")
        // Still there on Tuesday 01.04 00:00:30: late, by the act's term.
        let late = try coordinating(asOf: "2025-04-01T00:00:30+03:00")
        #expect(late.state == .overdue && late.lateBy == .actTerm(.coordinatorDecision))
        // Past 75 % of the term (Monday 31.03 12:00: 3 d 1.5 h of 3 d 13.5 h, 86 %): approaching.
        #expect(try coordinating(asOf: "2025-03-31T12:00+03:00").state == .approaching)
    }

    /// A decided visit is judged by when it ended: assigned on Monday 31.03 20:00, in time; a
    /// second visit after a return is judged from its own arrival.
    @Test func everyCoordinationVisitIsJudgedFromItsArrival() throws {
        func verdict(_ entries: [MessageRequest.Entry]) throws -> StageStatus {
            try Regulation.status(
                Regulation.request("krasnodar-krai", "2025-03-28T10:00+03:00") { $0.entries = entries },
                asOf: "2025-04-10T12:00+03:00"
            ).stages.coordination
        }
        let inTime = try verdict([
            Regulation.entry(.coordination, "2025-03-28T10:30+03:00"),
            Regulation.entry(.execution, "2025-03-31T20:00+03:00"),
        ])
        #expect(inTime.state == .ok && inTime.budgetState == .overdue)
        // Returned on 04.04 10:00 and decided again on 08.04 10:00: day 3 after 04.04 is 07.04, late.
        let second = try verdict([
            Regulation.entry(.coordination, "2025-03-28T10:30+03:00"),
            Regulation.entry(.execution, "2025-03-31T20:00+03:00"),
            Regulation.entry(.coordination, "2025-04-04T10:00+03:00"),
            Regulation.entry(.execution, "2025-04-08T10:00+03:00"),
        ])
        #expect(second.state == .overdue && second.lateBy == .actTerm(.coordinatorDecision))
    }

    /// A profile whose act sets no term for the coordinator (bryansk) judges the stage by its share.
    @Test func withoutAnActTermTheShareDecides() throws {
        let c = try Regulation.status(
            Regulation.request("bryansk", "2025-03-28T10:00+03:00") {
                $0.entries = [Regulation.entry(.coordination, "2025-03-28T10:30+03:00")]
            }, asOf: "2025-03-31T12:00+03:00"
        ).stages.coordination
        // 5 % of 30 × 24 h = 36 h, used 3 d 1.5 h: overdue by the share.
        #expect(c.rule == .share && c.state == .overdue && c.lateBy == .share)
    }
}
