import SrokCore

/// Where in a workbook something was found: the file, the sheet and the cell (each optional), as
/// error messages name it (`export.xlsx, sheet 'Лист1', cell B7`).
package struct XLSXLocation: Sendable, Hashable, CustomStringConvertible {
    /// The workbook's path as the user gave it.
    package var file: String
    /// The sheet's name, when known.
    package var sheet: String?
    /// The cell reference (`B7`) or row (`row 7`), when known.
    package var cell: String?

    /// A location.
    package init(file: String, sheet: String? = nil, cell: String? = nil) {
        self.file = file
        self.sheet = sheet
        self.cell = cell
    }

    /// `file, sheet 'S', cell C`.
    package var description: String {
        var s = file
        if let sheet { s += ", sheet '\(sheet)'" }
        if let cell { s += ", " + cell }
        return s
    }

    /// The same location at cell `reference` (e.g. `B7`).
    package func at(cell reference: String) -> XLSXLocation {
        var l = self
        l.cell = "cell " + reference
        return l
    }

    /// The same location at 1-based row `row`.
    package func at(row: Int) -> XLSXLocation {
        var l = self
        l.cell = "row \(row)"
        return l
    }

    /// A malformed value here: `invalid <location>: 'value'; expected …`.
    package func invalid(_ value: String, expected: String) -> SrokError {
        .invalidValue(field: description, value: String(value.prefix(80)), expected: expected)
    }

    /// A workbook that cannot be read here (damaged, not a workbook, a missing part).
    package func unreadable(_ message: String) -> SrokError {
        .io(path: description, message: message)
    }
}
