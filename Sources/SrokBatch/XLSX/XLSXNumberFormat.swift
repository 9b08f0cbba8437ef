/// Whether a cell's number format shows a date or time, which is how a workbook says a number
/// is a date: the value itself is a plain serial.
package enum XLSXNumberFormat {
    /// Built-in formats that are dates or times: 14–22 (`m/d/yyyy`, `d-mmm-yy`, …, `h:mm`,
    /// `m/d/yy h:mm`) and 45–47 (`mm:ss`, `[h]:mm:ss`, `mmss.0`). Excel shows 14 in the
    /// system's short date form (`DD.MM.YYYY` in Russian Excel).
    package static func isBuiltInDate(_ id: Int) -> Bool { (14...22).contains(id) || (45...47).contains(id) }

    /// Whether a custom format code shows a date or time: it has a `y`, `m`, `d`, `h` or `s` token
    /// (either case) outside quoted text (`"…"`), escapes (`\x`), fills and spacers (`*x`, `_x`)
    /// and brackets (`[Red]`, `[$-419]`) — except the elapsed-time brackets `[h]`, `[mm]`, `[ss]`,
    /// which count. `General`, `0.00`, `# ##0 ₽`, `0.00E+00` and `@` are not dates;
    /// `DD.MM.YYYY`, `dd/mm/yyyy\ hh:mm`, `[$-F800]dddd\,\ mmmm\ dd\,\ yyyy` and `[h]:mm` are.
    package static func isDate(code: String) -> Bool {
        var it = Array(code.unicodeScalars)[...]
        while let c = it.popFirst() {
            switch c {
            case "\"":
                while let q = it.popFirst(), q != "\"" {}
            case "\\", "*", "_":
                _ = it.popFirst()
            case "[":
                var inside = ""
                while let q = it.popFirst(), q != "]" { inside.unicodeScalars.append(q) }
                let lower = inside.lowercased()
                if !lower.isEmpty, let f = lower.first, "hms".contains(f), lower.allSatisfy({ $0 == f }) { return true }
            default:
                switch c {
                case "y", "Y", "m", "M", "d", "D", "h", "H", "s", "S": return true
                default: break
                }
            }
        }
        return false
    }
}
