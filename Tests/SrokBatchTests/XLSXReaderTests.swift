import SrokCore
import Testing

@testable import SrokBatch

/// Workbooks written by other tools, read cell by cell against the values
/// `Fixtures/make_fixtures.py` wrote into them.
@Suite struct XLSXReaderTests {
    typealias F = InputFixtures

    @Test func openpyxlTitleRowsMergedCellDatesAndGaps() throws {
        let rows = try F.rows("openpyxl.xlsx")
        // Rows 1, 2 (titles), 4 (header), 5–7; row 3 was left empty and is not stored.
        #expect(rows.map(\.number) == [1, 2, 4, 5, 6, 7])
        // The merged title A1:F1 holds its value in A1 only.
        #expect(rows[0].cells == [XLSXRowCell(column: 1, value: .text("Сообщения ПОС за март 2025"))])
        #expect(rows[1].texts() == ["Сформировано: 02.04.2025"])
        #expect(
            rows[2].texts() == [
                "Номер", "Дата поступления", "Дата планируемого завершения работ", "Категория", "Просрочено", "Оценка",
            ])
        let r5 = rows[3]
        let r6 = rows[4]
        let r7 = rows[5]
        #expect(r5[1] == .number(1001))
        #expect(F.isDate(r5[2], 2025, 3, 1))  // a date cell, DD.MM.YYYY
        #expect(F.isDate(r5[3], 2025, 3, 31, 9, 5))  // DD.MM.YYYY HH:MM
        #expect(r5[4] == .text("Дороги"))
        #expect(r5[5] == .bool(false))
        #expect(r5[6] == .number(4.5))
        #expect(F.isDate(r6[2], 2024, 2, 29))
        #expect(F.isDate(r6[3], 2024, 3, 29, 17, 45, 30))
        #expect(r6[5] == .bool(true))
        #expect(r6[6] == nil)  // None: no cell
        #expect(F.isDate(r7[2], 2025, 12, 31))
        #expect(r7[3] == nil)  // a styled cell with no value is empty
        #expect(r7[6] == .number(5))
        #expect(r7.texts() == ["1003", "2025-12-31", "", "Дороги", "FALSE", "5"])
    }

    @Test func mergedRangesAreKnownAfterTheLastRow() throws {
        let reader = try XLSXReader(path: F.path("openpyxl.xlsx"))
        #expect(try reader.nextRow()?.number == 1)
        #expect(reader.dimension == "A1:F7")
        while try reader.nextRow() != nil {}
        #expect(reader.mergedRanges == ["A1:F1"])
        #expect(reader.sheet.name == "Выгрузка")
    }

    @Test func headerFinderSkipsTitleRows() throws {
        let reader = try XLSXReader(path: F.path("openpyxl.xlsx"))
        let header = try XLSXHeaderFinder.find(in: reader, known: ["Номер", "дата  поступления", "Статус"])
        #expect(header.row.number == 4)
        #expect(header.matched == 2)  // Номер, Дата поступления (case and spaces ignored)
        #expect(header.names[3] == "Категория")
        // The reader is on the first data row.
        #expect(try reader.nextRow()?.number == 5)
    }

    @Test func headerFinderFailsWithTheNamesLookedFor() throws {
        let reader = try XLSXReader(path: F.path("openpyxl.xlsx"))
        let e = F.error { try XLSXHeaderFinder.find(in: reader, known: ["id", "registered_at"]) }
        guard case .io(let path, let message)? = e else {
            Issue.record("no error: \(String(describing: e))")
            return
        }
        #expect(path.hasSuffix("openpyxl.xlsx"))
        #expect(message.en.hasPrefix("sheet 'Выгрузка': no header row in the first 50 rows"))
        #expect(message.en.contains("id, registered_at"))
        #expect(message.ru.hasPrefix("лист «Выгрузка»: в первых 50 строках нет строки заголовка"))
    }

    @Test func xlsxWriterSharedStringsRichTextAndMergedTitle() throws {
        let rows = try F.rows("xlsxwriter.xlsx")
        #expect(rows.map(\.number) == [1, 3, 4, 5])
        // merge_range wrote A1 and empty styled B1:E1.
        #expect(rows[0].cells == [XLSXRowCell(column: 1, value: .text("Выгрузка ПОС"))])
        #expect(
            rows[1].texts() == [
                "Номер", "Дата поступления", "Дата планируемого завершения работ", "Категория", "Статус",
            ])
        #expect(rows[2][1] == .number(5001))
        #expect(F.isDate(rows[2][2], 2025, 3, 1))
        #expect(F.isDate(rows[2][3], 2025, 3, 31, 9, 5))
        #expect(rows[2][4] == .text("Дороги"))
        #expect(rows[2][5] == .text("На рассмотрении"))  // two rich-text runs joined
        #expect(F.isDate(rows[3][2], 2024, 2, 29))
        #expect(rows[3][3] == nil)
        #expect(rows[3][4] == .text("Дороги"))  // the same shared string again
        #expect(rows[3][5] == .text("Закрыто"))
    }

    @Test func libreOfficeFromARussianCSV() throws {
        let rows = try F.rows("libreoffice.xlsx")
        #expect(rows.count == 3)
        #expect(
            rows[0].texts() == ["Номер", "Дата поступления", "Дата планируемого завершения работ", "Статус", "Сумма"])
        #expect(rows[1][1] == .number(2001))
        // `01.03.2025` read as a Russian date; `01.03.2025 09:05` stored as 45717.3784722222,
        // 0.3784722222 × 86 400 = 32 699.99… s, rounded to 32 700 s = 09:05:00.
        #expect(F.isDate(rows[1][2], 2025, 3, 1))
        #expect(F.isDate(rows[1][3], 2025, 3, 1, 9, 5))
        #expect(rows[1][4] == .text("Новое"))
        #expect(rows[1][5] == .number(12.5))  // `12,5` with a decimal comma
        #expect(rows[2][1] == .number(2002))
        #expect(F.isDate(rows[2][2], 2024, 1, 15))
        #expect(rows[2][3] == nil)
        #expect(rows[2].texts() == ["2002", "2024-01-15", "", "Закрыто", "7"])
    }

    @Test func handWrittenInlineStringsFormulasAndFormats() throws {
        let rows = try F.rows("inline.xlsx")
        #expect(rows.map(\.number) == [1, 2, 3, 4, 7])
        #expect(rows[0].texts() == ["Номер", "Дата поступления", "Комментарий", "Время"])
        let r2 = rows[1]
        #expect(r2[1] == .number(1))
        #expect(F.isDate(r2[2], 2025, 3, 1))  // custom format 164 DD.MM.YYYY, serial 45717
        // `_x000D_` is a carriage return; the phonetic run is left out; spaces kept.
        #expect(r2[3] == .text("строка 1\r\nстрока 2 "))
        // h:mm, serial 0.378472… = 32 700 s = 09:05, on day 0 (1899-12-31).
        #expect(F.isDate(r2[4], 1899, 12, 31, 9, 5))
        if case .date(let d)? = r2[4] { #expect(d.isTimeOnly) }
        #expect(r2[5] == nil)
        #expect(r2[6] == .number(30))  // 0" дн.": the d is quoted, not a date
        let r3 = rows[2]
        #expect(r3[1] == .number(2))  // =1+1, cached 2
        #expect(F.isDate(r3[2], 2024, 3, 1, 12))  // built-in 14, 45352.5
        #expect(r3[3] == .text("xy"))  // a formula's text result
        #expect(r3[4] == .bool(true))
        #expect(r3[5] == .error("#N/A"))
        #expect(F.isDate(r3[6], 1900, 3, 1, 18))  // built-in 22, 61.75: serial 61 = 1900-03-01
        // A row and cells without `r`: numbered on from the previous ones.
        let r4 = rows[3]
        #expect(r4.number == 4)
        #expect(r4.cells.map(\.column) == [1, 2, 4])
        #expect(r4[1] == .text("без ссылки"))
        #expect(r4[2] == .number(-1.5))
        #expect(r4[4] == .text("a_b & <c>"))
        // Serials below 61 are one day off: 1 = 1900-01-01, 59 = 1900-02-28. Cells as listed.
        let r7 = rows[4]
        #expect(r7.cells.map(\.column) == [8, 2])
        #expect(F.isDate(r7[8], 1900, 1, 1))
        #expect(F.isDate(r7[2], 1900, 2, 28))
        #expect(r7.values().count == 8)
    }

    @Test func sheetByNameOrPosition() throws {
        for selector in [XLSXSheetSelector.name("Второй"), .name("второй"), .index(2), .init(argument: "2")] {
            let rows = try F.rows("inline.xlsx", sheet: selector)
            #expect(rows.map { $0.texts() } == [["второй лист"]])
        }
        let first = try XLSXReader(path: F.path("inline.xlsx"), sheet: .init(argument: "Данные"))
        #expect(first.sheet.position == 1)
        #expect(first.workbook.sheets.map(\.name) == ["Данные", "Второй", "1"])
        // `--sheet 1` means the sheet named "1" (the third) when there is one.
        #expect(try F.rows("inline.xlsx", sheet: .init(argument: "1")).map { $0.texts() } == [["лист с именем 1"]])
    }

    @Test func the1904DateSystem() throws {
        let reader = try XLSXReader(path: F.path("openpyxl-1904.xlsx"))
        #expect(reader.workbook.dateSystem == .from1904)
        var rows: [XLSXRow] = []
        while let r = try reader.nextRow() { rows.append(r) }
        // openpyxl stored 2025-03-01 as 44 255 (= 45 717 − 1 462 days between the epochs).
        #expect(F.isDate(rows[1][2], 2025, 3, 1))
        #expect(F.isDate(rows[2][2], 1904, 1, 2, 12))  // serial 1.5
    }

    @Test func isoDateCells() throws {
        let rows = try F.rows("openpyxl-iso.xlsx")
        #expect(F.isDate(rows[1][2], 2025, 3, 1, 9, 5))
        #expect(F.isDate(rows[2][2], 2024, 2, 29))
    }
}
