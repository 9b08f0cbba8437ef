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

    func plan(_ b: [UInt8], start: Int, csv: Bool, d: UInt8, eof: Bool, parts: Int) -> [Int] {
        b.withUnsafeBufferPointer {
            ChunkPlan.plan($0, from: start, csv: csv, delimiter: d, eof: eof, parts: parts, minBytes: 0)
        }
    }

    @Test func cutsAndEndsMatchTheByteByByteReference() async {
        await propertyCheck(count: 4000, input: Self.bytes, Gen.int(in: 0...20), Gen.int(in: 1...5), Gen.bool, Gen.bool)
        { b, skip, parts, eof, semicolon in
            let start = min(skip, b.count)
            let d: UInt8 = semicolon ? 0x3B : 0x2C
            for csv in [true, false] {
                let cuts = plan(b, start: start, csv: csv, d: d, eof: eof, parts: parts)
                let ends = Set(referenceRecordEnds(b, from: start, csv: csv, delimiter: d))
                let expectedEnd = referenceChunkEnd(b, from: start, csv: csv, delimiter: d, eof: eof)
                #expect(cuts.first == start)
                #expect(cuts.last == (expectedEnd ?? start), "end for \(b)")
                #expect(zip(cuts, cuts.dropFirst()).allSatisfy { $0 < $1 } || cuts.count == 2)
                #expect(cuts.count <= parts + 1)
                for c in cuts.dropFirst().dropLast() {
                    #expect(ends.contains(c), "cut \(c) is not a record end in \(b)")
                }
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

    @Test func theTokenizerCountsLineEndsAsTheReferenceDoes() async {
        // Every record's `lines` is the number of line ends it spans (LF, CRLF as one, lone CR),
        // so line numbers in the rejects match what an editor shows for any line-end style.
        await propertyCheck(count: 4000, input: Self.bytes, Gen.bool) { b, semicolon in
            let d: UInt8 = semicolon ? 0x3B : 0x2C
            var t = CSVTokenizer(delimiter: d)
            var i = 0
            b.withUnsafeBufferPointer { p in
                while i < p.count {
                    let start = i
                    switch t.read(p, from: i, end: p.count) {
                    case .record(let next, let lines), .junkAfterQuote(let next, let lines):
                        #expect(lines == referenceLineEnds(b, from: start, to: next), "record at \(start) of \(b)")
                        i = next
                    case .unbalancedQuote(let next): i = next
                    }
                }
            }
        }
    }

    @Test func theRecordEndFinderFindsTheFirstReferenceEndWhateverThePieces() async {
        // The reader follows a record that does not end in its buffer byte by byte, fed piece by
        // piece as chunks arrive: it must stop at the same end as the planner's oracle, count the
        // same line ends, and at the end of input know whether a quote is still open.
        await propertyCheck(count: 4000, input: Self.bytes, Gen.int(in: 1...40), Gen.bool, Gen.bool) {
            b, piece, semicolon, csv in
            let d: UInt8 = semicolon ? 0x3B : 0x2C
            var finder = RecordEndFinder(csv: csv, delimiter: d)
            var found: Int?
            var offset = 0
            while found == nil && offset < b.count {
                let upTo = min(b.count, offset + piece)
                let part = Array(b[offset..<upTo])
                found = part.withUnsafeBufferPointer { finder.feed($0, from: 0) }.map { $0 + offset }
                offset = upTo
            }
            let reference = referenceRecordEnds(b, from: 0, csv: csv, delimiter: d).first
            if let found {
                #expect(found == reference, "\(b)")
                #expect(finder.lines == referenceLineEnds(b, from: 0, to: found), "\(b)")
            } else {
                // No end: the reference finds none either, or only the undecided CR at the very end.
                #expect(reference == nil, "\(b)")
                finder.finish()
                #expect(finder.lines == referenceLineEnds(b, from: 0, to: b.count), "\(b)")
                if csv {
                    // A quote left open at the end of input is what the tokenizer calls unbalanced.
                    var t = CSVTokenizer(delimiter: d)
                    let unbalanced = b.withUnsafeBufferPointer { p -> Bool in
                        guard !p.isEmpty, case .unbalancedQuote = t.read(p, from: 0, end: p.count) else { return false }
                        return true
                    }
                    #expect(finder.inQuotes == unbalanced, "\(b)")
                }
            }
        }
    }

    @Test func crLfAndCrlfLineEndsAndTheirMixesEndRecords() {
        // Classic Mac (CR), Unix (LF), Windows (CRLF), LF-CR (two line ends: an empty line between)
        // and a CR inside quotes (text, not a line end).
        let text = "a,b\rc,d\ne,f\r\ng,h\n\ri,\"j\rk\"\rl,m"
        let b = Array(text.utf8)
        // Bytes 0–3 `a,b␍` end at 4; 4–7 `c,d␊` at 8; 8–12 `e,f␍␊` at 13; 13–16 `g,h␊` at 17; the
        // lone CR at 17 at 18; 18–25 `i,"j␍k"␍` at 26; `l,m` runs on.
        #expect(referenceRecordEnds(b, from: 0, csv: true, delimiter: 0x2C) == [4, 8, 13, 17, 18, 26])
        #expect(plan(b, start: 0, csv: true, d: 0x2C, eof: false, parts: 1) == [0, 26])
        // JSON Lines has no quotes: the CR at 22 inside "j␍k" ends a line there too.
        #expect(referenceRecordEnds(b, from: 0, csv: false, delimiter: 0x2C) == [4, 8, 13, 17, 18, 23, 26])
        // A CR as the last byte may be half of a CRLF: no record ends there until the next byte is read.
        #expect(plan(Array("a,b\r".utf8), start: 0, csv: true, d: 0x2C, eof: false, parts: 1) == [0, 0])
        #expect(plan(Array("a,b\r\n".utf8), start: 0, csv: true, d: 0x2C, eof: false, parts: 1) == [0, 5])
        #expect(plan(Array("a,b\rc".utf8), start: 0, csv: true, d: 0x2C, eof: false, parts: 1) == [0, 4])
    }

    @Test func eachCutIsTheFirstRecordEndAfterItsShare() {
        // Quote-free lines of 11 bytes and, at 44, a quoted field whose line break (at 65) lies
        // after the first share's boundary (238 / 4 = 59).
        var text = ""
        for k in 0..<20 {
            text +=
                k == 4 ? "\"" + String(repeating: "y", count: 20) + "\nx\",abc\n" : "line,\(k < 10 ? "0" : "")\(k)xyz\n"
        }
        let b = Array(text.utf8)
        let cuts = plan(b, start: 0, csv: true, d: 0x2C, eof: true, parts: 4)
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
