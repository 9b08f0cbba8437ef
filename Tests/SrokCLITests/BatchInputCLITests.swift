import Foundation
import Testing

/// `srok batch` on the export as an operator downloads or saves it: the workbook itself, Excel's
/// CSV in Windows-1251, its "CSV UTF-8" and its "Текст Юникод" (UTF-16). The fixtures, made by
/// openpyxl, LibreOffice, Python's codecs and by hand (`SrokBatchTests/Fixtures/make_fixtures.py`),
/// hold the same eight messages.
@Suite("srok batch: the export as operators have it")
struct BatchInputCLITests {
    /// A fixture of the batch tests.
    static func fixture(_ name: String, _ file: String = #filePath) -> String {
        let tests = file[..<file.lastIndex(of: "/")!]
        return String(tests[..<tests.lastIndex(of: "/")!]) + "/SrokBatchTests/Fixtures/" + name
    }

    /// Runs `srok batch` on `input` into a fresh folder; the output as bytes.
    struct Run {
        let dir: URL
        let result: CLI.Result

        init(_ input: String, _ extra: [String] = []) throws {
            dir = FileManager.default.temporaryDirectory.appendingPathComponent("srok-in-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            result = try CLI.run(
                [
                    "batch", input, "-o", dir.appendingPathComponent("out.csv").path, "--as-of",
                    "2025-12-01T12:00+03:00",
                    "--no-progress",
                ] + extra)
        }

        var files: [String] { ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).sorted() }
        func bytes(_ name: String) -> [UInt8] {
            (try? [UInt8](Data(contentsOf: dir.appendingPathComponent(name)))) ?? []
        }
        func clean() { try? FileManager.default.removeItem(at: dir) }
    }

    static let forms = [
        "batch-utf8.csv", "batch-1251.csv", "batch-utf16.txt", "batch-openpyxl.xlsx", "batch-libreoffice.xlsx",
        "batch-inline.xlsx",
    ]

    @Test func theSameMessagesGiveTheSameSrokColumnsInEveryForm() throws {
        // One output form for all: UTF-8 with commas.
        var outputs: [String: [UInt8]] = [:]
        for form in Self.forms {
            let run = try Run(Self.fixture(form), ["--output-encoding", "utf-8", "--output-delimiter", ","])
            defer { run.clean() }
            #expect(run.result.status == 1, "one row is rejected: \(form) \(run.result.stderr)")
            #expect(run.result.stderr.contains("строк прочитано 8, записано 7, отклонено 1"), "\(form)")
            #expect(!run.result.stderr.contains("не распознан"), "\(form): \(run.result.stderr)")
            outputs[form] = run.bytes("out.csv")
        }
        // The due dates of the regulation (worked out in SrokBatchTests' BatchInputTests): the
        // second column, in row order 2001…2007.
        let reference = String(decoding: try #require(outputs["batch-utf8.csv"]), as: UTF8.self)
        let dues = reference.split(separator: "\n").dropFirst().map { $0.split(separator: ",")[1] }
        #expect(
            dues == ["2025-03-31", "2025-02-07", "2024-03-29", "2025-11-01", "2024-12-28", "2025-03-28", "2025-05-15"])
        for form in Self.forms { #expect(outputs[form] == outputs["batch-utf8.csv"], "\(form)") }
    }

    @Test func aWindows1251FileComesBackInWindows1251WithSemicolons() throws {
        let run = try Run(Self.fixture("batch-1251.csv"))
        defer { run.clean() }
        #expect(run.result.status == 1)
        #expect(run.bytes("out.csv").starts(with: Array("id;due_date;due;".utf8)))
        // The reject: line 9, the input's own header «Дата поступления» in Windows-1251
        // (Д 0xC4 а 0xE0 т 0xF2 а 0xE0), the value as written.
        let rejects = run.bytes("out.csv.rejects.csv")
        let expected = Array("line;id;column;value;reason\n9;2008;".utf8) + [0xC4, 0xE0, 0xF2, 0xE0, 0x20]
        #expect(rejects.starts(with: expected))
        #expect(rejects.contains(subsequence: Array(";31.02.2025;".utf8)))
    }

    @Test func unknownColumnsAreReportedOnceInRussianOrEnglish() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("srok-cols-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("in.csv")
        try Data("Номер;Дата поступления;Стадя\n1;01.03.2025;Исполнение\n2;02.03.2025;Исполнение\n".utf8).write(
            to: input)

        let ru = try Run(input.path)
        defer { ru.clean() }
        #expect(ru.result.status == 0)
        let line = "столбец «Стадя» не распознан; похожие: «Стадия»"
        #expect(ru.result.stderr.components(separatedBy: line).count == 2, "once: \(ru.result.stderr)")

        let en = try Run(input.path, ["--lang", "en"])
        defer { en.clean() }
        #expect(en.result.stderr.contains("column 'Стадя' not recognised; similar: 'Стадия'"), "\(en.result.stderr)")

        let strict = try Run(input.path, ["--strict-columns"])
        defer { strict.clean() }
        #expect(strict.result.status == 2)
        #expect(strict.result.stderr.contains(line), "\(strict.result.stderr)")
        #expect(strict.files.isEmpty, "nothing written: \(strict.files)")
    }

    @Test func theSheetOptionAndItsErrors() throws {
        let byName = try Run(Self.fixture("batch-openpyxl.xlsx"), ["--sheet", "Сообщения"])
        defer { byName.clean() }
        #expect(byName.result.stderr.contains("записано 7"), "\(byName.result.stderr)")

        let missing = try Run(Self.fixture("batch-openpyxl.xlsx"), ["--sheet", "3"])
        defer { missing.clean() }
        #expect(missing.result.status == 2)
        #expect(
            missing.result.stderr.contains("«3»; известны: 1 «Сообщения» (название или номер 1–1)"),
            "the sheets are listed: \(missing.result.stderr)")

        let csv = try CLI.run(["batch", Self.fixture("batch-utf8.csv"), "--input-format", "csv", "--sheet", "1"])
        #expect(csv.status == 2 && csv.stderr.contains("--sheet"), "\(csv.stderr)")
    }

    @Test func theCalendarTakesADelimiter() throws {
        let r = try CLI.run(["calendar", "2025", "--format", "csv", "--delimiter", ";"])
        #expect(r.status == 0)
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.first == "date;weekday;kind;working;working_minutes;shortened;name;moved_from;source;provisional")
        // 1 January 2025: a Wednesday, a holiday (ТК РФ ст. 112).
        #expect(lines.dropFirst().first?.hasPrefix("2025-01-01;wednesday;holiday;0;0;0;") == true)
        let text = try CLI.run(["calendar", "2025", "--delimiter", ";"])
        #expect(text.status == 2 && text.stderr.contains("--format csv"))
    }
}

extension Array where Element == UInt8 {
    /// Whether `needle` occurs in the array.
    func contains(subsequence needle: [UInt8]) -> Bool {
        guard needle.count <= count else { return false }
        return (0...(count - needle.count)).contains { self[$0..<($0 + needle.count)].elementsEqual(needle) }
    }
}
