import PropertyBased
import Testing
@testable import SrokCore

@Suite("Calendar arithmetic invariants")
struct CalendarPropertyTests {
    let cal = Fixtures.federal
    /// Offsets of dates in 1999-01-31 … 2027-06-30 (so that ±200 working days stay in range).
    static let dayOffsets = Gen.int(in: 30...(CivilDate(year: 2027, month: 6, day: 30)!.daysSinceEpoch - CivilDate(year: 1999, month: 1, day: 1)!.daysSinceEpoch).asInt)

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
            let p = try cal.roll(d, .preceding), f = try cal.roll(d, .following)
            #expect(try cal.isWorkingDay(p) && p <= d)
            #expect(try cal.isWorkingDay(f) && f >= d)
            #expect(try cal.workingDays(from: p, through: f) == (p == f ? 1 : 2))
            let mp = try cal.roll(d, .modifiedPreceding), mf = try cal.roll(d, .modifiedFollowing)
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

    @Test func minutesAgreeWithDays() async {
        await propertyCheck(count: 1000, input: Self.dayOffsets, Gen.int(in: 0...400)) { offset, span in
            let a = date(offset), b = a.adding(days: span)
            let t = try cal.totals(from: a, through: b)
            #expect(try cal.workingMinutes(from: a, through: b) == t.workingDays * 480 - t.shortenedDays * 60)
            #expect(t.workingDays + t.daysOff == span + 1)
        }
    }
}

extension Int32 { var asInt: Int { Int(self) } }
