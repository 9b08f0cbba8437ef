/// A rejected input row, as listed on the report's third sheet («Отклонённые строки»).
package struct XLSXRejectedRow: Hashable, Sendable {
    /// The 1-based line (or row) of the input the value came from.
    package var line: Int
    /// The input's own header name of the offending column; empty when the whole row was refused.
    package var column: String
    /// The value as it was written in the input.
    package var value: String
    /// Why it was refused, in the output language.
    package var reason: String

    /// Creates a rejected row.
    package init(line: Int, column: String, value: String, reason: String) {
        self.line = line
        self.column = column
        self.value = value
        self.reason = reason
    }
}
