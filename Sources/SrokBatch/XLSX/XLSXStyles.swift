/// What a workbook's styles (`xl/styles.xml`) say about dates: for each cell format (`<cellXfs>`
/// `<xf>`, indexed by a cell's `s` attribute) whether its number format shows a date or time.
package struct XLSXStyles {
    /// Per cell-format index: whether it is a date/time format.
    private(set) var dateStyles: [Bool] = []

    /// No styles part: no cell is a date.
    package init() {}

    /// Reads the `<numFmts>` (custom codes by id) and `<cellXfs>` of a styles part. A custom
    /// code decides for its id (even one below 164); other ids are dates when built-in dates.
    package init(_ part: XLSXElements) {
        var custom: [Int: String] = [:]
        var inCellXfs = false
        for e in part.elements {
            switch (e.isStart, e.name) {
            case (true, "numFmt"):
                if let id = e.attributes["numFmtId"].flatMap({ Int($0) }), let code = e.attributes["formatCode"] {
                    custom[id] = code
                }
            case (true, "cellXfs"): inCellXfs = true
            case (false, "cellXfs"): inCellXfs = false
            case (true, "xf") where inCellXfs:
                let id = e.attributes["numFmtId"].flatMap { Int($0) } ?? 0
                dateStyles.append(custom[id].map(XLSXNumberFormat.isDate(code:)) ?? XLSXNumberFormat.isBuiltInDate(id))
            default: break
            }
        }
    }

    /// Whether cell format `index` shows a date or time (false for an index beyond the table).
    package func isDate(_ index: Int) -> Bool { index >= 0 && index < dateStyles.count && dateStyles[index] }
}
