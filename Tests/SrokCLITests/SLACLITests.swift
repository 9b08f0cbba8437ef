import Foundation
import Testing

@Suite("srok due / status / table / profiles / regulation check (the built executable)")
struct SLACLITests {
    func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func dueExplainsTheRollOntoAWorkedSaturday() throws {
        let r = try CLI.run(["due", "--registered", "2024-03-30T10:15+03:00", "--days", "30"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("29.04.2024"))
        #expect(r.stdout.contains("27.04.2024"))
        #expect(r.stdout.contains("1314"))
        #expect(r.stdout.contains("утверждение"))
    }

    @Test func dueAsJSONUsesTheBatchFieldNames() throws {
        let r = try CLI.run([
            "due", "--registered", "2024-03-29T10:15+03:00", "--profile", "brasovsky", "--category", "мусор",
            "--subcategory", "Уборка мусора во дворах", "--format", "json",
        ])
        #expect(r.status == 0)
        let o = try json(r.stdout)
        #expect(o["due_date"] as? String == "2024-04-08")
        #expect(o["due"] as? String == "2024-04-08T23:59:59+03:00")
        for f in [
            "moderation_due", "coordination_due", "execution_due", "approval_due", "final_approval_due", "rolled",
        ] {
            #expect(o.keys.contains(f), "\(f)")
        }
        #expect((o["term_source"] as? String)?.contains("приложение № 2") == true)
    }

    @Test func dueAsCSVHasAHeaderAndOneRecord() throws {
        let r = try CLI.run([
            "due", "--registered", "2024-03-30 10:15", "--tz", "Asia/Yekaterinburg", "--days", "30", "--roll",
            "following", "--format", "csv",
        ])
        #expect(r.status == 0)
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        let header = lines[0].split(separator: ",").map(String.init)
        let values = lines[1].split(separator: ",").map(String.init)
        let row = Dictionary(uniqueKeysWithValues: zip(header, values))
        #expect(row["due_date"] == "2024-05-02")
        #expect(row["registered_at"] == "2024-03-30T10:15:00+05:00")
        #expect(row["rolled"] == "following:2024-04-29>2024-05-02")
    }

    @Test func dueRejectsBadInput() throws {
        let tooLong = try CLI.run(["due", "--registered", "2024-03-30T10:15+03:00", "--days", "31"])
        #expect(tooLong.status == 2)
        #expect(tooLong.stderr.contains("1–30"))
        let badZone = try CLI.run(["due", "--registered", "2024-03-30T10:15", "--tz", "Mars/Olympus", "--days", "30"])
        #expect(badZone.status == 2)
        #expect(badZone.stderr.contains("Mars/Olympus"))
        let badTime = try CLI.run(["due", "--registered", "30.02.2024", "--days", "30"])
        #expect(badTime.status == 2)
        #expect(badTime.stderr.contains("--registered"))
        let fast = try CLI.run([
            "due", "--registered", "2024-03-30T10:15+03:00", "--profile", "krasnodar-krai", "--fast-track", "30",
        ])
        #expect(fast.status == 2)
    }

    @Test func statusFromFlags() throws {
        let r = try CLI.run([
            "status", "--registered", "2024-03-29T10:15+03:00", "--profile", "bryansk",
            "--stage", "coordination@2024-03-29T11:00+03:00", "--stage", "execution@2024-03-30T09:00+03:00",
            "--as-of", "2024-04-28T10:00+03:00", "--format", "json",
        ])
        #expect(r.status == 0)
        let o = try json(r.stdout)
        #expect(o["status"] as? String == "overdue")
        #expect(o["stage"] as? String == "execution")
        #expect((o["overdue_minutes"] as? Int ?? 0) > 0)
        #expect((o["controls"] as? [[String: Any]])?.first?["control"] as? String == "executor-take")
    }

    @Test func statusFromAHistoryFileAndTheSecondPostponement() throws {
        let dir = FileManager.default.temporaryDirectory
        let file = dir.appendingPathComponent("srok-history-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: file) }
        try """
        {"registered_at": "2024-03-29T10:15+03:00", "profile": "mamadysh", "term_days": 30,
         "entries": [{"stage": "coordination", "at": "2024-03-29T11:00+03:00"}, {"stage": "исполнение", "at": "2024-03-30T09:00+03:00"}],
         "postponed_until": "2024-05-15", "as_of": "2024-05-01T12:00+03:00"}
        """.write(to: file, atomically: true, encoding: .utf8)
        let r = try CLI.run(["status", "--history", file.path])
        #expect(r.status == 0)
        #expect(r.stdout.contains("2024-05-15T23:59:59+03:00"))
        let twice = try CLI.run(["status", "--history", file.path, "--postponed-until", "2024-05-20"])
        #expect(twice.status == 2)
        #expect(twice.stderr.contains("postponed_until"))
    }

    @Test func tableCSV() throws {
        let r = try CLI.run(["table", "--days", "1,7,10,15,30", "--basis", "clock24", "--format", "csv"])
        #expect(r.status == 0)
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 26)
        #expect(lines[0].hasPrefix("days,stage,share,budget_minutes,text"))
        #expect(lines.contains("7,execution,65,6552,4 календарных дня 13 часов 12 минут,clock24"))
        let w = try CLI.run(["table", "--days", "10", "--basis", "workday8", "--format", "json"])
        #expect(w.stdout.contains("6 рабочих дней 4 часа"))
    }

    @Test func profilesListsFastTracks() throws {
        let r = try CLI.run(["profiles"])
        #expect(r.status == 0)
        for id in ["brasovsky", "staritsa", "krasnodar-krai", "bryansk", "mamadysh", "federal"] {
            #expect(r.stdout.contains(id))
        }
        #expect(r.stdout.contains("Уборка мусора во дворах"))
        let one = try CLI.run(["profiles", "bryansk"])
        // The control by its name, not its code (the code stays in --format json).
        #expect(one.stdout.contains("контроль: исполнитель берёт в работу: 3 дня, по часам"), "\(one.stdout)")
        #expect(!one.stdout.contains("executor-take"))
    }

    @Test func regulationCheckReportsExactlyTheOneCell() throws {
        let r = try CLI.run(["regulation", "check", "brasovsky", "--format", "json"])
        #expect(r.status == 1)
        let o = try json(r.stdout)
        #expect(o["mismatched"] as? Int == 1)
        let f = try #require((o["findings"] as? [[String: Any]])?.first)
        #expect(f["days"] as? Int == 30)
        #expect(f["stage"] as? String == "final-approval")
        #expect(f["published"] as? String == "4 календарных дня 4 часа")
        #expect(f["model_clock24_text"] as? String == "3 календарных дня")
        let text = try CLI.run(["regulation", "check", "brasovsky"])
        #expect(text.status == 1)
        #expect(text.stdout.contains("НЕ СОВПАДАЕТ: 30 дн., утверждение"))
        let none = try CLI.run(["regulation", "check", "bryansk"])
        #expect(none.status == 0)
    }
}

@Suite("srok add / due: absurd amounts")
struct AbsurdAmountCLITests {
    @Test func absurdAmountsAreUsageErrorsNotCrashes() throws {
        let r = try CLI.run(["add", "2024-01-01", "3000000000"])
        #expect(r.status == 2)
        let w = try CLI.run(["add", "2024-01-01", "9223372036854775807", "--working"])
        #expect(w.status == 2)
        let due = try CLI.run([
            "due", "--registered", "2024-03-30T10:15+03:00", "--days", "3000000000", "--regime", "appeal",
        ])
        #expect(due.status == 2)
    }
}

@Suite("srok table --days bounds")
struct TableBoundsCLITests {
    @Test func theListIsBoundedAndLinear() throws {
        // 366 terms (one per possible term) are accepted and give 366 headings and 366 × 5 stage
        // lines (the attack's 2 000-term list took 97 s when every term scanned every row).
        let list = Array(repeating: "30", count: 366).joined(separator: ",")
        let started = ContinuousClock.now
        let ok = try CLI.run(["table", "--days", list])
        #expect(ok.status == 0)
        #expect(ok.stdout.components(separatedBy: "Срок 30 дней:").count - 1 == 366)
        #expect(ok.stdout.split(separator: "\n").filter { $0.hasPrefix("  ") }.count == 366 * 5)
        #expect(ContinuousClock.now - started < .seconds(10))
        let tooMany = try CLI.run(["table", "--days", list + ",30"])
        #expect(tooMany.status == 2)
        #expect(tooMany.stderr.contains("не больше 366"), "\(tooMany.stderr)")
    }
}
