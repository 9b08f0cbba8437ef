import Foundation
import Testing

@testable import SrokBatch
@testable import SrokCore

/// The rows issue 12 adds to every output reach the Excel report too: a message registered after
/// the as-of instant («ещё не поступило») and a fast-track mark the catalogue cannot give a term
/// for (the `warnings` column, in words), on the report sheet and counted on the summary sheet.
/// Read back with openpyxl.
@Suite("Batch: warnings and not-yet-registered in the Excel report", .enabled(if: XLSXReadBack.enabled))
struct XLSXWarningsReportTests {
    /// As of 20.04.2024 12:00 Moscow time.
    static let evaluator = BatchEvaluator(
        context: BatchFixtures.context, defaults: BatchDefaults(asOf: BatchFixtures.t("2024-04-20T12:00+03:00")))

    /// Brasovsky's catalogue (приложение № 2) lists «Мусор» and a few others, not «Нет такой»:
    /// - N1 is registered on 25.04, after the as-of instant: not yet registered, no warning;
    /// - W1 is marked fast-track with no category: the general term, flagged
    ///   `fast-track-without-category` («фаст-трек без категории»);
    /// - W2 is marked fast-track with a category the catalogue does not list: the general term,
    ///   flagged `category-not-in-profile` («категории нет в каталоге профиля»);
    /// - F1 is the catalogue's «Мусор / Уборка мусора во дворах» (10 days): no warning.
    static let csv = """
        Номер,Дата поступления,profile,Фаст-трек,Категория,Подкатегория
        N1,2024-04-25T10:00+03:00,brasovsky,,,
        W1,2024-04-15T10:00+03:00,brasovsky,Да,,
        W2,2024-04-15T10:00+03:00,brasovsky,Да,Нет такой,
        F1,2024-04-15T10:00+03:00,brasovsky,Да,Мусор,Уборка мусора во дворах

        """

    static func run(_ language: Language) throws -> [XLSXReadBack.Sheet] {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        folder.write("in.csv", csv)
        var options = BatchRunOptions()
        options.input = folder.file("in.csv")
        options.output = folder.file("report.xlsx")
        options.durable = false
        options.language = language
        let report = try BatchRunner.run(options, evaluator: evaluator)
        #expect(report.stats.rejected == 0 && report.stats.written == 4)
        return try XLSXReadBack.read(folder.file("report.xlsx"))
    }

    /// The value under `header` in data row `row` (1-based, the header is row 1).
    func value(_ sheet: XLSXReadBack.Sheet, _ row: Int, _ header: String) throws -> XLSXReadBack.Value? {
        let c = try #require(sheet.cells.first { $0.row == 1 && $0.value == .text(header) }, "no «\(header)»").col
        return sheet.cells.first { $0.row == row && $0.col == c }?.value
    }

    /// The (key, count) rows of the summary's table titled `section`.
    func table(_ summary: XLSXReadBack.Sheet, _ section: String) throws -> [String: Double] {
        let title = try #require(summary.cells.first { $0.col == 1 && $0.value == .text(section) }, "\(section)").row
        var out: [String: Double] = [:]
        var row = title + 1
        while case .text(let key)? = summary.values(row: row, columns: 1)[0] {
            if case .number(let n)? = summary.values(row: row, columns: 2)[1] { out[key] = n }
            row += 1
        }
        return out
    }

    @Test func inRussian() throws {
        let sheets = try Self.run(.ru)
        let report = sheets[0]
        #expect(try value(report, 2, "Статус срока") == .text("ещё не поступило"))
        #expect(try value(report, 2, "Предупреждения") == nil)
        #expect(try value(report, 3, "Предупреждения") == .text("фаст-трек без категории"))
        #expect(try value(report, 4, "Предупреждения") == .text("категории нет в каталоге профиля"))
        #expect(try value(report, 5, "Предупреждения") == nil)
        let summary = sheets[1]
        #expect(try table(summary, "По статусу")["ещё не поступило"] == 1)
        #expect(
            try table(summary, "Предупреждения (посчитано с общим сроком)") == [
                "фаст-трек без категории": 1, "категории нет в каталоге профиля": 1,
            ])
    }

    @Test func inEnglish() throws {
        let sheets = try Self.run(.en)
        let report = sheets[0]
        #expect(try value(report, 2, "Status") == .text("not yet registered"))
        #expect(try value(report, 3, "Warnings") == .text("fast-track without a category"))
        #expect(try value(report, 4, "Warnings") == .text("category not in the profile's catalogue"))
        let summary = sheets[1]
        #expect(try table(summary, "By status")["not yet registered"] == 1)
        #expect(
            try table(summary, "Warnings (computed with the general term)") == [
                "fast-track without a category": 1, "category not in the profile's catalogue": 1,
            ])
    }
}
