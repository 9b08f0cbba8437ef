extension CivilDate {
    /// Parses ISO `YYYY-MM-DD` or Russian `DD.MM.YYYY`, also with a one-digit day or month as
    /// people and Excel write them (`1.3.2025`); leading/trailing spaces ignored.
    ///
    /// - Throws: ``SrokError/invalidValue(field:value:expected:)`` naming `field` when the text
    ///   is not one of these forms or names no real day (e.g. 2025-02-30); a two-digit year
    ///   (`01.03.25`) is refused with a message that says why (``refusal(for:)``).
    public init(parsing text: some StringProtocol, field: String = "date") throws(SrokError) {
        var bytes = Array(text.utf8)
        while let f = bytes.first, f == 0x20 || f == 0x09 { bytes.removeFirst() }
        while let l = bytes.last, l == 0x20 || l == 0x09 || l == 0x0D { bytes.removeLast() }
        guard let date = bytes.withUnsafeBufferPointer({ CivilDate.parse(bytes: $0) }) else {
            throw .invalidValue(field: field, value: String(text), expected: CivilDate.refusal(for: String(text)))
        }
        self = date
    }

    /// The accepted textual forms, for error messages.
    public static let acceptedForms = LocalizedText(
        ru: "дата в виде ГГГГ-ММ-ДД, ДД.ММ.ГГГГ или Д.М.ГГГГ (существующий день календаря)",
        en: "a date as YYYY-MM-DD, DD.MM.YYYY or D.M.YYYY (a real calendar day)")

    /// What an error about a date that did not parse expects: the accepted forms, after the
    /// reason when the text has a two-digit year (`01.03.25`: which century is meant cannot be
    /// known, so it is refused rather than guessed).
    public static func refusal(for text: String) -> LocalizedText {
        guard let year = twoDigitYear(in: text) else { return acceptedForms }
        return LocalizedText(
            ru:
                "год из четырёх цифр: двузначный год «\(year)» неоднозначен (19\(year) или 20\(year)?), напишите год полностью; ",
            en:
                "a four-digit year: the two-digit year '\(year)' is ambiguous (19\(year) or 20\(year)?), write the year in full; "
        )
            + acceptedForms
    }

    /// The two digits of a year written `D.M.YY` at the start of `text` (before a space, a `T` or
    /// the end), or nil.
    static func twoDigitYear(in text: String) -> String? {
        let trimmed = text.trimmingSpaces
        let date = trimmed.prefix { $0 != " " && $0 != "T" && $0 != "t" }
        let parts = date.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count),
            parts[2].count == 2, parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } })
        else { return nil }
        return String(parts[2])
    }

    /// Parses exactly `YYYY-MM-DD`, `DD.MM.YYYY` or the short Russian forms `D.M.YYYY`,
    /// `DD.M.YYYY`, `D.MM.YYYY` from raw UTF-8 bytes; `nil` otherwise (a two-digit year too).
    @inlinable package static func parse(bytes b: UnsafeBufferPointer<UInt8>) -> CivilDate? {
        @inline(__always) func digits(_ from: Int, _ count: Int) -> Int? {
            DecimalDigits.value(b, at: from, count: count, end: 10)
        }
        guard b.count == 10 else {
            guard b.count >= 8, b.count < 10, let (date, end) = parseShortDotted(b, from: 0, end: b.count),
                end == b.count
            else { return nil }
            return date
        }
        if b[4] == 0x2D, b[7] == 0x2D, let y = digits(0, 4), let m = digits(5, 2), let d = digits(8, 2) {
            return CivilDate(year: y, month: m, day: d)
        }
        if b[2] == 0x2E, b[5] == 0x2E, let d = digits(0, 2), let m = digits(3, 2), let y = digits(6, 4) {
            return CivilDate(year: y, month: m, day: d)
        }
        return nil
    }

    /// A Russian date with a one- or two-digit day and month and a four-digit year (`1.3.2025`,
    /// `01.3.2025`, `1.03.2025`, `01.03.2025`) starting at `from`, and the index after it; nil
    /// when there is none, or the year is not followed by the end, a space or `T` (a two-digit
    /// year is refused, a five-digit one too).
    @inlinable package static func parseShortDotted(_ b: UnsafeBufferPointer<UInt8>, from: Int, end: Int)
        -> (date: CivilDate, end: Int)?
    {
        var p = from
        // One or two digits, then a dot.
        @inline(__always) func part() -> Int? {
            guard p < end, b[p] &- 0x30 <= 9 else { return nil }
            var v = Int(b[p] &- 0x30)
            p += 1
            if p < end, b[p] &- 0x30 <= 9 {
                v = v * 10 + Int(b[p] &- 0x30)
                p += 1
            }
            guard p < end, b[p] == 0x2E else { return nil }
            p += 1
            return v
        }
        guard let d = part(), let m = part(), let y = DecimalDigits.value(b, at: p, count: 4, end: end) else {
            return nil
        }
        p += 4
        guard p == end || b[p] == 0x20 || b[p] == 0x54 || b[p] == 0x74,
            let date = CivilDate(year: y, month: m, day: d)
        else { return nil }
        return (date, p)
    }
}
