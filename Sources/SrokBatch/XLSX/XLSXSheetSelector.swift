import SrokCore

/// Which worksheet to read (`--sheet NAME|N`).
package enum XLSXSheetSelector: Sendable, Hashable, CustomStringConvertible {
    /// The first visible worksheet in tab order (the first worksheet when all are hidden).
    case first
    /// The sheet with this name (exact, then ignoring case).
    case name(String)
    /// The sheet at this 1-based position in tab order (hidden sheets and chart sheets count,
    /// as Excel's tabs do), unless a sheet is named exactly these digits (a sheet "2025").
    case index(Int)

    /// `--sheet`'s argument: digits are a position, anything else a name.
    package init(argument: String) {
        if !argument.isEmpty, argument.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let n = Int(argument) {
            self = .index(n)
        } else {
            self = .name(argument)
        }
    }

    /// `first`, the name, or the position.
    package var description: String {
        switch self {
        case .first: "first"
        case .name(let n): n
        case .index(let i): String(i)
        }
    }
}

/// One sheet of a workbook as `xl/workbook.xml` lists it.
package struct XLSXSheetInfo: Sendable, Hashable {
    /// The tab's name.
    package var name: String
    /// The 1-based position in tab order.
    package var position: Int
    /// The ZIP entry of its XML (e.g. `xl/worksheets/sheet1.xml`); nil when its relationship is missing.
    package var part: String?
    /// False for a chart sheet or a dialog sheet, which have no cells.
    package var isWorksheet: Bool
    /// Hidden (`state="hidden"` or `"veryHidden"`).
    package var isHidden: Bool
}
