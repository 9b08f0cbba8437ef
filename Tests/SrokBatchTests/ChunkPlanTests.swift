import PropertyBased
import Testing
@testable import SrokBatch
@testable import SrokCore

/// The batch planner skips quote-free spans with `memchr`; it must find exactly the record ends
/// the tokenizer would, which the byte-by-byte reference walks to.
@Suite("Chunk planning")
struct ChunkPlanTests {
    /// Bytes that matter to record ends, with plain text between them.
    static let alphabet = Array("a,;\"\n\r\"\"b".utf8)
    static let bytes = Gen.int(in: 0...(alphabet.count - 1)).map { alphabet[$0] }.array(of: 0...300)

    func plan(_ b: [UInt8], start: Int, csv: Bool, d: UInt8, eof: Bool, chunk: Int, parts: Int) -> [Int] {
        b.withUnsafeBufferPointer { ChunkPlan.plan($0, from: start, csv: csv, delimiter: d, eof: eof, chunk: chunk, parts: parts, minBytes: 0) }
    }

    @Test func cutsAndEndsMatchTheByteByByteReference() async {
        await propertyCheck(count: 4000, input: Self.bytes, Gen.int(in: 0...20), Gen.int(in: 1...5), Gen.bool, Gen.bool) { b, skip, parts, eof, semicolon in
            let start = min(skip, b.count)
            let d: UInt8 = semicolon ? 0x3B : 0x2C
            for csv in [true, false] {
                let cuts = plan(b, start: start, csv: csv, d: d, eof: eof, chunk: 16, parts: parts)
                let ends = Set(referenceRecordEnds(b, from: start, csv: csv, delimiter: d))
                let expectedEnd = referenceChunkEnd(b, from: start, csv: csv, delimiter: d, eof: eof, chunk: 16)
                #expect(cuts.first == start)
                #expect(cuts.last == (expectedEnd ?? start), "end for \(b)")
                #expect(zip(cuts, cuts.dropFirst()).allSatisfy { $0 < $1 } || cuts.count == 2)
                #expect(cuts.count <= parts + 1)
                for c in cuts.dropFirst().dropLast() { #expect(ends.contains(c), "cut \(c) is not a record end in \(b)") }
            }
        }
    }

    @Test func theReferenceEndsAreTheTokenizersOwn() async {
        // The planner's oracle and the tokenizer agree on every record end (up to an unbalanced
        // quote), so a cut never falls where the tokenizer would read a record across it.
        await propertyCheck(count: 4000, input: Self.bytes, Gen.bool) { b, semicolon in
            let d: UInt8 = semicolon ? 0x3B : 0x2C
            let walked = b.withUnsafeBufferPointer { tokenizerRecordEnds($0, delimiter: d) }
            let reference = referenceRecordEnds(b, from: 0, csv: true, delimiter: d).filter { $0 <= walked.upTo }
            #expect(walked.ends.filter { $0 <= walked.upTo } == reference, "\(b)")
        }
    }

    @Test func eachCutIsTheFirstRecordEndAfterItsShare() {
        // Quote-free lines of 11 bytes and, at 44, a quoted field whose line break (at 65) lies
        // after the first share's boundary (238 / 4 = 59).
        var text = ""
        for k in 0..<20 { text += k == 4 ? "\"" + String(repeating: "y", count: 20) + "\nx\",abc\n" : "line,\(k < 10 ? "0" : "")\(k)xyz\n" }
        let b = Array(text.utf8)
        let cuts = plan(b, start: 0, csv: true, d: 0x2C, eof: true, chunk: 1 << 20, parts: 4)
        let ends = referenceRecordEnds(b, from: 0, csv: true, delimiter: 0x2C)
        #expect(cuts.count == 5)
        for (k, c) in cuts.dropFirst().dropLast().enumerated() {
            let target = b.count * (k + 1) / 4
            #expect(c == ends.first { $0 >= target }, "cut \(k + 1)")
        }
        // The line break inside the quoted field is not a cut; the quoted record's end is.
        #expect(b.count == 238 && b[65] == 0x0A)
        #expect(cuts[1] == 73)
    }
}
