import Testing

@testable import SrokCore

@Suite("Civil dates")
struct CivilDateTests {
    @Test func epochAndKnownWeekdays() {
        #expect(CivilDate(year: 1970, month: 1, day: 1)!.daysSinceEpoch == 0)
        #expect(CivilDate(year: 2024, month: 4, day: 27)!.weekday == .saturday)
        #expect(CivilDate(year: 2024, month: 4, day: 29)!.weekday == .monday)
        #expect(CivilDate(year: 1999, month: 1, day: 1)!.weekday == .friday)
        #expect(CivilDate(year: 1969, month: 12, day: 31)!.weekday == .wednesday)
    }

    @Test func leapDays() {
        #expect(CivilDate(year: 2024, month: 2, day: 29) != nil)
        #expect(CivilDate(year: 2000, month: 2, day: 29) != nil)
        #expect(CivilDate(year: 1900, month: 2, day: 29) == nil)
        #expect(CivilDate(year: 2025, month: 2, day: 29) == nil)
        #expect(CivilDate(year: 2024, month: 2, day: 28)!.adding(days: 1).iso == "2024-02-29")
        #expect(CivilDate(year: 2024, month: 2, day: 29)!.adding(days: 1).iso == "2024-03-01")
    }

    @Test func roundTripEveryDayFrom1900To2100() {
        var d = CivilDate(year: 1900, month: 1, day: 1)!
        let end = CivilDate(year: 2100, month: 12, day: 31)!
        var expectedWeekday = d.weekday.rawValue
        while d <= end {
            let (y, m, day) = d.components
            #expect(CivilDate(year: y, month: m, day: day) == d)
            #expect(d.weekday.rawValue == expectedWeekday)
            expectedWeekday = expectedWeekday == 7 ? 1 : expectedWeekday + 1
            d = d.adding(days: 1)
        }
    }

    @Test func parsesIsoAndRussianForms() throws {
        #expect(try CivilDate(parsing: "2024-03-29").iso == "2024-03-29")
        #expect(try CivilDate(parsing: "29.03.2024").iso == "2024-03-29")
        #expect(try CivilDate(parsing: " 01.01.2025 ").russian == "01.01.2025")
    }

    @Test(arguments: [
        "2025-02-30", "2024-13-01", "2024-3-29", "29/03/2024", "", "2024-03-29T10:00", "32.01.2024", "abcd-ef-gh",
    ])
    func rejectsMalformedOrImpossibleDates(_ text: String) {
        #expect(throws: SrokError.self) { try CivilDate(parsing: text, field: "registered_at") }
        do { _ = try CivilDate(parsing: text, field: "registered_at") } catch {
            #expect(error.message(.en).contains("registered_at"))
            #expect(error.message(.en).contains("YYYY-MM-DD"))
        }
    }
}

@Suite("Civil date arithmetic, whole range")
struct CivilDateRangeTests {
    @Test func daysFromComponentsRoundTripsEveryDayOf1890To2110() {
        // The fast path (1900–2100) and Hinnant's algorithm outside it agree with the
        // components of every day, across both ends of the fast range.
        let first = CivilDate(year: 1890, month: 1, day: 1)!.daysSinceEpoch
        let last = CivilDate(year: 2110, month: 12, day: 31)!.daysSinceEpoch
        var mismatches = 0
        for d in first...last {
            let c = CivilDate(daysSinceEpoch: d).computedComponents
            if CivilDate.days(year: c.year, month: c.month, day: c.day) != Int(d) { mismatches += 1 }
        }
        #expect(mismatches == 0)
        #expect(CivilDate(year: 1970, month: 1, day: 1)!.daysSinceEpoch == 0)
        #expect(CivilDate(year: 2000, month: 3, day: 1)!.daysSinceEpoch == 11_017)
    }
}
