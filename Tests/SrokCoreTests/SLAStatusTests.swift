import Testing

@testable import SrokCore

@Suite("SLA engine: status from history")
struct SLAStatusTests {
    let t = Fixtures.t
    let d = Fixtures.d
    let reg = Fixtures.t("2024-03-29T10:15+03:00")

    func history(
        _ entries: [StageEntry], closed: Instant? = nil, postponed: [CivilDate] = [], regime: Regime = .message,
        extension ext: Int? = nil
    ) -> MessageHistory {
        MessageHistory(
            registered: reg, regime: regime, term: .days(30), entries: entries, postponements: postponed,
            extensionDays: ext, closedAt: closed)
    }

    @Test func okApproachingOverdue() throws {
        let e = Fixtures.engine()
        let entries = [
            StageEntry(.moderation, at: reg), StageEntry(.coordination, at: t("2024-03-29T12:00+03:00")),
            StageEntry(.execution, at: t("2024-03-30T09:00+03:00")),
        ]
        let early = try e.status(of: history(entries), asOf: t("2024-04-02T09:00+03:00"))
        #expect(early.state == .ok)
        #expect(early.currentStage == .execution)
        #expect(early.stages.execution.usedMinutes == 3 * 1440)
        #expect(early.stages.execution.state == .ok)
        #expect(early.stages.coordination.usedMinutes == 21 * 60)
        // Dwell due of the current stage: entry + budget (19 d 12 h).
        #expect(early.stages.execution.dwellDue == t("2024-03-30T09:00+03:00").adding(minutes: 28_080))
        let late = try e.status(of: history(entries), asOf: t("2024-04-22T09:00+03:00"))
        #expect(late.state == .approaching)
        #expect(late.stages.execution.state == .overdue)
        #expect(late.stages.execution.overdueMinutes == 23 * 1440 - 28_080)
        let overdue = try e.status(of: history(entries), asOf: t("2024-04-28T00:00:30+03:00"))
        #expect(overdue.state == .overdue)
        #expect(overdue.overdueMinutes == 1)
        #expect(overdue.remainingMinutes < 0)
    }

    @Test func warningThresholdIsConfigurable() throws {
        let entries = [StageEntry(.execution, at: reg)]
        let at = t("2024-04-17T12:00+03:00")  // about 64 % of the term
        #expect(try Fixtures.engine().status(of: history(entries), asOf: at).state == .ok)
        #expect(
            try Fixtures.engine { $0.warningPercent = 50 }.status(of: history(entries), asOf: at).state == .approaching)
    }

    @Test func returnsAccumulateStageTime() throws {
        let entries = [
            StageEntry(.coordination, at: reg), StageEntry(.execution, at: t("2024-03-30T10:15+03:00")),
            StageEntry(.coordination, at: t("2024-04-01T10:15+03:00")),
            StageEntry(.execution, at: t("2024-04-01T22:15+03:00")),
        ]
        let s = try Fixtures.engine().status(of: history(entries), asOf: t("2024-04-02T10:15+03:00"))
        #expect(s.stages.coordination.visits == 2)
        #expect(s.stages.coordination.usedMinutes == 1440 + 720)
        #expect(s.stages.coordination.state == .approaching)  // budget 1 d 12 h = 2160 minutes, all used: not over yet
        #expect(s.stages.execution.usedMinutes == 2 * 1440 + 720)
        #expect(s.stages.execution.currentVisitMinutes == 720)
        // Cumulative: the second visit's dwell due leaves out what the first used.
        #expect(s.stages.execution.dwellDue == t("2024-04-01T22:15+03:00").adding(minutes: 28_080 - 2880))
        let perVisit = try Fixtures.engine { $0.stageAccounting = .perVisit }.status(
            of: history(entries), asOf: t("2024-04-02T10:15+03:00"))
        #expect(perVisit.stages.execution.usedMinutes == 720)
        #expect(perVisit.stages.execution.dwellDue == t("2024-04-01T22:15+03:00").adding(minutes: 28_080))
    }

    @Test func closedMessages() throws {
        let entries = [StageEntry(.execution, at: reg)]
        let inTime = try Fixtures.engine().status(
            of: history(entries, closed: t("2024-04-10T12:00+03:00")), asOf: t("2024-05-10T12:00+03:00"))
        #expect(inTime.state == .closed)
        #expect(inTime.overdueMinutes == 0)
        #expect(inTime.currentStage == nil)
        let lateAnswer = try Fixtures.engine().status(
            of: history(entries, closed: t("2024-04-28T01:00+03:00")), asOf: t("2024-05-10T12:00+03:00"))
        #expect(lateAnswer.state == .closed)
        #expect(lateAnswer.overdueMinutes == 61)
    }

    /// «Отложено» (seed 003, the ПОС regulation: the executor names «дату, до которой отложено
    /// рассмотрение сообщения»; seed 004: «возможна не более 1 раза»). Registered
    /// Friday 29.03.2024 10:15, 30 days (ГК РФ ст. 191: from 30.03) end Sunday 28.04, a day off;
    /// the preceding working day is the worked Saturday 27.04 (Пост. Правительства РФ № 1314), so
    /// the term is due 27.04.2024 23:59:59. A postponement moves the due time to the end of the
    /// date it names.
    @Test func postponementMovesTheDueTimeOnce() throws {
        let entries = [StageEntry(.execution, at: reg)]
        let asOf = t("2024-05-01T12:00+03:00")
        let plain = try Fixtures.engine().status(of: history(entries), asOf: asOf)
        #expect(Fixtures.moscow.iso8601(plain.due) == "2024-04-27T23:59:59+03:00")
        #expect(plain.state == .overdue)

        let once = try Fixtures.engine().status(of: history(entries, postponed: [d("2024-05-20")]), asOf: asOf)
        #expect(Fixtures.moscow.iso8601(once.due) == "2024-05-20T23:59:59+03:00")
        #expect(once.state != .overdue)
        #expect(once.overdueMinutes == 0)
        // Late after the postponed date: 20.05 23:59:59 → 24.05 23:59:59 is 4 × 1440 minutes.
        let late = try Fixtures.engine().status(
            of: history(entries, postponed: [d("2024-05-20")]), asOf: t("2024-05-24T23:59:59+03:00"))
        #expect(late.state == .overdue)
        #expect(late.overdueMinutes == 4 * 1440)

        // Seed 004 (раздел 3 абз. 2) allows one: a second is refused, naming the clause.
        let once004 = StatusRules(postponements: Cited(value: .atMost(1), citation: "прил. № 1, раздел 3 абз. 2"))
        do {
            _ = try Fixtures.engine().status(
                of: history(entries, postponed: [d("2024-05-20"), d("2024-06-01")]), asOf: asOf, rules: once004)
            Issue.record("a second postponement must be refused")
        } catch {
            #expect(error.message(.en).contains("postponed_until"))
            #expect(error.message(.en).contains("at most once"))
            #expect(error.message(.ru).contains("«Отложено» не более 1 раза"))
            #expect(error.message(.en).contains("раздел 3 абз. 2"))
        }
        // An act with no limit (seed 003, and the default for a silent act): the latest date
        // named governs. As of 24.05 the message is not late (it would be with the first
        // postponement alone, above); due 01.06 23:59:59.
        let twice = try Fixtures.engine().status(
            of: history(entries, postponed: [d("2024-05-20"), d("2024-06-01")]),
            asOf: t("2024-05-24T23:59:59+03:00"))
        #expect(Fixtures.moscow.iso8601(twice.due) == "2024-06-01T23:59:59+03:00")
        #expect(twice.state != .overdue)
        #expect(twice.overdueMinutes == 0)
        // 24.05 23:59:59 → 01.06 23:59:59 is 8 days left.
        #expect(twice.remainingMinutes == 8 * 1440)
    }

    @Test func appealExtension() throws {
        let entries = [StageEntry(.execution, at: reg)]
        let s = try Fixtures.engine().status(
            of: history(entries, regime: .appeal, extension: 30), asOf: t("2024-05-01T12:00+03:00"))
        #expect(s.state == .ok)
        // The term's own last day is Sunday 28.04 (rolled to 27.04); the extension counts from 28.04: 28.05.
        #expect(Fixtures.moscow.localDate(s.due) == d("2024-05-28"))
        #expect(throws: SrokError.self) { try Fixtures.engine().status(of: history(entries, extension: 10), asOf: reg) }
        #expect(throws: SrokError.self) {
            try Fixtures.engine().status(of: history(entries, regime: .appeal, extension: 31), asOf: reg)
        }
    }

    @Test func entriesOutOfOrderAreRefused() {
        let entries = [
            StageEntry(.execution, at: t("2024-04-01T10:00+03:00")),
            StageEntry(.coordination, at: t("2024-03-31T10:00+03:00")),
        ]
        #expect(throws: SrokError.self) { try Fixtures.engine().status(of: history(entries), asOf: reg) }
        #expect(throws: SrokError.self) {
            try Fixtures.engine().status(
                of: history([StageEntry(.moderation, at: t("2024-03-01T10:00+03:00"))]), asOf: reg)
        }
    }

    @Test func controlPoints() throws {
        let controls = [
            ControlPoint(.coordinatorDecision, 3), ControlPoint(.executorTake, 3), ControlPoint(.executorReturn, 7),
            ControlPoint(.redirectApproval, 2, count: .workingDays),
        ]
        var h = history([
            StageEntry(.coordination, at: reg), StageEntry(.execution, at: t("2024-04-03T10:00+03:00")),
            StageEntry(.coordination, at: t("2024-04-12T10:00+03:00")),
        ])
        let s = try Fixtures.engine().status(of: h, asOf: t("2024-04-13T10:00+03:00"), controls: controls)
        #expect(s.controls[.coordinatorDecision]?.state == .ok)  // the latest coordination visit: 1 day so far
        #expect(s.controls[.executorTake]?.state == .overdue)  // never taken; the visit lasted 9 days
        #expect(s.controls[.executorReturn]?.state == .overdue)  // returned after 9 days > 7
        h.takenIntoWork = t("2024-04-04T09:00+03:00")
        let taken = try Fixtures.engine().status(of: h, asOf: t("2024-04-13T10:00+03:00"), controls: controls)
        #expect(taken.controls.first { $0.kind == .executorTake }?.state == .ok)
        // Redirect approval: 2 working days in total over approval and final approval.
        let r = history([
            StageEntry(.coordination, at: reg),
            StageEntry(.approval, at: t("2024-04-01T09:00+03:00"), isRedirectApproval: true),
            StageEntry(.finalApproval, at: t("2024-04-02T09:00+03:00"), isRedirectApproval: true),
            StageEntry(.coordination, at: t("2024-04-02T12:00+03:00")),
        ])
        let ra = try Fixtures.engine().status(of: r, asOf: t("2024-04-05T10:00+03:00"), controls: controls)
        #expect(ra.controls.first { $0.kind == .redirectApproval }?.state == .ok)  // 8 h + 3 h of working time
        let slow = history([
            StageEntry(.approval, at: t("2024-04-01T09:00+03:00"), isRedirectApproval: true),
            StageEntry(.coordination, at: t("2024-04-04T09:00+03:00")),
        ])
        #expect(
            try Fixtures.engine().status(of: slow, asOf: t("2024-04-05T10:00+03:00"), controls: controls).controls.first
            { $0.kind == .redirectApproval }?.state == .overdue)
    }
}

@Suite("SLA engine: review findings")
struct SLAReviewTests {
    let t = Fixtures.t
    let d = Fixtures.d

    @Test func aOneDayTermNeverEndsOnTheRegistrationDay() throws {
        // Friday 03.05.2024 + 1 day = Saturday 04.05 (off); preceding would give Friday 03.05 itself.
        let s = try Fixtures.engine().schedule(registered: t("2024-05-03T10:00+03:00"), term: .days(1))
        #expect(s.dueDate == d("2024-05-06"))
        #expect(s.roll?.reversed == true)
        // Counted inclusively, day 1 is the registration day: no reversal needed.
        let inclusive = try Fixtures.engine { $0.count = .daysInclusive }.schedule(
            registered: t("2024-05-03T10:00+03:00"), term: .days(1))
        #expect(inclusive.dueDate == d("2024-05-03"))
        #expect(inclusive.roll == nil)
    }

    @Test func entriesAfterTheAsOfInstantAreNotCurrent() throws {
        let reg = t("2024-03-29T10:15+03:00")
        let h = MessageHistory(
            registered: reg,
            entries: [StageEntry(.coordination, at: reg), StageEntry(.execution, at: t("2024-04-05T10:00+03:00"))])
        let s = try Fixtures.engine().status(of: h, asOf: t("2024-04-01T10:00+03:00"))
        #expect(s.currentStage == .coordination)
        #expect(s.stages.execution.visits == 0)
        #expect(s.stages.coordination.usedMinutes == 3 * 1440 - 15)
    }

    @Test func anExtensionCountsFromTheUnrolledLastDay() throws {
        // 30.03.2024 + 30 days = Monday 29.04 (off) → rolled to Saturday 27.04; extended by 10 days
        // from 29.04 = 09.05 (holiday) → preceding → 08.05.
        let h = MessageHistory(
            registered: t("2024-03-30T10:15+03:00"), regime: .appeal, term: .days(30), extensionDays: 10)
        let s = try Fixtures.engine().status(of: h, asOf: t("2024-04-01T10:00+03:00"))
        #expect(Fixtures.moscow.localDate(s.due) == d("2024-05-08"))
    }

    @Test func aPostponementNeverShortensTheTerm() throws {
        let h = MessageHistory(
            registered: t("2024-03-30T10:15+03:00"), term: .days(30), postponements: [d("2024-04-10")])
        let s = try Fixtures.engine().status(of: h, asOf: t("2024-04-01T10:00+03:00"))
        #expect(s.due == s.schedule.due)
    }

    @Test func absurdAmountsAreErrorsNotCrashes() throws {
        #expect(throws: SrokError.self) { try SLAEngine.validate(.days(3_000_000_000), regime: .appeal) }
        #expect(throws: SrokError.self) { try Fixtures.federal.adding(workingDays: Int.max, to: d("2024-01-01")) }
        #expect(throws: SrokError.self) { try Fixtures.federal.adding(workingDays: Int.min + 1, to: d("2024-01-01")) }
    }

    @Test func zonesAreReportedByTheirCanonicalName() throws {
        #expect(try ZoneRules(identifier: "W-SU").identifier == "Europe/Moscow")
    }
}
