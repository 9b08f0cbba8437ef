import PropertyBased
import Testing

@testable import SrokCore

@Suite("Calendar arithmetic invariants")
struct CalendarPropertyTests {
    let cal = Fixtures.federal
    /// Offsets of dates in 1999-01-31 … 2027-06-30 (so that ±200 working days stay in range).
    static let dayOffsets = Gen.int(
        in:
            30...(CivilDate(year: 2027, month: 6, day: 30)!.daysSinceEpoch
            - CivilDate(year: 1999, month: 1, day: 1)!.daysSinceEpoch).asInt)

    func date(_ offset: Int) -> CivilDate { CivilDate(year: 1999, month: 1, day: 1)!.adding(days: offset) }

    @Test func addingKWorkingDaysThenCountingGivesK() async {
        await propertyCheck(count: 2000, input: Self.dayOffsets, Gen.int(in: 1...200)) { offset, k in
            let start = date(offset)
            let end = try cal.adding(workingDays: k, to: start)
            #expect(try cal.workingDays(from: start.adding(days: 1), through: end) == k)
            #expect(try cal.isWorkingDay(end))
            let back = try cal.adding(workingDays: -k, to: end)
            #expect(try cal.workingDays(from: back, through: end.adding(days: -1)) == k)
        }
    }

    @Test func rolledDatesAreWorkingDaysOnTheRightSide() async {
        await propertyCheck(count: 3000, input: Self.dayOffsets) { offset in
            let d = date(offset)
            let p = try cal.roll(d, .preceding)
            let f = try cal.roll(d, .following)
            #expect(try cal.isWorkingDay(p) && p <= d)
            #expect(try cal.isWorkingDay(f) && f >= d)
            #expect(try cal.workingDays(from: p, through: f) == (p == f ? 1 : 2))
            let mp = try cal.roll(d, .modifiedPreceding)
            let mf = try cal.roll(d, .modifiedFollowing)
            #expect(try cal.isWorkingDay(mp) && cal.isWorkingDay(mf))
            if try cal.isWorkingDay(d) { #expect(p == d && f == d && mp == d && mf == d) }
        }
    }

    @Test func nextAndPreviousAreInverse() async {
        await propertyCheck(count: 3000, input: Self.dayOffsets) { offset in
            let d = date(offset)
            let n = try cal.nextWorkingDay(onOrAfter: d)
            #expect(try cal.previousWorkingDay(onOrBefore: n) == n)
            if try cal.isWorkingDay(d) {
                #expect(try cal.nextWorkingDay(after: cal.previousWorkingDay(before: d)) == d)
                #expect(try cal.previousWorkingDay(before: cal.nextWorkingDay(after: d)) == d)
            }
        }
    }

    /// The O(1) range queries (prefix sums over the compiled year) against a day-by-day count in
    /// which each day's working time comes from the law, not from the range tables: a working day
    /// has 8 hours (ТК РФ ст. 91 — 40 hours over a five-day week), a pre-holiday day one hour less
    /// (ст. 95 — 7 hours), a day off none.
    @Test func minutesAgreeWithDays() async {
        await propertyCheck(count: 500, input: Self.dayOffsets, Gen.int(in: 0...400)) { offset, span in
            let a = date(offset)
            let b = a.adding(days: span)
            var working = 0
            var shortened = 0
            var minutes = 0
            for k in 0...span {
                let day = try cal.info(for: a.adding(days: k))
                guard day.isWorking else { continue }
                working += 1
                if day.isShortened { shortened += 1 }
                minutes += day.isShortened ? 7 * 60 : 8 * 60
            }
            #expect(try cal.workingMinutes(from: a, through: b) == minutes)
            #expect(try cal.workingDays(from: a, through: b) == working)
            let t = try cal.totals(from: a, through: b)
            #expect(t.calendarDays == span + 1)
            #expect(t.workingDays == working)
            #expect(t.shortenedDays == shortened)
            #expect(t.daysOff == span + 1 - working)
        }
    }

    /// Whole years against the officially published production calendars (КонсультантПлюс,
    /// 40-hour week): 2023 — 247 working days, 118 days off, 1973 hours; 2024 — 248, 118, 1979;
    /// 2025 — 247, 118, 1972. The hours follow from the days: 2024 has five pre-holiday days
    /// (22.02, 07.03, 08.05, 11.06 and the worked Saturday 02.11), 248 × 8 − 5 = 1979.
    @Test(arguments: [(2023, 247, 118, 1973), (2024, 248, 118, 1979), (2025, 247, 118, 1972)])
    func wholeYearsGiveThePublishedNorms(_ year: Int, _ workingDays: Int, _ daysOff: Int, _ hours: Int) throws {
        let first = CivilDate(year: year, month: 1, day: 1)!
        let last = CivilDate(year: year, month: 12, day: 31)!
        #expect(try cal.workingDays(from: first, through: last) == workingDays)
        #expect(try cal.workingMinutes(from: first, through: last) == hours * 60)
        let t = try cal.totals(year: year)
        #expect(t.workingDays == workingDays && t.daysOff == daysOff && t.hours40Tenths == hours * 10)
        if year == 2024 {
            let shortened = try (0..<366).map { first.adding(days: $0) }.filter { try cal.info(for: $0).isShortened }
            #expect(shortened.map(\.iso) == ["2024-02-22", "2024-03-07", "2024-05-08", "2024-06-11", "2024-11-02"])
        }
    }
}

extension Int32 { var asInt: Int { Int(self) } }
