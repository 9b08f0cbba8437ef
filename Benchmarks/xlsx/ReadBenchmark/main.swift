// Measures ways of reading one worksheet of an .xlsx (see Benchmarks/xlsx/read.sh):
//   srok-xlsx-read-bench MODE FILE.xlsx
// Modes:
//   reader      Srok's XLSXReader: minizip + libxml2 SAX2 push parser, typed rows (what srok uses)
//   sax-raw     the same C layer's raw rows only (no Swift decoding)
//   textreader  libxml2's xmlTextReader (pull) over the same minizip stream, raw (C)
//   foundation  FoundationXML's XMLParser (SAX delegate) over the same stream, typed rows
// Prints rows, cells, text bytes (or a checksum) and the wall time in seconds.
import CXLSX
import CXLSXReadBench
import Foundation
import FoundationXML
import SrokBatch

let args = CommandLine.arguments
guard args.count == 3 else {
    print("usage: srok-xlsx-read-bench reader|sax-raw|textreader|foundation FILE.xlsx")
    exit(2)
}
let mode = args[1], path = args[2]
let clock = ContinuousClock()
let start = clock.now
let workbook = try XLSXWorkbook(path: path)
let sheet = try workbook.sheet(.first)
let part = sheet.part!
var rows = 0, cells = 0, checksum = 0

switch mode {
case "reader":
    let reader = try XLSXReader(path: path)
    while let row = try reader.nextRow() {
        rows += 1
        cells += row.cells.count
        for c in row.cells { if case let .date(d) = c.value { checksum &+= Int(d.date.daysSinceEpoch) } }
    }
case "sax-raw":
    var status: Int32 = 0
    var message = [CChar](repeating: 0, count: 512)
    guard let s = srok_xlsx_sheet_open(path, part, &status, &message, 512) else { fatalError("open failed") }
    var raw = srok_xlsx_row()
    while srok_xlsx_sheet_next_row(s, &raw) == 1 {
        rows += 1
        cells += Int(raw.cell_count)
        for k in 0..<Int(raw.cell_count) { checksum &+= Int(raw.cells[k].text.length) }
    }
    srok_xlsx_sheet_close(s)
case "textreader":
    var t = xlsx_bench_totals()
    guard xlsx_bench_textreader(path, part, &t) == 0 else { fatalError("textreader failed") }
    rows = Int(t.rows); cells = Int(t.cells); checksum = Int(t.text_bytes)
case "foundation":
    let counter = FoundationSheet(path: path, part: part, workbook: workbook)
    let parser = XMLParser(stream: EntryStream(path: path, entry: part))
    parser.delegate = counter
    guard parser.parse() else { fatalError("XMLParser failed: \(String(describing: parser.parserError))") }
    rows = counter.rows; cells = counter.cells; checksum = counter.checksum
default:
    print("unknown mode \(mode)")
    exit(2)
}
let seconds = Double((clock.now - start).components.attoseconds) / 1e18 + Double((clock.now - start).components.seconds)
print("\(mode): \(rows) rows, \(cells) cells, checksum \(checksum), \(String(format: "%.3f", seconds)) s, \(Int(Double(rows) / seconds)) rows/s")
