import Foundation
import Testing

/// A damaged workbook gives `srok batch` one message on stderr, its own: found in the XLSX fuzz
/// harness's log, libxml2 printed its own lines first (`encoding error : input conversion failed
/// due to input error, bytes 0x81 0xFF 0xFE 0x3C`, `I/O error : encoder error`, `xmlParseChunk:
/// encoder error`) for errors it reports with no parser context.
@Suite("srok batch: a damaged workbook's messages")
struct BatchWorkbookStderrCLITests {
    /// A ZIP (APPNOTE 4.3) of stored entries.
    static func storedArchive(_ parts: [(String, [UInt8])]) -> [UInt8] {
        var out: [UInt8] = []
        var central: [UInt8] = []
        func u16(_ v: Int, _ a: inout [UInt8]) { a += [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF)] }
        func u32(_ v: Int, _ a: inout [UInt8]) { for k in 0..<4 { a.append(UInt8(truncatingIfNeeded: v >> (8 * k))) } }
        for (name, data) in parts {
            let n = Array(name.utf8)
            // CRC-32 (reflected polynomial 0xEDB88320), bit by bit.
            var c: UInt32 = 0xFFFF_FFFF
            for b in data {
                c ^= UInt32(b)
                for _ in 0..<8 { c = c & 1 != 0 ? c >> 1 ^ 0xEDB8_8320 : c >> 1 }
            }
            let crc = Int(c ^ 0xFFFF_FFFF)
            let offset = out.count
            u32(0x0403_4B50, &out)
            for v in [20, 0, 0, 0, 0x21] { u16(v, &out) }
            for v in [crc, data.count, data.count] { u32(v, &out) }
            for v in [n.count, 0] { u16(v, &out) }
            out += n + data
            u32(0x0201_4B50, &central)
            for v in [20, 20, 0, 0, 0, 0x21] { u16(v, &central) }
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

    @Test func aSheetInAnEncodingItsBytesAreNot() throws {
        // The sheet declares Shift_JIS; 0x81 0xFF is no Shift_JIS character.
        let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        let pkg = "http://schemas.openxmlformats.org/package/2006/relationships"
        let sheet =
            Array(#"<?xml version="1.0" encoding="Shift_JIS"?><worksheet xmlns="\#(main)"><sheetData><row r="1">"#.utf8)
            + Array(#"<c r="A1" t="inlineStr"><is><t>"#.utf8) + [0x81, 0xFF, 0xFE]
            + Array("</t></is></c></row></sheetData></worksheet>".utf8)
        let parts: [(String, [UInt8])] = [
            (
                "_rels/.rels",
                Array(
                    (#"<Relationships xmlns="\#(pkg)"><Relationship Id="rId1" Type="\#(rel)/officeDocument" "#
                        + #"Target="xl/workbook.xml"/></Relationships>"#).utf8)
            ),
            (
                "xl/workbook.xml",
                Array(
                    (#"<workbook xmlns="\#(main)" xmlns:r="\#(rel)"><sheets><sheet name="S" sheetId="1" r:id="rId1"/>"#
                        + "</sheets></workbook>").utf8)
            ),
            (
                "xl/_rels/workbook.xml.rels",
                Array(
                    (#"<Relationships xmlns="\#(pkg)"><Relationship Id="rId1" Type="\#(rel)/worksheet" "#
                        + #"Target="worksheets/sheet1.xml"/></Relationships>"#).utf8)
            ),
            ("xl/worksheets/sheet1.xml", sheet),
        ]
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("srok-enc-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("export.xlsx").path
        #expect(FileManager.default.createFile(atPath: input, contents: Data(Self.storedArchive(parts))))
        let r = try CLI.run(["batch", input, "-o", dir.appendingPathComponent("out.csv").path, "--no-progress"])
        #expect(r.status != 0 && !r.crashed)
        // One line, srok's, naming the file.
        let lines = r.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(r.stderr)")
        #expect(lines.first?.hasPrefix("srok: \(input)") == true, "\(r.stderr)")
    }
}
