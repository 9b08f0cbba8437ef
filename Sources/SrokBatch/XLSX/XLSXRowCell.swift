/// One non-empty cell: its 1-based column (A = 1) and value.
package struct XLSXRowCell: Sendable, Hashable {
    /// 1-based column index.
    package var column: Int
    /// The value.
    package var value: XLSXValue

    /// A cell.
    package init(column: Int, value: XLSXValue) {
        self.column = column
        self.value = value
    }
}
