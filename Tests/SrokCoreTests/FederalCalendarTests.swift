import Testing

@testable import SrokCore

@Suite("Federal production calendar 1999–2027 (embedded data)")
struct FederalCalendarTests {
    let cal = Fixtures.federal
    func d(_ s: String) -> CivilDate { Fixtures.d(s) }

    @Test func coversEveryYearFrom1999To2027() {
        #expect(cal.coverage.lowerBound == d("1999-01-01"))
        #expect(cal.coverage.upperBound >= d("2027-12-31"))
        #expect(Fixtures.catalog.definitions["RU"]!.dataYears == Array(1999...2027))
        #expect(cal.dataVersion?.isEmpty == false)
    }

    @Test(arguments: Array(1999...2027))
    func yearTotalsEqualThePublishedOnes(_ year: Int) throws {
        let data = try #require(cal.yearData(year))
        let published = try #require(data.totals, "year \(year) has no published totals")
        let t = try cal.totals(year: year)
        #expect(t.workingDays == published.workingDays, "working days \(year)")
        #expect(t.daysOff == published.daysOff, "days off \(year)")
        #expect(t.hours40Tenths == published.hours40Tenths, "40-hour norm \(year)")
        #expect(t.hours36Tenths == published.hours36Tenths, "36-hour norm \(year)")
        #expect(t.hours24Tenths == published.hours24Tenths, "24-hour norm \(year)")
        #expect(t.workingDays + t.daysOff == (CivilDate.isLeap(year) ? 366 : 365))
    }

    @Test(arguments: Array(1999...2027))
    func everyYearCitesItsDecreeAndTwoSources(_ year: Int) throws {
        let data = try #require(cal.yearData(year))
        #expect(
            data.verifiedAgainst.count >= 2, "year \(year) was verified against \(data.verifiedAgainst.count) sources")
        if !data.transfers.isEmpty { #expect(!data.decrees.isEmpty, "year \(year) has transfers but no decree") }
        for t in data.transfers {
            #expect(!t.citation.isEmpty)
            // Every transfer moves a day off onto a day that is not otherwise off.
            #expect(try cal.kind(of: t.to) == .transferredDayOff, "\(t.to)")
        }
    }

    @Test func noMismatchAnywhere() {
        #expect(cal.totalsMismatches().map(\.description) == [])
    }

    @Test func rollsOntoWorkedSaturdays() throws {
        #expect(try cal.roll(d("2024-04-29"), .preceding) == d("2024-04-27"))
        #expect(try cal.kind(of: d("2024-04-27")) == .workedWeekend)
        #expect(try cal.roll(d("2024-04-29"), .following) == d("2024-05-02"))
        #expect(try cal.roll(d("2024-11-04"), .preceding) == d("2024-11-02"))
        #expect(try cal.roll(d("2024-12-31"), .preceding) == d("2024-12-28"))
        #expect(try cal.roll(d("2025-11-03"), .preceding) == d("2025-11-01"))
        #expect(try cal.roll(d("2024-04-29"), .none) == d("2024-04-29"))
    }

    @Test func modifiedConventionsStayInTheMonth() throws {
        // Monday 2024-04-29 … Wednesday 2024-05-01 are off; preceding stays in April.
        #expect(try cal.roll(d("2024-05-01"), .modifiedPreceding) == d("2024-05-02"))
        #expect(try cal.roll(d("2024-05-01"), .preceding) == d("2024-04-27"))
        // 2024-12-31 (off): following is 2025-01-09, modified-following stays in December.
        #expect(try cal.roll(d("2024-12-31"), .following) == d("2025-01-09"))
        #expect(try cal.roll(d("2024-12-31"), .modifiedFollowing) == d("2024-12-28"))
    }

    @Test func newYearBlock() throws {
        for day in 1...8 { #expect(try !cal.isWorkingDay(CivilDate(year: 2025, month: 1, day: day)!)) }
        #expect(try cal.isWorkingDay(d("2025-01-09")))
        #expect(try cal.adding(workingDays: 1, to: d("2024-12-28")) == d("2025-01-09"))
        #expect(try cal.adding(workingDays: 5, to: d("2024-12-27")) == d("2025-01-14"))
        #expect(try cal.adding(workingDays: -1, to: d("2025-01-09")) == d("2024-12-28"))
        #expect(try cal.workingDays(from: d("2024-12-29"), through: d("2025-01-08")) == 0)
        #expect(try cal.kind(of: d("2025-01-07")) == .holiday)
    }

    @Test func shortenedDaysHaveSevenHours() throws {
        #expect(try cal.workingMinutes(of: d("2024-02-22")) == 420)
        #expect(try cal.workingMinutes(of: d("2024-02-21")) == 480)
        #expect(try cal.workingMinutes(of: d("2024-02-23")) == 0)
        #expect(try cal.info(for: d("2024-02-22")).isShortened)
    }

    @Test func explainsMovedDaysWithTheirDecree() throws {
        let info = try cal.info(for: d("2024-04-29"))
        #expect(info.kind == .transferredDayOff)
        #expect(info.movedFrom == d("2024-04-27"))
        #expect(info.source?.contains("1314") == true)
        #expect(info.explanation(.ru).contains("27.04.2024"))
        let holiday = try cal.info(for: d("2024-05-09"))
        #expect(holiday.kind == .holiday)
        #expect(holiday.name?.contains("Победы") == true)
    }

    @Test func yearsOfEachStatuteHaveTheirHolidays() throws {
        // 7 November and 12 December were holidays until 2004; 4 November since 2005.
        #expect(try cal.kind(of: d("2003-11-07")) == .holiday)
        #expect(try cal.kind(of: d("2003-12-12")) == .holiday)
        #expect(try cal.kind(of: d("2005-11-04")) == .holiday)
        #expect(try cal.kind(of: d("2006-12-12")) != .holiday)
        // 8 January is a holiday since 2013.
        #expect(try cal.kind(of: d("2014-01-08")) == .holiday)
    }

    @Test func presidentialNonWorkingDaysAreSwitchable() throws {
        #expect(try cal.kind(of: d("2020-04-06")) == .presidentialNonWorking)
        #expect(try cal.isWorkingDay(d("2020-04-06")))
        let strict = try Fixtures.catalog.federal(options: CalendarOptions(presidentialDaysAreWorking: false))
        #expect(try !strict.isWorkingDay(d("2020-04-06")))
        #expect(try strict.totals(year: 2020).workingDays < cal.totals(year: 2020).workingDays)
        #expect(try strict.roll(d("2020-04-30"), .preceding) == d("2020-03-27"))
    }

    @Test func yearsOutsideTheDataAreRefusedOrProvisional() throws {
        do {
            _ = try cal.kind(of: d("2028-03-01"))
            Issue.record("2028 must be refused")
        } catch {
            #expect(error.message(.en).contains("1999-01-01"))
            #expect(error.message(.en).contains("2027-12-31"))
            #expect(error.message(.en).contains("provisional"))
        }
        #expect(throws: SrokError.self) { try cal.kind(of: d("1998-12-31")) }
        let provisional = try Fixtures.catalog.federal(options: CalendarOptions(provisionalThroughYear: 2030))
        let info = try provisional.info(for: d("2028-03-08"))
        #expect(info.kind == .holiday)
        #expect(info.isProvisional)
        #expect(provisional.isProvisional(d("2028-06-01")))
        #expect(!provisional.isProvisional(d("2027-06-01")))
        // 12 June 2028 is a Monday; 4 November 2028 a Saturday → carried to Monday 6 November.
        #expect(try provisional.kind(of: d("2028-11-06")) == .carriedOverDayOff)
        #expect(try provisional.info(for: d("2028-11-06")).isProvisional)
        // Art. 95 by rule: Friday 3 November 2028 is the eve of Saturday's holiday.
        #expect(try provisional.workingMinutes(of: d("2028-11-03")) == 420)
    }

    @Test func userFileOverridesAYear() throws {
        let user = """
            calendar RU
              year 2027
                decree Тестовое постановление
                transfer 2027-01-02 2027-01-11 | тест
                totals working=246 off=119 hours40=1964 hours36=1767.2 hours24=1176.8 | тест
                verified a
                verified b
            """
        let catalog = try Fixtures.catalog.extended(with: [("user.srokcal", user)])
        let c = try catalog.federal()
        #expect(try c.kind(of: d("2027-01-11")) == .transferredDayOff)
        #expect(c.yearData(2027)?.decrees == ["Тестовое постановление"])
    }
}
