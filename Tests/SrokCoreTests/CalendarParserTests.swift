import Testing

@testable import SrokCore

@Suite("Calendar data files")
struct CalendarParserTests {
    static let sample = """
        calendar T  # a test calendar
          title Test | x
          statute 2000-01-01 open | ТК РФ ст. 112
            holiday 01-01 Новый год
            holiday 05-09 День Победы
          carry-over 2000 open all | ТК РФ ст. 112 ч. 2
          year 2022
            decree Постановление № 1
            transfer 2022-01-01 2022-01-03 | Пост. № 1
            transfer 2022-03-05 2022-03-07 | Пост. № 1
            shortened 2022-05-06 | ТК РФ ст. 95
            totals working=250 off=115 hours40=1999 hours36=1799 hours24=1199 | test
            verified one
            verified two
        """

    @Test func parsesEveryDirective() throws {
        let defs = try CalendarDefinition.parse(files: [("t.srokcal", Self.sample)])
        let t = try #require(defs["T"])
        #expect(t.statutes.count == 1)
        #expect(t.statutes[0].holidays.map(\.name) == ["Новый год", "День Победы"])
        #expect(t.statutes[0].holidays[0].citation == "ТК РФ ст. 112")
        #expect(t.carryOverRules.first?.mode == .all)
        let y = try #require(t.years[2022])
        #expect(y.transfers.count == 2)
        #expect(y.transfers[1].citation == "Пост. № 1")
        #expect(y.totals?.hours36Tenths == 17990)
        #expect(y.verifiedAgainst == ["one", "two"])
    }

    @Test func compilesTransfersCarryOverAndShortenedDays() throws {
        let defs = try CalendarDefinition.parse(files: [("t.srokcal", Self.sample)])
        let cal = try WorkingCalendar.compile(defs["T"]!)
        // 2022-01-01 is a Saturday holiday; its transfer to Monday 3 January replaces the carry-over.
        #expect(try cal.kind(of: CivilDate(year: 2022, month: 1, day: 1)!) == .holiday)
        #expect(try cal.kind(of: CivilDate(year: 2022, month: 1, day: 3)!) == .transferredDayOff)
        #expect(try cal.kind(of: CivilDate(year: 2022, month: 1, day: 4)!) == .working)
        // Saturday 5 March is worked, Monday 7 March is off.
        #expect(try cal.kind(of: CivilDate(year: 2022, month: 3, day: 5)!) == .workedWeekend)
        #expect(try cal.isWorkingDay(CivilDate(year: 2022, month: 3, day: 5)!))
        #expect(try cal.kind(of: CivilDate(year: 2022, month: 3, day: 7)!) == .transferredDayOff)
        #expect(
            try cal.info(for: CivilDate(year: 2022, month: 3, day: 7)!).movedFrom
                == CivilDate(year: 2022, month: 3, day: 5))
        // 9 May 2022 is a Monday: no carry-over. Friday 6 May is shortened as listed.
        #expect(try cal.workingMinutes(of: CivilDate(year: 2022, month: 5, day: 6)!) == 420)
        // The totals in the sample are made up: the mismatch is reported, naming the year.
        let mismatches = cal.totalsMismatches()
        #expect(mismatches.count == 1)
        #expect(mismatches.first?.message(.en).contains("year 2022") == true)
    }

    @Test func carryOverMovesAWeekendHolidayToTheNextWorkingDay() throws {
        let text = """
            calendar T
              statute 2000-01-01 open | s
                holiday 06-12 День России
              carry-over 2000 open except-january | c
              year 2022
            """
        let cal = try WorkingCalendar.compile(try CalendarDefinition.parse(files: [("t", text)])["T"]!)
        // 12 June 2022 was a Sunday → Monday 13 June off.
        let monday = CivilDate(year: 2022, month: 6, day: 13)!
        #expect(try cal.kind(of: monday) == .carriedOverDayOff)
        #expect(try cal.info(for: monday).movedFrom == CivilDate(year: 2022, month: 6, day: 12))
        #expect(try cal.info(for: monday).source == "c")
    }

    @Test func errorsNameTheFileLineAndWhatIsAccepted() {
        func message(_ text: String) -> String {
            Fixtures.errorText { _ = try CalendarDefinition.parse(files: [("user.srokcal", text)]) }
        }
        #expect(message("year 2020").contains("user.srokcal:1"))
        #expect(message("calendar X\n  statute 2000-01-01 open\n").contains("citation"))
        #expect(message("calendar X\n  statute 2000-01-01 open | s\n  holiday 13-01 X\n").contains("user.srokcal:3"))
        #expect(message("calendar X\n  year 2020\n  transfer 2020-02-30 2020-03-02 | d\n").contains("YYYY-MM-DD"))
        #expect(message("calendar X\n  year 2020\n  frobnicate 1\n").contains("expected decree, transfer"))
        #expect(
            message("calendar X\n  year 2020\n  transfer 2020-03-04 2020-03-06 | d\n").contains("Saturday or Sunday"))
        #expect(message("calendar X\n  year 2020\n  totals working=1 | d\n").contains("off="))
    }

    @Test func aUserFileReplacesAYearAndExtendsTheRange() throws {
        let base = try CalendarDefinition.parse(files: [("t", Self.sample)])
        let user = """
            calendar T
              year 2022
                decree replaced
              year 2023
                decree new
            """
        let merged = try CalendarDefinition.parse(files: [("user", user)], extending: base)
        #expect(merged["T"]!.years[2022]!.transfers.isEmpty)
        #expect(merged["T"]!.years[2022]!.decrees == ["replaced"])
        #expect(merged["T"]!.dataYears == [2022, 2023])
    }

    @Test func gapsInTheYearDataAreRefused() throws {
        let text = "calendar T\n statute 2000-01-01 open | s\n year 2020\n year 2022\n"
        #expect(throws: SrokError.self) {
            try WorkingCalendar.compile(try CalendarDefinition.parse(files: [("t", text)])["T"]!)
        }
    }
}
