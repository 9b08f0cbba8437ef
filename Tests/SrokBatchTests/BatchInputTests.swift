import Foundation
import Testing

@testable import SrokBatch
@testable import SrokCore

/// `srok batch`'s input as operators have it: the ПОС export as a workbook (written by openpyxl,
/// by LibreOffice, by hand with inline strings) and as CSV in the encodings Russian Excel saves.
/// The fixtures hold the same eight messages (`Fixtures/make_fixtures.py`, `BATCH_ROWS`).
@Suite("Batch input: XLSX, encodings, header names")
struct BatchInputTests {
    typealias F = InputFixtures

    /// After every registration in the fixtures.
    static let asOf = BatchFixtures.t("2025-12-01T12:00+03:00")
    static let evaluator = BatchEvaluator(context: BatchFixtures.context, defaults: BatchDefaults(asOf: asOf))

    /// Every form of the fixture messages.
    static let forms = [
        "batch-utf8.csv", "batch-1251.csv", "batch-utf16.txt", "batch-openpyxl.xlsx", "batch-libreoffice.xlsx",
        "batch-inline.xlsx",
    ]

    /// The due dates worked out by hand. Profile `federal` (the default): a message's term is 30
    /// calendar days, a fast-track its own days, counted from the day after registration (ГК РФ
    /// ст. 191); a last day that is not a working day moves to the PRECEDING working day (the ПОС
    /// rule, seed 001 п. 10), on the federal production calendar; dates are Moscow dates.
    /// - 2001, 01.03.2025 09:05: day 30 is 31.03.2025, a Monday → 2025-03-31.
    /// - 2002, 10.01.2025: day 30 is 09.02.2025, a Sunday; Saturday 08.02 is off too → Friday 2025-02-07.
    /// - 2003, 28.02.2024 14:30: 2024 is a leap year, 29.02 is day 1, 29.03.2024 day 30, a Friday → 2024-03-29.
    /// - 2004, 02.10.2025: day 30 is Saturday 01.11.2025, a working Saturday by the 2025 decree
    ///   (it gives its day off to Monday 03.11) → 2025-11-01.
    /// - 2005, 05.12.2024: day 30 is Saturday 04.01.2025, in the New Year holidays (1–8 January);
    ///   going back, 03.01, 02.01, 01.01 are holidays, 31.12 and 30.12.2024 days off moved by the
    ///   2024 decree, 29.12 a Sunday, and Saturday 28.12.2024 a working day → 2024-12-28.
    /// - 2006, 20.03.2025 10:00, fast-track 10 days: day 10 is 30.03.2025, a Sunday; 29.03 a
    ///   Saturday → Friday 2025-03-28.
    /// - 2007, 15.04.2025, «ФЗ: 59-ФЗ» (an appeal: 30 days from registration, 59-ФЗ ст. 12 ч. 1):
    ///   day 30 is 15.05.2025, a Thursday → 2025-05-15.
    /// - 2008, «31.02.2025»: no such day, rejected in «Дата поступления» with the value as written.
    static let expectedDueDates = [
        "2001": "2025-03-31", "2002": "2025-02-07", "2003": "2024-03-29", "2004": "2025-11-01",
        "2005": "2024-12-28", "2006": "2025-03-28", "2007": "2025-05-15",
    ]

    /// The sheet row (or CSV line) of message 2008 in each form: CSV line 9 (the header is line
    /// 1); openpyxl row 11 (a title row, an empty row, the header on row 3); LibreOffice row 9
    /// (the header on row 1); by hand row 11 (title, header on row 2, row 7 not stored).
    static let badLine = [
        "batch-utf8.csv": 9, "batch-1251.csv": 9, "batch-utf16.txt": 9, "batch-openpyxl.xlsx": 11,
        "batch-libreoffice.xlsx": 9, "batch-inline.xlsx": 11,
    ]

    /// Options for `fixture` in `folder`.
    func options(_ folder: TemporaryFolder, _ fixture: String) -> BatchRunOptions {
        var o = BatchRunOptions()
        o.input = F.path(fixture)
        o.output = folder.file("out.csv")
        o.rejects = folder.file("rejects.csv")
        o.summaryJSON = folder.file("summary.json")
        o.durable = false
        o.jobs = 2
        return o
    }

    /// The bytes of `name` in `folder`.
    func bytes(_ folder: TemporaryFolder, _ name: String) throws -> [UInt8] {
        [UInt8](try #require(FileManager.default.contents(atPath: folder.file(name))))
    }

    @Test(arguments: forms)
    func everyFormGivesTheDueDatesOfTheRegulation(fixture: String) throws {
        let folder = try TemporaryFolder()
        var o = options(folder, fixture)
        // One output form for all, to compare them.
        o.outputEncoding = .utf8
        o.outputDelimiter = 0x2C
        let report = try BatchRunner.run(o, evaluator: Self.evaluator)
        #expect(report.stats.read == 8 && report.stats.written == 7 && report.stats.rejected == 1)
        #expect(report.unknownColumns.isEmpty)
        let lines = try #require(folder.text("out.csv")).split(separator: "\n").map(String.init)
        try #require(lines.count == 8)
        var due: [String: String] = [:]
        for line in lines.dropFirst() {
            let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            due[f[0]] = f[1]
        }
        #expect(due == Self.expectedDueDates)
        let rejects = try #require(folder.text("rejects.csv")).split(separator: "\n").map(String.init)
        #expect(rejects.count == 2)
        #expect(rejects.last?.hasPrefix("\(Self.badLine[fixture]!),2008,Дата поступления,31.02.2025,") == true)
    }

    @Test func everyFormGivesTheSameSrokColumns() throws {
        var outputs: [String: String] = [:]
        for fixture in Self.forms {
            let folder = try TemporaryFolder()
            var o = options(folder, fixture)
            o.outputEncoding = .utf8
            o.outputDelimiter = 0x2C
            _ = try BatchRunner.run(o, evaluator: Self.evaluator)
            let written = try #require(folder.text("out.csv"))
            outputs[fixture] = written
        }
        let reference = try #require(outputs["batch-utf8.csv"])
        #expect(reference.split(separator: "\n").count == 8)
        for fixture in Self.forms { #expect(outputs[fixture] == reference, "\(fixture)") }
    }

    @Test func csvOutputAndRejectsKeepTheInputsEncodingAndDelimiter() throws {
        // Windows-1251 with ';': output and rejects in 1251 with ';' («Дата поступления» in
        // 1251: Д = 0xC4, а = 0xE0).
        let w = try TemporaryFolder()
        _ = try BatchRunner.run(options(w, "batch-1251.csv"), evaluator: Self.evaluator)
        let out1251 = try bytes(w, "out.csv")
        #expect(out1251.starts(with: Array("id;due_date;due;".utf8)))
        #expect(!out1251.contains(where: { $0 >= 0x80 }))  // the Srok columns are ASCII
        let rejects1251 = try bytes(w, "rejects.csv")
        #expect(rejects1251.starts(with: Array("line;id;column;value;reason\n".utf8)))
        let reason = Array("9;2008;".utf8) + [0xC4, 0xE0, 0xF2, 0xE0]  // «Дата»
        #expect(rejects1251.dropFirst(28).starts(with: reason))

        // Excel's "Текст Юникод": UTF-16LE with a BOM, TAB-separated, back in the same form.
        let u = try TemporaryFolder()
        _ = try BatchRunner.run(options(u, "batch-utf16.txt"), evaluator: Self.evaluator)
        let out16 = try bytes(u, "out.csv")
        #expect(
            out16.starts(
                with: [0xFF, 0xFE] + Array("id\tdue_date".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }))
        #expect(try bytes(u, "rejects.csv").starts(with: [0xFF, 0xFE, 0x6C, 0x00, 0x69, 0x00]))  // BOM, "li"

        // Excel's "CSV UTF-8": the BOM is kept.
        let b = try TemporaryFolder()
        _ = try BatchRunner.run(options(b, "batch-utf8.csv"), evaluator: Self.evaluator)
        #expect(try bytes(b, "out.csv").starts(with: [0xEF, 0xBB, 0xBF] + Array("id;due_date".utf8)))

        // A workbook has no delimiter or encoding: CSV output is UTF-8 with commas.
        let x = try TemporaryFolder()
        _ = try BatchRunner.run(options(x, "batch-openpyxl.xlsx"), evaluator: Self.evaluator)
        #expect(try bytes(x, "out.csv").starts(with: Array("id,due_date".utf8)))
        #expect(try bytes(x, "rejects.csv").starts(with: Array("line,id,column,value,reason\n11,2008,".utf8)))
    }

    @Test func theOutputEncodingAndDelimiterCanBeChosen() throws {
        let folder = try TemporaryFolder()
        var o = options(folder, "batch-openpyxl.xlsx")
        o.outputEncoding = .windows1251
        o.outputDelimiter = 0x3B
        _ = try BatchRunner.run(o, evaluator: Self.evaluator)
        #expect(try bytes(folder, "out.csv").starts(with: Array("id;due_date".utf8)))
        // «Дата поступления» in Windows-1251 in the rejects.
        let rejects = try bytes(folder, "rejects.csv")
        #expect(rejects.starts(with: Array("line;id;column;value;reason\n11;2008;".utf8) + [0xC4, 0xE0, 0xF2, 0xE0]))
        // A character Windows-1251 lacks becomes '?'.
        let emoji = try TemporaryFolder()
        emoji.write("in.csv", "id,registered_at\n\u{1F600},not a date\n")
        var e = options(emoji, "")
        e.input = emoji.file("in.csv")
        e.outputEncoding = .windows1251
        _ = try BatchRunner.run(e, evaluator: Self.evaluator)
        #expect(try bytes(emoji, "rejects.csv").dropFirst(28).starts(with: Array("2,?,registered_at,not a date,".utf8)))
    }

    @Test(arguments: ["batch-1251.csv", "batch-utf16.txt", "batch-inline.xlsx", "batch-libreoffice.xlsx"])
    func smallChunksCutCharactersAndRowsAnywhere(fixture: String) throws {
        // 64-byte chunks: UTF-16 units, 1251 bytes and workbook rows are split across reads.
        let whole = try TemporaryFolder()
        var o = options(whole, fixture)
        o.outputEncoding = .utf8
        _ = try BatchRunner.run(o, evaluator: Self.evaluator)
        let small = try TemporaryFolder()
        var s = options(small, fixture)
        s.outputEncoding = .utf8
        s.chunkBytes = 64
        s.jobs = 3
        _ = try BatchRunner.run(s, evaluator: Self.evaluator)
        #expect(small.text("out.csv") == whole.text("out.csv"))
        #expect(small.text("rejects.csv") == whole.text("rejects.csv"))
    }

    @Test func anEncodingCanBeForcedAndUTF8IsTheDefaultForASCII() throws {
        // The 1251 file forced as UTF-8: its Russian header is not UTF-8, which the error says.
        let folder = try TemporaryFolder()
        var o = options(folder, "batch-1251.csv")
        o.encoding = .utf8
        let error = F.error { try BatchRunner.run(o, evaluator: Self.evaluator) }
        #expect(error?.message(.en).contains("not UTF-8: give the file's --encoding") == true)
        // Russian by default: «заголовок не в UTF-8: укажите кодировку файла в --encoding (auto, …)».
        #expect(
            error?.description.contains(
                "; заголовок не в UTF-8: укажите кодировку файла в --encoding (auto, utf-8, utf-16le, utf-16be или windows-1251"
            ) == true, "\(String(describing: error))")
        // Forced as Windows-1251, it reads as detected.
        o.encoding = .windows1251
        #expect(try BatchRunner.run(o, evaluator: Self.evaluator).stats.written == 7)

        // Detection from the first chunk.
        func detect(_ b: [UInt8]) -> InputEncoding { b.withUnsafeBufferPointer { BatchInput.detect($0, atEnd: true) } }
        #expect(detect(Array("id,registered_at\n".utf8)) == .utf8)
        #expect(detect(Array("Номер;Дата\n".utf8)) == .utf8)
        #expect(detect([0xEF, 0xBB, 0xBF] + Array("id\n".utf8)) == .utf8)
        #expect(detect([0xFF, 0xFE, 0x69, 0x00]) == .utf16le)
        #expect(detect([0xFE, 0xFF, 0x00, 0x69]) == .utf16be)
        // «Номер» in Windows-1251: Н = 0xCD, о = 0xEE, м = 0xEC, е = 0xE5, р = 0xF0.
        #expect(detect([0xCD, 0xEE, 0xEC, 0xE5, 0xF0, 0x3B]) == .windows1251)
    }

    @Test func windows1251AfterAnASCIIFirstChunkIsRejectedWithTheHint() throws {
        // The decision is made on the first chunk (64 bytes here): ASCII there reads as UTF-8, and
        // a later 1251 byte is a reject that names --encoding.
        let folder = try TemporaryFolder()
        let text =
            "id,registered_at,category\n1,2025-03-01,Roads and bridges in the district\n"
        #expect(
            FileManager.default.createFile(
                atPath: folder.file("in.csv"),
                contents: Data(
                    Array(text.utf8) + Array("2,2025-03-01,".utf8) + [0xC4, 0xEE, 0xF0, 0xEE, 0xE3, 0xE8, 0x0A])))
        var o = options(folder, "")
        o.input = folder.file("in.csv")
        o.chunkBytes = 64
        let report = try BatchRunner.run(o, evaluator: Self.evaluator)
        #expect(report.stats.written == 1 && report.stats.rejected == 1)
        // The reason in Russian (the run's language): read as UTF-8, and what to give for 1251 or UTF-16.
        #expect(
            folder.text("rejects.csv")?.contains(
                "3,,category,,недопустимый UTF-8 (вход прочитан как UTF-8; для текста в Windows-1251 или UTF-16 укажите --encoding)"
            ) == true, "\(folder.text("rejects.csv") ?? "")")
        o.language = .en
        _ = try BatchRunner.run(o, evaluator: Self.evaluator)
        #expect(
            folder.text("rejects.csv")?.contains(
                "3,,category,,invalid UTF-8 (the input was read as UTF-8; for Windows-1251 or UTF-16 text give --encoding)"
            ) == true)
    }

    @Test func unknownHeadersAreReportedWithSimilarNames() throws {
        let folder = try TemporaryFolder()
        folder.write(
            "in.csv",
            "Номер;Дата поступления;Стадя;Статус;Номер ЕПГУ;Примечание;Номер\n1;01.03.2025;Исполнение;Новое;7;x;2\n")
        var o = options(folder, "")
        o.input = folder.file("in.csv")
        let report = try BatchRunner.run(o, evaluator: Self.evaluator)
        // «Статус» and «Номер ЕПГУ» are export columns Srok carries; «Стадя» is one edit from «Стадия»;
        // «Примечание» resembles nothing; the second «Номер» repeats the first.
        #expect(
            report.unknownColumns == [
                UnknownInputColumn(name: "Стадя", position: 3, similar: ["Стадия"]),
                UnknownInputColumn(name: "Примечание", position: 6, similar: []),
                UnknownInputColumn(name: "Номер", position: 7, similar: [], duplicateOf: 1),
            ])
        #expect(report.unknownColumns[0].message(.ru) == "столбец «Стадя» не распознан; похожие: «Стадия»")
        #expect(report.unknownColumns[0].message(.en) == "column 'Стадя' not recognised; similar: 'Стадия'")
        #expect(report.unknownColumns[2].message(.ru) == "столбец «Номер» (7-й) повторяет 1-й и не используется")
        let summary = try #require(folder.text("summary.json"))
        #expect(summary.contains(#""unknown_columns":[{"name":"Стадя","position":3,"similar":["Стадия"]}"#))
    }

    @Test func strictColumnsMakesAnUnknownHeaderFatalBeforeAnythingIsWritten() throws {
        let folder = try TemporaryFolder()
        folder.write("in.csv", "id,registered_at,stge\n1,2025-03-01,execution\n")
        var o = options(folder, "")
        o.input = folder.file("in.csv")
        o.strictColumns = true
        let error = F.error { try BatchRunner.run(o, evaluator: Self.evaluator) }
        #expect(error?.description.contains("столбец «stge» не распознан; похожие: «stage»") == true)
        #expect(folder.names == ["in.csv"])
        o.language = .en
        let english = F.error { try BatchRunner.run(o, evaluator: Self.evaluator) }
        #expect(english?.message(.en).contains("column 'stge' not recognised; similar: 'stage'") == true)
        #expect(english?.message(.en).contains("(--strict-columns: an unrecognised column is an error;") == true)
    }

    @Test func everyExportColumnOfTheDomainNotesIsRecognised() throws {
        // The ПОС export's columns (shared notes, domain.md) and a few English names: none is unknown.
        let export = [
            "Номер", "Номер ЕПГУ", "Источник", "Категория", "Подкатегория", "Факт",
            "Организация, в которую поступило сообщение", "Дата поступления", "Дата планируемого завершения работ",
            "Дата фактического завершения работ", "Стадия", "Статус", "Просрочено", "Фаст-трек", "ФЗ",
            "Заявитель выбрал подачу по 59-ФЗ", "Тип решения", "Оценка ответа заявителем", "Повторное рассмотрение",
        ]
        let schema = try InputSchema(headers: export)
        #expect(schema.unknown.isEmpty)
        for c: InputColumn in [
            .id, .category, .subcategory, .organisation, .registeredAt, .posPlannedDate, .closedAt, .stage,
            .fastTrackDays, .regime, .appealChosen, .outcome,
        ] {
            #expect(schema.has(c), "\(c)")
        }
        let english = try InputSchema(headers: InputColumn.allCases.map(\.rawValue))
        #expect(english.unknown.isEmpty && english.index.count == InputColumn.allCases.count)
    }

    @Test func theAliasesAreTheHeaderNamesNormalised() {
        for c in InputColumn.allCases { #expect(c.aliases == c.headerNames.map(TextKey.normalize), "\(c)") }
    }

    @Test func theReadmeListsEveryHeaderName() throws {
        // README.md's table (between the input-columns markers): a row per column naming every
        // header it is read from, and the carried names.
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let table = try #require(
            readme.components(separatedBy: "<!-- input-columns:begin -->").last?.components(
                separatedBy: "<!-- input-columns:end -->"
            ).first)
        let rows = table.split(separator: "\n").map(String.init)
        for column in InputColumn.allCases {
            let row = try #require(rows.first { $0.hasPrefix("  | `\(column.rawValue)` |") }, "\(column)")
            for name in column.headerNames {
                #expect(row.contains("`\(name)`") || row.contains("«\(name)»"), "\(column): \(name)")
            }
        }
        let carried = try #require(rows.first { $0.contains("carried, not used") })
        for name in InputColumn.passThroughNames {
            #expect(carried.contains("`\(name)`") || carried.contains("«\(name)»"), "\(name)")
        }
    }

    @Test func theSheetCanBeChosenAndAMissingOneListsTheSheets() throws {
        let folder = try TemporaryFolder()
        var o = options(folder, "batch-openpyxl.xlsx")
        o.sheet = "1"
        #expect(try BatchRunner.run(o, evaluator: Self.evaluator).stats.written == 7)
        o.sheet = "сообщения"  // by name, ignoring case
        #expect(try BatchRunner.run(o, evaluator: Self.evaluator).stats.written == 7)
        // inline.xlsx has three sheets: «Данные», «Второй» and one named «1».
        var other = options(folder, "inline.xlsx")
        other.sheet = "Итоги"
        let missing = F.error { try BatchRunner.run(other, evaluator: Self.evaluator) }
        // In Russian (the default): «неизвестный лист в …inline.xlsx «Итоги»; известны: 1 «Данные», …».
        #expect(missing?.description.contains("неизвестный лист в ") == true)
        #expect(
            missing?.description.contains("«Итоги»; известны: 1 «Данные», 2 «Второй», 3 «1» (название или номер 1–3)")
                == true, "\(String(describing: missing))")
        #expect(
            missing?.message(.en).contains("'Итоги'; known: 1 «Данные», 2 «Второй», 3 «1» (a name or a position 1–3)")
                == true)
        other.sheet = "Второй"
        let noHeader = F.error { try BatchRunner.run(other, evaluator: Self.evaluator) }
        #expect(noHeader?.message(.en).contains("sheet 'Второй'") == true)
        #expect(noHeader?.description.contains("лист «Второй»: в первых 50 строках нет строки заголовка") == true)
        // A sheet for a CSV input is a mistake.
        var csv = options(folder, "batch-utf8.csv")
        csv.sheet = "1"
        #expect(
            F.error { try BatchRunner.run(csv, evaluator: Self.evaluator) }?.description.contains("--sheet") == true)
    }

    @Test func aWorkbookIsKnownByItsContentWhateverItsName() throws {
        let folder = try TemporaryFolder()
        try FileManager.default.copyItem(atPath: F.path("batch-libreoffice.xlsx"), toPath: folder.file("export.dat"))
        var o = options(folder, "")
        o.input = folder.file("export.dat")
        #expect(try BatchRunner.run(o, evaluator: Self.evaluator).stats.written == 7)
        // From standard input a workbook cannot be read.
        o.input = "-"
        o.inputFormat = "xlsx"
        #expect(
            F.error { try BatchRunner.run(o, evaluator: Self.evaluator) }?.message(.en).contains("standard input")
                == true)
    }

    @Test func theWorkbookSourceHoldsAReadsWorthAndARow() throws {
        // Read 16 bytes at a time, the source holds at most that and one row (the longest row of
        // the fixture is under 200 bytes; all of them together about 1 KB), never the sheet.
        let source = try XLSXRecordSource(path: F.path("batch-openpyxl.xlsx"), sheet: .first)
        var text: [UInt8] = []
        var held = 0
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 16, alignment: 1)
        defer { buffer.deallocate() }
        while case let n = try source.read(into: buffer), n > 0 {
            text.append(contentsOf: buffer[0..<n])
            held = max(held, source.heldBytes)
        }
        #expect(text.count > 800)
        #expect(held <= 16 + 200, "held \(held) of \(text.count) bytes")
        // The records: the header, then the eight messages, TAB-separated.
        let lines = String(decoding: text, as: UTF8.self).split(separator: "\n")
        #expect(lines.count == 9)
        #expect(lines.first?.hasPrefix("Номер\tДата поступления\tКатегория\t") == true)
        #expect(lines.dropFirst().first?.hasPrefix("2001\t01.03.2025 09:05\tДороги\t") == true)
        // The sheet rows: the header is row 3, the messages rows 4–11.
        #expect(source.sheetRow(line: 1) == 3 && source.sheetRow(line: 9) == 11)
    }

    @Test func dateCellsAreWrittenAsRussianExcelShowsThem() {
        func text(_ serial: Double) -> String {
            var out: [UInt8] = []
            XLSXRecordSource.appendDate(XLSXDateSystem.from1900.dateTime(serial: serial)!, to: &out)
            return String(decoding: out, as: UTF8.self)
        }
        // 45717 is 2025-03-01 (45717 days after 1899-12-30); 0.378472… is 9:05 (545 of 1440 minutes).
        #expect(text(45717) == "01.03.2025")
        #expect(text(45717 + 545.0 / 1440) == "01.03.2025 09:05")
        #expect(text(45717 + 32_730.0 / 86_400) == "01.03.2025 09:05:30")
        #expect(text(545.0 / 1440) == "09:05")
    }
}
