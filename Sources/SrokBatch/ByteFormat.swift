import SrokCore
/// Byte-level output helpers: ISO 8601 and integers without Foundation's formatters, written
/// straight into a ``ByteSink``.
enum ByteFormat {
    /// "00" … "99" (a computed literal: no lazy-initialisation check per use).
    @inline(__always) static var pairs: UnsafeRawPointer {
        UnsafeRawPointer(("00010203040506070809101112131415161718192021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899" as StaticString).utf8Start)
    }

    /// Two digits of `v` (0–99) as a little-endian word.
    @inline(__always) static func pair(_ v: Int) -> UInt16 { pairs.loadUnaligned(fromByteOffset: 2 * v, as: UInt16.self) }

    /// `YYYY-MM-DD` of `d` at `p` (10 bytes): one load from the table of day texts (1900–2100;
    /// other years are formatted here, and outside 0–9999 print as "????").
    @inline(__always) static func date(_ d: CivilDate, at p: UnsafeMutableRawPointer, days: DayTexts) {
        let i = Int(d.daysSinceEpoch) - DayTexts.first
        let text: (UInt64, UInt16)
        if i >= 0 && i < DayTexts.count { text = days.text(i) } else { text = DayTexts.format(d) }
        p.storeBytes(of: text.0, as: UInt64.self)
        p.storeBytes(of: text.1, toByteOffset: 8, as: UInt16.self)
    }

    /// `YYYY-MM-DD`.
    @inline(__always) static func date(_ d: CivilDate, days: DayTexts, into o: inout ByteSink) {
        o.reserve(10)
        date(d, at: o.tail, days: days)
        o.advance(10)
    }

    /// `YYYY-MM-DDTHH:MM:SS+HH:MM` in `zone` (25 bytes).
    @inline(__always) static func instant(_ i: Instant, zone: ZoneRules, days: DayTexts, into o: inout ByteSink) {
        o.reserve(25)
        instant(i, offset: zone.offset(at: i), at: o.tail, days: days)
        o.advance(25)
    }

    /// `YYYY-MM-DDTHH:MM:SS+HH:MM` of `i` at UTC offset `offset` (seconds), 25 bytes at `p`.
    @inline(__always) static func instant(_ i: Instant, offset: Int, at p: UnsafeMutableRawPointer, days t: DayTexts) {
        let local = i.secondsSinceEpoch + Int64(offset)
        var days = local / 86_400, s = Int(local % 86_400)
        if s < 0 { s += 86_400; days -= 1 }
        date(CivilDate(daysSinceEpoch: Int32(truncatingIfNeeded: days)), at: p, days: t)
        let h = s / 3600, m = s / 60 - h * 60, sec = s - (s / 60) * 60
        // "THH:MM:S" and "S" + offset "±HH:MM".
        let a = abs(offset)
        let time = 0x54 | UInt64(pair(h)) << 8 | 0x3A << 24 | UInt64(pair(m)) << 32 | 0x3A << 48 | UInt64(pair(sec) & 0xFF) << 56
        p.storeBytes(of: time, toByteOffset: 10, as: UInt64.self)
        let zoneText = UInt64(pair(sec) >> 8) | (offset < 0 ? 0x2D : 0x2B) << 8 | UInt64(pair(a / 3600)) << 16 | 0x3A << 32
            | UInt64(pair(a / 60 % 60)) << 40
        // 7 bytes: the last second digit and the offset.
        p.storeBytes(of: UInt32(truncatingIfNeeded: zoneText), toByteOffset: 18, as: UInt32.self)
        p.storeBytes(of: UInt16(truncatingIfNeeded: zoneText >> 32), toByteOffset: 22, as: UInt16.self)
        p.storeBytes(of: UInt8(truncatingIfNeeded: zoneText >> 48), toByteOffset: 24, as: UInt8.self)
    }

    /// A decimal integer at `q`; returns the position after it (at most 20 bytes).
    @inline(__always) static func int(_ v: Int, at q: UnsafeMutableRawPointer) -> UnsafeMutableRawPointer {
        var q = q
        if v < 0 { q.storeBytes(of: 0x2D, as: UInt8.self); q += 1 }
        var x = v.magnitude
        var digits = 1
        var p: UInt = 10
        while x >= p && digits < 19 { digits += 1; p &*= 10 }
        if x >= p { digits += 1 }
        var k = digits
        while k >= 2 {
            k -= 2
            let r = x % 100; x /= 100
            q.storeBytes(of: pair(Int(r)), toByteOffset: k, as: UInt16.self)
        }
        if k == 1 { q.storeBytes(of: UInt8(truncatingIfNeeded: 0x30 + x), as: UInt8.self) }
        return q + digits
    }

    /// A decimal integer.
    @inline(__always) static func int(_ v: Int, into o: inout ByteSink) {
        o.reserve(21)
        let end = int(v, at: o.tail)
        o.advance(o.tail.distance(to: end))
    }

    /// Bytes as a CSV field (quoted when needed) or a JSON string.
    static func text(_ s: UnsafeBufferPointer<UInt8>, csvDelimiter: UInt8?, into o: inout ByteSink) {
        o.reserve(s.count * 6 + 2)
        if let d = csvDelimiter {
            let needs = s.contains { $0 == d || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
            if !needs { for c in s { o.append(c) }; return }
            o.append(0x22)
            for c in s { if c == 0x22 { o.append(0x22) }; o.append(c) }
            o.append(0x22)
        } else {
            o.append(0x22)
            let hex: StaticString = "0123456789abcdef"
            for c in s {
                switch c {
                case 0x22: o.append(0x5C); o.append(0x22)
                case 0x5C: o.append(0x5C); o.append(0x5C)
                case 0x0A: o.append(0x5C); o.append(0x6E)
                case 0x0D: o.append(0x5C); o.append(0x72)
                case 0x09: o.append(0x5C); o.append(0x74)
                case 0..<0x20:
                    o.append(0x5C); o.append(0x75); o.append(0x30); o.append(0x30)
                    o.append(hex.utf8Start[Int(c >> 4)]); o.append(hex.utf8Start[Int(c & 15)])
                default: o.append(c)
                }
            }
            o.append(0x22)
        }
    }

    static func text(_ s: String, csvDelimiter: UInt8?, into o: inout ByteSink) {
        var s = s
        s.withUTF8 { text($0, csvDelimiter: csvDelimiter, into: &o) }
    }

    /// ASCII text that needs no escaping.
    @inline(__always) static func ascii(_ s: StaticString, into o: inout ByteSink) {
        o.append(UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
    }
}
