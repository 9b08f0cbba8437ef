import Testing

@testable import SrokCore

/// The sweep after issue 10's crashes: every amount the engine multiplies or adds — a term, a
/// control limit, shares, minutes, instants, postponement dates, years of the ICU forecasts — is
/// checked where it enters, so the largest values are errors naming what is accepted. Each of
/// these trapped (or, for the schedule's shortened cut and the region's years, was accepted)
/// before.
@Suite("Engine bounds: the largest amounts are errors")
struct EngineBoundsTests {
    let reg = Fixtures.t("2024-03-29T10:15+03:00")
    let asOf = Fixtures.t("2024-04-10T12:00+03:00")

    // 8784 = 366 × 24: the longest term in hours; 366 the longest in days.
    @Test(arguments: [
        (Term.Unit.hours, "8784 hours"), (.workingHours, "8784 hours"), (.calendarDays, "366 days"),
        (.workingDays, "366 days"),
    ])
    func aTermBeyondAYearIsAnErrorNotATrap(_ unit: Term.Unit, _ limit: String) {
        for amount in [Int.max, Int.min, 1 << 40, 0, -1] {
            let message = Fixtures.errorText {
                _ = try Fixtures.engine().schedule(registered: reg, term: Term(amount, unit))
            }
            #expect(message.contains("at most \(limit)"), "\(amount) \(unit): \(message)")
        }
    }

    @Test(arguments: [Int64.max, Int64.min, HostileInputTests.lastSecond + 1, HostileInputTests.firstSecond - 1])
    func anInstantOutsideTheRangeIsAnErrorAtEveryEntryPoint(_ seconds: Int64) {
        let far = Instant(secondsSinceEpoch: seconds)
        let range = "0001-01-01T00:00:00Z to 9999-12-31T23:59:59Z"
        let engine = Fixtures.engine { $0.basis = .workday8 }
        #expect(Fixtures.errorText { _ = try engine.schedule(registered: far, term: .days(30)) }.contains(range))
        #expect(
            Fixtures.errorText { _ = try engine.status(of: MessageHistory(registered: reg), asOf: far) }.contains(range)
        )
        #expect(
            Fixtures.errorText { _ = try engine.status(of: MessageHistory(registered: reg, closedAt: far), asOf: asOf) }
                .contains(range))
        #expect(
            Fixtures.errorText {
                _ = try engine.status(
                    of: MessageHistory(registered: reg, entries: [StageEntry(.execution, at: far)]), asOf: asOf)
            }.contains(range))
        #expect(Fixtures.errorText { _ = try engine.used(from: reg, to: far) }.contains(range))
        #expect(Fixtures.errorText { _ = try engine.after(far, minutes: 60) }.contains(range))
        #expect(Fixtures.errorText { _ = try engine.workTime.adding(minutes: 60, to: far) }.contains(range))
        #expect(Fixtures.errorText { _ = try engine.workTime.workingMinutes(from: reg, to: far) }.contains(range))
    }

    @Test(arguments: [Int.max, Int.min, 1 << 62])
    func aCountOfMinutesBeyondTheRangeIsAnError(_ minutes: Int) {
        // The range holds 315 537 897 600 s, 5 258 964 960 minutes (rounded up): no count beyond
        // it can stay inside, and adding it to any instant would overflow first.
        for basis in [StageBasis.clock24, .workday8] {
            let message = Fixtures.errorText {
                _ = try Fixtures.engine { $0.basis = basis }.after(reg, minutes: minutes)
            }
            #expect(message.contains("5258964960"), "\(basis): \(message)")
        }
        // Working minutes past the calendar's end: the federal data ends on 2027-12-31.
        let message = Fixtures.errorText { _ = try Fixtures.engine().workTime.adding(minutes: minutes, to: reg) }
        #expect(minutes < 0 ? message == "" : message.contains("2027-12-31"), "\(message)")
    }

    @Test(arguments: [Int.max, 1 << 40, 367, 0, -1])
    func aControlLimitBeyondAYearIsAnError(_ amount: Int) {
        let history = MessageHistory(registered: reg, entries: [StageEntry(.coordination, at: reg)])
        for count in ControlCount.allCases {
            let controls = [ControlPoint(.coordinatorDecision, amount, count: count)]
            let message = Fixtures.errorText {
                _ = try Fixtures.engine().status(of: history, asOf: asOf, controls: controls)
            }
            #expect(message.contains("1–366 days"), "\(message)")
        }
    }

    @Test func aWarningPercentageOutside0To100IsAnError() {
        let history = MessageHistory(registered: reg, entries: [StageEntry(.execution, at: reg)])
        for warning in [Int.max, Int.min, 101, -1] {
            let message = Fixtures.errorText {
                _ = try Fixtures.engine { $0.warningPercent = warning }.status(of: history, asOf: asOf)
            }
            #expect(message.contains("0 to 100"), "\(warning): \(message)")
        }
    }

    @Test func aPostponementNoDateCanHaveIsAnError() {
        let far = CivilDate(daysSinceEpoch: .max)
        let message = Fixtures.errorText {
            _ = try Fixtures.engine().status(of: MessageHistory(registered: reg, postponements: [far]), asOf: asOf)
        }
        #expect(message.contains("years 1–9999"), "\(message)")
    }

    @Test func sharesAreBoundedBeforeTheyAreSummed() {
        // Int.max + 1 + … overflowed the sum; each share must be 0–10 000 basis points (0–100 %).
        var bp = PerStage(repeating: 0)
        bp.moderation = .max
        bp.coordination = 1
        #expect(Fixtures.errorText { _ = try StageShares(basisPoints: bp) }.contains("from 0 to 100 %"))
        bp.moderation = -5000
        bp.coordination = 15_000
        #expect(Fixtures.errorText { _ = try StageShares(basisPoints: bp) }.contains("from 0 to 100 %"))
    }

    @Test func aNegativeShortenedCutIsAnError() {
        #expect(throws: SrokError.self) { try WorkSchedule(parsing: "09:00-18:00", shortenedCut: -60) }
        #expect(throws: SrokError.self) { try WorkSchedule(parsing: "09:00-18:00", shortenedCut: Int.min) }
    }

    @Test(arguments: [Int.max, 1 << 40, 367, 0])
    func aStageTableTermBeyondAYearIsAnError(_ days: Int) {
        #expect(Fixtures.errorText { _ = try StageTable.rows(days: [days], basis: .workday8) }.contains("1–366 days"))
    }

    @Test(arguments: [Int.max, Int.min, 99_999, 0, 1899])
    func holidayForecastsRefuseYearsNoDataFileNames(_ year: Int) throws {
        // Data files name years 1900–2200 (Data/FORMAT.md); ICU fields are Int32.
        let evaluator = try HolidayRuleEvaluator()
        #expect(
            Fixtures.errorText { _ = try evaluator.islamicDates(month: 10, day: 1, gregorianYear: year) }.contains(
                "1900 to 2200"))
        #expect(Fixtures.errorText { _ = try evaluator.orthodoxEaster(year) }.contains("1900 to 2200"))
        #expect(
            Fixtures.errorText { _ = try evaluator.lunarDate(month: 1, day: 1, gregorianYear: year) }.contains(
                "1900 to 2200"))
    }

    @Test func regionYearsAreBounded() {
        func message(_ options: String) -> String {
            Fixtures.errorText {
                _ = try RegionDefinition.parse(files: [
                    ("r.srokcal", "region RU-XX\n  holiday fixed 05-01 \(options) Праздник | закон\n")
                ])
            }
        }
        #expect(message("from=3000").contains("from=3000: expected a year from 1900 to 2200"))
        #expect(message("to=99999999999999999999").contains("expected a year from 1900 to 2200"))
        #expect(message("from=2020 to=2010").contains("before from=2020"))
        #expect(message("from=2010 to=2020") == "")
    }
}
