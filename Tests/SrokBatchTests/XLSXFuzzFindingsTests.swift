import Foundation
import SrokCore
import Synchronization
import Testing

@testable import SrokBatch

/// What the XLSX fuzz harness (Fuzz/XLSXFuzz.swift) found.
@Suite("XLSX reader: fuzz findings")
struct XLSXFuzzFindingsTests {
    typealias F = InputFixtures

    /// The read system calls (read, pread…) this thread has made (Linux: /proc/thread-self/io).
    private static func readCalls() -> Int? {
        guard let io = try? String(contentsOfFile: "/proc/thread-self/io", encoding: .utf8) else { return nil }
        let line = io.split(separator: "\n").first { $0.hasPrefix("syscr:") }
        return line.flatMap { Int($0.dropFirst(6).trimmingCharacters(in: .whitespaces)) }
    }

    @Test func anExtraFieldPastTheEndCostsNoSystemCallPerRecord() throws {
        // Fuzz/regressions/xlsx/timeout-extra-field-past-the-end (a fuzz timeout, 13 KB): a
        // central-directory entry whose extra field is said to run 64 KiB past the end of the
        // file. minizip reads an extra field 4 bytes at a time, one record after another, and
        // goes on after a failed read (as an empty record); through stdio every record cost a
        // seek and read system calls: about 390 000 of them, half a second, for that file,
        // which is opened five times before the missing workbook part is known. Through the C
        // layer's pread window a read past the end is no call at all.
        // The archive: one central-directory entry "x" (46 + 1 bytes, extra field 65 535 bytes
        // declared) at offset 0, then the end record.
        var zip: [UInt8] = []
        func u16(_ v: Int) { zip += [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF)] }
        func u32(_ v: Int) { for k in 0..<4 { zip.append(UInt8(truncatingIfNeeded: v >> (8 * k))) } }
        u32(0x0201_4B50)
        for v in [20, 20, 0, 0, 0, 0x21] { u16(v) }  // made by, needed, flags, stored, time, date
        for _ in 0..<3 { u32(0) }  // CRC-32, sizes
        for v in [1, 65_535, 0, 0, 0] { u16(v) }  // name, extra, comment lengths, disk, attributes
        u32(0)
        u32(0)  // local header offset
        zip.append(0x78)  // "x"
        u32(0x0605_4B50)
        for v in [0, 0, 1, 1] { u16(v) }
        u32(47)  // central directory size
        u32(0)  // and offset
        u16(0)
        let folder = try TemporaryFolder()
        let path = folder.file("extra.xlsx")
        #expect(FileManager.default.createFile(atPath: path, contents: Data(zip)))
        let before = Self.readCalls()
        let e = F.error { try XLSXReader(path: path) }
        let after = Self.readCalls()
        guard case .io(let file, _)? = e else {
            Issue.record("expected io, got \(String(describing: e))")
            return
        }
        #expect(file == path)
        // A few reads an opening (the end record, the directory), five openings.
        if let before, let after { #expect(after - before < 200, "\(after - before) read calls") }
    }

    /// Writes a workbook of one sheet, «Лист1», whose rows are `sheet` (stored, uncompressed) to
    /// `folder`, its package relationship pointing at `target` (the workbook part) and its sheet
    /// XML starting with `prolog`; its path.
    private static func workbook(
        _ folder: TemporaryFolder, sheet: String, target: String = "xl/workbook.xml", prolog: String = ""
    ) -> String {
        let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        let pkg = "http://schemas.openxmlformats.org/package/2006/relationships"
        let parts: [(String, String)] = [
            (
                "_rels/.rels",
                #"<Relationships xmlns="\#(pkg)"><Relationship Id="rId1" Type="\#(rel)/officeDocument" "#
                    + #"Target="\#(target)"/></Relationships>"#
            ),
            (
                "xl/worksheets/sheet1.xml",
                prolog + #"<worksheet xmlns="\#(main)"><sheetData>\#(sheet)</sheetData></worksheet>"#
            ),
            (
                "xl/workbook.xml",
                #"<workbook xmlns="\#(main)" xmlns:r="\#(rel)"><sheets><sheet name="Лист1" sheetId="1" r:id="rId1"/>"#
                    + "</sheets></workbook>"
            ),
            (
                "xl/_rels/workbook.xml.rels",
                #"<Relationships xmlns="\#(pkg)"><Relationship Id="rId1" Type="\#(rel)/worksheet" "#
                    + #"Target="worksheets/sheet1.xml"/></Relationships>"#
            ),
        ]
        let path = folder.file("book.xlsx")
        #expect(FileManager.default.createFile(atPath: path, contents: Data(storedArchive(parts))))
        return path
    }

    @Test func aSheetLargerThanTheReadWindow() throws {
        // 20 000 rows (about 2 MB of stored XML, some 30 fills of the C layer's 64 KiB window;
        // the parts found through the central directory at the end): row k holds the number k
        // in A and the text "t<k>" inline in B.
        var rows = ""
        for k in 1...20_000 {
            rows +=
                #"<row r="\#(k)"><c r="A\#(k)"><v>\#(k)</v></c><c r="B\#(k)" t="inlineStr"><is><t>t\#(k)</t></is></c></row>"#
        }
        let folder = try TemporaryFolder()
        let reader = try XLSXReader(path: Self.workbook(folder, sheet: rows))
        #expect(reader.sheet.name == "Лист1")
        var k = 0
        while let row = try reader.nextRow() {
            k += 1
            let cells = [
                XLSXRowCell(column: 1, value: .number(Double(k))), XLSXRowCell(column: 2, value: .text("t\(k)")),
            ]
            #expect(row == XLSXRow(number: k, cells: cells))
        }
        #expect(k == 20_000)
        #expect(reader.progress.total > 1 << 20)
    }

    @Test func anISODateCellOfJustT() throws {
        // Fuzz/regressions/xlsx/iso-date-cell-T: `<c t="d"><v>T</v></c>`. "T" split at its "T"
        // leaves nothing, and the ISO date reader took the first piece: a crash. It is a bad
        // value of that row, and the next row reads on.
        #expect(XLSXCellDecoder.isoDate("T") == nil)
        let folder = try TemporaryFolder()
        let reader = try XLSXReader(
            path: Self.workbook(
                folder, sheet: #"<row r="1"><c r="A1" t="d"><v>T</v></c></row><row r="2"><c r="A2"><v>5</v></c></row>"#)
        )
        guard case .invalidValue(let field, let value, _)? = F.error({ try reader.nextRow() }) else {
            Issue.record("expected invalidValue")
            return
        }
        #expect(field.hasSuffix("sheet 'Лист1', cell A1"))
        #expect(value == "T")
        #expect(try reader.nextRow() == XLSXRow(number: 2, cells: [XLSXRowCell(column: 1, value: .number(5))]))
        #expect(try reader.nextRow() == nil)
    }

    @Test(arguments: ["/", "..", "", "xl/.."])
    func aPackageRelationshipToNoPart(_ target: String) throws {
        // Fuzz/regressions/xlsx/root-relationship-target-slash: the package's relationship to
        // the workbook has Target="/", which resolves to no part name at all; the name of the
        // workbook's relationships part was taken from it by force: a crash. Now no part of
        // that name is found: an error naming the file.
        let folder = try TemporaryFolder()
        let path = Self.workbook(folder, sheet: #"<row r="1"><c r="A1"><v>1</v></c></row>"#, target: target)
        guard case .io(let file, _)? = F.error({ try XLSXReader(path: path) }) else {
            Issue.record("expected io for Target=\"\(target)\"")
            return
        }
        #expect(file == path)
    }

    @Test func aDoctypeDeclaringAnEntityLeavesNoDocumentBehind() throws {
        // Fuzz/regressions/xlsx/leak-doctype-entity (LeakSanitizer): a part starting with
        // `<!DOCTYPE x [<!ENTITY e "<c/>">]>`. libxml2 keeps a declared entity in a document it
        // makes even for a SAX parser (10 blocks, 12.8 KB), which the parser context does not
        // free: each such part leaked it. libxml2's allocations are counted here (its
        // xmlMemSetup hooks, found with dlsym: the test target does not see libxml2's headers),
        // over 100 readings of such a sheet: what is still allocated afterwards.
        typealias Free = @convention(c) (UnsafeMutableRawPointer?) -> Void
        typealias Malloc = @convention(c) (Int) -> UnsafeMutableRawPointer?
        typealias Realloc = @convention(c) (UnsafeMutableRawPointer?, Int) -> UnsafeMutableRawPointer?
        typealias Strdup = @convention(c) (UnsafePointer<CChar>?) -> UnsafeMutablePointer<CChar>?
        typealias Setup = @convention(c) (Free?, Malloc?, Realloc?, Strdup?) -> Int32
        typealias Get =
            @convention(c) (
                UnsafeMutablePointer<Free?>, UnsafeMutablePointer<Malloc?>, UnsafeMutablePointer<Realloc?>,
                UnsafeMutablePointer<Strdup?>
            ) -> Int32
        guard let setupSymbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "xmlMemSetup"),
            let getSymbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "xmlMemGet")
        else {
            Issue.record("libxml2's xmlMemSetup is not linked in")
            return
        }
        let setup = unsafeBitCast(setupSymbol, to: Setup.self)
        let get = unsafeBitCast(getSymbol, to: Get.self)
        var saved: (Free?, Malloc?, Realloc?, Strdup?) = (nil, nil, nil, nil)
        #expect(get(&saved.0, &saved.1, &saved.2, &saved.3) == 0)
        #expect(
            setup(
                { p in
                    if p != nil { libxml2Blocks.subtract(1, ordering: .relaxed) }
                    free(p)
                },
                { n in
                    libxml2Blocks.add(1, ordering: .relaxed)
                    return malloc(n)
                },
                { p, n in
                    if p == nil { libxml2Blocks.add(1, ordering: .relaxed) }
                    return realloc(p, n)
                },
                { s in
                    guard let s else { return nil }
                    libxml2Blocks.add(1, ordering: .relaxed)
                    return strdup(s)
                }) == 0)
        defer { _ = setup(saved.0, saved.1, saved.2, saved.3) }

        let folder = try TemporaryFolder()
        let path = Self.workbook(
            folder, sheet: #"<row r="1"><c r="A1"><v>1</v></c></row>"#, prolog: #"<!DOCTYPE x [<!ENTITY e "<c/>">]>"#)
        let before = libxml2Blocks.load(ordering: .relaxed)
        for _ in 0..<100 {
            let reader = try XLSXReader(path: path)
            #expect(try reader.nextRow() == XLSXRow(number: 1, cells: [XLSXRowCell(column: 1, value: .number(1))]))
            #expect(try reader.nextRow() == nil)
        }
        // Leaking, 1 000 blocks; other tests' parsers running meanwhile hold a few dozen each.
        let left = libxml2Blocks.load(ordering: .relaxed) - before
        #expect(left < 300, "\(left) libxml2 blocks left")
    }

    /// A ZIP (APPNOTE 4.3) of stored entries: local headers and data, then the central directory.
    private static func storedArchive(_ parts: [(String, String)]) -> [UInt8] {
        var out: [UInt8] = []
        var central: [UInt8] = []
        func u16(_ v: Int, _ a: inout [UInt8]) { a += [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF)] }
        func u32(_ v: Int, _ a: inout [UInt8]) { for k in 0..<4 { a.append(UInt8(truncatingIfNeeded: v >> (8 * k))) } }
        for (name, text) in parts {
            let n = Array(name.utf8)
            let data = Array(text.utf8)
            let crc = crc32(data)
            let offset = out.count
            u32(0x0403_4B50, &out)
            for v in [20, 0x800, 0, 0, 0x21] { u16(v, &out) }
            for v in [crc, data.count, data.count] { u32(v, &out) }
            u16(n.count, &out)
            u16(0, &out)
            out += n + data
            u32(0x0201_4B50, &central)
            for v in [20, 20, 0x800, 0, 0, 0x21] { u16(v, &central) }
            for v in [crc, data.count, data.count] { u32(v, &central) }
            for v in [n.count, 0, 0, 0, 0] { u16(v, &central) }
            u32(0, &central)
            u32(offset, &central)
            central += n
        }
        let start = out.count
        out += central
        u32(0x0605_4B50, &out)
        for v in [0, 0, parts.count, parts.count] { u16(v, &out) }
        u32(central.count, &out)
        u32(start, &out)
        u16(0, &out)
        return out
    }

    /// CRC-32 (ISO-HDLC, reflected polynomial 0xEDB88320), bit by bit.
    private static func crc32(_ data: [UInt8]) -> Int {
        var c: UInt32 = 0xFFFF_FFFF
        for b in data {
            c ^= UInt32(b)
            for _ in 0..<8 { c = c & 1 != 0 ? c >> 1 ^ 0xEDB8_8320 : c >> 1 }
        }
        return Int(c ^ 0xFFFF_FFFF)
    }
}

/// libxml2's blocks allocated and not yet freed while the leak test's hooks are installed.
private let libxml2Blocks = Atomic<Int>(0)
