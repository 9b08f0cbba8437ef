import Testing

@testable import SrokCore

@Suite("SLA engine: total due and stage plan")
struct SLAScheduleTests {
    let d = Fixtures.d
    let t = Fixtures.t

    @Test func thirtyDaysFrom30March2024EndOnAWorkedSaturday() throws {
        let s = try Fixtures.engine().schedule(registered: t("2024-03-30T10:15+03:00"), term: .days(30))
        #expect(s.dueDate == d("2024-04-27"))
        #expect(Fixtures.moscow.iso8601(s.due) == "2024-04-27T23:59:59+03:00")
        #expect(
            s.roll == RollOutcome(from: d("2024-04-29"), to: d("2024-04-27"), convention: .preceding, reversed: false))
        #expect(s.roll?.code == "preceding:2024-04-29>2024-04-27")
    }

    @Test func followingRollsToTheNextWorkingDay() throws {
        let s = try Fixtures.engine { $0.roll = .following }.schedule(
            registered: t("2024-03-30T10:15+03:00"), term: .days(30))
        #expect(s.dueDate == d("2024-05-02"))
        let none = try Fixtures.engine { $0.roll = .none }.schedule(
            registered: t("2024-03-30T10:15+03:00"), term: .days(30))
        #expect(none.dueDate == d("2024-04-29"))
        #expect(none.roll == nil)
    }

    @Test func countConventions() throws {
        let reg = t("2024-01-12T10:00+03:00")
        #expect(
            try Fixtures.engine().schedule(registered: reg, term: .days(30)).dueDate == d("2024-02-11").adding(days: -2)
        )  // Sun 11.02 → Fri 09.02
        let inclusive = try Fixtures.engine { $0.count = .daysInclusive }.schedule(registered: reg, term: .days(30))
        #expect(inclusive.dueDate == d("2024-02-09"))  // 10.02 (Sat) → 09.02
        let plain = try Fixtures.engine {
            $0.count = .daysInclusive
            $0.roll = .none
        }.schedule(registered: reg, term: .days(30))
        // day 1 = 12.01 → 30th day = 10.02, one earlier than art. 191 (11.02)
        #expect(plain.dueDate == d("2024-02-10"))
        let clock = try Fixtures.engine { $0.count = .clock }.schedule(
            registered: t("2024-03-30T10:15+03:00"), term: .days(30))
        // 29.04 10:15 rolled to the worked Saturday
        #expect(Fixtures.moscow.iso8601(clock.due) == "2024-04-27T10:15:00+03:00")
        let clockPlain = try Fixtures.engine { $0.count = .clock }.schedule(
            registered: t("2024-04-01T10:15+03:00"), term: .days(7))
        #expect(Fixtures.moscow.iso8601(clockPlain.due) == "2024-04-08T10:15:00+03:00")
        #expect(clockPlain.roll == nil)
    }

    @Test func newYearBlock() throws {
        let s = try Fixtures.engine().schedule(registered: t("2024-12-02T09:00+03:00"), term: .days(30))
        #expect(s.dueDate == d("2024-12-28"))  // 01.01.2025 → the worked Saturday 28.12.2024
        let fast = try Fixtures.engine().schedule(registered: t("2024-12-25T09:00+03:00"), term: .days(10))
        // 04.01.2025 → 28.12.2024: a fast-track runs straight through the holidays
        #expect(fast.dueDate == d("2024-12-28"))
        let following = try Fixtures.engine { $0.roll = .following }.schedule(
            registered: t("2024-12-25T09:00+03:00"), term: .days(10))
        #expect(following.dueDate == d("2025-01-09"))
    }

    @Test func aRollNeverEndsBeforeRegistration() throws {
        // Registered on Saturday 08.06.2024; 1 day → Sunday 09.06; preceding would give Friday 07.06.
        let s = try Fixtures.engine().schedule(registered: t("2024-06-08T10:00+03:00"), term: .days(1))
        #expect(s.dueDate == d("2024-06-10"))
        #expect(s.roll?.reversed == true)
        #expect(s.roll?.code.hasPrefix("following(reversed)") == true)
        #expect(s.due > s.registered)
    }

    @Test func moscowUTCPlus4Era() throws {
        // 2012-06-01T20:30Z is 00:30 on 2 June in Moscow (UTC+4 then), 23:30 on 1 June at UTC+3.
        let s = try Fixtures.engine().schedule(registered: t("2012-06-01T20:30Z"), term: .days(30))
        #expect(s.dueDate == d("2012-07-02"))
        #expect(Fixtures.moscow.iso8601(s.due) == "2012-07-02T23:59:59+04:00")
        let now = try Fixtures.engine().schedule(registered: t("2024-06-01T20:30Z"), term: .days(30))
        #expect(now.dueDate == d("2024-07-01"))
    }

    @Test func stagePlanOnClock24() throws {
        let reg = t("2024-03-29T10:15+03:00")
        let s = try Fixtures.engine().schedule(registered: reg, term: .days(7))
        // Seed 000, Приложение 1, column 7 days: 8 h 24 min, 8 h 24 min, 4 d 13 h 12 min, 1 d 1 h 12 min, 16 h 48 min.
        #expect(s.budgetMinutes == PerStage { [504, 504, 6552, 1512, 1008][$0.rawValue] })
        #expect(s.stageDue.moderation == reg.adding(minutes: 504))
        #expect(s.stageDue.coordination == reg.adding(minutes: 1008))
        #expect(s.stageDue.execution == reg.adding(minutes: 7560))
        #expect(s.stageDue.approval == reg.adding(minutes: 9072))
        #expect(s.stageDue.finalApproval == s.due)
    }

    @Test func stageDueTimesNeverPassTheTotal() throws {
        // A rolled total (Mon 29.04 → Sat 27.04) cuts the last stages short: none passes the total.
        let s = try Fixtures.engine().schedule(registered: t("2024-03-30T10:15+03:00"), term: .days(30))
        for stage in Stage.allCases { #expect(s.stageDue[stage] <= s.due) }
        #expect(s.stageDue.finalApproval == s.due)
    }

    @Test func stagePlanOnWorkday8() throws {
        // Monday 04.03.2024 09:00, 10 days on workday8: moderation 4 h, coordination 4 h …
        let e = Fixtures.engine { $0.basis = .workday8 }
        let reg = t("2024-03-04T09:00+03:00")
        let s = try e.schedule(registered: reg, term: .days(10))
        #expect(s.budgetMinutes.moderation == 240)
        #expect(s.budgetMinutes.execution == 3120)
        #expect(Fixtures.moscow.iso8601(s.stageDue.moderation) == "2024-03-04T13:00:00+03:00")
        #expect(Fixtures.moscow.iso8601(s.stageDue.coordination) == "2024-03-04T18:00:00+03:00")
        // Working time consumed up to each planned due equals the cumulative budget, unless that
        // would pass the total: 10 calendar days from 04.03.2024 hold only 63 working hours
        // (07.03 shortened, 08.03 a holiday), less than 90 % of 80 h, so approval ends with the total.
        var cumulative = 0
        for stage in [Stage.moderation, .coordination, .execution, .approval] {
            cumulative += s.budgetMinutes[stage]
            if s.stageDue[stage] < s.due {
                #expect(try e.workTime.workingMinutes(from: reg, to: s.stageDue[stage]) == cumulative, "\(stage)")
            }
        }
        #expect(try e.workTime.workingMinutes(from: reg, to: s.due) == 63 * 60)
        #expect(s.stageDue.approval == s.due)
        #expect(s.stageDue.execution < s.due)
        // Thursday 07.03.2024 is shortened (ends 17:00) and Friday 08.03 a holiday.
        #expect(
            Fixtures.moscow.iso8601(try e.workTime.adding(minutes: 480 * 3 + 420, to: reg))
                == "2024-03-07T17:00:00+03:00")
        #expect(
            Fixtures.moscow.iso8601(try e.workTime.adding(minutes: 480 * 3 + 421, to: reg))
                == "2024-03-11T09:01:00+03:00")
    }

    @Test func workingTimeSkipsLunchAndNights() throws {
        let w = Fixtures.engine { $0.basis = .workday8 }.workTime
        #expect(try w.workingMinutes(from: t("2024-03-04T12:30+03:00"), to: t("2024-03-04T14:30+03:00")) == 60)
        #expect(try w.workingMinutes(from: t("2024-03-04T17:00+03:00"), to: t("2024-03-05T10:00+03:00")) == 120)
        // Saturday 09.03 → Sunday 10.03: a weekend
        #expect(try w.workingMinutes(from: t("2024-03-09T10:00+03:00"), to: t("2024-03-10T10:00+03:00")) == 0)
        #expect(
            Fixtures.moscow.iso8601(try w.adding(minutes: 30, to: t("2024-03-04T12:45+03:00")))
                == "2024-03-04T14:15:00+03:00")
        #expect(
            Fixtures.moscow.iso8601(try w.adding(minutes: 60, to: t("2024-03-02T10:00+03:00")))
                == "2024-03-04T10:00:00+03:00")
    }

    @Test func rollingStageDueTimesIsAnOption() throws {
        let reg = t("2024-03-29T10:15+03:00")  // Friday
        let plain = try Fixtures.engine().schedule(registered: reg, term: .days(30))
        let rolled = try Fixtures.engine { $0.rollStageDueTimes = true }.schedule(registered: reg, term: .days(30))
        #expect(Fixtures.moscow.localDate(plain.stageDue.moderation) == d("2024-03-30"))  // a Saturday
        #expect(Fixtures.moscow.localDate(rolled.stageDue.moderation) == d("2024-03-29"))
        for stage in Stage.allCases {
            #expect(try Fixtures.federal.isWorkingDay(Fixtures.moscow.localDate(rolled.stageDue[stage])))
        }
    }

    @Test func termsInWorkingDaysAndHours() throws {
        let reg = t("2024-12-27T15:00+03:00")
        let wd = try Fixtures.engine().schedule(registered: reg, term: Term(5, .workingDays))
        #expect(wd.dueDate == d("2025-01-14"))
        let h = try Fixtures.engine().schedule(registered: reg, term: Term(48, .hours))
        #expect(Fixtures.moscow.iso8601(h.due) == "2024-12-29T15:00:00+03:00")
        let wh = try Fixtures.engine().schedule(registered: reg, term: Term(16, .workingHours))
        // 27.12 (3 h), 28.12 (8 h, worked Sat), 09.01 (4 h + 1 h after lunch)
        #expect(Fixtures.moscow.iso8601(wh.due) == "2025-01-09T15:00:00+03:00")
    }

    @Test func regimeRules() throws {
        #expect(throws: SrokError.self) { try SLAEngine.validate(.days(31), regime: .message) }
        #expect(throws: SrokError.self) { try SLAEngine.validate(.days(0), regime: .message) }
        try SLAEngine.validate(.days(30), regime: .message)
        try SLAEngine.validate(.days(1), regime: .message)
        #expect(AppealLaw.migrationConsiderationDays == 20)
        // The ПОС export's «59-ФЗ» flag.
        for (text, regime) in [
            ("да", Regime.appeal), ("Нет", .message), ("0", .message), ("59-ФЗ", .appeal), ("appeal", .appeal),
        ] {
            #expect(try Regime(parsing: text) == regime, "\(text)")
        }
        #expect(throws: SrokError.self) { try Regime(parsing: "sometimes") }
    }
}
