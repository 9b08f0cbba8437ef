extension CivilDate {
    /// Parses ISO `YYYY-MM-DD` or Russian `DD.MM.YYYY` (leading/trailing spaces ignored).
    ///
    /// - Throws: ``SrokError/invalidValue(field:value:expected:)`` naming `field` when the text
    ///   is not one of the two forms or names no real day (e.g. 2025-02-30).
    public init(parsing text: some StringProtocol, field: String = "date") throws(SrokError) {
        var bytes = Array(text.utf8)
        while let f = bytes.first, f == 0x20 || f == 0x09 { bytes.removeFirst() }
        while let l = bytes.last, l == 0x20 || l == 0x09 || l == 0x0D { bytes.removeLast() }
        guard let date = bytes.withUnsafeBufferPointer({ CivilDate.parse(bytes: $0) }) else {
            throw .invalidValue(field: field, value: String(text), expected: CivilDate.acceptedForms)
        }
        self = date
    }

    /// The accepted textual forms, for error messages.
    public static let acceptedForms = "a date as YYYY-MM-DD or DD.MM.YYYY (a real calendar day)"

    /// Parses exactly `YYYY-MM-DD` or `DD.MM.YYYY` from raw UTF-8 bytes; `nil` otherwise.
    @inlinable package static func parse(bytes b: UnsafeBufferPointer<UInt8>) -> CivilDate? {
        @inline(__always) func digits(_ from: Int, _ count: Int) -> Int? {
            DecimalDigits.value(b, at: from, count: count, end: 10)
        }
        guard b.count == 10 else { return nil }
        if b[4] == 0x2D, b[7] == 0x2D, let y = digits(0, 4), let m = digits(5, 2), let d = digits(8, 2) {
            return CivilDate(year: y, month: m, day: d)
        }
        if b[2] == 0x2E, b[5] == 0x2E, let d = digits(0, 2), let m = digits(3, 2), let y = digits(6, 4) {
            return CivilDate(year: y, month: m, day: d)
        }
        return nil
    }
}
