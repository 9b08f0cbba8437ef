/// Byte-level output helpers: ISO 8601 and integers without Foundation's formatters, written
/// straight into a ``ByteSink``.
enum ByteFormat {
    /// "00" … "99" (a computed literal: no lazy-initialisation check per use).
    @inline(__always) static var pairs: UnsafeRawPointer {
        UnsafeRawPointer(("00010203040506070809101112131415161718192021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899" as StaticString).utf8Start)
    }

    /// Two digits of `v` (0–99) at `p`.
    @inline(__always) static func two(_ v: Int, at p: UnsafeMutableRawPointer) {
        p.storeBytes(of: pairs.loadUnaligned(fromByteOffset: 2 * v, as: UInt16.self), as: UInt16.self)
    }

    /// `YYYY-MM-DD` of `d` at `p` (10 bytes). The dates of one row fall on a few days: the last
    /// day's text is remembered in the sink.
    @inline(__always) static func date(_ d: CivilDate, at p: UnsafeMutableRawPointer, memo o: inout ByteSink) {
        if d != o.lastDate {
            let (y, m, day) = d.components
            let q = UnsafeMutableRawPointer(&o.lastText)
            if y >= 0 && y <= 9999 {
                two(y / 100, at: q); two(y % 100, at: q + 2)
            } else {
                q.storeBytes(of: UInt32(0x3F3F_3F3F), as: UInt32.self)   // "????": outside ISO 8601's four digits
            }
            q.storeBytes(of: 0x2D, toByteOffset: 4, as: UInt8.self); two(m, at: q + 5)
            q.storeBytes(of: 0x2D, toByteOffset: 7, as: UInt8.self); two(day, at: q + 8)
            o.lastDate = d
        }
        withUnsafeBytes(of: o.lastText) { p.copyMemory(from: $0.baseAddress!, byteCount: 10) }
    }

    /// `YYYY-MM-DD`.
    @inline(__always) static func date(_ d: CivilDate, into o: inout ByteSink) {
        o.reserve(10)
        date(d, at: o.tail, memo: &o)
        o.advance(10)
    }

    /// `YYYY-MM-DDTHH:MM:SS+HH:MM` in `zone` (25 bytes).
    @inline(__always) static func instant(_ i: Instant, zone: ZoneRules, into o: inout ByteSink) {
        let offset = zone.offset(at: i)
        let local = i.secondsSinceEpoch + Int64(offset)
        var days = local / 86_400, s = Int(local % 86_400)
        if s < 0 { s += 86_400; days -= 1 }
        o.reserve(25)
        let p = o.tail
        date(CivilDate(daysSinceEpoch: Int32(truncatingIfNeeded: days)), at: p, memo: &o)
        p.storeBytes(of: 0x54, toByteOffset: 10, as: UInt8.self)
        two(s / 3600, at: p + 11); p.storeBytes(of: 0x3A, toByteOffset: 13, as: UInt8.self)
        two(s / 60 % 60, at: p + 14); p.storeBytes(of: 0x3A, toByteOffset: 16, as: UInt8.self)
        two(s % 60, at: p + 17)
        let a = abs(offset)
        p.storeBytes(of: offset < 0 ? 0x2D : 0x2B, toByteOffset: 19, as: UInt8.self)
        two(a / 3600, at: p + 20); p.storeBytes(of: 0x3A, toByteOffset: 22, as: UInt8.self); two(a / 60 % 60, at: p + 23)
        o.advance(25)
    }

    /// A decimal integer.
    @inline(__always) static func int(_ v: Int, into o: inout ByteSink) {
        if v < 0 { o.append(0x2D) }
        var x = v.magnitude
        var digits = 1
        var p: UInt = 10
        while x >= p && digits < 19 { digits += 1; p &*= 10 }
        var k = digits
        // Write right to left into the reserved room.
        o.reserve(digits)
        let start = o.count
        for _ in 0..<digits { o.append(0x30) }
        let base = o.base
        while k > 0 { k -= 1; base[start + k] = UInt8(truncatingIfNeeded: 0x30 + x % 10); x /= 10 }
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
