// The byte-by-byte record-end finder the batch planner used before it learned to skip quote-free
// spans: kept as the oracle for ChunkPlanTests and the CSV fuzz harness (Fuzz/run.sh compiles
// this file too, into one module with the sources). Plain Swift, no test framework.
#if canImport(SrokBatch)
@testable import SrokBatch
@testable import SrokCore
#endif

/// Every record end in `b[start...]` (a position after the record's line break) as the tokenizer
/// reads records, walking every byte; and the chunk end the planner must choose.
func referenceRecordEnds(_ b: [UInt8], from start: Int, csv: Bool, delimiter d: UInt8) -> [Int] {
    var ends: [Int] = []
    var inQuotes = false, fieldStart = true, justClosed = false, junk = false
    for i in start..<b.count {
        let c = b[i]
        if !csv { if c == 0x0A { ends.append(i + 1) }; continue }
        if junk {
            // After text that follows a closing quote, the record ends at the next line break.
            if c == 0x0A { ends.append(i + 1); junk = false; fieldStart = true; justClosed = false }
            continue
        }
        if inQuotes {
            if c == 0x22 { inQuotes = false; justClosed = true }
            continue
        }
        if c == 0x22 {
            if fieldStart || justClosed { inQuotes = true }
            fieldStart = false; justClosed = false
        } else {
            let crlf = c == 0x0D && (i + 1 == b.count || b[i + 1] == 0x0A)
            if justClosed && c != d && c != 0x0A && !crlf { junk = true; continue }
            justClosed = false
            if c == 0x0A { ends.append(i + 1); fieldStart = true } else { fieldStart = c == d }
        }
    }
    return ends
}

/// The chunk end the planner must choose for `b[start...]` (nil: no record complete yet).
func referenceChunkEnd(_ b: [UInt8], from start: Int, csv: Bool, delimiter d: UInt8, eof: Bool, chunk: Int) -> Int? {
    if eof { return b.count > start ? b.count : nil }
    if let last = referenceRecordEnds(b, from: start, csv: csv, delimiter: d).last { return last }
    if b.count - start >= 8 * chunk, let lb = b[start...].lastIndex(of: 0x0A) { return lb + 1 }
    if b.count - start >= 16 * chunk { return b.count }
    return nil
}

/// The record ends the tokenizer itself reaches walking `b` from its start (`next` of every
/// outcome), up to its first unbalanced quote (after which it re-reads lines the planner counts
/// as inside the open field), and where that walk stopped.
func tokenizerRecordEnds(_ b: UnsafeBufferPointer<UInt8>, delimiter: UInt8) -> (ends: [Int], upTo: Int) {
    var t = CSVTokenizer(delimiter: delimiter)
    var ends: [Int] = []
    var i = 0
    while i < b.count {
        switch t.read(b, from: i, end: b.count) {
        case let .record(next, _), let .junkAfterQuote(next, _): i = next
        case .unbalancedQuote: return (ends, i)
        }
        if i < b.count || b.last == 0x0A { ends.append(i) }
    }
    return (ends, b.count)
}
