import Foundation
import Testing

/// `srok batch` on a ПОС export (issue 11): every column the platform writes, Russian headers,
/// `;`; the audit of «Дата планируемого завершения работ»; «Тип решения» and its reason; several
/// «Отложено»; the controls and the effective due in the default columns.
@Suite("srok batch: the acts' rules in the nightly batch")
struct BatchRegulationCLITests {
    /// Runs `srok batch` on `text` as of `asOf`; returns the output rows by id (fields split on
    /// `delimiter`), the header, the rejects' lines and the result.
    struct Run {
        let header: [String]
        let rows: [String: [String]]
        let rejects: [String]
        let result: CLI.Result
        let summary: String

        func field(_ id: String, _ column: String) -> String? {
            guard let i = header.firstIndex(of: column) else { return nil }
            return rows[id]?[i]
        }

        init(_ text: String, asOf: String, delimiter: Character = ";", _ extra: [String] = []) throws {
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
                "srok-batch-reg-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: dir) }
            try Data(text.utf8).write(to: dir.appendingPathComponent("in.csv"))
            result = try CLI.run(
                [
                    "batch", dir.appendingPathComponent("in.csv").path, "-o",
                    dir.appendingPathComponent("out.csv").path,
                    "--summary-json", dir.appendingPathComponent("summary.json").path,
                    "--as-of", asOf, "--no-progress",
                ] + extra)
            let out = (try? String(contentsOf: dir.appendingPathComponent("out.csv"), encoding: .utf8)) ?? ""
            // Fields here never hold a quoted delimiter except overdue_controls, which these tests check whole.
            let lines = out.split(separator: "\n").map {
                $0.split(separator: delimiter, omittingEmptySubsequences: false).map(String.init)
            }
            header = lines.first ?? []
            var byID: [String: [String]] = [:]
            for l in lines.dropFirst() { byID[l[0]] = l }
            rows = byID
            rejects =
                ((try? String(contentsOf: dir.appendingPathComponent("out.csv.rejects.csv"), encoding: .utf8)) ?? "")
                .split(separator: "\n").map(String.init)
            summary = (try? String(contentsOf: dir.appendingPathComponent("summary.json"), encoding: .utf8)) ?? ""
        }
    }

    /// The export's columns in its order (domain.md, «The ПОС export»).
    static let exportHeader =
        "Номер;Номер ЕПГУ;Источник;Категория;Подкатегория;Факт;Организация, в которую поступило сообщение;"
        + "Дата поступления;Дата планируемого завершения работ;Дата фактического завершения работ;Стадия;Статус;Просрочено;"
        + "Фаст-трек;ФЗ;Заявитель выбрал подачу по 59-ФЗ;Тип решения;Оценка ответа заявителем;Повторное рассмотрение\n"

    /// One export row: the columns Srok reads, the others filled as the platform fills them.
    static func row(
        _ id: String, category: String = "Благоустройство", subcategory: String = "Освещение", received: String,
        planned: String, closed: String = "", stage: String = "Исполнение", overdue: String = "Нет",
        fastTrack: String = "Нет", fz: String = "Обычное сообщение", chose59: String = "Нет", outcome: String = ""
    ) -> String {
        "\(id);\(id)00;ПОС;\(category);\(subcategory);Сообщение;Администрация Брасовского района;\(received);\(planned);\(closed);"
            + "\(stage);На рассмотрении;\(overdue);\(fastTrack);\(fz);\(chose59);\(outcome);;Нет\n"
    }

    /// The audit rows of the research (issue11-research.md § 9), worked out from the acts and the
    /// production calendar (profile brasovsky: seed 000, 30 days, fast-tracks 10 days, `count days`
    /// (ГК ст. 191: from the day after receipt), `roll preceding`; calendar RU-BRY).
    @Test func theAuditOfThePlatformsPlannedDateOnAWholeExport() throws {
        let text =
            Self.exportHeader
            // Seed 000 Приложение № 2 row 3: «Мусор» / «Уборка мусора во дворах», «не более 10 календарных дней».
            // Received 03.01.2025 (a New Year holiday): 10 calendar days run through the holidays
            // (domain.md) → 13.01.2025, a Monday and a working day: no roll. Platform 13.01.2025 → 0, agrees.
            + Self.row(
                "A1", category: "Мусор", subcategory: "Уборка мусора во дворах", received: "03.01.2025",
                planned: "13.01.2025", fastTrack: "Да")
            // The same fast-track, the platform one day later: 13.01 − 14.01 = −1 → platform-later.
            + Self.row(
                "A2", category: "Мусор", subcategory: "Уборка мусора во дворах", received: "03.01.2025",
                planned: "14.01.2025", fastTrack: "Да")
            // 30 days from 02.04.2025 → 02.05.2025, a day off transferred from Saturday 04.01.2025
            // (Government decree for 2025); 01.05 is a holiday; preceding → 30.04.2025 (Wed, working).
            // Platform 02.05.2025 (no roll): 30.04 − 02.05 = −2 → platform-later.
            + Self.row("A3", received: "02.04.2025", planned: "02.05.2025")
            // 30 days from 04.10.2025 → 03.11.2025, a day off transferred from Saturday 01.11.2025; 02.11 is a
            // Sunday; 01.11.2025 is the worked Saturday → 01.11.2025. Platform 03.11.2025: −2 → platform-later.
            + Self.row("A4", received: "04.10.2025", planned: "03.11.2025")
            // 30 days from 10.03.2025 (Mon) → 09.04.2025 (Wed, working). Platform 09.04.2025 → 0, agrees.
            + Self.row("A5", received: "10.03.2025", planned: "09.04.2025")
            // The same message, the platform a day early: 09.04 − 08.04 = +1 → platform-earlier.
            + Self.row("A6", received: "10.03.2025", planned: "08.04.2025", overdue: "Да")
            // The applicant chose 59-ФЗ (the second column says Да although «ФЗ» says «Обычное сообщение»):
            // an appeal, 30 days from registration (59-ФЗ ст. 12 ч. 1): 10.03 → 09.04.2025 as for A5, agrees.
            + Self.row("A7", received: "10.03.2025", planned: "09.04.2025", chose59: "Да", outcome: "Решено")
            // «Отклонено» without a reason: seed 000 says nothing of reasons → accepted (brasovsky).
            + Self.row("A8", received: "10.03.2025", planned: "09.04.2025", outcome: "Отклонено")
        let run = try Run(text, asOf: "2025-12-01T12:00+03:00", ["--profile", "brasovsky"])
        #expect(run.result.status == 0, "\(run.result.stderr)")
        #expect(run.rejects.count == 1, "only the rejects header: \(run.rejects)")
        let expected: [(String, String, String, String, String)] = [
            ("A1", "2025-01-13", "2025-01-13", "0", "agrees"),
            ("A2", "2025-01-13", "2025-01-14", "-1", "platform-later"),
            ("A3", "2025-04-30", "2025-05-02", "-2", "platform-later"),
            ("A4", "2025-11-01", "2025-11-03", "-2", "platform-later"),
            ("A5", "2025-04-09", "2025-04-09", "0", "agrees"),
            ("A6", "2025-04-09", "2025-04-08", "1", "platform-earlier"),
            ("A7", "2025-04-09", "2025-04-09", "0", "agrees"),
            ("A8", "2025-04-09", "2025-04-09", "0", "agrees"),
        ]
        for (id, due, planned, diff, check) in expected {
            #expect(run.field(id, "due_date") == due, "\(id)")
            #expect(run.field(id, "pos_planned_date") == planned, "\(id)")
            #expect(run.field(id, "planned_diff_days") == diff, "\(id)")
            #expect(run.field(id, "planned_check") == check, "\(id)")
        }
        // The summary counts each verdict: agrees A1 A5 A7 A8, later A2 A3 A4, earlier A6.
        #expect(
            run.result.stderr.contains(
                "плановая дата (платформа и акт): совпадает 4, у платформы позже 3, у платформы раньше 1"),
            "\(run.result.stderr)")
        #expect(run.summary.contains("\"planned_check\":{\"agrees\":4,\"platform-earlier\":1,\"platform-later\":3}"))
    }

    /// Seed 003 п. 6.3 (bryansk, `rejection required`): «Отклонено» needs a reason; without one the
    /// row is rejected naming the column as the export names it; with one it goes through.
    @Test func aRejectionWithoutAReasonIsARejectedRowWhereTheActRequiresOne() throws {
        let text =
            "Номер;Дата поступления;Тип решения;Причина отклонения;Стадия;Дата фактического завершения работ\n"
            + "R1;10.03.2025;Отклонено;;Завершено;12.03.2025\n"
            + "R2;10.03.2025;Отклонено;Сообщение не содержит сути проблемы;Завершено;12.03.2025\n"
            + "R3;10.03.2025;Решено;;Завершено;12.03.2025\n"
            + "R4;10.03.2025;Отменено;;Завершено;12.03.2025\n"
        let run = try Run(text, asOf: "2025-04-01T12:00+03:00", ["--profile", "bryansk"])
        #expect(run.rows["R2"] != nil && run.rows["R3"] != nil)
        #expect(run.rows["R1"] == nil && run.rows["R4"] == nil)
        let r1 = run.rejects.first { $0.contains(";R1;") }
        #expect(r1?.contains("Причина отклонения") == true, "the column as the export names it: \(run.rejects)")
        #expect(r1?.contains("6.3") == true, "names the clause: \(run.rejects)")
        #expect(run.rejects.first { $0.contains(";R4;") }?.contains("Тип решения") == true, "\(run.rejects)")
    }

    /// Several «Отложено» (`;`-separated, quoted in a `;` CSV): seed 003 п. 6.3 has no limit
    /// (bryansk), seed 004 раздел 3 абз. 2 allows one (mamadysh): the second is a rejected row
    /// naming the clause; the effective due is the last postponement's date, the original beside it.
    @Test func severalPostponementsUnderEachActsLimit() throws {
        // Registered 10.03.2024: 30 days → 09.04.2024 (Tue, a working day in RU-BRY and RU-TA).
        let text =
            "id;registered_at;profile;postponed_until\n"
            + "P1;2024-03-10T10:00+03:00;bryansk;\"2024-04-30;2024-05-20\"\n"
            + "P2;2024-03-10T10:00+03:00;mamadysh;\"2024-04-30;2024-05-20\"\n"
            + "P3;2024-03-10T10:00+03:00;mamadysh;2024-05-20\n"
            + "P4;2024-03-10T10:00+03:00;bryansk;\n"
        let run = try Run(text, asOf: "2024-04-20T12:00+03:00")
        // P1: due moves to the end of 20.05.2024; the term's own due stays in original_due.
        #expect(run.field("P1", "due_date") == "2024-05-20")
        #expect(run.field("P1", "due") == "2024-05-20T23:59:59+03:00")
        #expect(run.field("P1", "original_due") == "2024-04-09T23:59:59+03:00")
        #expect(run.field("P1", "due_reason") == "postponed")
        #expect(run.field("P1", "status") != "overdue", "20.04 is before the postponed date")
        #expect(run.field("P3", "due_date") == "2024-05-20")
        // P4: not postponed: the term's own due, original_due and due_reason empty.
        #expect(run.field("P4", "due_date") == "2024-04-09")
        #expect(run.field("P4", "original_due") == "" && run.field("P4", "due_reason") == "")
        #expect(run.rows["P2"] == nil)
        let p2 = run.rejects.first { $0.contains(";P2;") }
        #expect(p2?.contains("postponed_until") == true && p2?.contains("1") == true, "\(run.rejects)")
    }

    /// The controls in the default columns: seed 003 п. 6.2 «в течение 3 дней с момента поступления»
    /// (executor-take, clock: 72 h) and seed 002 п. 9 (coordinator-decision, 3 days).
    @Test func controlsInTheDefaultColumnsAndTheSummary() throws {
        let text =
            "id,registered_at,profile,stage,stage_entered_at\n"
            // Execution from 15.04 10:00: + 72 h = 18.04 10:00 < as-of 20.04 12:00 → overdue, not taken into work.
            + "C1,2024-04-10T09:00+03:00,bryansk,execution,2024-04-15T10:00+03:00\n"
            // Execution from 19.04 10:00: deadline 22.04 10:00, still running → next control.
            + "C2,2024-04-10T09:00+03:00,bryansk,execution,2024-04-19T10:00+03:00\n"
            // Coordination from 15.04: 3 days end with 18.04 (ГК ст. 191) < 20.04 → overdue.
            + "C3,2024-04-10T09:00+03:00,krasnodar-krai,coordination,2024-04-15T10:00+03:00\n"
            // federal: no stage control applies to a message.
            + "C4,2024-04-10T09:00+03:00,federal,execution,2024-04-15T10:00+03:00\n"
        let run = try Run(text, asOf: "2024-04-20T12:00+03:00", delimiter: ",")
        #expect(
            run.header.suffix(7) == [
                "original_due", "due_reason", "next_control", "next_control_due", "overdue_controls",
                "controls_overdue_count", "warnings",
            ])
        #expect(
            run.field("C1", "overdue_controls") == "executor-take" && run.field("C1", "controls_overdue_count") == "1")
        #expect(run.field("C1", "next_control") == "")
        #expect(run.field("C2", "next_control") == "executor-take")
        #expect(run.field("C2", "next_control_due") == "2024-04-22T10:00:00+03:00")
        #expect(run.field("C2", "controls_overdue_count") == "0")
        #expect(run.field("C3", "overdue_controls") == "coordinator-decision")
        #expect(run.field("C4", "next_control") == "" && run.field("C4", "controls_overdue_count") == "0")
        #expect(
            run.result.stderr.contains(
                "просроченные контроли: координатор принимает решение 1, исполнитель берёт в работу 1"),
            "\(run.result.stderr)")
        #expect(run.summary.contains("\"overdue_controls\":{\"coordinator-decision\":1,\"executor-take\":1}"))
    }

    /// JSON Lines: the controls as an array, postponements as a list.
    @Test func jsonLinesControlsArrayAndPostponementList() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("srok-batch-reg-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = """
            {"id":"J1","registered_at":"2024-04-10T09:00+03:00","profile":"bryansk","stage":"execution","stage_entered_at":"2024-04-19T10:00+03:00"}
            {"id":"J2","registered_at":"2024-03-10T10:00+03:00","profile":"bryansk","postponed_until":["2024-04-30","2024-05-20"]}

            """
        try Data(input.utf8).write(to: dir.appendingPathComponent("in.jsonl"))
        let result = try CLI.run([
            "batch", dir.appendingPathComponent("in.jsonl").path, "-o", dir.appendingPathComponent("out.jsonl").path,
            "--as-of", "2024-04-20T12:00+03:00", "--no-progress",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let out = try String(contentsOf: dir.appendingPathComponent("out.jsonl"), encoding: .utf8)
        // J1: executor-take from 19.04 10:00 + 72 h, running, not met.
        #expect(
            out.contains(
                "\"controls\":[{\"control\":\"executor-take\",\"deadline\":\"2024-04-22T10:00:00+03:00\",\"met_at\":null,\"status\":\"ok\"}]"
            ), "\(out)")
        // J2: the last postponement decides.
        #expect(out.contains("\"due_date\":\"2024-05-20\""), "\(out)")
        #expect(out.contains("\"due_reason\":\"postponed\""))
    }
}

@Suite("srok batch --lenient-fast-track")
struct BatchLenientFastTrackCLITests {
    @Test func aTermTheActDoesNotListIsRefusedUnlessLenient() throws {
        // Seed 004 (mamadysh) lists fast-tracks of 3, 5, 7 and 10 days: 4 days is not one of them.
        // Leniently any term from 1 day to the longest (10) is accepted; from Friday 29.03.2024,
        // day 4 is Tuesday 02.04.2024.
        let csv = "id,registered_at,profile,fast_track_days\n1,2024-03-29T10:15+03:00,mamadysh,4\n"
        let strict = try CLI.run(
            ["batch", "-", "-o", "-", "--rejects", "/dev/null", "--as-of", "2024-04-20T12:00+03:00"], stdin: csv)
        #expect(strict.status == 1)
        #expect(strict.stdout.split(separator: "\n").count == 1)
        let lenient = try CLI.run(
            [
                "batch", "-", "-o", "-", "--rejects", "/dev/null", "--as-of", "2024-04-20T12:00+03:00",
                "--lenient-fast-track",
            ],
            stdin: csv)
        #expect(lenient.status == 0)
        #expect(lenient.stdout.contains("1,2024-04-02,"))
    }
}
