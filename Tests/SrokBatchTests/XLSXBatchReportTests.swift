import Foundation
import Testing

@testable import SrokBatch
@testable import SrokCore

/// `srok batch IN.csv -o report.xlsx` (``BatchRunner`` with an output named `*.xlsx`), read back
/// cell by cell with openpyxl.
@Suite("Batch: the Excel report (openpyxl)", .enabled(if: XLSXReadBack.enabled))
struct XLSXBatchReportTests {
    typealias V = XLSXReadBack.Value

    /// As of 20.04.2024 12:00 Moscow time.
    static let evaluator = BatchEvaluator(
        context: BatchFixtures.context, defaults: BatchDefaults(asOf: BatchFixtures.t("2024-04-20T12:00+03:00")))

    static let header = [
        "Номер", "Дата поступления", "tz", "profile", "Стадия", "stage_entered_at", "closed_at", "Исполнитель",
        "Организация", "Комментарий",
    ]

    /// The input's rows (the fields in the header's order) and, worked out by hand, what each
    /// becomes; nil for the rejected row. The federal profile (the default): 30 calendar days
    /// counted from the day after registration (ГК РФ ст. 191), a non-working last day moved to
    /// the preceding working day, due at the end of the last day in the row's zone.
    static let rows: [(fields: [String], status: String?)] = [
        // 01.03 + 30 days = 31.03.2024, a Sunday → Friday 29.03.2024, due 29.03 23:59:59 MSK: overdue
        // on 20.04 12:00 by 22 days less 11 h 59 min 59 s = 21 days 12 h 0 min 1 s, 30 961 minutes
        // counted up (21 × 1440 + 12 × 60 + 1).
        (["A1", "2024-03-01T10:00+03:00", "", "", "", "", "", "Иванов", "Управа 1", "текст, с запятой"], "просрочено"),
        // 25.03 + 30 days = 24.04.2024, a Wednesday; due 24.04 23:59:59 in Yekaterinburg (+05:00).
        // From 25.03 05:00Z to 20.04 09:00Z 26 days 4 h have passed of 30 days 13 h 59 min 59 s:
        // 85.6 % ≥ the federal profile's 75 % → approaching; 4 days 9 h 59 min 59 s left = 6 359
        // whole minutes.
        (
            ["A2", "2024-03-25T10:00+05:00", "Asia/Yekaterinburg", "", "", "", "", "Петров", "Управа 2", ""],
            "срок подходит"
        ),
        // 15.04 + 30 days = 15.05.2024, a Wednesday: 5 days of 30 used → on time.
        (["A3", "2024-04-15T10:00+03:00", "", "", "", "", "", "Иванов", "Управа 1", ""], "в срок"),
        // No 31 February: rejected, line 5 (the header is line 1).
        (["BAD", "31.02.2024", "", "", "", "", "", "Иванов", "Управа 1", ""], nil),
        // Bryansk (seed 003 п. 6.2): the executor takes the message into work within 72 h of its
        // arrival at execution, 15.04 10:00 + 72 h = 18.04 10:00 < 20.04 12:00 → that control is
        // overdue; the answer itself (due in May) is on time.
        (
            [
                "C1", "2024-04-10T09:00+03:00", "", "bryansk", "execution", "2024-04-15T10:00+03:00", "", "Сидоров",
                "Управа 2", "",
            ],
            "в срок"
        ),
        // Answered on 20.03, before its due 29.03: closed.
        (
            ["D1", "2024-03-01T10:00+03:00", "", "", "", "", "2024-03-20T12:00+03:00", "Петров", "Управа 2", ""],
            "закрыто"
        ),
    ]

    static func csv() -> String {
        func field(_ s: String) -> String { s.contains(",") ? "\"\(s)\"" : s }
        return ([header] + rows.map(\.fields)).map { $0.map(field).joined(separator: ",") }.joined(separator: "\n")
            + "\n"
    }

    /// Runs the batch into `report.xlsx` in a fresh folder and reads the workbook back.
    static func run(language: Language = .ru) throws -> (sheets: [XLSXReadBack.Sheet], report: BatchRunReport) {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        folder.write("in.csv", csv())
        var options = BatchRunOptions()
        options.input = folder.file("in.csv")
        options.output = folder.file("report.xlsx")
        options.durable = false
        options.language = language
        let report = try BatchRunner.run(options, evaluator: evaluator)
        // The workbook and the rejects file, nothing else (no temporary or lock file).
        #expect(folder.names == ["in.csv", "report.xlsx", "report.xlsx.rejects.csv"])
        return (try XLSXReadBack.read(folder.file("report.xlsx")), report)
    }

    static let russian: Result<[XLSXReadBack.Sheet], any Error> = Result { try run().sheets }

    /// The column of the report sheet under `name` (1-based).
    private func column(_ sheet: XLSXReadBack.Sheet, _ name: String) throws -> Int {
        try #require(sheet.cells.first { $0.row == 1 && $0.value == .text(name) }, "no column «\(name)»").col
    }

    private func cell(_ sheet: XLSXReadBack.Sheet, _ row: Int, _ name: String) throws -> XLSXReadBack.Cell? {
        let c = try column(sheet, name)
        return sheet.cells.first { $0.row == row && $0.col == c }
    }

    @Test func sheetsAndTheInputsColumnsFirst() throws {
        let sheets = try Self.russian.get()
        #expect(sheets.map(\.title) == ["Сроки", "Сводка", "Отклонённые строки"])
        let report = sheets[0]
        // The input's columns, in order and under its names, then Srok's (no second «Номер»).
        let header = report.cells.filter { $0.row == 1 }.sorted { $0.col < $1.col }.compactMap { c -> String? in
            if case .text(let s)? = c.value { return s }
            return nil
        }
        #expect(Array(header.prefix(10)) == Self.header)
        #expect(
            Array(header.dropFirst(10).prefix(4)) == [
                "Последний день срока", "Срок ответа", "Срок модерации", "Срок координации",
            ])
        #expect(header.contains("Осталось") && header.contains("Просрочено на"))
        #expect(!header.dropFirst(10).contains("Номер"))
        #expect(report.freeze == "A2")
        #expect(report.autofilter == "A1:\(XLSXXML.columnName(header.count - 1))6")
        // The good rows, in input order, with the input's values as written (a quoted comma too).
        let good = Self.rows.filter { $0.status != nil }
        #expect(report.lastRow == 1 + good.count)
        for (k, row) in good.enumerated() {
            #expect(report.values(row: k + 2, columns: 10) == row.fields.map { $0.isEmpty ? nil : V.text($0) })
        }
    }

    @Test func dueDatesAreDateCellsInTheRowsLocalTime() throws {
        let report = try Self.russian.get()[0]
        let expected: [(row: Int, date: String, due: String)] = [
            (2, "2024-03-29T00:00:00", "2024-03-29T23:59:59"),
            (3, "2024-04-24T00:00:00", "2024-04-24T23:59:59"),  // Yekaterinburg's wall clock, not Moscow's
            (4, "2024-05-15T00:00:00", "2024-05-15T23:59:59"),
        ]
        for e in expected {
            let date = try #require(try cell(report, e.row, "Последний день срока"))
            #expect(date.isDate && date.type == "d" && date.format == "dd.mm.yyyy", "\(date.ref)")
            #expect(date.value == .text(e.date), "\(date.ref)")
            let due = try #require(try cell(report, e.row, "Срок ответа"))
            #expect(due.isDate && due.format == "dd.mm.yyyy hh:mm", "\(due.ref)")
            #expect(due.value == .text(e.due), "\(due.ref)")
        }
        // The move of A1's last day, in words and Russian dates.
        #expect(
            try cell(report, 2, "Перенос последнего дня")?.value
                == .text("на предшествующий рабочий день: 31.03.2024 → 29.03.2024"))
    }

    @Test func statusesAndDurationsBesideTheMinutes() throws {
        let report = try Self.russian.get()[0]
        let good = Self.rows.compactMap(\.status)
        for (k, status) in good.enumerated() {
            #expect(try cell(report, k + 2, "Статус срока")?.value == .text(status))
        }
        #expect(try cell(report, 2, "Осталось, минут")?.value == .number(-30_961))
        #expect(try cell(report, 2, "Осталось")?.value == .text("просрочено на 21 день 12 часов"))
        #expect(try cell(report, 2, "Просрочено, минут")?.value == .number(30_961))
        #expect(try cell(report, 2, "Просрочено на")?.value == .text("21 день 12 часов"))
        #expect(try cell(report, 3, "Осталось, минут")?.value == .number(6_359))
        #expect(try cell(report, 3, "Осталось")?.value == .text("4 дня 9 часов"))
        #expect(try cell(report, 3, "Просрочено на")?.value == nil)
    }

    /// Red: A1 (overdue) and C1 (an overdue control); amber: A2 (approaching); no fill: A3, D1
    /// (closed). C1's overdue control cells are the stronger red, bold.
    @Test func highlightedRows() throws {
        let report = try Self.russian.get()[0]
        let columns = report.cells.filter { $0.row == 1 }.count
        let fills: [Int: String?] = [2: "FFFFC7CE", 3: "FFFFEB9C", 4: nil, 5: "FFFFC7CE", 6: nil]
        let controls = [try column(report, "Просроченные контроли"), try column(report, "Просрочено контролей")]
        for (row, fill) in fills {
            for c in 1...columns {
                let got = report.cells.first { $0.row == row && $0.col == c }?.fill
                let want = row == 5 && controls.contains(c) ? "FFFF7C80" : fill
                #expect(got == want, "row \(row), column \(c)")
            }
        }
        let control = try #require(try cell(report, 5, "Просроченные контроли"))
        #expect(control.value == .text("исполнитель берёт в работу") && control.bold)
        #expect(try cell(report, 5, "Просрочено контролей")?.value == .number(1))
    }

    /// The summary's tables, each counted here from the input rows and their expected statuses.
    @Test func theSummaryCountsWhatTheInputHolds() throws {
        let summary = try Self.russian.get()[1]
        /// The (key, count) rows of the table titled `section`.
        func table(_ section: String) throws -> [String: Double] {
            let title = try #require(summary.cells.first { $0.col == 1 && $0.value == .text(section) }, "\(section)")
                .row
            var out: [String: Double] = [:]
            var row = title + 1
            while case .text(let key)? = summary.values(row: row, columns: 1)[0] {
                if case .number(let n)? = summary.values(row: row, columns: 2)[1] { out[key] = n }
                row += 1
            }
            return out
        }
        let good = Self.rows.filter { $0.status != nil }
        func count(_ key: (([String], String)) -> String?) -> [String: Double] {
            var out: [String: Double] = [:]
            for r in good { if let k = key((r.fields, r.status!)) { out[k, default: 0] += 1 } }
            return out
        }
        #expect(try table("По статусу") == count { $0.1 })
        #expect(try table("По исполнителю") == count { $0.0[7] })
        #expect(try table("По организации") == count { $0.0[8] })
        #expect(try table("Просрочено по организации") == count { $0.1 == "просрочено" ? $0.0[8] : nil })
        #expect(try table("Просроченные контроли по виду") == ["исполнитель берёт в работу": 1])
        // The statuses in their order: on time, approaching, overdue, closed.
        #expect(
            summary.values(
                row: try #require(summary.cells.first { $0.value == .text("По статусу") }).row + 1, columns: 1) == [
                    .text("в срок")
                ])
        let lines = summary.cells.filter { $0.col == 1 && $0.row <= 8 }.compactMap { c -> String? in
            if case .text(let s)? = c.value { return s }
            return nil
        }
        #expect(lines.contains("Строк прочитано: 6; в отчёте: 5; отклонено: 1 (лист «Отклонённые строки»)"), "\(lines)")
        #expect(lines.contains("Статусы на: 20.04.2024 12:00 (Europe/Moscow)"), "\(lines)")
        #expect(lines.contains { $0.hasPrefix("Данные календаря: RU-") }, "\(lines)")
        #expect(lines.contains { $0.contains("75 %") }, "\(lines)")
    }

    @Test func theRejectedRowsSheet() throws {
        let rejects = try Self.russian.get()[2]
        #expect(rejects.lastRow == 2)
        let row = rejects.values(row: 2, columns: 4)
        #expect(Array(row.prefix(3)) == [.number(5), .text("Дата поступления"), .text("31.02.2024")])
        guard case .text(let reason)? = row[3] else {
            Issue.record("no reason: \(row)")
            return
        }
        #expect(!reason.isEmpty)
    }

    @Test func inEnglish() throws {
        let sheets = try Self.run(language: .en).sheets
        #expect(sheets.map(\.title) == ["Deadlines", "Summary", "Rejected rows"])
        let report = sheets[0]
        #expect(try cell(report, 2, "Status")?.value == .text("overdue"))
        #expect(try cell(report, 2, "Remaining")?.value == .text("overdue by 21 days 12 hours"))
        #expect(sheets[1].cells.contains { $0.value == .text("By status") })
        #expect(sheets[2].values(row: 1, columns: 1) == [.text("Line")])
    }
}

/// The Excel report of a run that fails leaves nothing behind.
@Suite("Batch: a failed Excel report")
struct XLSXBatchReportFailureTests {
    /// Refuses to let the files be renamed into place, as an interruption at that moment would.
    final class Refusing: BatchRunObserver {
        func replacing(_ targets: [String], _ replace: () throws(SrokError) -> Void) throws(SrokError) {
            throw .io(path: targets.last ?? "", message: LocalizedText(verbatim: "refused by the test"))
        }
    }

    @Test func aRunThatFailsAtTheEndLeavesNoReportAndNoTemporaryFile() throws {
        let folder = try TemporaryFolder()
        folder.write("in.csv", XLSXBatchReportTests.csv())
        var options = BatchRunOptions()
        options.input = folder.file("in.csv")
        options.output = folder.file("report.xlsx")
        options.durable = false
        #expect(throws: SrokError.self) {
            _ = try BatchRunner.run(options, evaluator: XLSXBatchReportTests.evaluator, observer: Refusing())
        }
        #expect(folder.names == ["in.csv"])
        // And with libxlsxwriter.
        options.xlsxWriter = .libxlsxwriter
        #expect(throws: SrokError.self) {
            _ = try BatchRunner.run(options, evaluator: XLSXBatchReportTests.evaluator, observer: Refusing())
        }
        #expect(folder.names == ["in.csv"])
    }

    @Test func aRunThatFailsAtTheStartLeavesNothing() throws {
        let folder = try TemporaryFolder()
        folder.write("in.csv", XLSXBatchReportTests.csv())
        var options = BatchRunOptions()
        options.input = folder.file("in.csv")
        options.output = folder.file("report.xlsx")
        options.summaryJSON = folder.file("missing/summary.json")
        options.durable = false
        #expect(throws: SrokError.self) { _ = try BatchRunner.run(options, evaluator: XLSXBatchReportTests.evaluator) }
        #expect(folder.names == ["in.csv"])
    }

    /// Standard output, a device or a FIFO cannot take a workbook; nothing is created.
    @Test func standardOutputIsRefused() throws {
        let folder = try TemporaryFolder()
        folder.write("in.csv", XLSXBatchReportTests.csv())
        var options = BatchRunOptions()
        options.input = folder.file("in.csv")
        options.output = "-"
        options.outputFormat = "xlsx"
        options.rejects = folder.file("rejects.csv")
        do {
            _ = try BatchRunner.run(options, evaluator: XLSXBatchReportTests.evaluator)
            Issue.record("an Excel report went to standard output")
        } catch {
            #expect(error.message(.en).contains("cannot be written to standard output"))
            #expect("\(error)".contains("книгу Excel нельзя записать в стандартный вывод"), "\(error)")
        }
        // A FIFO made here (not /dev/null: a test must never risk replacing the system's). Refused
        // before it is opened, so the run does not wait for a reader.
        try #require(mkfifo(folder.file("pipe"), 0o600) == 0)
        options.output = folder.file("pipe")
        do {
            _ = try BatchRunner.run(options, evaluator: XLSXBatchReportTests.evaluator)
            Issue.record("an Excel report went to a FIFO")
        } catch {
            #expect(error.message(.en).contains("cannot be written to a device or a FIFO"))
        }
        #expect(folder.names == ["in.csv", "pipe"])
    }
}
