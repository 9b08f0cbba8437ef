/// Text as an Excel cell can hold it.
///
/// - XML 1.0 has no U+FFFE and U+FFFF: they become U+FFFD (libxlsxwriter escapes the C0 control
///   characters itself, as `_x0001_`…, which Excel reads back).
/// - Excel reads `_xHHHH_` in a cell's text as the character U+HHHH (ECMA-376 Part 1, 22.9.2.19
///   ST_Xstring), so the underscore opening such a sequence in the text itself is written as
///   `_x005F_` and the text shows as it was.
/// - A cell holds at most 32 767 characters, counted as Excel does in UTF-16 units: a longer text
///   is cut to 32 766 units (never inside a character) and ends in «…».
enum XLSXText {
    /// Excel's limit of characters in a cell.
    static let maxLength = 32_767

    /// `text` made safe for a cell, or `nil` when it already is (the common case, checked on the
    /// UTF-8 bytes without allocating).
    static func cellSafe(_ text: String) -> String? {
        var suspicious = text.utf8.count > maxLength
        if !suspicious {
            // U+FFFE/U+FFFF start with 0xEF in UTF-8, `_x` with 0x5F; Cyrillic and ASCII text has neither.
            suspicious =
                text.utf8.withContiguousStorageIfAvailable { $0.contains { $0 == 0x5F || $0 == 0xEF } }
                ?? text.utf8.contains { $0 == 0x5F || $0 == 0xEF }
        }
        guard suspicious else { return nil }
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var changed = false
        var i = 0
        while i < scalars.count {
            let s = scalars[i]
            if s == "\u{FFFE}" || s == "\u{FFFF}" {
                out.append("\u{FFFD}")
                changed = true
            } else if s == "_" && escapeLike(scalars, at: i) {
                out.append(contentsOf: "_x005F_".unicodeScalars)
                changed = true
            } else {
                out.append(s)
            }
            i += 1
        }
        var result = String(out)
        if result.utf16.count > maxLength {
            // Keep whole characters of at most 32 766 UTF-16 units, then the ellipsis (one unit).
            var kept = String.UnicodeScalarView()
            var units = 0
            for s in out {
                units += s.utf16.count
                if units > maxLength - 1 { break }
                kept.append(s)
            }
            kept.append("…")
            result = String(kept)
            changed = true
        }
        return changed ? result : nil
    }

    /// Whether `_xHHHH_` (four hex digits, either case) starts at `i`.
    private static func escapeLike(_ s: [Unicode.Scalar], at i: Int) -> Bool {
        guard i + 6 < s.count, s[i + 1] == "x", s[i + 6] == "_" else { return false }
        return s[(i + 2)...(i + 5)].allSatisfy { $0.properties.isASCIIHexDigit }
    }
}
