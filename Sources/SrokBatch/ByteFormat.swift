import SrokCore

/// Byte-level output helpers: ISO 8601 and integers without Foundation's formatters, written
/// straight into a ``ByteSink`` through its ``ByteWriter``.
enum ByteFormat {
    /// "00" … "99" (a computed literal: no lazy-initialisation check per use).
    @inline(__always) private static var pairs: UnsafeRawPointer {
        UnsafeRawPointer(
            ("00010203040506070809101112131415161718192021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899"
                as StaticString).utf8Start)
    }

    /// Two digits of `v` (0–99) as a little-endian word.
    @inline(__always) static func pair(_ v: Int) -> UInt16 {
        pairs.loadUnaligned(fromByteOffset: 2 * v, as: UInt16.self)
    }

    /// `YYYY-MM-DD` of `d` at `p` (10 bytes): one load from the table of day texts (1900–2100;
    /// other years are formatted here, and outside 0–9999 print as "????").
    @inline(__always) private static func date(_ d: CivilDate, at p: UnsafeMutableRawPointer, days: DayTexts) {
        let i = Int(d.daysSinceEpoch) - DayTexts.first
        let text: (UInt64, UInt16)
        if i >= 0 && i < DayTexts.count { text = days.text(i) } else { text = DayTexts.format(d) }
        p.storeBytes(of: text.0, as: UInt64.self)
        p.storeBytes(of: text.1, toByteOffset: 8, as: UInt16.self)
    }

    /// `YYYY-MM-DD`, after `separator` when one is given (one reservation for both).
    @inline(__always) static func date(
        _ d: CivilDate, days: DayTexts, after separator: UInt8? = nil, into o: inout ByteWriter
    ) {
        let lead = separator == nil ? 0 : 1
        o.withUnsafeReservedPointer(lead + 10) { p in
            if let separator { p.storeBytes(of: separator, as: UInt8.self) }
            date(d, at: p + lead, days: days)
            return lead + 10
        }
    }

    /// `YYYY-MM-DDTHH:MM:SS+HH:MM` in `zone` (25 bytes).
    @inline(__always) static func instant(_ i: Instant, zone: ZoneRules, days: DayTexts, into o: inout ByteWriter) {
        instant(i, offset: zone.offset(at: i), days: days, into: &o)
    }

    /// `YYYY-MM-DDTHH:MM:SS+HH:MM` of `i` at UTC offset `offset` (seconds), 25 bytes, after
    /// `separator` when one is given (one reservation for both).
    @inline(__always) static func instant(
        _ i: Instant, offset: Int, days: DayTexts, after separator: UInt8? = nil, into o: inout ByteWriter
    ) {
        let lead = separator == nil ? 0 : 1
        o.withUnsafeReservedPointer(lead + 25) { p in
            if let separator { p.storeBytes(of: separator, as: UInt8.self) }
            instant(i, offset: offset, at: p + lead, days: days)
            return lead + 25
        }
    }

    /// `YYYY-MM-DDTHH:MM:SS+HH:MM` of `i` at UTC offset `offset` (seconds), 25 bytes at `p`.
    @inline(__always) private static func instant(
        _ i: Instant, offset: Int, at p: UnsafeMutableRawPointer, days t: DayTexts
    ) {
        let local = i.secondsSinceEpoch + Int64(offset)
        var days = local / 86_400
        var s = Int(local % 86_400)
        if s < 0 {
            s += 86_400
            days -= 1
        }
        date(CivilDate(daysSinceEpoch: Int32(truncatingIfNeeded: days)), at: p, days: t)
        let h = s / 3600
        let m = s / 60 - h * 60
        let sec = s - (s / 60) * 60
        // "THH:MM:S" and "S" + offset "±HH:MM".
        let a = abs(offset)
        let time =
            0x54 | UInt64(pair(h)) << 8 | 0x3A << 24 | UInt64(pair(m)) << 32 | 0x3A << 48 | UInt64(pair(sec) & 0xFF)
            << 56
        p.storeBytes(of: time, toByteOffset: 10, as: UInt64.self)
        let zoneText =
            UInt64(pair(sec) >> 8) | (offset < 0 ? 0x2D : 0x2B) << 8 | UInt64(pair(a / 3600)) << 16 | 0x3A << 32
            | UInt64(pair(a / 60 % 60)) << 40
        // 7 bytes: the last second digit and the offset.
        p.storeBytes(of: UInt32(truncatingIfNeeded: zoneText), toByteOffset: 18, as: UInt32.self)
        p.storeBytes(of: UInt16(truncatingIfNeeded: zoneText >> 32), toByteOffset: 22, as: UInt16.self)
        p.storeBytes(of: UInt8(truncatingIfNeeded: zoneText >> 48), toByteOffset: 24, as: UInt8.self)
    }

    /// A decimal integer at `q`; returns the position after it (at most 20 bytes).
    @inline(__always) private static func int(_ v: Int, at q: UnsafeMutableRawPointer) -> UnsafeMutableRawPointer {
        var q = q
        if v < 0 {
            q.storeBytes(of: 0x2D, as: UInt8.self)
            q += 1
        }
        var x = v.magnitude
        var digits = 1
        var p: UInt = 10
        while x >= p && digits < 19 {
            digits += 1
            p &*= 10
        }
        if x >= p { digits += 1 }
        var k = digits
        while k >= 2 {
            k -= 2
            let r = x % 100
            x /= 100
            q.storeBytes(of: pair(Int(r)), toByteOffset: k, as: UInt16.self)
        }
        if k == 1 { q.storeBytes(of: UInt8(truncatingIfNeeded: 0x30 + x), as: UInt8.self) }
        return q + digits
    }

    /// A decimal integer (at most 20 bytes: `-9223372036854775808`), after `separator` when one is
    /// given (one reservation for both).
    @inline(__always) static func int(_ v: Int, after separator: UInt8? = nil, into o: inout ByteWriter) {
        let lead = separator == nil ? 0 : 1
        o.withUnsafeReservedPointer(lead + 20) { p in
            if let separator { p.storeBytes(of: separator, as: UInt8.self) }
            return p.distance(to: int(v, at: p + lead))
        }
    }

    /// Bytes as a CSV field (quoted when needed) or a JSON string. With `formulaGuard`, a CSV
    /// field that starts like a spreadsheet formula gets ``FormulaGuard``'s prefix.
    static func text(
        _ s: UnsafeBufferPointer<UInt8>, csvDelimiter: UInt8?, formulaGuard: Bool = false, into o: inout ByteWriter
    ) {
        if let d = csvDelimiter {
            let guarded = formulaGuard && FormulaGuard.needsPrefix(s)
            let needs = s.contains { $0 == d || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
            if !needs {
                if guarded { o.append(FormulaGuard.prefix) }
                o.append(s)
                return
            }
            // Every byte at most twice, the two quotes and the prefix.
            o.withUnsafeReservedBytes(s.count * 2 + 3) { out in
                var n = 0
                @inline(__always) func put(_ c: UInt8) {
                    out[n] = c
                    n &+= 1
                }
                put(0x22)
                if guarded { put(FormulaGuard.prefix) }
                for c in s {
                    if c == 0x22 { put(0x22) }
                    put(c)
                }
                put(0x22)
                return n
            }
        } else {
            // Every byte at most six times (`\u00XX`), and the two quotes.
            o.withUnsafeReservedBytes(s.count * 6 + 2) { out in
                var n = 0
                @inline(__always) func put(_ c: UInt8) {
                    out[n] = c
                    n &+= 1
                }
                let hex: StaticString = "0123456789abcdef"
                put(0x22)
                for c in s {
                    switch c {
                    case 0x22:
                        put(0x5C)
                        put(0x22)
                    case 0x5C:
                        put(0x5C)
                        put(0x5C)
                    case 0x0A:
                        put(0x5C)
                        put(0x6E)
                    case 0x0D:
                        put(0x5C)
                        put(0x72)
                    case 0x09:
                        put(0x5C)
                        put(0x74)
                    case 0..<0x20:
                        put(0x5C)
                        put(0x75)
                        put(0x30)
                        put(0x30)
                        put(hex.utf8Start[Int(c >> 4)])
                        put(hex.utf8Start[Int(c & 15)])
                    default: put(c)
                    }
                }
                put(0x22)
                return n
            }
        }
    }

    /// A string as a CSV field (quoted when needed) or a JSON string.
    static func text(_ s: String, csvDelimiter: UInt8?, into o: inout ByteWriter) {
        var s = s
        s.withUTF8 { text($0, csvDelimiter: csvDelimiter, into: &o) }
    }
}
