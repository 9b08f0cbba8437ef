import Foundation
import Testing

/// Issue 11 in `srok due`, `srok status` and `srok profiles`: the effective due time with the
/// original and the reason, the stage verdicts, the fast-track refusal and its lenient flag, the
/// outcome flags, and the explanation tables.
@Suite("srok due / status / profiles: the acts' rules (issue 11)")
struct RegulationCLITests {
    func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    /// Registered Monday 03.03.2025 10:00, 30 days (ГК РФ ст. 191: due Wednesday 02.04.2025
    /// 23:59:59), «Отложено» until 30.04.2025: the effective due is 30.04.2025 23:59:59.
    static let postponed = [
        "--registered", "2025-03-03T10:00+03:00", "--profile", "federal", "--days", "30", "--postponed-until",
        "2025-04-30",
    ]

    @Test func dueCarriesTheEffectiveDueAndTheOriginal() throws {
        let r = try CLI.run(["due"] + Self.postponed + ["--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let o = try json(r.stdout)
        #expect(o["due_date"] as? String == "2025-04-30")
        #expect(o["due"] as? String == "2025-04-30T23:59:59+03:00")
        #expect(o["original_due_date"] as? String == "2025-04-02")
        #expect(o["original_due"] as? String == "2025-04-02T23:59:59+03:00")
        #expect(o["due_reason"] as? String == "postponed")
        // Without a postponement the original fields are null.
        let plain = try json(
            try CLI.run(["due", "--registered", "2025-03-03T10:00+03:00", "--days", "30", "--format", "json"]).stdout)
        #expect(plain["due_date"] as? String == "2025-04-02")
        #expect(plain["original_due"] is NSNull && plain["due_reason"] is NSNull)
        // CSV: the same names, the effective date under due_date.
        let csv = try CLI.run(["due"] + Self.postponed + ["--format", "csv"]).stdout.split(separator: "\n").map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
        let row = Dictionary(uniqueKeysWithValues: zip(csv[0], csv[1]))
        #expect(
            row["due_date"] == "2025-04-30" && row["original_due_date"] == "2025-04-02"
                && row["due_reason"] == "postponed")
        // Text: the effective due first, then the original.
        let text = try CLI.run(["due"] + Self.postponed).stdout
        #expect(
            text.contains("Срок ответа: 30 апреля 2025") && text.contains("отложено")
                && text.contains("Исходный срок: 2 апреля 2025"))
    }

    /// As of 15.04.2025 12:00, execution entered 04.03 10:00 is over its 65 % share but the message
    /// is postponed to 30.04: the stage is ok, judged against the postponed date.
    @Test func statusCarriesTheEffectiveDueAndTheStageRule() throws {
        let r = try CLI.run(
            ["status"] + Self.postponed + [
                "--stage", "execution@2025-03-04T10:00+03:00", "--as-of", "2025-04-15T12:00+03:00", "--format", "json",
            ])
        #expect(r.status == 0, "\(r.stderr)")
        let o = try json(r.stdout)
        #expect(o["due"] as? String == "2025-04-30T23:59:59+03:00" && o["due_date"] as? String == "2025-04-30")
        #expect(
            o["original_due"] as? String == "2025-04-02T23:59:59+03:00" && o["due_reason"] as? String == "postponed")
        #expect(o["status"] as? String == "ok")
        #expect(o["stage_status"] as? String == "ok" && o["stage_rule"] as? String == "postponed")
        #expect(o["stage_budget_status"] as? String == "overdue")
        #expect(o["stage_deadline"] as? String == "2025-04-30T23:59:59+03:00")
        let text = try CLI.run(
            ["status"] + Self.postponed + [
                "--stage", "execution@2025-03-04T10:00+03:00", "--as-of", "2025-04-15T12:00+03:00",
            ]
        ).stdout
        #expect(
            text.contains("Срок ответа: 2025-04-30T23:59:59+03:00 — отложено")
                && text.contains("исходный срок 2025-04-02T23:59:59+03:00"))
    }

    /// Seed 002 п. 9 in `srok status`: 23.5 h into coordination, past its 5 % share of 8 days, in
    /// time by the act's 3 days; the control's JSON names its count and clause.
    @Test func statusJudgesTheCoordinatorByTheActsTerm() throws {
        let r = try CLI.run([
            "status", "--registered", "2025-03-28T10:00+03:00", "--profile", "krasnodar-krai", "--level", "1",
            "--stage", "coordination@2025-03-28T10:30+03:00", "--as-of", "2025-03-29T10:00+03:00", "--format", "json",
        ])
        #expect(r.status == 0, "\(r.stderr)")
        let o = try json(r.stdout)
        #expect(o["stage_status"] as? String == "ok" && o["stage_rule"] as? String == "coordinator-decision")
        #expect(o["stage_budget_status"] as? String == "overdue")
        #expect(
            o["next_control"] as? String == "coordinator-decision"
                && o["next_control_due"] as? String == "2025-03-31T23:59:59+03:00")
        #expect(o["controls_overdue_count"] as? Int == 0)
        let c = try #require((o["controls"] as? [[String: Any]])?.first)
        #expect(c["count"] as? String == "days" && (c["source"] as? String)?.contains("п. 9") == true)
    }

    /// Seed 004 раздел 3 абз. 3 lists 3, 5, 7, 10: a 4-day fast-track is refused (exit 2) naming
    /// them; `--lenient-fast-track` accepts it (11.03 + 4 = 15.03.2025, a Saturday → Friday 14.03).
    @Test func fastTrackRefusalAndTheLenientFlag() throws {
        let args = [
            "due", "--registered", "2025-03-11T10:00+03:00", "--profile", "mamadysh", "--fast-track", "4", "--format",
            "json",
        ]
        let refused = try CLI.run(args)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("--fast-track") && refused.stderr.contains("3, 5, 7, 10"))
        let lenient = try CLI.run(args + ["--lenient-fast-track"])
        #expect(lenient.status == 0, "\(lenient.stderr)")
        #expect(try json(lenient.stdout)["due_date"] as? String == "2025-03-14")
    }

    /// Seed 002 п. 9 / п. 12 and seed 004 раздел 3 абз. 2 through the status flags.
    @Test func outcomeAndPostponementErrorsNameTheClause() throws {
        let base = ["status", "--registered", "2025-03-03T10:00+03:00", "--as-of", "2025-03-05T10:00+03:00"]
        let noReason = try CLI.run(base + ["--profile", "krasnodar-krai", "--outcome", "Отклонено"])
        #expect(
            noReason.status == 2 && noReason.stderr.contains("rejection_reason") && noReason.stderr.contains("п. 12"))
        #expect(
            try CLI.run(base + ["--profile", "krasnodar-krai", "--outcome", "Отклонено", "--rejection-reason", "7"])
                .status == 0)
        let twice = try CLI.run(
            base + ["--profile", "mamadysh", "--postponed-until", "2025-04-10", "--postponed-until", "2025-04-20"])
        #expect(twice.status == 2 && twice.stderr.contains("раздел 3 абз. 2"))
        #expect(
            try CLI.run(
                base + ["--profile", "bryansk", "--postponed-until", "2025-04-10", "--postponed-until", "2025-04-20"]
            ).status == 0)
    }

    @Test func profilesExplainInRussianAndEnglish() throws {
        let ru = try CLI.run(["profiles", "--explain", "bryansk"])
        #expect(ru.status == 0)
        #expect(ru.stdout.contains("| Правило акта | Пункт | Что делает Srok |"))
        #expect(
            ru.stdout.contains("Контроль: связь с заявителем: 1 день, дни, считая день события")
                && ru.stdout.contains("п. 6.3"), "\(ru.stdout)"
        )
        #expect(ru.stdout.contains("акт молчит"))
        let en = try CLI.run(["profiles", "--explain", "mamadysh", "--lang", "en"])
        #expect(en.stdout.contains("| Rule of the act | Clause | What Srok does |"))
        #expect(en.stdout.contains("Control: informing the head: 1 working day, working days"), "\(en.stdout)")
        let js = try CLI.run(["profiles", "--explain", "krasnodar-krai", "--format", "json"])
        let rules = try #require(try json(js.stdout)["rules"] as? [[String: Any]])
        #expect(rules.filter { ($0["rule"] as? String)?.hasPrefix("Основание") == true }.count == 13)
        #expect(try CLI.run(["profiles", "--explain", "nowhere"]).status == 2)
    }
}
