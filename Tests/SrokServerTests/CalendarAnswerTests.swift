import Foundation
import Testing

/// `GET /v1/day/{date}`, `GET /v1/calendar/{year}` and `GET /v1/profiles` answer the records
/// `srok day`, `srok calendar` and `srok profiles` print.
@Suite struct CalendarAnswerTests {
    @Test(
        arguments: [
            ("2024-04-27", nil), ("27.04.2024", nil), ("2025-01-01", nil), ("2024-03-08", "RU-TA"),
            ("2025-03-31", "Татарстан"), ("2024-12-31", "RU-BA"),
        ] as [(String, String?)])
    func dayIsTheCLIsJSON(_ date: String, _ region: String?) async throws {
        for lang in ["ru", "en"] {
            let cli = try Programs.srok(
                ["day", date, "--format", "json", "--lang", lang] + (region.map { ["--region", $0] } ?? []))
            #expect(cli.status == 0, "\(cli.stderr)")
            let query =
                region.map { "?region=" + $0.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed)! } ?? ""
            let a = try await HTTP.get("/v1/day/" + date + query, headers: ["Accept-Language": lang])
            #expect(a.status == 200, "\(a.text)")
            #expect(a.text == cli.stdout)
        }
    }

    /// Saturday 27.04.2024 was worked (Пост. Правительства РФ от 10.08.2023 № 1314 moved its day
    /// off to Monday 29.04): a working day of 8 hours.
    @Test func aWorkedSaturday() async throws {
        let a = try await HTTP.get("/v1/day/2024-04-27")
        #expect(a.object["weekday"] as? String == "saturday")
        #expect(a.object["working"] as? Bool == true)
        #expect(a.object["working_minutes"] as? Int == 480)
    }

    @Test(arguments: ["json", "csv", "ics"], ["ru", "en"])
    func calendarIsTheCLIs(_ format: String, _ lang: String) async throws {
        for (year, region) in [("2025", nil), ("2024", "RU-TA")] as [(String, String?)] {
            let cli = try Programs.srok(
                ["calendar", year, "--format", format, "--lang", lang] + (region.map { ["--region", $0] } ?? []))
            #expect(cli.status == 0, "\(cli.stderr)")
            let a = try await HTTP.get(
                "/v1/calendar/\(year)?format=\(format)" + (region.map { "&region=" + $0 } ?? ""),
                headers: ["Accept-Language": lang])
            #expect(a.status == 200, "\(a.text)")
            switch format {
            // The CLI prints the records; the service sends them (an iCalendar file ends in CRLF).
            case "csv": #expect(a.text == cli.stdout)
            case "ics": #expect(a.text == cli.stdout.dropLast() + "\r\n")
            default: #expect(a.text == cli.stdout)
            }
        }
    }

    /// The federal production calendar of 2025 as published (ТК РФ ст. 112 with Пост.
    /// Правительства РФ от 04.10.2024 № 1335): 247 working days, 118 days off, 1972 hours of a
    /// 40-hour week (247 × 8 = 1976, less one hour on each of the 4 shortened pre-holiday days).
    @Test func calendarTotals2025() async throws {
        let a = try await HTTP.get("/v1/calendar/2025")
        let totals = a.object["totals"] as? [String: Any]
        #expect(totals?["working_days"] as? Int == 247)
        #expect(totals?["days_off"] as? Int == 118)
        #expect(totals?["hours_40"] as? Double == 1972)
        #expect(a.header("Content-Type") == "application/json")
        let csv = try await HTTP.get("/v1/calendar/2025?format=csv")
        #expect(csv.header("Content-Type")?.hasPrefix("text/csv") == true)
        // A header and 365 days.
        #expect(csv.text.split(separator: "\n").count == 366)
        let ics = try await HTTP.get("/v1/calendar/2025?format=ics")
        #expect(ics.header("Content-Type")?.hasPrefix("text/calendar") == true)
        #expect(ics.text.components(separatedBy: "BEGIN:VEVENT").count - 1 == 365)
    }

    @Test func profilesAreTheCLIsJSON() async throws {
        let cli = try Programs.srok(["profiles", "--format", "json"])
        #expect(cli.status == 0)
        let a = try await HTTP.get("/v1/profiles")
        #expect(a.status == 200)
        #expect(a.text == cli.stdout)
        let list = (try JSONSerialization.jsonObject(with: a.body)) as? [[String: Any]] ?? []
        #expect(list.contains { $0["id"] as? String == "federal" })
    }
}
