/// One worksheet row: its 1-based number and its non-empty cells in column order as stored.
///
/// Empty cells are not listed (a missing `<c>`, or one with a style but no value); a column gap
/// is simply absent. A merged range's value is where Excel stores it, in the range's first
/// (top-left) cell; the other cells of the range are empty. Rows Excel did not store (empty
/// ones) are skipped, so row numbers may jump.
package struct XLSXRow: Sendable, Hashable {
    /// The 1-based row number in the sheet.
    package var number: Int
    /// The non-empty cells, in the order the file lists them (ascending columns in any
    /// workbook Excel or LibreOffice wrote).
    package var cells: [XLSXRowCell]

    /// A row.
    package init(number: Int, cells: [XLSXRowCell]) {
        self.number = number
        self.cells = cells
    }

    /// The value in 1-based `column`, or nil when that cell is empty.
    package subscript(column: Int) -> XLSXValue? {
        cells.last { $0.column == column }?.value
    }

    /// Values by position, index 0 = column A, nil for an empty cell; `count` columns (default:
    /// up to the last non-empty cell).
    package func values(count: Int? = nil) -> [XLSXValue?] {
        let width = count ?? (cells.map(\.column).max() ?? 0)
        var out = [XLSXValue?](repeating: nil, count: width)
        for c in cells where c.column <= width { out[c.column - 1] = c.value }
        return out
    }

    /// Values as text by position (``XLSXValue/text``; an empty cell is `""`), like a CSV record.
    package func texts(count: Int? = nil) -> [String] {
        values(count: count).map { $0?.text ?? "" }
    }
}
