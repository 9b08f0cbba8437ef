// fuzz-options: -max_len=4096

// libFuzzer harness for the batch CSV reader (Fuzz/run.sh builds it).
// Invariants: never crash or loop; every record advances; unescaped fields never outgrow the
// raw bytes; a record's line count matches the line breaks it spans; planning a chunk for the
// worker threads finds the record ends the byte-by-byte reference (Tests/SrokBatchTests/
// ChunkPlanReference.swift) finds; the UTF-8 check agrees with the standard library's.

@_cdecl("LLVMFuzzerTestOneInput")
public func csvFuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let b = UnsafeBufferPointer(start: data, count: size)
    for delimiter: UInt8 in [0x2C, 0x3B] {
        var t = CSVTokenizer(delimiter: delimiter)
        var i = 0
        var records = 0
        while i < b.count {
            let start = i
            switch t.read(b, from: i, end: b.count) {
            case let .record(next, lines):
                guard next > start, next <= b.count else { fatalError("no progress at \(start)") }
                let breaks = referenceLineEnds(Array(b), from: start, to: next)
                guard lines == breaks else { fatalError("lines \(lines) vs breaks \(breaks)") }
                guard t.record.count <= next - start else { fatalError("fields outgrew the record") }
                guard !t.isASCII || t.record.allSatisfy({ $0 < 0x80 }) else { fatalError("a record called ASCII is not") }
                guard t.count >= 1, t.ends.last == t.record.count, t.range(t.count - 1).upperBound == t.record.count else { fatalError("field ends") }
                // The fast path (no quote) and the copying path agree on the fields of a quote-free line.
                if !b[start..<next].contains(0x22) {
                    let fields = (0..<t.count).map { Array(t.record[t.range($0)]) }
                    let line = Array(b[start..<next])
                    let content = Array(line.prefix { (c: UInt8) in c != 0x0A && c != 0x0D })
                    let expected = content.split(separator: delimiter, omittingEmptySubsequences: false).map(Array.init)
                    guard fields == expected else { fatalError("fields \(fields) vs \(expected)") }
                }
                i = next
            case let .unbalancedQuote(next), let .junkAfterQuote(next, _):
                guard next > start, next <= b.count else { fatalError("no progress after a bad record at \(start)") }
                i = next
            }
            records += 1
            guard records <= b.count + 1 else { fatalError("more records than bytes") }
        }
        guard UTF8Check.isValid(b) == (String(validating: b, as: UTF8.self) != nil) else { fatalError("UTF-8 check disagrees") }
        // Planning a chunk finds exactly the record ends of the byte-by-byte reference (which
        // walks records as the tokenizer does), whatever the start, the parts and end of input.
        let bytes = Array(b)
        for (from, parts, eof) in [(0, 3, true), (0, 2, false), (min(5, b.count), 4, false)] {
            for csv in [true, false] {
                let cuts = ChunkPlan.plan(b, from: from, csv: csv, delimiter: delimiter, eof: eof, parts: parts, minBytes: 0)
                let ends = Set(referenceRecordEnds(bytes, from: from, csv: csv, delimiter: delimiter))
                let end = referenceChunkEnd(bytes, from: from, csv: csv, delimiter: delimiter, eof: eof) ?? from
                guard cuts.first == from, cuts.last == end, cuts.count <= parts + 1,
                      zip(cuts, cuts.dropFirst()).allSatisfy({ $0 < $1 }) || cuts.count == 2 else {
                    fatalError("bad cuts \(cuts), expected end \(end)")
                }
                for c in cuts.dropFirst().dropLast() where !ends.contains(c) { fatalError("cut \(c) is not a record end") }
            }
        }
        // The reader's byte-by-byte finder, fed in two pieces, stops at the oracle's first record end.
        for csv in [true, false] {
            var finder = RecordEndFinder(csv: csv, delimiter: delimiter)
            let half = b.count / 2
            let first = Array(b[..<half]), second = Array(b[half...])
            let found = first.withUnsafeBufferPointer { finder.feed($0, from: 0) }
                ?? second.withUnsafeBufferPointer { finder.feed($0, from: 0) }.map { $0 + half }
            let expected = referenceRecordEnds(bytes, from: 0, csv: csv, delimiter: delimiter).first
            guard found == expected else { fatalError("finder \(String(describing: found)) vs oracle \(String(describing: expected))") }
        }
        // The oracle and the tokenizer agree on every record end, up to an unbalanced quote.
        let walked = tokenizerRecordEnds(b, delimiter: delimiter)
        let reference = referenceRecordEnds(bytes, from: 0, csv: true, delimiter: delimiter).filter { $0 <= walked.upTo }
        guard walked.ends.filter({ $0 <= walked.upTo }) == reference else { fatalError("tokenizer \(walked) vs oracle \(reference)") }
    }
    return 0
}
