/// UTF-8 validation without allocation, fast on what the batch reads: ASCII eight bytes at a
/// time, and runs of two-byte characters (Cyrillic) four characters at a time.
enum UTF8Check {
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    /// Whether the word (little-endian: lane 0 first) is four valid two-byte characters: lead
    /// bytes C2–DF in the even lanes (`110x xxxx` and not C0/C1, which would be overlong), each
    /// followed by a continuation byte `10xx xxxx`.
    @inline(__always) private static func isFourTwoByteCharacters(_ w: UInt64) -> Bool {
        // Leads 110x xxxx, continuations 10xx xxxx.
        guard w & 0xC0E0_C0E0_C0E0_C0E0 == 0x80C0_80C0_80C0_80C0 else { return false }
        // A lead's bits 1–4 not all zero (C0 and C1 excluded): adding 0x7F to them (at most
        // 0x1E + 0x7F, no carry out of the lane) sets the lane's high bit.
        let lowBits: UInt64 = 0x0080_0080_0080_0080
        return ((w & 0x001E_001E_001E_001E) &+ 0x007F_007F_007F_007F) & lowBits == lowBits
    }

    /// Whether `b` is valid UTF-8 (as `String(validating:as:)` decides: no overlong form, no
    /// surrogate, nothing above U+10FFFF, no truncated sequence).
    static func isValid(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = b.baseAddress else { return true }
        let raw = UnsafeRawPointer(base)
        let n = b.count
        var i = 0
        while i < n {
            if i &+ 8 <= n {
                let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                let h = w & highs
                if h == 0 {
                    i &+= 8
                    continue
                }
                // Step over the ASCII bytes before the first other one.
                let k = h.trailingZeroBitCount &>> 3
                if k > 0 {
                    i &+= k
                    continue
                }
                if isFourTwoByteCharacters(w) {
                    i &+= 8
                    continue
                }
            }
            let c = base[i]
            if c < 0x80 {
                i &+= 1
                continue
            }
            if c &- 0xC2 < 0x1E {
                // A two-byte character C2–DF, then a continuation byte.
                guard i &+ 1 < n, base[i &+ 1] & 0xC0 == 0x80 else { return false }
                i &+= 2
                continue
            }
            var len = 0
            var min: UInt32 = 0
            var v: UInt32 = 0
            if c & 0xF0 == 0xE0 {
                len = 3
                min = 0x800
                v = UInt32(c & 0x0F)
            } else if c & 0xF8 == 0xF0 {
                len = 4
                min = 0x10000
                v = UInt32(c & 0x07)
            } else {
                // A continuation byte without a lead, C0/C1 (overlong) or F8–FF.
                return false
            }
            if i &+ len > n { return false }
            for k in 1..<len {
                let cc = base[i &+ k]
                if cc & 0xC0 != 0x80 { return false }
                v = (v << 6) | UInt32(cc & 0x3F)
            }
            if v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF) { return false }
            i &+= len
        }
        return true
    }
}
