import SrokCore
import Testing

@testable import SrokBatch

/// The committed input fixtures (made by `Fixtures/make_fixtures.py` with openpyxl, XlsxWriter,
/// LibreOffice and Python's codecs), found beside this file.
enum InputFixtures {
    /// The absolute path of fixture `name`.
    static func path(_ name: String, _ file: String = #filePath) -> String {
        String(file[..<file.lastIndex(of: "/")!]) + "/Fixtures/" + name
    }

    /// The ``SrokError`` `body` throws, or nil when it throws none (another error is a test failure).
    static func error<T>(_ body: () throws -> T) -> SrokError? {
        do {
            _ = try body()
            return nil
        } catch let e as SrokError { return e } catch {
            Issue.record("not a SrokError: \(error)")
            return nil
        }
    }

    /// All rows of a sheet.
    static func rows(_ name: String, sheet: XLSXSheetSelector = .first) throws -> [XLSXRow] {
        let reader = try XLSXReader(path: path(name), sheet: sheet)
        var rows: [XLSXRow] = []
        while let row = try reader.nextRow() { rows.append(row) }
        return rows
    }

    /// Whether `value` is a date cell on `y-m-d` at `h:mi:s`.
    static func isDate(_ value: XLSXValue?, _ y: Int, _ m: Int, _ d: Int, _ h: Int = 0, _ mi: Int = 0, _ s: Int = 0)
        -> Bool
    {
        guard let (date, seconds) = value?.dateParts else { return false }
        return date == CivilDate(year: y, month: m, day: d)! && seconds == h * 3600 + mi * 60 + s
    }
}

extension XLSXValue {
    /// The date and seconds of a date value, nil for any other kind.
    var dateParts: (CivilDate, Int)? {
        if case .date(let d) = self { return (d.date, d.secondsOfDay) }
        return nil
    }
}
