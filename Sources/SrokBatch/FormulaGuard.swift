import SrokCore

/// Spreadsheet formula injection ("CSV injection", CWE-1236): a cell whose text starts with `=`,
/// `+`, `-` or `@` is read as a formula by Excel, LibreOffice and Google Sheets, and a leading
/// TAB or CR hides one. Text that came from the input (ids, organisations, header names, the
/// rejects' values) is prefixed with a single quote `'` when it is written to a CSV (or
/// spreadsheet) file, as OWASP's "CSV Injection" page recommends; the spreadsheet then shows it
/// as text. Values Srok computes (dates, minutes, statuses) are never prefixed: a negative number
/// of minutes is a number. JSON Lines output is not a spreadsheet and is not changed.
/// `--no-formula-escape` (``BatchRunOptions/formulaEscape``) writes the raw values.
package enum FormulaGuard {
    /// The first bytes that make a cell a formula: `=` `+` `-` `@` (OWASP), TAB and CR (OWASP), LF
    /// and NUL (OWASP ASVS 1.2.10 lists `\0`), as a bit per byte value below 64 (`@` is 64).
    private static let triggers: UInt64 =
        1 << 0x3D | 1 << 0x2B | 1 << 0x2D | 1 << 0x09 | 1 << 0x0D | 1 << 0x0A | 1 << 0x00

    /// The prefix written before such a text: `'`.
    package static let prefix: UInt8 = 0x27

    /// Whether a cell starting with `byte` would be read as a formula.
    @inline(__always) package static func isTrigger(_ byte: UInt8) -> Bool {
        byte < 64 ? triggers >> byte & 1 != 0 : byte == 0x40
    }

    /// Whether `text` needs the prefix.
    @inline(__always) package static func needsPrefix(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = text.first else { return false }
        return isTrigger(first)
    }

    /// `text` as a spreadsheet cell shows it as text: with `'` in front when it starts like a formula.
    package static func escape(_ text: String) -> String {
        guard let first = text.utf8.first, isTrigger(first) else { return text }
        return "'" + text
    }
}
