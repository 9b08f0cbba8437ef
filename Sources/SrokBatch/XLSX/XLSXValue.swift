/// A cell's value as the workbook stores it, typed.
package enum XLSXValue: Sendable, Hashable, CustomStringConvertible {
    /// Text: a shared string, an inline string or a formula's text result (`_xHHHH_` escapes decoded).
    case text(String)
    /// A number (not a date: its cell format shows no date).
    case number(Double)
    /// TRUE or FALSE.
    case bool(Bool)
    /// A number whose cell format is a date or time, converted with the workbook's date system.
    case date(XLSXDateTime)
    /// An error value as Excel shows it (`#N/A`, `#DIV/0!`, `#VALUE!`).
    case error(String)

    /// The value as text, as a CSV export of the cell would carry it: text as is; a whole number
    /// without a decimal point (`12345`), another number in its shortest exact form (`0.1`);
    /// `TRUE`/`FALSE`; a date as ``XLSXDateTime/text`` (`2025-03-01`, `2025-03-01 09:05:00`);
    /// an error as its code.
    package var text: String {
        switch self {
        case .text(let s): return s
        case .number(let x): return Self.format(x)
        case .bool(let b): return b ? "TRUE" : "FALSE"
        case .date(let d): return d.text
        case .error(let e): return e
        }
    }

    /// The same as ``text``.
    package var description: String { text }

    /// `12345` for a whole number below 2⁵³, else Swift's shortest round-trip form.
    static func format(_ x: Double) -> String {
        if x == x.rounded(), abs(x) < 9_007_199_254_740_992 { return String(Int64(x)) }
        return String(x)
    }
}
