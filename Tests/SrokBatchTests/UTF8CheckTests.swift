import PropertyBased
import Testing

@testable import SrokBatch

/// The batch's UTF-8 check (ASCII eight bytes at a time, two-byte characters four at a time)
/// decides as the standard library's validating decoder does.
@Suite("UTF-8 check")
struct UTF8CheckTests {
    static func check(_ b: [UInt8]) -> Bool { b.withUnsafeBufferPointer { UTF8Check.isValid($0) } }
    static func standard(_ b: [UInt8]) -> Bool { String(validating: b, as: UTF8.self) != nil }

    /// Pieces: ASCII of several lengths, characters of two, three and four bytes, runs of
    /// Cyrillic, and bytes that are wrong on their own (continuations, C0/C1, F5–FF) or only in
    /// some places (leads without their continuations, a surrogate, an overlong form, above
    /// U+10FFFF).
    static let pieces: [[UInt8]] = [
        Array("a".utf8), Array("0123456".utf8), Array("Я".utf8), Array("ЯмыВыбоины".utf8), Array("€".utf8),
        Array("𝄞".utf8), Array("ё, д".utf8), [0x80], [0xBF], [0xC0], [0xC1], [0xC2], [0xDF], [0xE0], [0xED],
        [0xEF], [0xF0], [0xF4], [0xF5], [0xFF], [0xED, 0xA0, 0x80], [0xE0, 0x80, 0x80], [0xF4, 0x90, 0x80, 0x80],
        [0xF0, 0x80, 0x80, 0x80], [0xC0, 0x80],
    ]
    static let texts = Gen.int(in: 0...(pieces.count - 1)).map { pieces[$0] }.array(of: 0...40).map {
        $0.flatMap { $0 }
    }

    @Test func agreesWithTheStandardLibraryOnRandomText() async {
        await propertyCheck(count: 4000, input: Self.texts) { b in
            #expect(Self.check(b) == Self.standard(b), "\(b)")
        }
    }

    @Test func everyPairOfBytesAfterAsciiOrCyrillicAtEveryOffset() {
        // Every byte 0x80–0xFF with a next byte from each class that matters (ASCII; the
        // continuation ranges 80–8F, 90–9F, A0–BF that E0, ED, F0 and F4 accept or refuse, at
        // their edges; leads), after 0–8 bytes of ASCII or of Cyrillic, before more Cyrillic:
        // the pair falls at every lane of the eight-byte words.
        let cyrillic = Array("ЖЖЖЖ".utf8)
        for lead in UInt8(0x80)...0xFF {
            for next: UInt8 in [0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xD0, 0xFF] {
                for p in 0...8 {
                    for prefix in [Array(repeating: UInt8(ascii: "a"), count: p), Array(cyrillic.prefix(p))] {
                        let b = prefix + [lead, next] + cyrillic
                        if Self.check(b) != Self.standard(b) {
                            Issue.record("disagree on \(b)")
                            return
                        }
                    }
                }
            }
        }
    }

    @Test func knownCases() {
        // Valid: empty, ASCII, Cyrillic (D0/D1 leads), the last scalars of each length.
        #expect(Self.check([]))
        #expect(Self.check(Array("Ямы, выбоины".utf8)))
        #expect(Self.check([0xDF, 0xBF, 0xEF, 0xBF, 0xBF, 0xF4, 0x8F, 0xBF, 0xBF]))
        // Invalid: overlong C0 80 (a NUL in two bytes), a truncated character at the end, a
        // surrogate (ED A0 80 = U+D800), above U+10FFFF (F4 90 80 80), a lone continuation.
        #expect(!Self.check([0x61, 0xC0, 0x80]))
        #expect(!Self.check(Array("ЯЯЯЯ".utf8).dropLast().map { $0 }))
        #expect(!Self.check([0xED, 0xA0, 0x80]))
        #expect(!Self.check([0xF4, 0x90, 0x80, 0x80]))
        #expect(!Self.check(Array("abcdefgh".utf8) + [0x80]))
    }
}
