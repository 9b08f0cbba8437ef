import PropertyBased
import Testing

@testable import SrokCore

/// The crashes an attack on the parsers found (issue 10: #3, #4, #5, #17) and the class they belong
/// to: a number from input, however large, becomes an error that says what is accepted, never a
/// trap. Every test here trapped, or accepted the value, before the fix.
@Suite("Hostile input: errors, never traps")
struct HostileInputTests {
    /// The first and last instants Srok computes with, worked out by hand: from 0001-01-01 to
    /// 1970-01-01 are 1969 × 365 days plus 477 leap days (492 fourth years − 19 centuries + 4 fourth
    /// centuries) = 719 162 days; from 1970-01-01 to 10000-01-01, 8030 × 365 + 1947 leap days
    /// (2424 up to 9999 − 477 up to 1969) = 2 932 897 days.
    static let firstSecond: Int64 = -719_162 * 86_400
    static let lastSecond: Int64 = 2_932_897 * 86_400 - 1

    // MARK: #3 — years no date can have

    /// `srok calendar 5881581` overflowed Int32 in `CivilDate.firstOfYear` before the coverage check.
    @Test(arguments: [5_881_581, 100_000_000, Int.max, -5_881_580, Int.min, 0, 10_000])
    func aYearOutsideTheCalendarIsAnErrorNamingTheCoveredYears(_ year: Int) {
        // The embedded federal data runs from 1999 (RU-1999-2012.srokcal) through 2027 (RU-2013-2027.srokcal).
        let message = Fixtures.errorText { _ = try Fixtures.federal.totals(year: year) }
        #expect(message.contains("1999…2027"), "\(message)")
        #expect(message.contains(String(year)), "\(message)")
        let first = Fixtures.errorText { _ = try CivilDate.firstOfYear(year) }
        #expect(first.contains("a year from 1 to 9999"), "\(first)")
    }

    @Test func theDaysOfAYearAreCheckedBeforeAnyDateArithmetic() throws {
        let year = try Fixtures.federal.days(ofYear: 2024)
        // 2024 is a leap year: 366 days, from 1 January to 31 December.
        #expect(year.lowerBound.iso == "2024-01-01" && year.upperBound.iso == "2024-12-31")
        #expect(year.lowerBound.distance(to: year.upperBound) == 365)
        // A year a date can have but the data does not: the coverage error, with the --provisional hint.
        let later = Fixtures.errorText { _ = try Fixtures.federal.days(ofYear: 2050) }
        #expect(later.hasPrefix("2050-01-01 is outside calendar RU, which covers 1999-01-01…2027-12-31"), "\(later)")
        #expect(later.contains("--provisional"))
        #expect(
            Fixtures.errorText { _ = try Fixtures.federal.days(ofYear: 5_881_581) }
                == "invalid year: '5881581'; expected a year calendar RU covers, 1999…2027")
    }

    @Test func theRangeConstantsAreTheHandComputedOnes() {
        #expect(Instant.supportedRange.lowerBound.secondsSinceEpoch == Self.firstSecond)
        #expect(Instant.supportedRange.upperBound.secondsSinceEpoch == Self.lastSecond)
        #expect(Instant.supportedRange.lowerBound.description == "0001-01-01T00:00:00Z")
        #expect(Instant.supportedRange.upperBound.description == "9999-12-31T23:59:59Z")
        // (last − first + 1) / 60 minutes, rounded up.
        #expect(Instant.supportedMinutes == Int((Self.lastSecond - Self.firstSecond + 1 + 59) / 60))
    }

    @Test func durationTextTellsTooLargeFromNotADuration() {
        #expect(DurationText.read("4 календарных дня 13 часов 12 минут") == .duration(days: 4, hours: 13, minutes: 12))
        #expect(DurationText.read("527040 минут") == .duration(days: 0, hours: 0, minutes: 527_040))
        #expect(DurationText.read("527041 минут") == .tooLarge("527041"))
        #expect(DurationText.read("99999999999999999999 минут") == .tooLarge("99999999999999999999"))
        #expect(DurationText.read("300000 часов 300000 часов") == .tooLarge("600000"))
        #expect(DurationText.read("-5 часов") == .notADuration)
        #expect(DurationText.read("пять часов") == .notADuration)
        #expect(DurationText.parse("527041 минут") == nil)
    }

    @Test func aMonthOrQuarterOutOfRangeIsAnError() {
        #expect(Fixtures.errorText { _ = try Fixtures.federal.totals(year: 2024, month: 13) }.contains("from 1 to 12"))
        #expect(Fixtures.errorText { _ = try Fixtures.federal.totals(year: 2024, month: 0) }.contains("from 1 to 12"))
        #expect(Fixtures.errorText { _ = try Fixtures.federal.totals(year: 2024, quarter: 5) }.contains("from 1 to 4"))
        #expect(Fixtures.errorText { _ = try Fixtures.federal.totals(year: Int.max, month: 1) }.contains("1999…2027"))
    }

    @Test func periodTotalsRefuseAnEndBeforeTheStart() {
        // Through 2024-01-01 from 2025-01-01: the years 2025…2024 made an empty range that trapped.
        let message = Fixtures.errorText {
            _ = try Fixtures.federal.totals(from: Fixtures.d("2025-01-01"), through: Fixtures.d("2024-01-01"))
        }
        #expect(message.contains("on or after 2025-01-01"), "\(message)")
    }

    @Test(arguments: [Int.max, 10_000, 2201])
    func aProvisionalYearPastTheDataLimitIsRefused(_ year: Int) throws {
        // Data files name years 1900–2200 (Data/FORMAT.md); a provisional calendar may reach no further.
        let options = CalendarOptions(provisionalThroughYear: year)
        let message = Fixtures.errorText {
            _ = try WorkingCalendar.compile(try Fixtures.catalog.definition("RU"), options: options)
        }
        #expect(message.contains("1900 to 2200"), "\(message)")
    }

    // MARK: #4 — the totals of a calendar file

    @Test(arguments: [
        "hours36=922337203685477581", "hours40=922337203685477581.5", "working=922337203685477581",
        "off=9223372036854775807",
    ])
    func aTotalsFigureNoYearCanHaveIsADataErrorNamingFileLineAndField(_ field: String) {
        var totals = ["working=250", "off=115", "hours40=1999", "hours36=1799", "hours24=1199"]
        let key = field.split(separator: "=")[0]
        totals = totals.map { $0.hasPrefix(key + "=") ? field : $0 }
        let text = """
            calendar T
              statute 2000-01-01 open | s
              year 2022
                totals \(totals.joined(separator: " ")) | test
            """
        let message = Fixtures.errorText { _ = try CalendarDefinition.parse(files: [("user.srokcal", text)]) }
        #expect(message.contains("user.srokcal:4"), "\(message)")
        #expect(message.contains(field), "\(message)")
        // A year has at most 366 days and 366 × 24 = 8784 hours.
        #expect(message.contains(key.hasPrefix("hours") ? "8784" : "366"), "\(message)")
    }

    @Test func totalsDaysAreWholeAndKeysAreKnown() {
        func message(_ totals: String) -> String {
            Fixtures.errorText {
                _ = try CalendarDefinition.parse(files: [
                    ("t.srokcal", "calendar T\n  year 2022\n    totals \(totals) | s\n")
                ])
            }
        }
        #expect(
            message("working=247.5 off=118 hours40=1979 hours36=1780.6 hours24=1185.4").contains("whole number of days")
        )
        #expect(
            message("working=247 off=118 hours40=1979 hours36=1780.6 hours24=1185.4 hours42=1").contains("hours42=1"))
        #expect(message("working=247 off=118 hours40=1979 hours36=1780.6 hours24=1185.4") == "")
    }

    // MARK: #5 — a stage table cell

    @Test(arguments: ["922337203685477581 часа", "99999999999999999999 минут", "300000 часов 300000 часов"])
    func aTableCellTooLargeForAnyStageIsADataError(_ cell: String) {
        let text = "profile p\n  table 30 execution \(cell) | Прил. 1\n"
        let message = Fixtures.errorText { _ = try RegulationProfile.parse(files: [("user.srokprofile", text)]) }
        #expect(message.contains("user.srokprofile:2"), "\(message)")
        // 527 040 = 366 days × 1440 minutes: no stage of any term is longer, in any unit.
        #expect(message.contains("527040"), "\(message)")
    }

    // MARK: #17 — timestamps outside years 1–9999

    /// Each names an instant outside 0001-01-01T00:00Z…9999-12-31T23:59:59Z: 0000-12-31T23:00Z,
    /// 10000-01-01T00:00Z and 10000-01-01T04:00Z. Formatted, they have a year of 0 or 5 digits,
    /// which no parser reads back.
    @Test(arguments: [
        "0001-01-01T00:00+01:00", "9999-12-31T24:00Z", "9999-12-31T23:00-05:00", "0001-01-01T00:00:00.5+00:01",
    ])
    func anInstantOutsideYears1To9999IsRefused(_ text: String) {
        #expect(throws: SrokError.self) { try Timestamp(parsing: text) }
        #expect(Array(text.utf8).withUnsafeBufferPointer { Timestamp.parse($0) } == nil)
    }

    @Test func theEdgesOfTheRangeAreAcceptedAndParseBack() throws {
        for (text, seconds) in [
            ("0001-01-01T00:00Z", Self.firstSecond),
            ("0001-01-01T00:59-01:00", Self.firstSecond + 3600 + 59 * 60),  // 01:59Z
            ("9999-12-31T23:59:59Z", Self.lastSecond),
            ("9999-12-31T23:59:59+18:00", Self.lastSecond - 18 * 3600),
        ] {
            guard case .instant(let i) = try Timestamp(parsing: text) else {
                Issue.record("\(text): expected an instant")
                continue
            }
            #expect(i.secondsSinceEpoch == seconds, "\(text)")
            guard case .instant(let back) = try Timestamp(parsing: i.description) else {
                Issue.record("\(i): expected an instant")
                continue
            }
            #expect(back == i, "\(text)")
        }
    }

    /// A local time is read in a zone later; offsets reach ±18 h, so the accepted local times keep
    /// a day's margin: 0001-01-02 through 9999-12-30.
    @Test func localTimesKeepADayInsideTheRange() {
        for text in ["0001-01-02", "0001-01-02T00:00", "9999-12-30T23:59:59", "30.12.9999 23:59"] {
            #expect((try? Timestamp(parsing: text)) != nil, "\(text)")
        }
        for text in ["0001-01-01", "0001-01-01T23:59", "9999-12-30T24:00", "9999-12-31", "31.12.9999 00:00"] {
            #expect(throws: SrokError.self, "\(text)") { try Timestamp(parsing: text) }
        }
    }

    /// The fuzz harness's oracle, on texts crowded at the ends of the range (where 73 M random
    /// runs never went): whatever is accepted is inside the range and parses back; a local time
    /// stays inside it in the zones with the largest offsets (+14 h, −12 h).
    @Test func everyAcceptedTimestampNearTheEndsStaysInsideAndParsesBack() async throws {
        let east = try ZoneRules(identifier: "Pacific/Kiritimati")
        let west = try ZoneRules(identifier: "Etc/GMT+12")
        await propertyCheck(
            count: 4000, input: Gen.int(in: 0...3), Gen.int(in: 0...11), Gen.int(in: 0...3), Gen.int(in: 0...24),
            Gen.int(in: 0...59), Gen.int(in: -19...19)
        ) { y, m, d, h, mi, oh in
            func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
            let year = ["0001", "0002", "9998", "9999"][y]
            let month = [1, 12][m % 2]
            let day = [1, 2, 30, 31][d]
            // −19: a local time (no offset); 19: Z; otherwise ±HH:MM.
            let zone = oh == -19 ? "" : oh == 19 ? "Z" : (oh < 0 ? "-" : "+") + two(abs(oh)) + ":" + two(mi % 2 * 30)
            let text = "\(year)-\(two(month))-\(two(day))T\(two(h)):\(two(mi))\(zone)"
            guard let t = Array(text.utf8).withUnsafeBufferPointer({ Timestamp.parse($0) }) else { return }
            switch t {
            case .instant(let i):
                #expect(i.secondsSinceEpoch >= Self.firstSecond && i.secondsSinceEpoch <= Self.lastSecond, "\(text)")
                let back = Array(i.description.utf8).withUnsafeBufferPointer { Timestamp.parse($0) }
                #expect(back == .instant(i), "\(text) → \(i)")
            case .local(let l):
                #expect(
                    l.date >= CivilDate(year: 1, month: 1, day: 2)!
                        && l.date <= CivilDate(year: 9999, month: 12, day: 30)!, "\(text)")
                for z in [east, west] {
                    let s = t.resolve(in: z).secondsSinceEpoch
                    #expect(s >= Self.firstSecond && s <= Self.lastSecond, "\(text) in \(z.identifier)")
                }
            }
        }
    }
}
