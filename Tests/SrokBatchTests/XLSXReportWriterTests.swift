import Foundation
import Testing

@testable import SrokBatch

/// The Excel report written by `XLSXReportWriter`, read back cell by cell with openpyxl.
@Suite("Excel report: read back with openpyxl", .enabled(if: XLSXReadBack.enabled))
struct XLSXReportWriterTests {
    typealias V = XLSXReadBack.Value

    static let header = ["Номер", "Текст обращения", "Дней", "Зарегистрировано", "Срок", "Контроль", "Осталось"]
    /// 100 characters: «Яма» and 97 dots.
    static let longText = "Яма" + String(repeating: ".", count: 97)

    /// Writes the workbook every test of this suite reads: four data rows (overdue with an overdue
    /// control cell, approaching, plain, and a plain row with an overdue control cell beyond the
    /// three rows measured for widths), two rejected rows appended between them, and a summary.
    static func writeSample<W: XLSXReportBackend>(_ type: W.Type = XLSXReportWriter.self, to path: String) throws {
        let writer = try W(
            path: path, sheetName: "Сроки", header: header,
            options: XLSXReportOptions(durable: false, widthSampleRows: 3))
        try writer.appendRow(
            [
                .text("1001"), .text(longText), .integer(10),
                .dateTime(year: 2025, month: 3, day: 1, hour: 9, minute: 5, second: 0),
                .date(year: 2025, month: 3, day: 14),
                .dateTime(year: 2025, month: 3, day: 3, hour: 18, minute: 0, second: 0),
                .text("2 дня 4 часа"),
            ], highlight: .overdue, overdueColumns: [5])
        try writer.appendRejected(
            XLSXRejectedRow(
                line: 3, column: "Дата регистрации", value: "31.02.2025",
                reason: "нет такого дня: в феврале 2025 года 28 дней"))
        try writer.appendRow(
            [
                .text("1002"), .text("Не горит фонарь"), .integer(30),
                .dateTime(year: 2025, month: 3, day: 3, hour: 14, minute: 30, second: 15),
                .date(year: 2025, month: 4, day: 2), .empty, .text("29 дней"),
            ], highlight: .approaching)
        try writer.appendRow([
            .text("1003"), .text(""), .integer(-7),
            .dateTime(year: 2024, month: 12, day: 31, hour: 23, minute: 59, second: 59),
            .date(year: 2025, month: 1, day: 13),
        ])
        try writer.appendRejected(XLSXRejectedRow(line: 7, column: "", value: "", reason: "пустая строка"))
        try writer.appendRow(
            [
                .text("1004"), .text("Мусор"), .integer(1_234_567_890_123_456_789),
                .dateTime(year: 2025, month: 2, day: 28, hour: 0, minute: 0, second: 0),
                .date(year: 2025, month: 3, day: 1), .empty, .text("10 дней 23 часа 59 минут"),
            ], overdueColumns: [5])
        #expect(writer.rowCount == 4)
        #expect(writer.rejectedCount == 2)
        try writer.commit(
            summary: XLSXSummary(
                lines: [
                    "Календарь: RU 2025.1", "На момент: 20.03.2025 12:00 (Europe/Moscow)", "Входной файл: export.xlsx",
                ],
                tables: [
                    XLSXSummaryTable(section: "По статусу", counts: [("просрочено", 2), ("в срок", 1)]),
                    XLSXSummaryTable(section: "По исполнителю", counts: [("Иванов И. И.", 3)]),
                ]))
    }

    /// The sample, written into a fresh folder and read back once for all the tests.
    static let written: Result<[XLSXReadBack.Sheet], any Error> = Result {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.file("report.xlsx")
        try writeSample(to: path)
        return try XLSXReadBack.read(path)
    }

    static func sample() throws -> [XLSXReadBack.Sheet] { try written.get() }

    @Test func theSheetsAreInOrder() throws {
        let sheets = try Self.sample()
        #expect(sheets.map(\.title) == ["Сроки", "Сводка", "Отклонённые строки"])
    }

    /// The header is bold, frozen (the view scrolls from A2) and filtered over the header and the
    /// four data rows: A1:G5.
    @Test func theHeaderIsBoldFrozenAndFiltered() throws {
        let sheet = try #require(try Self.sample().first)
        #expect(sheet.values(row: 1, columns: 7) == Self.header.map { V.text($0) })
        for c in sheet.cells where c.row == 1 { #expect(c.bold, "\(c.ref)") }
        #expect(sheet.freeze == "A2")
        #expect(sheet.autofilter == "A1:G5")
    }

    /// Text stays text, whole numbers are numbers, and a number beyond Excel's 15 digits is text
    /// (as a number it would be shown as 1234567890123450000).
    @Test func textAndNumbers() throws {
        let sheet = try #require(try Self.sample().first)
        #expect(sheet["A2"]?.value == .text("1001"))
        #expect(sheet["A2"]?.type == "s")
        #expect(sheet["B2"]?.value == .text(Self.longText))
        #expect(sheet["C2"]?.value == .number(10))
        #expect(sheet["C2"]?.type == "n")
        #expect(sheet["C4"]?.value == .number(-7))
        #expect(sheet["B4"] == nil, "an empty text writes nothing in a plain row")
        #expect(sheet["C5"]?.value == .text("1234567890123456789"))
        #expect(sheet["G2"]?.value == .text("2 дня 4 часа"))
    }

    /// Dates and times are date cells (openpyxl's `is_date`: a number whose format is a date
    /// format) with the Russian formats, and they read back as the same wall-clock values,
    /// seconds included.
    @Test func datesAreRealExcelDates() throws {
        let sheet = try #require(try Self.sample().first)
        let expected: [(String, String, String)] = [
            ("D2", "2025-03-01T09:05:00", "dd.mm.yyyy hh:mm"),
            ("E2", "2025-03-14T00:00:00", "dd.mm.yyyy"),
            ("F2", "2025-03-03T18:00:00", "dd.mm.yyyy hh:mm"),
            ("D3", "2025-03-03T14:30:15", "dd.mm.yyyy hh:mm"),
            ("E3", "2025-04-02T00:00:00", "dd.mm.yyyy"),
            ("D4", "2024-12-31T23:59:59", "dd.mm.yyyy hh:mm"),
            ("E4", "2025-01-13T00:00:00", "dd.mm.yyyy"),
            ("D5", "2025-02-28T00:00:00", "dd.mm.yyyy hh:mm"),
            ("E5", "2025-03-01T00:00:00", "dd.mm.yyyy"),
        ]
        for (ref, iso, format) in expected {
            let cell = try #require(sheet[ref], "\(ref)")
            #expect(cell.isDate, "\(ref)")
            #expect(cell.type == "d", "\(ref)")
            #expect(cell.value == .text(iso), "\(ref)")
            #expect(cell.format == format, "\(ref)")
        }
    }

    /// Row 2 (overdue) is light red in every column, its overdue control F2 a stronger red and
    /// bold; row 3 (approaching) amber in every column, the empty F3 included; row 4 has no fill;
    /// row 5 only its overdue control cell F5 (empty, so written as a filled blank).
    @Test func highlightedRowsAndOverdueControls() throws {
        let sheet = try #require(try Self.sample().first)
        let red = "FFFFC7CE"
        let amber = "FFFFEB9C"
        let control = "FFFF7C80"
        for column in "ABCDEG" {
            #expect(sheet["\(column)2"]?.fill == red, "\(column)2")
            #expect(sheet["\(column)2"]?.fontColor == "FF9C0006", "\(column)2")
            #expect(sheet["\(column)2"]?.bold == false, "\(column)2")
        }
        #expect(sheet["F2"]?.fill == control)
        #expect(sheet["F2"]?.bold == true)
        for column in "ABCDEFG" {
            #expect(sheet["\(column)3"]?.fill == amber, "\(column)3")
            #expect(sheet["\(column)3"]?.fontColor == "FF9C5700", "\(column)3")
        }
        #expect(sheet["F3"]?.value == nil)
        for c in sheet.cells where c.row == 4 || c.row == 1 { #expect(c.fill == nil, "\(c.ref)") }
        for c in sheet.cells where c.row == 5 && c.col != 6 { #expect(c.fill == nil, "\(c.ref)") }
        #expect(sheet["F5"]?.fill == control)
        #expect(sheet["F5"]?.value == nil)
        #expect(sheet.lastRow == 5)
    }

    /// Widths: max(header + 4, longest value + 2) of the first 3 data rows (the sample size given),
    /// at most 60. A «Номер» 5+4 = 9; B the 100-character text → 102, capped at 60; C «Дней»
    /// 4+4 = 8 (the values "10", "30", "-7" need 4; the 19 digits of row 5 are not measured);
    /// D «Зарегистрировано» 16+4 = 20 (a date and time is 16+2 = 18); E «Срок» 8 < a date's
    /// 10+2 = 12; F «Контроль» 12 < 18; G «Осталось» 12 < «2 дня 4 часа» 12+2 = 14 (row 5's 24
    /// characters are not measured). Excel stores a width of n characters as
    /// trunc((n × 7 + 5) / 7 × 256) / 256 (ECMA-376 Part 1, 18.3.1.13: a 7-pixel digit and 5
    /// pixels of padding), i.e. n + 0.7109375 for whole n.
    @Test func columnWidthsFromTheHeaderAndTheFirstRows() throws {
        let sheet = try #require(try Self.sample().first)
        let expected: [String: Double] = ["A": 9, "B": 60, "C": 8, "D": 20, "E": 12, "F": 18, "G": 14]
        for (column, width) in expected {
            let stored = try #require(sheet.widths[column], "\(column)")
            #expect(abs(stored - (width + 0.7109375)) < 0.001, "\(column): \(stored)")
        }
    }

    /// The summary: the lines in A1–A3, a blank row, then each table (its bold title row and
    /// «Количество», its keys with number counts) after a blank row.
    @Test func theSummarySheet() throws {
        let sheet = try Self.sample()[1]
        #expect(sheet.values(row: 1, columns: 2) == [.text("Календарь: RU 2025.1"), nil])
        #expect(sheet.values(row: 2, columns: 1) == [.text("На момент: 20.03.2025 12:00 (Europe/Moscow)")])
        #expect(sheet.values(row: 3, columns: 1) == [.text("Входной файл: export.xlsx")])
        #expect(sheet.values(row: 4, columns: 2) == [nil, nil])
        #expect(sheet.values(row: 5, columns: 2) == [.text("По статусу"), .text("Количество")])
        #expect(sheet["A5"]?.bold == true && sheet["B5"]?.bold == true)
        #expect(sheet.values(row: 6, columns: 2) == [.text("просрочено"), .number(2)])
        #expect(sheet.values(row: 7, columns: 2) == [.text("в срок"), .number(1)])
        #expect(sheet.values(row: 8, columns: 2) == [nil, nil])
        #expect(sheet.values(row: 9, columns: 2) == [.text("По исполнителю"), .text("Количество")])
        #expect(sheet.values(row: 10, columns: 2) == [.text("Иванов И. И."), .number(3)])
        #expect(sheet.lastRow == 10)
        #expect(sheet["B6"]?.type == "n")
    }

    /// The rejected rows, appended between the data rows, in their own sheet in order: the line a
    /// number, the column and value as given, the reason; a bold frozen header and a filter A1:D3.
    @Test func theRejectedRowsSheet() throws {
        let sheet = try Self.sample()[2]
        #expect(
            sheet.values(row: 1, columns: 4) == [
                .text("Строка"), .text("Столбец"), .text("Исходное значение"), .text("Причина"),
            ])
        for c in sheet.cells where c.row == 1 { #expect(c.bold, "\(c.ref)") }
        #expect(
            sheet.values(row: 2, columns: 4) == [
                .number(3), .text("Дата регистрации"), .text("31.02.2025"),
                .text("нет такого дня: в феврале 2025 года 28 дней"),
            ])
        #expect(sheet.values(row: 3, columns: 4) == [.number(7), nil, nil, .text("пустая строка")])
        #expect(sheet.lastRow == 3)
        #expect(sheet.freeze == "A2")
        #expect(sheet.autofilter == "A1:D3")
    }

    /// English labels name the second and third sheets and their headers.
    @Test func englishLabels() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.file("report.xlsx")
        let writer = try XLSXReportWriter(
            path: path, sheetName: "Deadlines", header: ["id"], labels: .english,
            options: XLSXReportOptions(durable: false))
        try writer.appendRow([.integer(1)])
        try writer.appendRejected(XLSXRejectedRow(line: 2, column: "id", value: "x", reason: "not a number"))
        try writer.commit(summary: XLSXSummary(tables: [XLSXSummaryTable(section: "By status", counts: [("ok", 1)])]))
        let sheets = try XLSXReadBack.read(path)
        #expect(sheets.map(\.title) == ["Deadlines", "Summary", "Rejected rows"])
        #expect(sheets[1].values(row: 1, columns: 2) == [.text("By status"), .text("Count")])
        #expect(
            sheets[2].values(row: 1, columns: 4) == [
                .text("Line"), .text("Column"), .text("Original value"), .text("Reason"),
            ])
    }

    /// An empty report still has its header, filter and three sheets.
    @Test func anEmptyReport() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.file("empty.xlsx")
        let writer = try XLSXReportWriter(
            path: path, sheetName: "Сроки", header: ["Номер", "Срок"], options: XLSXReportOptions(durable: false))
        try writer.commit(summary: XLSXSummary())
        let sheets = try XLSXReadBack.read(path)
        #expect(sheets.map(\.title) == ["Сроки", "Сводка", "Отклонённые строки"])
        #expect(sheets[0].values(row: 1, columns: 2) == [.text("Номер"), .text("Срок")])
        #expect(sheets[0].lastRow == 1)
        #expect(sheets[0].autofilter == "A1:B1")
        #expect(sheets[1].cells.isEmpty)
    }
}
