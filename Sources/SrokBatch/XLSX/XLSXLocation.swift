import SrokCore

/// Where in a workbook something was found: the file, the sheet and the cell (each optional), as
/// error messages name it (`export.xlsx, sheet 'Лист1', cell B7`; in Russian
/// `export.xlsx, лист «Лист1», ячейка B7`).
package struct XLSXLocation: Sendable, Hashable, CustomStringConvertible {
    /// The workbook's path as the user gave it.
    package var file: String
    /// The sheet's name, when known.
    package var sheet: String?
    /// The cell reference (`B7`), when known.
    package var cell: String?
    /// The 1-based row, when known and no cell is.
    package var row: Int?

    /// A location.
    package init(file: String, sheet: String? = nil, cell: String? = nil) {
        self.file = file
        self.sheet = sheet
        self.cell = cell
    }

    /// `file, sheet 'S', cell C` (the English form; ``SrokError/fieldName(_:_:)`` translates it).
    package var description: String { file + place(.en).map { ", " + $0 }.orEmpty }

    /// The sheet and the cell or row in `lang` (`sheet 'S', cell B7`; `лист «S», ячейка B7`), nil
    /// when neither is known.
    package func place(_ lang: Language) -> String? {
        var parts: [String] = []
        if let sheet { parts.append(lang == .ru ? "лист «\(sheet)»" : "sheet '\(sheet)'") }
        if let cell { parts.append((lang == .ru ? "ячейка " : "cell ") + cell) }
        if let row { parts.append((lang == .ru ? "строка " : "row ") + String(row)) }
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }

    /// The same location at cell `reference` (e.g. `B7`).
    package func at(cell reference: String) -> XLSXLocation {
        var l = self
        l.cell = reference
        l.row = nil
        return l
    }

    /// The same location at 1-based row `row`.
    package func at(row: Int) -> XLSXLocation {
        var l = self
        l.cell = nil
        l.row = row
        return l
    }

    /// A malformed value here: `invalid <location>: 'value'; expected …`.
    package func invalid(_ value: String, expected: LocalizedText) -> SrokError {
        .invalidValue(field: description, value: String(value.prefix(80)), expected: expected)
    }

    /// A workbook that cannot be read here (damaged, not a workbook, a missing part): the file,
    /// then the sheet and cell in the message's language and what is wrong.
    package func unreadable(_ message: LocalizedText) -> SrokError {
        let ru = place(.ru).map { $0 + ": " } ?? ""
        let en = place(.en).map { $0 + ": " } ?? ""
        return .io(path: file, message: LocalizedText(ru: ru + message.ru, en: en + message.en))
    }
}

extension String? {
    /// The text, or "" for nil.
    fileprivate var orEmpty: String { self ?? "" }
}
