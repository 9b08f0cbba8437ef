import Foundation
import Testing

@testable import SrokBatch
@testable import SrokCore

/// Values at the edges of what an Excel cell holds, read back with openpyxl.
@Suite("Excel report: edge values read back with openpyxl", .enabled(if: XLSXReadBack.enabled))
struct XLSXReportValuesTests {
    /// Writes one column of `cells` under the header «Значение» with the writer `W` and reads the
    /// report sheet back.
    static func roundTrip<W: XLSXReportBackend>(_ cells: [XLSXCell], _ type: W.Type) throws -> XLSXReadBack.Sheet {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.file("values.xlsx")
        let writer = try W(
            path: path, sheetName: "Сроки", header: ["Значение"], options: XLSXReportOptions(durable: false))
        for cell in cells { try writer.appendRow([cell]) }
        try writer.commit(summary: XLSXSummary())
        return try XLSXReadBack.read(path)[0]
    }

    /// With libxlsxwriter (the reference; ``XLSXWritersAgreeTests`` compares the other writer).
    private func roundTrip(_ cells: [XLSXCell]) throws -> XLSXReadBack.Sheet {
        try Self.roundTrip(cells, XLSXReportWriter.self)
    }

    /// Dates around Excel's phantom 29 February 1900 read back as the days written (openpyxl
    /// applies the 1900 quirk on its own side), the last day Excel knows too, and a day before
    /// 1900, which has no serial, is written as text in the same Russian form.
    @Test func datesAtTheEdgesOfExcelsCalendar() throws {
        let sheet = try roundTrip([
            .date(year: 1900, month: 1, day: 1), .date(year: 1900, month: 2, day: 28),
            .date(year: 1900, month: 3, day: 1),
            .dateTime(year: 9999, month: 12, day: 31, hour: 23, minute: 59, second: 0),
            .date(year: 1899, month: 12, day: 31),
            .dateTime(year: 1812, month: 9, day: 7, hour: 6, minute: 0, second: 0),
            .day(CivilDate(year: 2024, month: 2, day: 29)!),
            .localTime(
                LocalDateTime(date: CivilDate(year: 2025, month: 3, day: 1)!, secondOfDay: 9 * 3600 + 5 * 60 + 7)),
        ])
        let dates = [
            "A2": "1900-01-01T00:00:00", "A3": "1900-02-28T00:00:00", "A4": "1900-03-01T00:00:00",
            "A5": "9999-12-31T23:59:00", "A8": "2024-02-29T00:00:00", "A9": "2025-03-01T09:05:07",
        ]
        for (ref, iso) in dates {
            #expect(sheet[ref]?.isDate == true, "\(ref)")
            #expect(sheet[ref]?.value == .text(iso), "\(ref)")
        }
        #expect(sheet["A6"]?.value == .text("31.12.1899"))
        #expect(sheet["A6"]?.isDate == false)
        #expect(sheet["A7"]?.value == .text("07.09.1812 06:00"))
    }

    /// Texts pass through unchanged: XML's special characters, line breaks, spaces at the ends,
    /// Cyrillic and characters beyond the BMP. libxlsxwriter escapes C0 controls the way Excel
    /// reads them (`_x0001_`, ECMA-376 ST_Xstring; openpyxl shows the escape as stored); a text
    /// that itself looks like such an escape (a lowercase `x` and four hex digits: `_X00e9_` and
    /// `_x12_` are not) has its underscore escaped (`_x005F_`), so Excel shows it as written;
    /// U+FFFE, which XML cannot carry, becomes U+FFFD.
    @Test func textsAsWritten() throws {
        let sheet = try roundTrip([
            .text("<a & b> \"q\" 'ё'"), .text("строка 1\nстрока 2"), .text("  отступ  "), .text("Ж𝔸😀"),
            .text("a\u{1}b"), .text("код _x0041_ и _X00e9_, не _x12_"), .text("x\u{FFFE}y"),
        ])
        #expect(sheet["A2"]?.value == .text("<a & b> \"q\" 'ё'"))
        #expect(sheet["A3"]?.value == .text("строка 1\nстрока 2"))
        #expect(sheet["A4"]?.value == .text("  отступ  "))
        #expect(sheet["A5"]?.value == .text("Ж𝔸😀"))
        #expect(sheet["A6"]?.value == .text("a_x0001_b"))
        #expect(sheet["A7"]?.value == .text("код _x005F_x0041_ и _X00e9_, не _x12_"))
        #expect(sheet["A8"]?.value == .text("x\u{FFFD}y"))
    }

    /// A text beyond Excel's 32 767 characters is cut to 32 766 and «…»: 40 000 «я» (one UTF-16
    /// unit each) → 32 766 «я» + «…»; 20 000 «😀» (two units each) → 16 383 of them (32 766
    /// units) + «…».
    @Test func longTextsAreCut() throws {
        let sheet = try roundTrip([
            .text(String(repeating: "я", count: 40_000)), .text(String(repeating: "😀", count: 20_000)),
        ])
        #expect(sheet["A2"]?.value == .text(String(repeating: "я", count: 32_766) + "…"))
        #expect(sheet["A3"]?.value == .text(String(repeating: "😀", count: 16_383) + "…"))
    }

    /// Whole numbers up to ±999 999 999 999 999 (15 digits) are numbers; beyond, text.
    @Test func integersAndExcelsPrecision() throws {
        let sheet = try roundTrip([
            .integer(0), .integer(999_999_999_999_999), .integer(-999_999_999_999_999),
            .integer(1_000_000_000_000_000), .integer(Int.min),
        ])
        #expect(sheet["A2"]?.value == .number(0))
        #expect(sheet["A3"]?.value == .number(999_999_999_999_999))
        #expect(sheet["A4"]?.value == .number(-999_999_999_999_999))
        #expect(sheet["A5"]?.value == .text("1000000000000000"))
        #expect(sheet["A6"]?.value == .text("-9223372036854775808"))
    }

    /// A refused row (an impossible date) writes nothing: the next row takes its place.
    @Test func aRefusedRowLeavesNoTrace() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.file("report.xlsx")
        let writer = try XLSXReportWriter(
            path: path, sheetName: "Сроки", header: ["Номер", "Срок", "Время"],
            options: XLSXReportOptions(durable: false))
        #expect(throws: SrokError.self) {
            try writer.appendRow([.text("1"), .date(year: 2025, month: 2, day: 29)], highlight: .overdue)
        }
        #expect(throws: SrokError.self) {
            try writer.appendRow([
                .text("1"), .empty, .dateTime(year: 2025, month: 3, day: 1, hour: 24, minute: 0, second: 0),
            ])
        }
        #expect(throws: SrokError.self) { try writer.appendRow([.text("1"), .empty, .empty, .text("лишняя")]) }
        #expect(writer.rowCount == 0)
        try writer.appendRow([.text("2")])
        try writer.commit(summary: XLSXSummary())
        let sheet = try XLSXReadBack.read(path)[0]
        #expect(sheet.values(row: 2, columns: 3) == [.text("2"), nil, nil])
        #expect(sheet.cells.filter { $0.row == 2 }.allSatisfy { $0.fill == nil })
        #expect(sheet.lastRow == 2)
    }
}
