import CXLSXReadBench
import Foundation
import FoundationXML
import SrokBatch

/// An InputStream over one inflated ZIP entry, for XMLParser(stream:).
final class EntryStream: InputStream {
    private let entry: OpaquePointer?
    init(path: String, entry name: String) {
        entry = xlsx_bench_entry_open(path, name)
        super.init(data: Data())
    }
    deinit { xlsx_bench_entry_close(entry) }
    override func open() {}
    override func close() {}
    override var hasBytesAvailable: Bool { true }
    override var streamStatus: Stream.Status { .open }
    override func read(_ buffer: UnsafeMutablePointer<UInt8>, maxLength len: Int) -> Int {
        Int(xlsx_bench_entry_read(entry, buffer, Int32(len)))
    }
}

/// XMLParser's delegate doing what XLSXReader does per cell: references, shared strings,
/// numbers, booleans and dates by style, building typed rows.
final class FoundationSheet: NSObject, XMLParserDelegate {
    var rows = 0, cells = 0, checksum = 0
    private let strings: XLSXSharedStrings?
    private let styles: XLSXStyles
    private let system: XLSXDateSystem
    private var row: [XLSXRowCell] = []
    private var inCell = false, inText = false
    private var ref = "", style = 0, type = ""
    private var text = ""

    init(path: String, part: String, workbook: XLSXWorkbook) {
        let location = XLSXLocation(file: path)
        strings = try! workbook.sharedStringsPart.map { try XLSXSharedStrings(part: $0, at: location) }
        styles = try! workbook.stylesPart.map { XLSXStyles(try XLSXElements(part: $0, at: location)) } ?? XLSXStyles()
        system = workbook.dateSystem
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        switch name {
        case "row": row = []
        case "c":
            inCell = true
            ref = attributes["r"] ?? ""
            style = attributes["s"].flatMap { Int($0) } ?? 0
            type = attributes["t"] ?? ""
            text = ""
        case "v", "t": if inCell { inText = true }
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText { text += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch name {
        case "v", "t": inText = false
        case "c":
            inCell = false
            guard let column = XLSXCellReference(ref)?.column, !text.isEmpty || type == "inlineStr" else { return }
            let value: XLSXValue
            switch type {
            case "s": value = .text(strings!.string(Int(text)!)!)
            case "inlineStr", "str": value = .text(text)
            case "b": value = .bool(text == "1")
            default:
                let x = Double(text)!
                if styles.isDate(style), let d = system.dateTime(serial: x) {
                    value = .date(d)
                    checksum &+= Int(d.date.daysSinceEpoch)
                } else {
                    value = .number(x)
                }
            }
            row.append(XLSXRowCell(column: column, value: value))
        case "row":
            rows += 1
            cells += row.count
        default: break
        }
    }
}
