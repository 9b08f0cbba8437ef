import SrokCore

/// Finds the header row of a sheet whose first rows may be titles (a report name, a merged
/// banner, the export date): the first row, among the first `within` stored rows, holding at
/// least `minimum` known column names.
package enum XLSXHeaderFinder {
    /// A header found.
    package struct Header: Sendable, Hashable {
        /// The header row as read.
        package var row: XLSXRow
        /// Its cells' text by position (index 0 = column A; `""` for an empty cell), trimmed.
        package var names: [String]
        /// How many of them are known names.
        package var matched: Int
    }

    /// Reads rows from `reader` until one holds at least `minimum` names of `known` and returns
    /// it; the reader is then positioned on the row after it. Names compare ignoring case, ё/е,
    /// surrounding spaces, and runs of white space (a line break inside a header cell counts as
    /// one space).
    /// - Throws: when no row among the first `within` rows qualifies, naming the file, the sheet
    ///   and the names looked for.
    package static func find(
        in reader: XLSXReader, known: Set<String>, within: Int = 50,
        minimum: Int = 2
    ) throws(SrokError) -> Header {
        let keys = Set(known.map(normalized))
        var seen = 0
        while seen < within, let row = try reader.nextRow() {
            seen += 1
            let names = row.texts().map { $0.trimmingCharacters() }
            let matched = names.reduce(0) { $0 + (keys.contains(normalized($1)) ? 1 : 0) }
            if matched >= min(minimum, keys.count) && matched > 0 {
                return Header(row: row, names: names, matched: matched)
            }
        }
        let location = XLSXLocation(file: reader.workbook.file, sheet: reader.sheet.name)
        let sample = known.sorted().prefix(8).joined(separator: ", ")
        throw location.unreadable(
            LocalizedText(
                ru:
                    "в первых \(within) строках нет строки заголовка; ожидается строка хотя бы с \(minimum) известными названиями столбцов (например, \(sample))",
                en:
                    "no header row in the first \(within) rows; expected a header row with at least \(minimum) known column names (such as \(sample))"
            ))
    }

    /// Lowercased, ё as е, trimmed, inner white space collapsed to one space (as the batch
    /// matches header names, ``TextKey``).
    static func normalized(_ s: String) -> String {
        TextKey.normalize(s.split(whereSeparator: { $0.isWhitespace }).joined(separator: " "))
    }
}

extension String {
    /// Without leading and trailing white space (spaces, tabs, line breaks, no-break spaces).
    fileprivate func trimmingCharacters() -> String {
        guard let first = firstIndex(where: { !$0.isWhitespace }), let last = lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return String(self[first...last])
    }
}
