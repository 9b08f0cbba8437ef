// fuzz-options: -max_len=16384 -dict=Fuzz/xlsx.dict

// libFuzzer harness for the .xlsx reader (SrokBatch/XLSX over the C target CXLSX: minizip, then
// libxml2's SAX2 push parser; Fuzz/run.sh builds it).
//
// Random bytes rarely get past a ZIP directory and a CRC-32, so the harness builds the workbook:
// the input after its first byte is the sheet's XML, optionally followed by more parts, each
// after a NUL byte (which XML cannot hold):
//     sheet1.xml NUL sharedStrings.xml NUL styles.xml NUL workbook.xml NUL workbook.xml.rels NUL _rels/.rels
// An absent or empty part is left out (shared strings, styles) or a fixed valid one is used
// (workbook, relationships, which list only the parts there are). The first byte chooses:
//   bits 0–1  0, 1: the parts in a ZIP written here with stored (uncompressed) entries;
//             2: the parts deflated by the report's ZIPStreamWriter; 3: the rest of the input
//             is the whole file (the ZIP layer itself fuzzed);
//   bit 2     read with XLSXReader row by row, or as the batch does (XLSXRecordSource: the header
//             finder, then TAB-separated records);
//   bits 3–4  the sheet asked for: the first, position 1, the name «Лист1», position 2;
//   bits 5–7  the size of the buffer the record source is read into.
// The workbook is written to a file (under /dev/shm when there is one) removed after each input.
// Fuzz/xlsx.dict gives the mutator SpreadsheetML's elements and attributes, relationship types,
// ZIP signatures and values at the edges of what the reader accepts.
//
// Invariants: never crash, loop or leak (LeakSanitizer sees libxml2's and minizip's allocations
// too); every failure is a SrokError that names the file;
// after a damaged archive or malformed XML every later call throws that same error; rows and
// cells are bounded by the inflated XML (a row is at least `<row/>`, a cell `<c/>`); references
// stay within A1…XFD1048576; a date cell from a serial is the date Excel shows for it
// (ExcelSerialDate, the report's independent inverse); the cell-number fast path agrees with
// Swift's Double parser and reference parsing with a plain reading of A1 notation; the record
// source writes exactly one record of the header's width per non-empty row, which the CSV
// tokenizer reads back, mapped to the right sheet rows.

#if canImport(Glibc)
    import Glibc
#endif
internal import CZlib

@_cdecl("LLVMFuzzerTestOneInput")
public func xlsxFuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size >= 1 else { return 0 }
    let input = Array(UnsafeBufferPointer(start: data, count: size))
    let mode = input[0]
    let rest = Array(input.dropFirst())
    var file: [UInt8]
    var sheetXML: [UInt8]?
    if mode & 3 == 3 {
        file = rest
    } else {
        let parts = XLSXFuzzParts(rest)
        sheetXML = parts.sheet
        file = mode & 3 == 2 ? parts.deflatedZIP() : parts.storedZIP()
        checkNumbersAndReferences(in: parts.sheet)
    }
    checkSerials(rest)
    let path = fuzzWorkbookPath
    guard writeFile(path, file) else { fatalError("cannot write \(path)") }
    defer { unlink(path) }
    let selector: XLSXSheetSelector
    switch mode >> 3 & 3 {
    case 0: selector = .first
    case 1: selector = .index(1)
    case 2: selector = .name("Лист1")
    default: selector = .index(2)
    }
    if mode & 4 == 0 {
        readRows(path, selector, sheetXML: sheetXML)
    } else {
        readRecords(path, selector, buffer: [1, 7, 64, 4096][Int(mode >> 5 & 3)] + Int(mode >> 7))
    }
    return 0
}

/// The file the workbook is written to: one per process.
private let fuzzWorkbookPath: String = {
    let dir = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : (getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp")
    return "\(dir)/srok-xlsx-fuzz-\(getpid()).xlsx"
}()

private func writeFile(_ path: String, _ bytes: [UInt8]) -> Bool {
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
    guard fd >= 0 else { return false }
    defer { close(fd) }
    var done = 0
    while done < bytes.count {
        let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + done, $0.count - done) }
        guard n > 0 else { return false }
        done += n
    }
    return true
}

/// A failure must name the workbook (as every error of the reader does: file, sheet, cell).
private func checkError(_ e: SrokError, _ path: String) {
    guard e.description.contains(path) else { fatalError("the error does not name the file: \(e)") }
}

// MARK: Reading row by row

private func readRows(_ path: String, _ selector: XLSXSheetSelector, sheetXML: [UInt8]?) {
    let reader: XLSXReader
    do { reader = try XLSXReader(path: path, sheet: selector) } catch {
        checkError(error, path)
        return
    }
    var calls = 0
    var cells = 0
    while true {
        calls += 1
        // A row is at least `<row/>` (6 bytes) of inflated XML; one call more says "the end".
        guard calls <= Int(reader.progress.read) / 6 + 2 else {
            fatalError("more rows than the sheet's \(reader.progress.read) bytes can hold")
        }
        do {
            guard let row = try reader.nextRow() else { break }
            cells += row.cells.count
            checkRow(row, dateSystem: reader.workbook.dateSystem)
        } catch {
            checkError(error, path)
            if reader.isBroken {
                // Every later call throws the same.
                do {
                    _ = try reader.nextRow()
                    fatalError("a broken reader read on")
                } catch let again {
                    guard again == error else { fatalError("a broken reader threw \(again), then \(error)") }
                }
                break
            }
        }
    }
    guard cells <= Int(reader.progress.read) / 4 else { fatalError("\(cells) cells in \(reader.progress.read) bytes") }
    if let sheetXML, reader.progress.read > Int64(sheetXML.count) {
        fatalError("read \(reader.progress.read) bytes of a \(sheetXML.count)-byte sheet")
    }
    _ = reader.mergedRanges
    _ = reader.dimension
}

private func checkRow(_ row: XLSXRow, dateSystem: XLSXDateSystem) {
    guard (1...XLSXCellReference.maxRow).contains(row.number) else { fatalError("row number \(row.number)") }
    for c in row.cells {
        guard (1...XLSXCellReference.maxColumn).contains(c.column) else { fatalError("column \(c.column)") }
        switch c.value {
        case .number(let x):
            guard x.isFinite else { fatalError("number \(x)") }
        case .date(let d):
            checkDate(d, dateSystem: dateSystem)
        case .text, .bool, .error:
            break
        }
        _ = c.value.text
    }
    _ = row.texts()
}

/// A date cell is within 1899-12-31 … 9999-12-31 with a time of day; one whose serial lies past
/// Excel's 1900-02-29 (serial 61 on, where a `t="d"` cell's serial, counted the same way, agrees)
/// is the day the report's inverse (ExcelSerialDate) gives that serial.
private func checkDate(_ d: XLSXDateTime, dateSystem: XLSXDateSystem) {
    guard (0..<86_400).contains(d.secondsOfDay), d.date >= CivilDate(year: 1899, month: 12, day: 31)!,
        d.date <= CivilDate(year: 9999, month: 12, day: 31)!
    else { fatalError("date \(d) (serial \(d.serial))") }
    _ = d.text
    guard dateSystem == .from1900, d.serial >= 61 else { return }
    let total = (d.serial * 86_400).rounded()
    let day = (total / 86_400).rounded(.down)
    let seconds = Int(total - day * 86_400)
    guard ExcelSerialDate.serial(date: d.date, secondOfDay: 0) == day, seconds == d.secondsOfDay else {
        fatalError("serial \(d.serial) read as \(d)")
    }
}

// MARK: Reading as the batch does

private func readRecords(_ path: String, _ selector: XLSXSheetSelector, buffer: Int) {
    let source: XLSXRecordSource
    do { source = try XLSXRecordSource(path: path, sheet: selector) } catch {
        checkError(error, path)
        return
    }
    var text: [UInt8] = []
    let buf = UnsafeMutableRawBufferPointer.allocate(byteCount: buffer, alignment: 1)
    defer { buf.deallocate() }
    var broken = false
    var held = source.heldBytes
    while true {
        do {
            let n = try source.read(into: buf)
            if n == 0 { break }
            guard n <= buffer else { fatalError("read \(n) into \(buffer)") }
            text += buf[0..<n]
        } catch {
            checkError(error, path)
            broken = true
            break
        }
        held = max(held, source.heldBytes)
    }
    // The oracle: the same sheet read row by row, its non-empty rows (in the header's columns)
    // after the header, and the rows that failed.
    guard !broken, let reader = try? XLSXReader(path: path, sheet: selector),
        let header = try? XLSXHeaderFinder.find(in: reader, known: Set(InputColumn.allHeaderNames))
    else { return }
    guard header.names.count == source.width, header.row.number == source.headerRow else {
        fatalError("header \(header.names.count) at \(header.row.number) vs \(source.width) at \(source.headerRow)")
    }
    var rows = [header.row.number]
    var failed: [Int] = []
    while true {
        do {
            guard let row = try reader.nextRow() else { break }
            let any = row.cells.contains { c in
                if c.column > source.width { return false }
                if case .text(let s) = c.value, s.isEmpty { return false }
                return true
            }
            if any { rows.append(row.number) }
        } catch {
            if reader.isBroken { return }
            failed.append(reader.lastRowNumber)
        }
    }
    guard source.takeFailures(before: Int.max).map(\.line) == failed else { fatalError("failures differ") }
    // The records: one per row, each of the header's width.
    var t = CSVTokenizer(delimiter: XLSXRecordSource.delimiter)
    var line = 1
    var k = 0
    var longest = 0
    text.withUnsafeBufferPointer { b in
        var i = 0
        while i < b.count {
            switch t.read(b, from: i, end: b.count) {
            case let .record(next, lines):
                guard k < rows.count else { fatalError("more records than rows \(rows)") }
                guard t.count == source.width else { fatalError("record \(k) has \(t.count) fields, not \(source.width)") }
                let row = source.sheetRow(line: line)
                guard row == rows[k] else { fatalError("record \(k) at line \(line) maps to row \(row), not \(rows[k])") }
                line += lines
                k += 1
                longest = max(longest, next - i)
                i = next
            case .unbalancedQuote, .junkAfterQuote:
                fatalError("the record source wrote a bad record at byte \(i)")
            }
        }
    }
    guard k == rows.count else { fatalError("\(k) records for rows \(rows)") }
    // It holds at most a read's worth and a record.
    guard held <= buffer + longest else { fatalError("held \(held) bytes; reads of \(buffer), records of \(longest)") }
}

// MARK: Pure functions

/// Each `<v>` text: the decoder's fast number path is Swift's parser; each `r="…"`: the
/// reference parser agrees with a plain reading of A1 notation.
private func checkNumbersAndReferences(in xml: [UInt8]) {
    var i = 0
    while i < xml.count {
        if xml[i] == 0x3C, i + 2 < xml.count, xml[i + 1] == 0x76, xml[i + 2] == 0x3E {  // <v>
            let start = i + 3
            let end = xml[start...].firstIndex(of: 0x3C) ?? xml.count
            let text = Array(xml[start..<end].prefix(64))
            let fast = text.withUnsafeBufferPointer { XLSXCellDecoder.number($0) }
            let slow = Double(String(decoding: text, as: UTF8.self))
            guard fast == slow || (fast?.isNaN == true && slow?.isNaN == true) else {
                fatalError("number \(String(decoding: text, as: UTF8.self)): \(String(describing: fast)) vs \(String(describing: slow))")
            }
            i = end
            continue
        }
        if xml[i] == 0x72, i + 2 < xml.count, xml[i + 1] == 0x3D, xml[i + 2] == 0x22 {  // r="
            let start = i + 3
            let end = xml[start...].firstIndex(of: 0x22) ?? xml.count
            let text = Array(xml[start..<end].prefix(64))
            let parsed = text.withUnsafeBufferPointer { XLSXCellReference.parse($0) }
            let expected = plainReference(text)
            guard parsed?.column == expected?.column, parsed?.row == expected?.row else {
                fatalError("reference \(String(decoding: text, as: UTF8.self)): \(String(describing: parsed))")
            }
            if let parsed, XLSXCellReference(parsed.description) != parsed { fatalError("\(parsed) does not round-trip") }
            i = end
            continue
        }
        i += 1
    }
}

/// A1 notation read plainly: 1–3 letters, then 1–7 digits without a leading zero, within XFD1048576.
private func plainReference(_ b: [UInt8]) -> (column: Int, row: Int)? {
    let letters = b.prefix { ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A }
    let digits = b.dropFirst(letters.count)
    guard (1...3).contains(letters.count), !digits.isEmpty, digits.count <= 7 + digits.prefix { $0 == 0x30 }.count,
        digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 })
    else { return nil }
    let column = letters.reduce(0) { $0 * 26 + Int(($1 | 0x20) - 0x60) }
    let row = digits.reduce(0) { $0 * 10 + Int($1 - 0x30) }
    guard column <= 16_384, (1...1_048_576).contains(row) else { return nil }
    return (column, row)
}

/// Date serials from the input's bytes (as a double, and as the decimal text of its first bytes):
/// what each date system makes of them, against the independent inverse.
private func checkSerials(_ b: [UInt8]) {
    guard b.count >= 8 else { return }
    var bits: UInt64 = 0
    for k in 0..<8 { bits |= UInt64(b[k]) << (8 * k) }
    let serials = [Double(bitPattern: bits), Double(bits % 3_500_000_000) / 1000, Double(bits % 3_000_000)]
    for serial in serials {
        for system in [XLSXDateSystem.from1900, .from1904] {
            guard let d = system.dateTime(serial: serial) else {
                // Refused: not finite, negative, past 9999-12-31 23:59:59.5, or (1900) the fictitious 1900-02-29.
                let ok =
                    !serial.isFinite || serial < 0 || (serial * 86_400).rounded() >= Double((system.lastDay + 1) * 86_400)
                    || (system == .from1900 && (serial * 86_400).rounded() >= 60 * 86_400
                        && (serial * 86_400).rounded() < 61 * 86_400)
                guard ok else { fatalError("serial \(serial) refused in \(system)") }
                continue
            }
            guard (0..<86_400).contains(d.secondsOfDay) else { fatalError("serial \(serial): \(d)") }
            let total = (serial * 86_400).rounded()
            let day = Int32((total / 86_400).rounded(.down))
            let seconds = Int(total - Double(day) * 86_400)
            guard seconds == d.secondsOfDay else { fatalError("serial \(serial) in \(system): \(d)") }
            switch system {
            case .from1900:
                // Day 0 is shown as 1900-01-00, returned as 1899-12-31.
                let ok =
                    day == 0
                    ? d.date == CivilDate(year: 1899, month: 12, day: 31)!
                    : ExcelSerialDate.serial(date: d.date, secondOfDay: 0) == Double(day)
                guard ok else { fatalError("serial \(serial) in 1900: \(d)") }
            case .from1904:
                guard d.date.daysSinceEpoch - CivilDate(year: 1904, month: 1, day: 1)!.daysSinceEpoch == day else {
                    fatalError("serial \(serial) in 1904: \(d)")
                }
            }
        }
    }
}

// MARK: The workbook

/// The parts a workbook is made of, from the input.
private struct XLSXFuzzParts {
    var sheet: [UInt8]
    var strings: [UInt8]?
    var styles: [UInt8]?
    var workbook: [UInt8]
    var workbookRels: [UInt8]
    var rootRels: [UInt8]

    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let pkg = "http://schemas.openxmlformats.org/package/2006/relationships"

    init(_ b: [UInt8]) {
        let p = b.split(separator: 0, maxSplits: 5, omittingEmptySubsequences: false).map(Array.init)
        func part(_ k: Int) -> [UInt8]? { k < p.count && !p[k].isEmpty ? p[k] : nil }
        sheet = p[0]
        strings = part(1)
        styles = part(2)
        workbook =
            part(3)
            ?? Array(
                ("<workbook xmlns=\"\(Self.main)\" xmlns:r=\"\(Self.rel)\"><sheets>"
                    + "<sheet name=\"Лист1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>").utf8)
        var rels = "<Relationships xmlns=\"\(Self.pkg)\">"
        rels += "<Relationship Id=\"rId1\" Type=\"\(Self.rel)/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
        rels += "<Relationship Id=\"rId2\" Type=\"\(Self.rel)/worksheet\" Target=\"worksheets/sheet2.xml\"/>"
        rels += "<Relationship Id=\"rId5\" Type=\"\(Self.rel)/chartsheet\" Target=\"chartsheets/sheet1.xml\"/>"
        if strings != nil {
            rels += "<Relationship Id=\"rId3\" Type=\"\(Self.rel)/sharedStrings\" Target=\"sharedStrings.xml\"/>"
        }
        if styles != nil { rels += "<Relationship Id=\"rId4\" Type=\"\(Self.rel)/styles\" Target=\"styles.xml\"/>" }
        workbookRels = part(4) ?? Array((rels + "</Relationships>").utf8)
        rootRels =
            part(5)
            ?? Array(
                ("<Relationships xmlns=\"\(Self.pkg)\"><Relationship Id=\"rId1\" "
                    + "Type=\"\(Self.rel)/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>").utf8)
    }

    var entries: [(String, [UInt8])] {
        var e: [(String, [UInt8])] = [
            ("[Content_Types].xml", Array("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>".utf8)),
            ("_rels/.rels", rootRels),
            ("xl/workbook.xml", workbook),
            ("xl/_rels/workbook.xml.rels", workbookRels),
            ("xl/worksheets/sheet1.xml", sheet),
        ]
        if let strings { e.append(("xl/sharedStrings.xml", strings)) }
        if let styles { e.append(("xl/styles.xml", styles)) }
        return e
    }

    /// A ZIP (APPNOTE 4.3) of stored entries: local headers and data, the central directory, its end.
    func storedZIP() -> [UInt8] {
        var out: [UInt8] = []
        var central: [UInt8] = []
        func u16(_ v: Int, _ a: inout [UInt8]) { a += [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF)] }
        func u32(_ v: Int, _ a: inout [UInt8]) { for k in 0..<4 { a.append(UInt8(truncatingIfNeeded: v >> (8 * k))) } }
        let list = entries
        for (name, data) in list {
            let n = Array(name.utf8)
            let crc = data.withUnsafeBufferPointer { Int(crc32(0, $0.baseAddress, uInt($0.count))) }
            let offset = out.count
            u32(0x0403_4B50, &out)
            for v in [20, 0x800, 0, 0, 0x21] { u16(v, &out) }  // version, flags (UTF-8 names), stored, time, date
            u32(crc, &out)
            u32(data.count, &out)
            u32(data.count, &out)
            u16(n.count, &out)
            u16(0, &out)
            out += n
            out += data
            u32(0x0201_4B50, &central)
            for v in [20, 20, 0x800, 0, 0, 0x21] { u16(v, &central) }
            u32(crc, &central)
            u32(data.count, &central)
            u32(data.count, &central)
            for v in [n.count, 0, 0, 0, 0] { u16(v, &central) }  // name, extra, comment, disk, internal attributes
            u32(0, &central)
            u32(offset, &central)
            central += n
        }
        let start = out.count
        out += central
        u32(0x0605_4B50, &out)
        for v in [0, 0, list.count, list.count] { u16(v, &out) }
        u32(central.count, &out)
        u32(start, &out)
        u16(0, &out)
        return out
    }

    /// The same entries deflated, by the report's ZIP writer.
    func deflatedZIP() -> [UInt8] {
        var out: [UInt8] = []
        let zip = ZIPStreamWriter { (b) throws(SrokError) in out += b }
        do {
            for (name, data) in entries { try zip.add(name, data: data, level: 1) }
            try zip.finish()
        } catch { fatalError("the ZIP writer failed: \(error)") }
        return out
    }
}
