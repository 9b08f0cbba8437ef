import PropertyBased
import Testing

@testable import SrokBatch

/// The stage codes matched a word at a time accept exactly what the byte-by-byte
/// `RowParser.equals` accepts: the code with its letters in any case, nothing else.
@Suite("ASCII keyword")
struct ASCIIKeywordTests {
    static let keywords: [StaticString] = [
        "moderation", "coordination", "execution", "approval", "final-approval", "final_approval",
    ]

    func both(_ b: [UInt8], _ k: StaticString) -> (word: Bool, bytes: Bool) {
        b.withUnsafeBufferPointer { (ASCIIKeyword(k).matches($0), RowParser.equals($0, k)) }
    }

    /// A keyword with each byte kept, upper-cased, or replaced by a byte that differs from it
    /// only in bit 0x20 or in another bit (so that the case folding is tried on non-letters too:
    /// `-` and CR, `_` and DEL), sometimes one byte longer or shorter.
    static let mutations = zip(
        Gen.int(in: 0...5), Gen.int(in: 0...3).array(of: 16), Gen.int(in: 0...7).array(of: 16), Gen.int(in: -1...1))

    @Test func agreesWithTheByteComparison() async {
        await propertyCheck(count: 3000, input: Self.mutations) { which, changes, bits, lengthChange in
            let k = Self.keywords[which]
            var b = Array(UnsafeBufferPointer(start: k.utf8Start, count: k.utf8CodeUnitCount))
            for (i, change) in zip(b.indices, changes) {
                switch change {
                case 1: if b[i] >= 0x61 && b[i] <= 0x7A { b[i] -= 0x20 }
                case 2: b[i] ^= 0x20
                case 3: b[i] ^= 1 << UInt8(bits[i])
                default: break
                }
            }
            if lengthChange < 0 { b.removeLast() }
            if lengthChange > 0 { b.append(b[0]) }
            let r = both(b, k)
            #expect(r.word == r.bytes, "\(b) against \(k)")
        }
    }

    @Test func eachCodeInAnyCaseAndNothingElse() {
        #expect(both(Array("MODERATION".utf8), "moderation") == (true, true))
        #expect(both(Array("Final-Approval".utf8), "final-approval") == (true, true))
        // `-` (0x2D) is CR (0x0D) with bit 0x20: not the same byte; `_` (0x5F) and DEL (0x7F) likewise.
        #expect(both(Array("final\rapproval".utf8), "final-approval") == (false, false))
        #expect(both(Array("final\u{7F}approval".utf8), "final_approval") == (false, false))
        #expect(both(Array("approvals".utf8), "approval") == (false, false))
        #expect(both([], "approval") == (false, false))
    }
}
