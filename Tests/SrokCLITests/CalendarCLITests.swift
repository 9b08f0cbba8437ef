import Foundation
import Testing

@Suite("srok calendar commands (the built executable)")
struct CalendarCLITests {
    @Test func dayExplainsAWorkedSaturday() throws {
        let r = try CLI.run(["day", "2024-04-27"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("27.04.2024 (суббота)"))
        #expect(r.stdout.contains("рабочий день"))
        #expect(r.stdout.contains("29.04.2024"))
        #expect(r.stdout.contains("1314"))
    }

    @Test func dayExplainsAMovedDayOffInEnglish() throws {
        let r = try CLI.run(["day", "29.04.2024", "--lang", "en"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("day off (transferred)"))
        // English dates are ISO (the Russian output writes 27.04.2024).
        #expect(r.stdout.contains("moved from 2024-04-27"), "\(r.stdout)")
    }

    @Test func badInputExitsWithTwoAndNamesTheField() throws {
        let r = try CLI.run(["day", "2025-02-30"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("дата"))
        #expect(r.stderr.contains("ГГГГ-ММ-ДД"))
        let en = try CLI.run(["day", "2025-02-30", "--lang", "en"])
        #expect(en.stderr.contains("date") && en.stderr.contains("YYYY-MM-DD"))
        let roll = try CLI.run(["roll", "2024-04-29", "--convention", "backwards", "--lang", "en"])
        #expect(roll.status == 2)
        #expect(roll.stderr.contains("'--convention <convention>'"))
        #expect(roll.stderr.contains("'none', 'preceding', 'following', 'modified-preceding' or 'modified-following'"))
        let missing = try CLI.run(["add", "2024-04-29"])
        #expect(missing.status == 2)
    }

    @Test func yearsOutsideTheDataAreRefusedUnlessProvisional() throws {
        let r = try CLI.run(["day", "2028-01-10"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("01.01.1999–31.12.2027"), "\(r.stderr)")
        let en = try CLI.run(["day", "2028-01-10", "--lang", "en"])
        #expect(en.stderr.contains("1999-01-01…2027-12-31"))
        let p = try CLI.run(["day", "2028-01-10", "--provisional", "2030"])
        #expect(p.status == 0)
        #expect(p.stdout.contains("ПРЕДВАРИТЕЛЬНО"))
    }

    @Test func calendarCSVHasOneRecordPerDay() throws {
        let r = try CLI.run(["calendar", "2025", "--format", "csv"])
        #expect(r.status == 0)
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.count == 366)
        let header = lines[0].split(separator: ",").map(String.init)
        for column in ["date", "weekday", "kind", "working_minutes", "name", "source"] {
            #expect(header.contains(column))
        }
        #expect(lines[1].hasPrefix("2025-01-01,wednesday,holiday,"))
        #expect(lines.contains { $0.hasPrefix("2025-11-01,saturday,worked_weekend,1,420,") })
    }

    @Test func calendarJSONCarriesTotals() throws {
        let r = try CLI.run(["calendar", "2024", "--format", "json"])
        #expect(r.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let totals = try #require(object["totals"] as? [String: Any])
        #expect(totals["working_days"] as? Int == 248)
        #expect((totals["hours_40"] as? NSNumber)?.intValue == 1979)
        #expect((object["days"] as? [Any])?.count == 366)
    }

    @Test func calendarICSHasAnEventPerDay() throws {
        let r = try CLI.run(["calendar", "2025", "--format", "ics"])
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("BEGIN:VCALENDAR"))
        #expect(r.stdout.components(separatedBy: "BEGIN:VEVENT").count - 1 == 365)
        #expect(r.stdout.contains("DTSTART;VALUE=DATE:20250101"))
    }

    @Test func calendarTextShowsMonthsAndTotals() throws {
        let r = try CLI.run(["calendar", "2025"])
        #expect(r.status == 0)
        for word in ["Январь", "Декабрь", "I квартал", "Год", "1972"] { #expect(r.stdout.contains(word), "\(word)") }
        #expect(r.stdout.contains(" 1!"))  // Saturday 1 November 2025 was worked
    }

    @Test func addBetweenAndRoll() throws {
        let add = try CLI.run(["add", "2024-12-27", "5", "--working"])
        #expect(add.status == 0)
        #expect(add.stdout.contains("= 14.01.2025"))
        let calendarDays = try CLI.run(["add", "2024-03-30", "30", "--roll", "preceding"])
        #expect(calendarDays.stdout.contains("29.04.2024 → 27.04.2024"))
        let between = try CLI.run(["between", "2024-01-01", "2024-12-31", "--lang", "en"])
        #expect(between.stdout.contains("working days 248"))
        #expect(between.stdout.contains("40-hour week 1979"))
        let roll = try CLI.run(["roll", "2024-04-29", "--convention", "preceding"])
        #expect(roll.stdout.contains("29.04.2024 → 27.04.2024"))
    }

    /// `srok --version` prints three lines, each checked against a source outside the program:
    /// the version in semantic-version form; the `data-version` stamp of the `RU` calendar as
    /// `Data/calendars/*.srokcal` writes it, naming the last year those files hold; and the ICU
    /// and tzdata versions of the system ICU as its own tools report them (`pkg-config --modversion
    /// icu-i18n` from libicu-dev; the `tz.version` parameter of `icuinfo` from icu-devtools).
    @Test func versionNamesDataAndTzdata() throws {
        let r = try CLI.run(["--version"])
        #expect(r.status == 0)
        let lines = r.stdout.split(separator: "\n").map(String.init)
        try #require(lines.count == 3, "\(r.stdout)")
        #expect(lines[0].wholeMatch(of: /srok [0-9]+\.[0-9]+\.[0-9]+/) != nil, "\(lines[0])")

        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let folder = root.appendingPathComponent("Data/calendars")
        var stamp: String?
        var lastYear = 0
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".srokcal") {
            for line in try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8).split(
                separator: "\n")
            {
                let words = line.drop { $0 == " " }.split(separator: " ", maxSplits: 1)
                if words.first == "data-version", words.count == 2 { stamp = String(words[1]) }
                if words.first == "year", words.count == 2, let y = Int(words[1]) { lastYear = max(lastYear, y) }
            }
        }
        let dataVersion = try #require(stamp, "no data-version line in \(folder.path)")
        #expect(lines[1] == "данные календаря: \(dataVersion)")
        #expect(lines[1].contains("\(lastYear)"), "the stamp names the last year of the data, \(lastYear)")

        let icu = try CLI.runTool("pkg-config", ["--modversion", "icu-i18n"])
        try #require(icu.status == 0, "pkg-config: \(icu.stderr) (scripts/setup installs libicu-dev and pkg-config)")
        let info = try CLI.runTool("icuinfo", [])
        try #require(info.status == 0, "icuinfo: \(info.stderr) (icu-devtools, a dependency of libicu-dev)")
        let tzLine = try #require(
            info.stdout.split(separator: "\n").first { $0.contains("name=\"tz.version\"") }, "\(info.stdout)")
        let tz = try #require(tzLine.firstMatch(of: />((19|20)[0-9]{2}[a-z])</)?.1, "\(tzLine)")
        #expect(lines[2] == "ICU \(icu.stdout.trimmingCharacters(in: .whitespacesAndNewlines)), tzdata \(tz)")
    }

    @Test func userCalendarFileOverridesTheEmbeddedData() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent(
            "srok-test-\(UUID().uuidString).srokcal")
        try "calendar RU\n  year 2027\n    transfer 2027-01-02 2027-01-11 | тест\n".write(
            to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let r = try CLI.run(["day", "2027-01-11", "--calendar-file", file.path])
        #expect(r.status == 0)
        #expect(r.stdout.contains("перенос"))
        let bad = try CLI.run(["day", "2027-01-11", "--calendar-file", "/nonexistent/file.srokcal"])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("/nonexistent/file.srokcal"))
    }
}

@Suite("srok with --region (the built executable)")
struct RegionalCLITests {
    @Test func dayExplainsTheMondayMovedFromSundayUraza() throws {
        let r = try CLI.run(["day", "2025-03-31", "--region", "RU-BA"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("перенос с 30.03.2025 (Ураза-байрам)"))
        #expect(r.stdout.contains("Закон РБ"))
    }

    @Test func calendarShowsRegionalDaysWithNamesAndSources() throws {
        let r = try CLI.run(["calendar", "2025", "--region", "Татарстан", "--format", "csv"])
        #expect(r.status == 0)
        let uraza = try #require(r.stdout.split(separator: "\n").first { $0.hasPrefix("2025-03-30,") })
        #expect(uraza.contains("Ураза-байрам"))
        #expect(uraza.contains("Указ Раиса РТ"))
        let text = try CLI.run(["calendar", "2025", "--region", "RU-TA"])
        #expect(text.stdout.contains("Республика Татарстан"))
        #expect(text.stdout.contains("30+"))
    }

    @Test func strictRegionalRefusesForecastYears() throws {
        let forecast = try CLI.run(["day", "2027-03-09", "--region", "RU-TA"])
        #expect(forecast.status == 0)
        #expect(forecast.stdout.contains("ПРЕДВАРИТЕЛЬНО"))
        let strict = try CLI.run(["day", "2027-03-09", "--region", "RU-TA", "--strict-regional"])
        #expect(strict.status == 2)
        #expect(strict.stderr.contains("строгий режим"))
        let unknown = try CLI.run(["day", "2027-03-09", "--region", "RU-ZZZ", "--lang", "en"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("unknown region"))
    }

    @Test func dueUsesTheProfilesRegion() throws {
        let r = try CLI.run([
            "due", "--registered", "2024-03-11T10:00+03:00", "--profile", "mamadysh", "--format", "json",
        ])
        #expect(r.status == 0)
        #expect(r.stdout.contains("\"due_date\":\"2024-04-09\""))
        #expect(r.stdout.contains("\"calendar\":\"RU-TA\""))
    }
}
