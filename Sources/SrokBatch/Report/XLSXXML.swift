import SrokCore

/// The pieces of SpreadsheetML text ``XLSXStreamWriter`` writes cell by cell: escaped cell text,
/// serial dates, column names.
///
/// Text is escaped as libxlsxwriter escapes it, so both writers store the same characters: `&`,
/// `<` and `>` as entities; the C0 control characters other than TAB and LF as `_xHHHH_`
/// (ECMA-376 ST_Xstring, which Excel reads back as the character); `xml:space="preserve"` when
/// the text starts or ends with a space, a TAB or a line break (Excel would trim it otherwise);
/// and the cases of ``XLSXText`` (a text that looks like such an escape, U+FFFE/U+FFFF, the
/// 32 767-character limit) first.
enum XLSXXML {
    /// `text` escaped for an XML attribute (`attribute`) or element content.
    static func escape(_ text: String, attribute: Bool) -> String {
        var out = ""
        for c in text.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where attribute: out += "&quot;"
            default:
                if c.value < 0x20 && c != "\t" && c != "\n" {
                    out += "_x" + hex4(Int(c.value)) + "_"
                } else {
                    out.unicodeScalars.append(c)
                }
            }
        }
        return out
    }

    /// Four uppercase hex digits.
    private static func hex4(_ v: Int) -> String {
        let s = String(v, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - s.count)) + s
    }

    /// The byte classes of cell text: 0 copied as is, 1 an XML entity, 2 a control character,
    /// 3 a byte that may need ``XLSXText`` (`_`, and 0xEF, the lead byte of U+FFFE/U+FFFF).
    /// (A table made once and never freed, read by any thread: immutable after its creation.)
    nonisolated(unsafe) private static let classes: UnsafePointer<UInt8> = {
        let table = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
        for b in 0..<256 {
            switch b {
            case 0x26, 0x3C, 0x3E: table[b] = 1
            case 0x09, 0x0A: table[b] = 0
            case 0..<0x20: table[b] = 2
            case 0x5F, 0xEF: table[b] = 3
            default: table[b] = 0
            }
        }
        return UnsafePointer(table)
    }()

    /// Appends `<is><t>…</t></is>` holding `text` (UTF-8) as a cell shows it.
    static func appendInlineString(_ text: UnsafeBufferPointer<UInt8>, into o: inout ByteWriter) {
        var careful = text.count > XLSXText.maxLength
        if !careful {
            let c = classes
            for b in text where c[Int(b)] == 3 {
                careful = true
                break
            }
        }
        if careful, let safe = XLSXText.cellSafe(String(decoding: text, as: UTF8.self)) {
            var bytes = Array(safe.utf8)
            bytes.withUnsafeMutableBufferPointer { appendEscaped(UnsafeBufferPointer($0), into: &o) }
        } else {
            appendEscaped(text, into: &o)
        }
    }

    private static func appendEscaped(_ text: UnsafeBufferPointer<UInt8>, into o: inout ByteWriter) {
        guard let first = text.first, let last = text.last else {
            o.append(ascii: "<is><t></t></is>")
            return
        }
        if first == 0x20 || first == 0x09 || first == 0x0A || last == 0x20 || last == 0x09 || last == 0x0A {
            o.append(ascii: "<is><t xml:space=\"preserve\">")
        } else {
            o.append(ascii: "<is><t>")
        }
        do {
            let c = classes
            var run = 0
            for i in 0..<text.count {
                let b = text[i]
                let k = c[Int(b)]
                if k == 0 || k == 3 { continue }
                if i > run { o.append(UnsafeBufferPointer(rebasing: text[run..<i])) }
                run = i + 1
                switch b {
                case 0x26: o.append(ascii: "&amp;")
                case 0x3C: o.append(ascii: "&lt;")
                case 0x3E: o.append(ascii: "&gt;")
                default:
                    o.append(ascii: "_x00")
                    o.append(hexDigit(b >> 4))
                    o.append(hexDigit(b & 0x0F))
                    o.append(0x5F)
                }
            }
            if run < text.count { o.append(UnsafeBufferPointer(rebasing: text[run...])) }
        }
        o.append(ascii: "</t></is>")
    }

    @inline(__always) private static func hexDigit(_ v: UInt8) -> UInt8 { v < 10 ? 0x30 + v : 0x37 + v }

    /// Appends Excel's serial number of local `day` at `secondOfDay`, or returns false for a day
    /// before 1900-01-01 (no serial; see ``ExcelSerialDate``). The fraction of the day has 11
    /// decimals at most, closer to the exact value than a 64-bit float's 16–17 significant digits
    /// resolve (≤ 0.5·10⁻¹¹ day, under a microsecond), trailing zeros dropped.
    @inline(__always) static func appendSerial(_ day: CivilDate, secondOfDay: Int, into o: inout ByteWriter) -> Bool {
        let d = day.daysSinceEpoch
        guard d >= ExcelSerialDate.january1900 else { return false }
        let days = Int(d - ExcelSerialDate.zeroDay) - (d < ExcelSerialDate.march1900 ? 1 : 0)
        ByteFormat.int(days, into: &o)
        guard secondOfDay > 0 else { return true }
        // 11 decimals of secondOfDay / 86 400, rounded.
        var fraction = (secondOfDay * 100_000_000_000 + 43_200) / 86_400
        if fraction >= 100_000_000_000 { fraction = 99_999_999_999 }
        var digits = 11
        while fraction % 10 == 0 && digits > 0 {
            fraction /= 10
            digits -= 1
        }
        guard digits > 0 else { return true }
        o.withUnsafeReservedBytes(12) { p in
            p[0] = 0x2E
            var f = fraction
            for k in stride(from: digits, through: 1, by: -1) {
                p[k] = UInt8(0x30 + f % 10)
                f /= 10
            }
            return digits + 1
        }
        return true
    }

    /// The column's letters: A … Z, AA … XFD (`index` 0-based).
    static func columnName(_ index: Int) -> String {
        var n = index + 1
        var letters: [Unicode.Scalar] = []
        while n > 0 {
            let r = (n - 1) % 26
            letters.append(Unicode.Scalar(UInt8(65 + r)))
            n = (n - 1) / 26
        }
        return String(String.UnicodeScalarView(letters.reversed()))
    }
}
