import SrokCore

/// An A1-style cell reference (`B7`): a 1-based column (A = 1 … XFD = 16 384) and a 1-based row
/// (1 … 1 048 576), Excel's limits.
package struct XLSXCellReference: Sendable, Hashable, CustomStringConvertible {
    /// 1-based column index (A = 1).
    package var column: Int
    /// 1-based row number.
    package var row: Int

    /// The last column Excel has (XFD).
    package static let maxColumn = 16_384
    /// The last row Excel has.
    package static let maxRow = 1_048_576
    /// What a reference may be, for error messages.
    package static let accepted = LocalizedText(
        ru: "ссылка на ячейку от A1 до XFD1048576 (буквы столбца A–XFD, затем номер строки 1–1048576)",
        en: "a cell reference from A1 to XFD1048576 (column letters A–XFD, then a row number 1–1048576)")

    /// A reference; no range check.
    package init(column: Int, row: Int) {
        self.column = column
        self.row = row
    }

    /// Parses `B7` (letters, then digits; letters in either case). Nil when malformed or beyond
    /// Excel's limits (`ZZZZZZZ1`, `A0`, `A1048577`, `7`, `B`).
    package init?(_ text: some StringProtocol) {
        let bytes = Array(text.utf8)
        guard let r = bytes.withUnsafeBufferPointer({ Self.parse($0) }) else { return nil }
        self = r
    }

    /// Parses a reference from raw bytes (see ``init(_:)``).
    @inlinable package static func parse(_ b: UnsafeBufferPointer<UInt8>) -> XLSXCellReference? {
        var i = 0
        var column = 0
        var row = 0
        while i < b.count, case let c = b[i] | 0x20, c >= 0x61 && c <= 0x7A {
            column = column * 26 + Int(c - 0x60)
            if column > maxColumn { return nil }
            i += 1
        }
        guard i > 0, i < b.count else { return nil }
        let digits = i
        while i < b.count, b[i] >= 0x30 && b[i] <= 0x39 {
            row = row * 10 + Int(b[i] - 0x30)
            if row > maxRow { return nil }
            i += 1
        }
        guard i == b.count, i > digits, row >= 1 else { return nil }
        return XLSXCellReference(column: column, row: row)
    }

    /// The column's letters: 1 → `A`, 27 → `AA`, 16 384 → `XFD`.
    package static func letters(_ column: Int) -> String {
        var n = column
        var s: [UInt8] = []
        while n > 0 {
            let r = (n - 1) % 26
            s.append(UInt8(0x41 + r))
            n = (n - 1) / 26
        }
        return String(decoding: s.reversed(), as: UTF8.self)
    }

    /// `B7`.
    package var description: String { Self.letters(column) + String(row) }
}
