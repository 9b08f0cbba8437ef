import Testing

@testable import SrokCore

/// Issue 11 item 2 (and the new controls of item 7): each control is counted as its act's words
/// count it — «со дня» to the end of the N-th day after the day of the event (ГК РФ ст. 191, 194),
/// «с момента» N × 24 h from the instant, «в день получения» to the end of that day, «рабочих
/// дней» in working time — in the organisation's zone, never rolled.
@Suite("Controls counted as the acts count them")
struct ControlCountTests {
    let msk = Regulation.msk

    /// Seed 003 п. 6.2: «Сообщение, содержащее вопросы, решение которых не входит в компетенцию
    /// должностного лица, в течение 7 дней со дня поступления возвращается на координацию».
    /// Arrival at the executor Monday 03.03.2025 10:00; «со дня поступления»: day 1 is 04.03, day 7
    /// is Monday 10.03.2025, so the term ends 10.03.2025 24:00 (23:59:59). A return on 10.03 at
    /// 15:00 is in time. (Read by the clock it would end 10.03 10:00 and the same return be late.)
    @Test func seed003ReturnOnDay7At1500IsOnTime() throws {
        let r = Regulation.request("bryansk", "2025-03-03T09:00+03:00") {
            $0.entries = [
                Regulation.entry(.coordination, "2025-03-03T09:30+03:00"),
                Regulation.entry(.execution, "2025-03-03T10:00+03:00"),
                Regulation.entry(.coordination, "2025-03-10T15:00+03:00"),
            ]
        }
        let st = try Regulation.status(r, asOf: "2025-03-11T12:00+03:00")
        let ret = try #require(st.controls[.executorReturn])
        #expect(msk(ret.deadline) == "2025-03-10T23:59:59+03:00")
        #expect(msk(ret.metAt) == "2025-03-10T15:00:00+03:00")
        #expect(ret.state == .ok)
        // The same п. 6.2 «В течение 3 дней с момента поступления … взять его в работу» is a clock
        // term: 03.03 10:00 + 72 h = 06.03.2025 10:00. Never taken into work, the visit ended on
        // 10.03 15:00: late.
        let take = try #require(st.controls[.executorTake])
        #expect(msk(take.deadline) == "2025-03-06T10:00:00+03:00")
        #expect(take.state == .overdue)
    }

    /// The other side of the choice: the same return judged with `count clock` (03.03 10:00 + 168 h
    /// = 10.03 10:00) is late by five hours.
    @Test func theSameReturnCountedByTheClockIsLate() throws {
        let reg = Regulation.t("2025-03-03T09:00+03:00")
        let h = MessageHistory(
            registered: reg,
            entries: [
                StageEntry(.execution, at: Regulation.t("2025-03-03T10:00+03:00")),
                StageEntry(.coordination, at: Regulation.t("2025-03-10T15:00+03:00")),
            ])
        let asOf = Regulation.t("2025-03-11T12:00+03:00")
        let byDays = try Fixtures.engine().status(
            of: h, asOf: asOf, controls: [ControlPoint(.executorReturn, 7, count: .days)])
        let byClock = try Fixtures.engine().status(
            of: h, asOf: asOf, controls: [ControlPoint(.executorReturn, 7, count: .clock)])
        #expect(byDays.controls[.executorReturn]?.state == .ok)
        #expect(msk(byClock.controls[.executorReturn]?.deadline) == "2025-03-10T10:00:00+03:00")
        #expect(byClock.controls[.executorReturn]?.state == .overdue)
    }

    /// Seed 004 раздел 2 (Координатор): «При обработке обращений по Федеральному закону № 59-ФЗ срок
    /// на перенаправление в иную организацию составляет не более 7 календарных дней»; the start is
    /// 59-ФЗ ст. 8 ч. 3 «в течение семи дней со дня регистрации». Registered Monday 03.03.2025 10:00:
    /// day 7 after the day of registration is Monday 10.03.2025; redirected 10.03 at 15:00, in time.
    @Test func seed004RedirectOnDay7At1500IsOnTime() throws {
        let r = Regulation.request("mamadysh", "2025-03-03T10:00+03:00") {
            $0.regime = .appeal
            $0.redirectedAt = .instant(Regulation.t("2025-03-10T15:00+03:00"))
        }
        let st = try Regulation.status(r, asOf: "2025-03-12T12:00+03:00")
        let c = try #require(st.controls[.appealRedirect])
        #expect(msk(c.deadline) == "2025-03-10T23:59:59+03:00")
        #expect(c.state == .ok)
        // Redirected on day 8 (11.03 00:30): late.
        let late = try Regulation.status(
            Regulation.request("mamadysh", "2025-03-03T10:00+03:00") {
                $0.regime = .appeal
                $0.redirectedAt = .instant(Regulation.t("2025-03-11T00:30+03:00"))
            }, asOf: "2025-03-12T12:00+03:00")
        #expect(late.controls[.appealRedirect]?.state == .overdue)
        // A message (not an appeal) has no 59-ФЗ redirect term.
        let message = try Regulation.status(
            Regulation.request("mamadysh", "2025-03-03T10:00+03:00") {
                $0.redirectedAt = .instant(Regulation.t("2025-03-11T00:30+03:00"))
            }, asOf: "2025-03-12T12:00+03:00")
        #expect(message.controls[.appealRedirect] == nil)
    }

    /// 59-ФЗ ст. 8 ч. 2 «в течение трех дней с момента поступления» (seed 004 through п. 2 of the
    /// постановление): received Friday 28.02.2025 18:00, registration due 03.03.2025 18:00 (72 h).
    @Test func appealRegistrationIsAClockTerm() throws {
        let r = Regulation.request("mamadysh", "2025-03-03T17:00+03:00") {
            $0.regime = .appeal
            $0.receivedAt = .instant(Regulation.t("2025-02-28T18:00+03:00"))
        }
        let c = try #require(try Regulation.status(r, asOf: "2025-03-04T12:00+03:00").controls[.appealRegistration])
        #expect(msk(c.deadline) == "2025-03-03T18:00:00+03:00")
        #expect(c.state == .ok)
    }

    /// Seed 002 п. 9: the coordinator decides «не позднее трехдневного срока», a period of days
    /// (ГК РФ ст. 191): arrival at coordination Friday 28.03.2025 16:00, day 3 after that day is
    /// Monday 31.03, the term ends 31.03.2025 23:59:59 — a decision on 31.03 at 20:00 is in time
    /// (by the clock it would have ended 31.03 16:00).
    @Test func seed002CoordinatorDecisionRunsToTheEndOfDay3() throws {
        let r = Regulation.request("krasnodar-krai", "2025-03-28T15:00+03:00") {
            $0.entries = [
                Regulation.entry(.coordination, "2025-03-28T16:00+03:00"),
                Regulation.entry(.execution, "2025-03-31T20:00+03:00"),
            ]
        }
        let c = try #require(try Regulation.status(r, asOf: "2025-04-01T12:00+03:00").controls[.coordinatorDecision])
        #expect(msk(c.deadline) == "2025-03-31T23:59:59+03:00")
        #expect(msk(c.metAt) == "2025-03-31T20:00:00+03:00")
        #expect(c.state == .ok)
    }

    /// Seed 003 п. 6.3: «для уточнения недостающей информации Исполнителю надлежит в день получения
    /// сообщения связаться с заявителем». Arrival at the executor Tuesday 04.03.2025 17:30: the
    /// contact is due by the end of that day, 04.03.2025 23:59:59 (not rolled, not moved to the
    /// next working day). A contact at 23:00 is in time, one the next morning is late; without a
    /// recorded contact the (conditional) duty is not checked.
    @Test func seed003ContactTheApplicantOnTheDayOfReceipt() throws {
        func contact(_ at: String?) throws -> ControlCheck? {
            let r = Regulation.request("bryansk", "2025-03-04T09:00+03:00") {
                $0.entries = [
                    Regulation.entry(.coordination, "2025-03-04T09:10+03:00"),
                    Regulation.entry(.execution, "2025-03-04T17:30+03:00"),
                ]
                $0.applicantContactedAt = at.map { .instant(Regulation.t($0)) }
            }
            return try Regulation.status(r, asOf: "2025-03-06T12:00+03:00").controls[.applicantContact]
        }
        let sameDay = try #require(try contact("2025-03-04T23:00+03:00"))
        #expect(msk(sameDay.deadline) == "2025-03-04T23:59:59+03:00")
        #expect(sameDay.state == .ok)
        #expect(try contact("2025-03-05T09:00+03:00")?.state == .overdue)
        #expect(try contact(nil) == nil)
    }

    /// Seed 004 раздел 2 (Исполнитель): «доводит информацию до сведения руководителя в течение
    /// одного рабочего дня с момента поступления обращений». One working day of 09:00–13:00 and
    /// 14:00–18:00 (480 minutes) from Tuesday 11.03.2025 10:00: 180 min to 13:00, 240 min to 18:00,
    /// the remaining 60 min on Wednesday from 09:00 — due Wednesday 12.03.2025 10:00.
    @Test func seed004InformTheHeadWithinOneWorkingDay() throws {
        func informed(_ at: String) throws -> ControlCheck? {
            let r = Regulation.request("mamadysh", "2025-03-11T09:00+03:00") {
                $0.entries = [
                    Regulation.entry(.coordination, "2025-03-11T09:05+03:00"),
                    Regulation.entry(.execution, "2025-03-11T10:00+03:00"),
                ]
                $0.headInformedAt = .instant(Regulation.t(at))
            }
            return try Regulation.status(r, asOf: "2025-03-13T12:00+03:00").controls[.headInformed]
        }
        let inTime = try #require(try informed("2025-03-12T09:59+03:00"))
        #expect(msk(inTime.deadline) == "2025-03-12T10:00:00+03:00")
        #expect(inTime.state == .ok)
        #expect(try informed("2025-03-12T10:30+03:00")?.state == .overdue)
    }

    /// The profiles say how each control is counted, as the research of the acts concluded.
    @Test func everyProfileControlHasTheCountOfItsActsWords() throws {
        let expected: [String: [ControlKind: ControlCount]] = [
            "bryansk": [
                .executorTake: .clock, .executorReturn: .days, .redirectApproval: .workingDays,
                .applicantContact: .daysInclusive,
            ],
            "krasnodar-krai": [.coordinatorDecision: .days],
            "mamadysh": [.appealRedirect: .days, .appealRegistration: .clock, .headInformed: .workingDays],
            "staritsa": [.appealRedirect: .days, .appealRegistration: .clock],
            "federal": [.appealRedirect: .days, .appealRegistration: .clock],
            "brasovsky": [:],
        ]
        for (id, counts) in expected {
            let p = try Fixtures.context.profile(id)
            #expect(Dictionary(uniqueKeysWithValues: p.controls.map { ($0.kind, $0.count) }) == counts, "\(id)")
        }
        // Without a count the kind's default applies (the act's words).
        let parsed = try RegulationProfile.parse(files: [
            ("p.srokprofile", "profile p\n  control executor-take 3 | c\n  control executor-return 7 | c\n")
        ])
        #expect(parsed["p"]?.controls.map(\.count) == [.clock, .days])
    }

    /// Every count, against an independent computation: `days` ends at 23:59:59 local of the N-th
    /// day after the start's local date, `days-inclusive` of day N − 1 after it, `clock` N × 86 400 s
    /// later.
    @Test(arguments: [1, 3, 7])
    func countsAgainstTheirDefinitions(_ n: Int) throws {
        let e = Fixtures.engine()
        for start in [
            "2025-03-03T00:00+03:00", "2025-03-03T10:00+03:00", "2025-03-03T23:59+03:00", "2025-03-02T23:30+00:00",
        ] {
            let s = Regulation.t(start)
            let day = Fixtures.moscow.localDate(s)
            let days = try e.controlDeadline(ControlPoint(.executorReturn, n, count: .days), from: s)
            #expect(Fixtures.moscow.localDate(days) == day.adding(days: n))
            #expect(Fixtures.moscow.local(days).secondOfDay == 86_399)
            let inclusive = try e.controlDeadline(ControlPoint(.executorReturn, n, count: .daysInclusive), from: s)
            #expect(Fixtures.moscow.localDate(inclusive) == day.adding(days: n - 1))
            #expect(
                try e.controlDeadline(ControlPoint(.executorReturn, n, count: .clock), from: s)
                    == s.adding(seconds: Int64(n) * 86_400))
        }
    }
}
