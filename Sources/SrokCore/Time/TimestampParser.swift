/// A timestamp as written in input: either an absolute instant (it carried `Z` or an offset) or
/// a local wall-clock time that still needs the organisation's zone.
public enum Timestamp: Hashable, Sendable {
    /// An instant (the text had `Z` or `±HH:MM`).
    case instant(Instant)
    /// A local date-time (no offset in the text): read it in a zone with ``resolve(in:)``.
    case local(LocalDateTime)

    /// The accepted forms, for error messages.
    public static let acceptedForms = LocalizedText(
        ru:
            "время ISO 8601 со смещением (2024-03-29T10:15+03:00, 2024-03-29T07:15:00Z) или местное время, которое читается в часовом поясе организации (2024-03-29T10:15, 2024-03-29 10:15:30, 2024-03-29, 29.03.2024 10:15, 29.03.2024 10:15:30, 1.3.2025 9:05, 29.03.2024)",
        en:
            "an ISO 8601 time with offset (2024-03-29T10:15+03:00, 2024-03-29T07:15:00Z) or a local time read in the organisation's zone (2024-03-29T10:15, 2024-03-29 10:15:30, 2024-03-29, 29.03.2024 10:15, 29.03.2024 10:15:30, 1.3.2025 9:05, 29.03.2024)"
    )

    /// The range accepted (see `parse(_:)`), for error messages.
    public static let acceptedRange = LocalizedText(
        ru: "местное время с 0001-01-02 по 9999-12-30, моменты с 0001-01-01T00:00:00Z по 9999-12-31T23:59:59Z",
        en: "local times from 0001-01-02 to 9999-12-30, instants from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59Z")

    /// What an error about a timestamp that did not parse expects: the accepted forms and range,
    /// after the reason when the text has a two-digit year (`01.03.25 9:05`: the century cannot be
    /// known, so it is refused rather than guessed).
    public static func refusal(for text: String) -> LocalizedText {
        guard let year = CivilDate.twoDigitYear(in: text) else { return acceptedForms + "; " + acceptedRange }
        return LocalizedText(
            ru:
                "год из четырёх цифр: двузначный год «\(year)» неоднозначен (19\(year) или 20\(year)?), напишите год полностью; ",
            en:
                "a four-digit year: the two-digit year '\(year)' is ambiguous (19\(year) or 20\(year)?), write the year in full; "
        )
            + acceptedForms
    }

    /// The instant, reading a local time in `zone`.
    @inlinable public func resolve(in zone: ZoneRules) -> Instant {
        switch self {
        case .instant(let i): return i
        case .local(let l): return zone.instant(l)
        }
    }

    /// Parses `text` (see ``acceptedForms``).
    /// - Throws: ``SrokError/invalidValue(field:value:expected:)`` naming `field`.
    public init(parsing text: some StringProtocol, field: String = "timestamp") throws(SrokError) {
        var s = String(text)
        let parsed = s.withUTF8 { Timestamp.parse($0) }
        guard let parsed else {
            throw .invalidValue(field: field, value: String(text), expected: Timestamp.refusal(for: String(text)))
        }
        self = parsed
    }

    /// Parses raw UTF-8 bytes without allocating; `nil` when the text is not an accepted form,
    /// names an impossible date or time (2025-02-30, 24:01, offset beyond ±18:00), or lies outside
    /// the range Srok computes with:
    /// - a time with `Z` or an offset must name an instant in ``Instant/supportedRange``
    ///   (0001-01-01T00:00:00Z…9999-12-31T23:59:59Z), so that every accepted instant formats in UTC
    ///   with a four-digit year and parses back to itself (`0001-01-01T00:00+01:00`,
    ///   `9999-12-31T24:00Z` and `9999-12-31T23:00-05:00` fall outside and are refused);
    /// - a local time (no offset) must lie from 0001-01-02T00:00 to 9999-12-30T23:59:59 (`24:00`
    ///   counting as the next day): a day inside the range at each end, so that read in any zone
    ///   (offsets are within ±18 h) its instant stays in ``Instant/supportedRange`` too.
    @inlinable package static func parse(_ b: UnsafeBufferPointer<UInt8>) -> Timestamp? {
        if b.count == 25, let i = parseFixedISO(b) { return .instant(i) }
        return parseGeneral(b)
    }

    /// The form exports and Srok's own output use, `YYYY-MM-DDTHH:MM:SS±HH:MM` (25 bytes, years
    /// 1900–2100), checked and converted a word at a time; nil for anything else (the general
    /// parser then decides: other forms, impossible values, 24:00).
    @inlinable static func parseFixedISO(_ b: UnsafeBufferPointer<UInt8>) -> Instant? {
        guard let base = b.baseAddress else { return nil }
        let raw = UnsafeRawPointer(base)
        let w0 = raw.loadUnaligned(as: UInt64.self)  // YYYY-MM-
        let w1 = raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)  // DDTHH:MM
        let w2 = raw.loadUnaligned(fromByteOffset: 16, as: UInt64.self)  // :SS±HH:M
        let last = base[24]
        // Digit lanes (little-endian: lane k is byte k of the word) and the separators.
        let digits0: UInt64 = 0x00FF_FF00_FFFF_FFFF
        let digits1: UInt64 = 0xFFFF_00FF_FF00_FFFF
        let digits2: UInt64 = 0xFF00_FFFF_00FF_FF00
        @inline(__always) func areDigits(_ w: UInt64, _ lanes: UInt64) -> Bool {
            let ones: UInt64 = 0x0101_0101_0101_0101
            // High nibble 3, low nibble at most 9 (adding 6 must not carry into the high nibble).
            return (w & 0xF0F0_F0F0_F0F0_F0F0 & lanes) == (0x30 &* ones) & lanes
                && ((w & 0x0F0F_0F0F_0F0F_0F0F) &+ 0x0606_0606_0606_0606) & 0xF0F0_F0F0_F0F0_F0F0 & lanes == 0
        }
        guard areDigits(w0, digits0), areDigits(w1, digits1), areDigits(w2, digits2), last &- 0x30 <= 9,
            w0 & ~digits0 == 0x2D00_002D_0000_0000,  // '-' at 4 and 7
            (w1 >> 16) & 0xFF == 0x54 || (w1 >> 16) & 0xFF == 0x20,  // 'T' or ' ' at 10
            (w1 >> 40) & 0xFF == 0x3A,  // ':' at 13
            w2 & 0xFF == 0x3A, (w2 >> 48) & 0xFF == 0x3A
        else { return nil }  // ':' at 16 and 22
        let sign = (w2 >> 24) & 0xFF
        guard sign == 0x2B || sign == 0x2D else { return nil }
        @inline(__always) func two(_ w: UInt64, _ lane: Int) -> Int {
            Int((w >> (8 * lane)) & 0x0F) * 10 + Int((w >> (8 * lane + 8)) & 0x0F)
        }
        let year = two(w0, 0) * 100 + two(w0, 2)
        let month = two(w0, 5)
        let day = two(w1, 0)
        let hour = two(w1, 3)
        let minute = two(w1, 6)
        let second = two(w2, 1)
        let offsetHours = two(w2, 4)
        let offsetMinutes = Int((w2 >> 56) & 0x0F) * 10 + Int(last & 0x0F)
        guard year >= 1900, year <= 2100, month >= 1, month <= 12, day >= 1,
            day <= CivilDate.daysIn(month: month, year: year),
            hour < 24, minute < 60, second < 60, offsetHours <= 18, offsetMinutes < 60
        else { return nil }
        let offset = (offsetHours * 3600 + offsetMinutes * 60) * (sign == 0x2D ? -1 : 1)
        let local =
            Int64(CivilDate.days(year: year, month: month, day: day)) * 86_400
            + Int64(hour * 3600 + minute * 60 + second)
        return Instant(secondsSinceEpoch: local - Int64(offset))
    }

    /// Every accepted form, byte by byte (see ``parse(_:)``).
    @inlinable static func parseGeneral(_ b: UnsafeBufferPointer<UInt8>) -> Timestamp? {
        var lo = 0
        var hi = b.count
        while lo < hi, b[lo] == 0x20 || b[lo] == 0x09 { lo += 1 }
        while hi > lo, b[hi - 1] == 0x20 || b[hi - 1] == 0x09 || b[hi - 1] == 0x0D { hi -= 1 }
        @inline(__always) func num(_ at: Int, _ n: Int) -> Int? { DecimalDigits.value(b, at: at, count: n, end: hi) }
        // YYYY-MM-DD and DD.MM.YYYY in ten bytes first; then D.M.YYYY as people and Excel write it.
        let date: CivilDate
        var p: Int
        if hi - lo >= 10, let d = CivilDate.parse(bytes: UnsafeBufferPointer(rebasing: b[lo..<(lo + 10)])) {
            date = d
            p = lo + 10
        } else if let (d, end) = CivilDate.parseShortDotted(b, from: lo, end: hi) {
            date = d
            p = end
        } else {
            return nil
        }
        if p == hi { return isLocalInRange(date) ? .local(LocalDateTime(date: date)) : nil }
        guard b[p] == 0x54 || b[p] == 0x20 || b[p] == 0x74 else { return nil }  // 'T', ' ', 't'
        let afterSpace = b[p] == 0x20
        p += 1
        // The hour: two digits, or one after a space (`01.03.2025 9:05`, as Excel writes it).
        let hh: Int
        if afterSpace, p + 1 < hi, b[p + 1] == 0x3A, let h = num(p, 1) {
            hh = h
            p += 2
        } else {
            guard let h = num(p, 2), p + 2 < hi, b[p + 2] == 0x3A else { return nil }
            hh = h
            p += 3
        }
        guard let mi = num(p, 2) else { return nil }
        p += 2
        var ss = 0
        if p < hi, b[p] == 0x3A {
            guard let v = num(p + 1, 2) else { return nil }
            ss = v
            p += 3
            if p < hi, b[p] == 0x2E || b[p] == 0x2C {  // fraction: ignored (second precision)
                p += 1
                let f = p
                while p < hi, b[p] &- 0x30 <= 9 { p += 1 }
                guard p > f else { return nil }
            }
        }
        guard hh < 24 || (hh == 24 && mi == 0 && ss == 0), mi < 60, ss < 60 else { return nil }
        // 24:00 is the end of the day: the next day at 00:00. (No division here: it would round
        // towards zero for dates before 1970, a bug the fuzzer found.)
        var day = date
        var secondOfDay = hh * 3600 + mi * 60 + ss
        if secondOfDay == 86_400 {
            day = day.adding(days: 1)
            secondOfDay = 0
        }
        let local = LocalDateTime(date: day, secondOfDay: Int32(secondOfDay)).localSeconds
        if p == hi {
            return isLocalInRange(day) ? .local(LocalDateTime(date: day, secondOfDay: Int32(secondOfDay))) : nil
        }
        var offset = 0
        if b[p] == 0x5A || b[p] == 0x7A {  // Z
            guard p + 1 == hi else { return nil }
        } else if b[p] == 0x2B || b[p] == 0x2D {
            let sign = b[p] == 0x2D ? -1 : 1
            guard let oh = num(p + 1, 2) else { return nil }
            var om = 0
            let rest = hi - (p + 3)
            if rest == 0 {
            } else if rest == 3, b[p + 3] == 0x3A, let v = num(p + 4, 2) {
                om = v
            } else if rest == 2, let v = num(p + 3, 2) {
                om = v
            } else {
                return nil
            }
            guard oh <= 18, om < 60 else { return nil }
            offset = sign * (oh * 3600 + om * 60)
        } else {
            return nil
        }
        let seconds = local - Int64(offset)
        guard seconds >= Instant.minSupportedSeconds, seconds <= Instant.maxSupportedSeconds else { return nil }
        return .instant(Instant(secondsSinceEpoch: seconds))
    }

    /// Whether a local time on `day` is accepted: 0001-01-02 through 9999-12-30 (see ``parse(_:)``).
    @inlinable @inline(__always) static func isLocalInRange(_ day: CivilDate) -> Bool {
        // 0001-01-02 is day −719 161 of the epoch, 9999-12-30 day 2 932 895.
        day.daysSinceEpoch >= -719_161 && day.daysSinceEpoch <= 2_932_895
    }
}
