/// Decides a text's encoding from its first bytes: a byte-order mark, else UTF-8 when the bytes
/// from the first non-ASCII one on are valid UTF-8, else Windows-1251. Pure ASCII is the same
/// in all three, so the decision waits for the first non-ASCII byte.
package enum EncodingDetector {
    /// What the first bytes say.
    package enum Decision: Sendable, Hashable {
        /// The encoding, and how many leading bytes are its BOM.
        case decided(InputEncoding, bomLength: Int)
        /// ASCII so far (or too few bytes for a BOM): read on. At the end of the input, ASCII is UTF-8.
        case undecided
    }

    /// Looks at `bytes` (the input's start when `isStart`); `atEnd` when nothing follows them.
    package static func decide(_ bytes: UnsafeBufferPointer<UInt8>, isStart: Bool, atEnd: Bool) -> Decision {
        if isStart {
            for e in [InputEncoding.utf8, .utf16le, .utf16be] {
                let bom = e.byteOrderMark
                if bytes.count >= bom.count, zip(bom, bytes).allSatisfy({ $0 == $1 }) {
                    return .decided(e, bomLength: bom.count)
                }
            }
            // A BOM's first bytes cut off by a short read: wait for more.
            if !atEnd, bytes.count < 3, !bytes.isEmpty,
                [InputEncoding.utf8, .utf16le, .utf16be].contains(where: {
                    zip($0.byteOrderMark, bytes).allSatisfy { $0 == $1 }
                })
            {
                return .undecided
            }
        }
        guard let first = bytes.firstIndex(where: { $0 >= 0x80 }) else {
            return atEnd ? .decided(.utf8, bomLength: 0) : .undecided
        }
        switch utf8Check(UnsafeBufferPointer(rebasing: bytes[first...]), atEnd: atEnd) {
        case .valid: return .decided(.utf8, bomLength: 0)
        case .invalid: return .decided(.windows1251, bomLength: 0)
        case .tooShort: return .undecided
        }
    }

    /// What ``utf8Check(_:atEnd:)`` found.
    package enum UTF8Check: Sendable, Hashable {
        /// Well-formed, with at least one whole non-ASCII sequence (or at the end).
        case valid
        /// Not UTF-8.
        case invalid
        /// Only a sequence cut off at the end: more bytes are needed to tell.
        case tooShort
    }

    /// Whether `b` is well-formed UTF-8 (RFC 3629: no overlongs, no surrogates, ≤ U+10FFFF).
    /// A sequence cut off at the end is fine unless `atEnd`; when it is all there is past ASCII,
    /// the answer is ``UTF8Check/tooShort``.
    package static func utf8Check(_ b: UnsafeBufferPointer<UInt8>, atEnd: Bool) -> UTF8Check {
        var whole = 0
        var i = 0
        while i < b.count {
            let c = b[i]
            if c < 0x80 {
                i += 1
                continue
            }
            let n: Int
            var lo: UInt8 = 0x80
            var hi: UInt8 = 0xBF
            switch c {
            case 0xC2...0xDF: n = 1
            case 0xE0:
                n = 2
                lo = 0xA0
            case 0xE1...0xEC, 0xEE, 0xEF: n = 2
            case 0xED:
                n = 2
                hi = 0x9F
            case 0xF0:
                n = 3
                lo = 0x90
            case 0xF1...0xF3: n = 3
            case 0xF4:
                n = 3
                hi = 0x8F
            default: return .invalid
            }
            for k in 1...n {
                guard i + k < b.count else { return atEnd ? .invalid : whole > 0 ? .valid : .tooShort }
                let d = b[i + k]
                if k == 1 {
                    guard d >= lo && d <= hi else { return .invalid }
                } else {
                    guard d >= 0x80 && d <= 0xBF else { return .invalid }
                }
            }
            whole += 1
            i += n + 1
        }
        return .valid
    }
}
