import Foundation
import Testing

/// Reads a workbook back with openpyxl (Python), a reader independent of libxlsxwriter, through
/// `Fixtures/xlsx_dump.py`: every sheet's cells with their values, types, number formats, fills
/// and fonts, its frozen panes, autofilter and column widths.
///
/// openpyxl is a test-only dependency (`scripts/setup` installs it). Without it the XLSX suites are
/// skipped on a developer's machine and fail under CI (`CI=true`), so they are never silently lost
/// where it matters.
enum XLSXReadBack {
    /// One sheet as openpyxl sees it.
    struct Sheet: Decodable, Sendable {
        var title: String
        var freeze: String?
        var autofilter: String?
        var widths: [String: Double]
        var cells: [Cell]

        /// The cell at `ref` (`B3`), if it has a value or a fill.
        subscript(_ ref: String) -> Cell? { cells.first { $0.ref == ref } }
        /// The values of row `row` (1-based), columns A… in order, `nil` for missing cells.
        func values(row: Int, columns: Int) -> [Value?] {
            (1...columns).map { c in cells.first { $0.row == row && $0.col == c }?.value }
        }
        /// The highest row with a value or a fill.
        var lastRow: Int { cells.map(\.row).max() ?? 0 }
    }

    /// One cell.
    struct Cell: Decodable, Sendable {
        var ref: String
        var row: Int
        var col: Int
        var value: Value?
        /// openpyxl's data type: `s` string, `n` number, `d` date.
        var type: String
        var isDate: Bool
        var format: String
        /// `AARRGGBB` of a solid fill, or `nil`.
        var fill: String?
        var fontColor: String?
        var bold: Bool

        enum CodingKeys: String, CodingKey {
            case ref, row, col, value, type, format, fill, bold
            case isDate = "is_date"
            case fontColor = "font_color"
        }
    }

    /// A cell value: text (a date cell's is its ISO 8601 datetime) or a number.
    enum Value: Decodable, Equatable, Sendable, CustomStringConvertible {
        case text(String)
        case number(Double)
        init(from decoder: Decoder) throws {
            let c = try decoder.singleValueContainer()
            if let s = try? c.decode(String.self) { self = .text(s) } else { self = .number(try c.decode(Double.self)) }
        }
        var description: String {
            switch self {
            case .text(let s): return "«\(s)»"
            case .number(let n): return "\(n)"
            }
        }
    }

    private struct Workbook: Decodable { var sheets: [Sheet] }

    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
        "Fixtures/xlsx_dump.py"
    ).path

    /// Whether the tests run under CI, where a missing openpyxl is a failure.
    static let inCI = ProcessInfo.processInfo.environment["CI"] == "true"

    /// Whether python3 with openpyxl is there.
    static let available: Bool = {
        guard let r = try? run(["python3", "-c", "import openpyxl"]) else { return false }
        return r.status == 0
    }()

    /// Whether the XLSX read-back suites run: openpyxl is there, or CI wants them to fail without it.
    static let enabled = available || inCI

    /// The workbook's sheets, in order.
    static func read(_ path: String) throws -> [Sheet] {
        let r = try run(["python3", script, path])
        guard r.status == 0 else {
            throw ReadBackError(
                message: "xlsx_dump.py exited with \(r.status): \(String(decoding: r.stderr, as: UTF8.self))")
        }
        return try JSONDecoder().decode(Workbook.self, from: r.stdout).sheets
    }

    /// Runs a Python `script` with `arguments` (`sys.argv[1:]`); its standard output.
    static func python(_ script: String, _ arguments: [String]) throws -> String {
        let r = try run(["python3", "-c", script] + arguments)
        guard r.status == 0 else {
            throw ReadBackError(
                message: "python3 exited with \(r.status): \(String(decoding: r.stderr, as: UTF8.self))")
        }
        return String(decoding: r.stdout, as: UTF8.self)
    }

    struct ReadBackError: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    private static func run(_ arguments: [String]) throws -> (status: Int32, stdout: Data, stderr: Data) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // The script's standard error is a short message at most, so reading standard output to
        // the end first cannot block it.
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, o, e)
    }
}
