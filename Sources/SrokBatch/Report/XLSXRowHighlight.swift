/// How a report row is highlighted: the whole row (every column of the header, blanks included)
/// gets the fill.
package enum XLSXRowHighlight: Hashable, Sendable {
    /// No fill.
    case none
    /// A deadline is near: amber fill (Excel's «Жёлтая заливка и тёмно-жёлтый текст», `FFEB9C`).
    case approaching
    /// A deadline has passed: red fill (Excel's «Светло-красная заливка и тёмно-красный текст», `FFC7CE`).
    case overdue
}
