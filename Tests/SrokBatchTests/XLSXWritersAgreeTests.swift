import Foundation
import Testing

@testable import SrokBatch
@testable import SrokCore

/// `srok batch` writes its Excel report with ``XLSXStreamWriter`` (its own SpreadsheetML and ZIP);
/// libxlsxwriter's ``XLSXReportWriter``, checked cell by cell in ``XLSXReportWriterTests`` and
/// ``XLSXReportValuesTests``, is the independent reference. The same rows written by both read
/// back identically with openpyxl: every sheet's name, frozen pane, filter, column widths, and
/// every cell's value, type, number format, fill, font colour and weight.
@Suite("Excel report: both writers agree (openpyxl)", .enabled(if: XLSXReadBack.enabled))
struct XLSXWritersAgreeTests {
    /// Writes with `write` into a fresh folder with each writer and reads both back.
    private func both(
        _ write: (any XLSXReportBackend.Type, String) throws -> Void
    ) throws -> (stream: [XLSXReadBack.Sheet], reference: [XLSXReadBack.Sheet]) {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try write(XLSXStreamWriter.self, folder.file("stream.xlsx"))
        try write(XLSXReportWriter.self, folder.file("reference.xlsx"))
        return (try XLSXReadBack.read(folder.file("stream.xlsx")), try XLSXReadBack.read(folder.file("reference.xlsx")))
    }

    /// Sheet by sheet and cell by cell, naming the first differences.
    private func expectSame(_ a: [XLSXReadBack.Sheet], _ b: [XLSXReadBack.Sheet]) {
        #expect(a.map(\.title) == b.map(\.title))
        for (x, y) in zip(a, b) {
            #expect(x.freeze == y.freeze, "\(x.title)")
            #expect(x.autofilter == y.autofilter, "\(x.title)")
            #expect(x.widths == y.widths, "\(x.title)")
            #expect(x.cells.count == y.cells.count, "\(x.title)")
            for (c, d) in zip(x.cells, y.cells) {
                #expect(c.ref == d.ref, "\(x.title)")
                #expect(c.value == d.value, "\(x.title)!\(c.ref)")
                #expect(c.type == d.type, "\(x.title)!\(c.ref)")
                #expect(c.isDate == d.isDate, "\(x.title)!\(c.ref)")
                #expect(c.format == d.format, "\(x.title)!\(c.ref)")
                #expect(c.fill == d.fill, "\(x.title)!\(c.ref)")
                #expect(c.fontColor == d.fontColor, "\(x.title)!\(c.ref)")
                #expect(c.bold == d.bold, "\(x.title)!\(c.ref)")
            }
        }
    }

    @Test func theSampleReport() throws {
        let (stream, reference) = try both { type, path in
            func write<W: XLSXReportBackend>(_: W.Type) throws {
                try XLSXReportWriterTests.writeSample(W.self, to: path)
            }
            try write(type)
        }
        #expect(stream.count == 3)
        expectSame(stream, reference)
    }

    /// The edge values of ``XLSXReportValuesTests``: dates around 1900 and up to 9999, texts with
    /// XML's characters, controls, escapes and characters beyond the BMP, Excel's 15 digits, texts
    /// over 32 767 characters.
    @Test func edgeValues() throws {
        let cells: [XLSXCell] = [
            .date(year: 1900, month: 1, day: 1), .date(year: 1900, month: 2, day: 28),
            .date(year: 1900, month: 3, day: 1),
            .dateTime(year: 9999, month: 12, day: 31, hour: 23, minute: 59, second: 0),
            .date(year: 1899, month: 12, day: 31),
            .dateTime(year: 1812, month: 9, day: 7, hour: 6, minute: 0, second: 0),
            .dateTime(year: 2025, month: 3, day: 1, hour: 9, minute: 5, second: 7),
            .dateTime(year: 2024, month: 12, day: 31, hour: 23, minute: 59, second: 59),
            .text("<a & b> \"q\" 'ё'"), .text("строка 1\nстрока 2"), .text("  отступ  "), .text("\tтаб"),
            .text("Ж𝔸😀"), .text("a\u{1}b\u{1F}c\rd"), .text("код _x0041_ и _X00e9_, не _x12_"), .text("x\u{FFFE}y"),
            .integer(0), .integer(999_999_999_999_999), .integer(-999_999_999_999_999), .integer(1_000_000_000_000_000),
            .integer(Int.min), .text(String(repeating: "я", count: 40_000)),
            .text(String(repeating: "😀", count: 20_000)), .empty, .text(""),
        ]
        let stream = try XLSXReportValuesTests.roundTrip(cells, XLSXStreamWriter.self)
        let reference = try XLSXReportValuesTests.roundTrip(cells, XLSXReportWriter.self)
        expectSame([stream], [reference])
        // The seconds of a time survive the decimal serial (openpyxl rounds to milliseconds).
        #expect(stream["A8"]?.value == .text("2025-03-01T09:05:07"))
        #expect(stream["A9"]?.value == .text("2024-12-31T23:59:59"))
    }

    /// Rows with fewer cells than columns, highlighted (blanks filled to the last column), overdue
    /// control cells beyond the last cell, durations written as text, no width sample at all.
    @Test func shortRowsFillsAndDurations() throws {
        let (stream, reference) = try both { type, path in
            let writer = try type.init(
                path: path, sheetName: "Отчёт", header: ["a", "b", "c", "d"], labels: .russian,
                options: XLSXReportOptions(durable: false, widthSampleRows: 0))
            try writer.appendRow([.text("1")], highlight: .overdue, overdueColumns: [3])
            try writer.appendRow([], highlight: .approaching)
            try writer.appendRow([.integer(5)], overdueColumns: [1])
            var sink = ByteSink(capacity: 64)
            sink.withWriter { o in
                XLSXRowEncoder.row(.none, into: &o)
                XLSXRowEncoder.duration(3 * 1440 + 125, .remaining, into: &o)
                XLSXRowEncoder.duration(-(21 * 1440 + 12 * 60 + 1), .remaining, into: &o)
                XLSXRowEncoder.duration(0, .plain, into: &o)
            }
            try sink.withUnsafeBytes { try writer.appendEncodedRows($0) }
            try writer.appendRejected(XLSXRejectedRow(line: 9, column: "", value: "=1+1", reason: "плохо"))
            try writer.commit(summary: XLSXSummary(lines: ["", "строка"], tables: []))
        }
        expectSame(stream, reference)
        // 3 days 2 h 5 min: from a day up, days and hours; 21 days 12 h 1 min late.
        #expect(
            stream[0].values(row: 5, columns: 3) == [
                .text("3 дня 2 часа"), .text("просрочено на 21 день 12 часов"), .text("0 минут"),
            ])
        #expect(stream[2]["C2"]?.value == .text("=1+1"))
    }

    @Test func anEmptyReportInEnglish() throws {
        let (stream, reference) = try both { type, path in
            let writer = try type.init(
                path: path, sheetName: "Deadlines", header: ["id", ""], labels: .english,
                options: XLSXReportOptions(durable: false))
            try writer.commit(summary: XLSXSummary(tables: [XLSXSummaryTable(section: "By status", counts: [])]))
        }
        expectSame(stream, reference)
        #expect(stream.map(\.title) == ["Deadlines", "Summary", "Rejected rows"])
    }

    /// Bad sheet names and headers are refused by both, before anything is written.
    @Test func refusedStarts() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        for name in ["Сроки/2025", "", String(repeating: "я", count: 32), "'Сроки'", "Сводка", "сводка"] {
            #expect(throws: SrokError.self, "\(name)") {
                _ = try XLSXStreamWriter(path: folder.file("a.xlsx"), sheetName: name, header: ["a"])
            }
        }
        #expect(throws: SrokError.self) {
            _ = try XLSXStreamWriter(path: folder.file("a.xlsx"), sheetName: "Сроки", header: [])
        }
        _ = try XLSXStreamWriter(
            path: folder.file("a.xlsx"), sheetName: String(repeating: "я", count: 31), header: ["a"])
        #expect(folder.names.isEmpty)
    }

    /// The archive itself: Python's `zipfile` finds every CRC right (`testzip`), the content types
    /// come first and the report sheet, streamed, carries its sizes in a data descriptor (flag bit 3).
    @Test func theZIPContainer() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.file("zip.xlsx")
        let writer = try XLSXStreamWriter(
            path: path, sheetName: "Сроки", header: ["Номер", "Текст"], options: XLSXReportOptions(durable: false))
        for i in 0..<5000 {
            try writer.appendRow([.integer(i), .text("строка \(i) " + String(repeating: "ж", count: i % 50))])
        }
        try writer.commit(summary: XLSXSummary())
        let script = """
            import sys, zipfile
            z = zipfile.ZipFile(sys.argv[1])
            assert z.testzip() is None
            print(",".join("%s:%d" % (i.filename, i.flag_bits & 8) for i in z.infolist()))
            """
        let out = try XLSXReadBack.python(script, [path])
        #expect(
            out.trimmingCharacters(in: .whitespacesAndNewlines)
                == "[Content_Types].xml:0,_rels/.rels:0,docProps/app.xml:0,xl/worksheets/sheet1.xml:8,xl/worksheets/sheet3.xml:0,xl/worksheets/sheet2.xml:0,xl/workbook.xml:0,xl/_rels/workbook.xml.rels:0,xl/styles.xml:0"
        )
        let sheet = try XLSXReadBack.read(path)[0]
        #expect(sheet.lastRow == 5001)
        #expect(sheet["B5001"]?.value == .text("строка 4999 " + String(repeating: "ж", count: 49)))
    }
}
