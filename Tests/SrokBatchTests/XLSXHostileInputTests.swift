import Foundation
import SrokCore
import Testing

@testable import SrokBatch

/// Malformed workbooks (`hostile.xlsx`: one sheet per case, written by hand in
/// make_fixtures.py; `truncated.xlsx`, `crc.xlsx`): each is a typed ``SrokError`` naming the
/// file, the sheet, the cell and what is accepted — never a crash.
@Suite struct XLSXHostileInputTests {
    typealias F = InputFixtures

    /// The error reading the first row of sheet `name` of hostile.xlsx throws.
    private func firstRowError(_ sheet: String) throws -> SrokError? {
        let reader = try XLSXReader(path: F.path("hostile.xlsx"), sheet: .name(sheet))
        return F.error { try reader.nextRow() }
    }

    /// Checks an `.invalidValue` names the file, sheet and `cell`, and that `expected` says `accepted`.
    private func check(_ e: SrokError?, sheet: String, cell: String, value: String, accepted: String) {
        guard case .invalidValue(let field, let v, let expected)? = e else {
            Issue.record("expected invalidValue, got \(String(describing: e))")
            return
        }
        #expect(field.hasSuffix("hostile.xlsx, sheet '\(sheet)', \(cell)"))
        #expect(v == value)
        #expect(expected.en.contains(accepted), "\(expected.en)")
    }

    @Test func aColumnBeyondXFD() throws {
        check(
            try firstRowError("ref-too-wide"), sheet: "ref-too-wide", cell: "cell ZZZZZZZ1", value: "ZZZZZZZ1",
            accepted: "A1 to XFD1048576")
    }

    @Test func rowZero() throws {
        check(
            try firstRowError("ref-row-zero"), sheet: "ref-row-zero", cell: "cell A0", value: "A0",
            accepted: "A1 to XFD1048576")
    }

    @Test func aRowNumberBeyondExcel() throws {
        check(
            try firstRowError("row-number"), sheet: "row-number", cell: "row 1", value: "r=\"2000000\"",
            accepted: "1–1048576")
    }

    @Test func aSharedStringIndexPastTheTableFailsThatRowOnly() throws {
        let reader = try XLSXReader(path: F.path("hostile.xlsx"), sheet: .name("shared-index"))
        // The table has one string, so 0 is the only index.
        check(
            F.error { try reader.nextRow() }, sheet: "shared-index", cell: "cell B1",
            value: "t=\"s\" 99999999999",
            accepted: "from 0 to 0")
        // The next row reads on.
        #expect(try reader.nextRow() == XLSXRow(number: 2, cells: [XLSXRowCell(column: 1, value: .text("один"))]))
        #expect(try reader.nextRow() == nil)
    }

    @Test func dateSerialsExcelCannotShow() throws {
        let accepted = XLSXDateSystem.from1900.accepted.en
        check(
            try firstRowError("serial-negative"), sheet: "serial-negative", cell: "cell C1", value: "-1",
            accepted: accepted)
        check(
            try firstRowError("serial-huge"), sheet: "serial-huge", cell: "cell E1", value: "1e300", accepted: accepted)
        check(
            try firstRowError("serial-60"), sheet: "serial-60", cell: "cell F1", value: "60",
            accepted: "fictitious 1900-02-29")
        check(
            try firstRowError("serial-nan"), sheet: "serial-nan", cell: "cell D1", value: "NaN",
            accepted: "a finite number")
    }

    @Test func malformedXMLEndsTheSheet() throws {
        let reader = try XLSXReader(path: F.path("hostile.xlsx"), sheet: .name("malformed"))
        let e = F.error { try reader.nextRow() }
        guard case .io(let path, let message)? = e else {
            Issue.record("expected io, got \(String(describing: e))")
            return
        }
        // The file is the path; the sheet and row lead the message, in its language.
        #expect(path.hasSuffix("hostile.xlsx"))
        #expect(message.en.hasPrefix("sheet 'malformed', row 1: "))
        #expect(message.en.contains("part 'xl/worksheets/sheet8.xml': malformed XML at line 2"))
        // In Russian the C layer's words too, libxml2's own reason left out: «ошибка в XML в строке 2, столбце N».
        #expect(
            message.ru.hasPrefix(
                "лист «malformed», строка 1: часть «xl/worksheets/sheet8.xml»: ошибка в XML в строке 2, столбце "))
        #expect(message.ru.contains("книга повреждена (ожидается книга Office Open XML (.xlsx)"))
        #expect(message.en.contains("expected an Office Open XML workbook (.xlsx)"))
        // Every later call throws the same.
        #expect(F.error { try reader.nextRow() } == e)
    }

    @Test func aSheetWhosePartIsMissing() throws {
        let e = F.error { try XLSXReader(path: F.path("hostile.xlsx"), sheet: .name("missing-part")) }
        guard case .io(let path, let message)? = e else {
            Issue.record("expected io, got \(String(describing: e))")
            return
        }
        #expect(path.hasSuffix("hostile.xlsx"))
        #expect(message.en.hasPrefix("sheet 'missing-part': the workbook has no part 'xl/worksheets/sheet9.xml'"))
        #expect(
            message.ru.hasPrefix("лист «missing-part»: в книге нет части «xl/worksheets/sheet9.xml»; ожидается книга"))
    }

    @Test func aSheetThatDoesNotExist() throws {
        for selector in [XLSXSheetSelector.name("Нет такого"), .index(0), .index(11)] {
            let e = F.error { try XLSXReader(path: F.path("hostile.xlsx"), sheet: selector) }
            guard case .unknown(let kind, let name, let known, _)? = e else {
                Issue.record("expected unknown, got \(String(describing: e))")
                continue
            }
            #expect(kind.en.hasPrefix("sheet in ") && kind.en.hasSuffix("hostile.xlsx"))
            #expect(name == selector.description)
            #expect(known.first == "1 «ref-too-wide»")
            #expect(known.count == 10)
            guard case .unknown(_, _, _, let hint)? = e else { continue }
            #expect(hint.en == "(a name or a position 1–10)" && hint.ru == "(название или номер 1–10)")
        }
    }

    @Test func aTruncatedArchive() throws {
        let e = F.error { try XLSXReader(path: F.path("truncated.xlsx")) }
        guard case .io(let path, let message)? = e else {
            Issue.record("expected io, got \(String(describing: e))")
            return
        }
        #expect(path.hasSuffix("truncated.xlsx"))
        #expect(message.en.hasPrefix("not an .xlsx workbook: not a ZIP archive"))
    }

    @Test func aCRCMismatchIsFoundAtTheEndOfThePart() throws {
        let reader = try XLSXReader(path: F.path("crc.xlsx"))
        var e: SrokError?
        for _ in 0..<10 {
            e = F.error { try reader.nextRow() }
            if e != nil { break }
        }
        guard case .io(let path, let message)? = e else {
            Issue.record("expected io, got \(String(describing: e))")
            return
        }
        #expect(path.hasSuffix("crc.xlsx"))
        #expect(message.en.hasPrefix("sheet 'Данные'") && message.en.contains("CRC-32"))
        #expect(message.ru.hasPrefix("лист «Данные»") && message.ru.contains("данные не проходят проверку CRC-32"))
    }

    @Test func anEncryptedWorkbookOrAnOldXLS() throws {
        // Both are OLE compound files: D0 CF 11 E0 A1 B1 1A E1, then sectors.
        let path = NSTemporaryDirectory() + "srok-xlsx-\(getpid())-compound.xlsx"
        try Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504)).write(
            to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let e = F.error { try XLSXReader(path: path) }
        guard case .io(let p, let message)? = e else {
            Issue.record("expected io, got \(String(describing: e))")
            return
        }
        #expect(p == path)
        #expect(
            message.en.hasPrefix("an encrypted (password-protected) workbook or an old binary .xls file, not .xlsx"))
        #expect(message.en.hasSuffix("save it as .xlsx without a password"))
    }

    @Test func notAWorkbookAtAll() throws {
        // A CSV named as a workbook, and a file that is not there.
        let csv = F.error { try XLSXReader(path: F.path("cp1251.csv")) }
        guard case .io(_, let message)? = csv else {
            Issue.record("expected io, got \(String(describing: csv))")
            return
        }
        #expect(message.en.contains("expected an Office Open XML workbook (.xlsx)"))
        let missing = F.error { try XLSXReader(path: F.path("no-such.xlsx")) }
        guard case .io(let path, let reason)? = missing else {
            Issue.record("expected io, got \(String(describing: missing))")
            return
        }
        #expect(path.hasSuffix("no-such.xlsx"))
        #expect(reason.en == "cannot open the file: No such file or directory")
    }
}
