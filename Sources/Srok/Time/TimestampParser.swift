/// A timestamp as written in input: either an absolute instant (it carried `Z` or an offset) or
/// a local wall-clock time that still needs the organisation's zone.
public enum Timestamp: Hashable, Sendable {
    /// An instant (the text had `Z` or `±HH:MM`).
    case instant(Instant)
    /// A local date-time (no offset in the text): read it in a zone with ``resolve(in:)``.
    case local(LocalDateTime)

    /// The accepted forms, for error messages.
    public static let acceptedForms =
        "an ISO 8601 time with offset (2024-03-29T10:15+03:00, 2024-03-29T07:15:00Z) or a local time read in the zone (2024-03-29T10:15, 2024-03-29 10:15:30, 2024-03-29, 29.03.2024 10:15, 29.03.2024)"

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
            throw .invalidValue(field: field, value: String(text), expected: Timestamp.acceptedForms)
        }
        self = parsed
    }

    /// Parses raw UTF-8 bytes without allocating; `nil` when the text is not an accepted form or
    /// names an impossible date or time (2025-02-30, 24:01, offset beyond ±18:00).
    @inlinable public static func parse(_ b: UnsafeBufferPointer<UInt8>) -> Timestamp? {
        var lo = 0, hi = b.count
        while lo < hi, b[lo] == 0x20 || b[lo] == 0x09 { lo += 1 }
        while hi > lo, b[hi - 1] == 0x20 || b[hi - 1] == 0x09 || b[hi - 1] == 0x0D { hi -= 1 }
        @inline(__always) func num(_ at: Int, _ n: Int) -> Int? {
            guard at + n <= hi else { return nil }
            var v = 0
            for i in at..<(at + n) {
                let c = b[i] &- 0x30
                if c > 9 { return nil }
                v = v * 10 + Int(c)
            }
            return v
        }
        guard hi - lo >= 10, let date = CivilDate.parse(bytes: UnsafeBufferPointer(rebasing: b[lo..<(lo + 10)])) else { return nil }
        var p = lo + 10
        if p == hi { return .local(LocalDateTime(date: date)) }
        guard b[p] == 0x54 || b[p] == 0x20 || b[p] == 0x74 else { return nil }  // 'T', ' ', 't'
        p += 1
        guard let hh = num(p, 2), p + 2 < hi, b[p + 2] == 0x3A, let mi = num(p + 3, 2) else { return nil }
        p += 5
        var ss = 0
        if p < hi, b[p] == 0x3A {
            guard let v = num(p + 1, 2) else { return nil }
            ss = v; p += 3
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
        var day = date, secondOfDay = hh * 3600 + mi * 60 + ss
        if secondOfDay == 86_400 { day = day.adding(days: 1); secondOfDay = 0 }
        let local = LocalDateTime(date: day, secondOfDay: Int32(secondOfDay)).localSeconds
        if p == hi { return .local(LocalDateTime(date: day, secondOfDay: Int32(secondOfDay))) }
        var offset = 0
        if b[p] == 0x5A || b[p] == 0x7A {  // Z
            guard p + 1 == hi else { return nil }
        } else if b[p] == 0x2B || b[p] == 0x2D {
            let sign = b[p] == 0x2D ? -1 : 1
            guard let oh = num(p + 1, 2) else { return nil }
            var om = 0
            let rest = hi - (p + 3)
            if rest == 0 {
            } else if rest == 3, b[p + 3] == 0x3A, let v = num(p + 4, 2) { om = v
            } else if rest == 2, let v = num(p + 3, 2) { om = v
            } else { return nil }
            guard oh <= 18, om < 60 else { return nil }
            offset = sign * (oh * 3600 + om * 60)
        } else { return nil }
        return .instant(Instant(secondsSinceEpoch: local - Int64(offset)))
    }
}
