// The byte-by-byte record-end finder the batch planner used before it learned to skip quote-free
// spans (updated for CR and CRLF line ends): kept as the oracle for ChunkPlanTests and the CSV
// fuzz harness (Fuzz/run.sh compiles this file too, into one module with the sources). Plain
// Swift, no test framework.
#if canImport(SrokBatch)
    @testable import SrokBatch
    @testable import SrokCore
#endif

/// Every record end in `b[start...]` (a position after the record's line end) as the tokenizer
/// reads records, walking every byte; and the chunk end the planner must choose. A line end
/// outside quotes is an LF, a CRLF (one line end) or a lone CR; a CR that is the last byte is
/// undecided (a CRLF may be split there), so it ends no record.
func referenceRecordEnds(_ b: [UInt8], from start: Int, csv: Bool, delimiter d: UInt8) -> [Int] {
    let lf: UInt8 = 0x0A
    let cr: UInt8 = 0x0D
    let quote: UInt8 = 0x22
    var ends: [Int] = []
    var inQuotes = false
    var fieldStart = true
    var justClosed = false
    var junk = false
    var i = start
    while i < b.count {
        let c = b[i]
        if !inQuotes && (c == lf || c == cr) {
            // A line end (also after text that follows a closing quote, and after a closing quote).
            if c == cr && i + 1 == b.count { break }
            i = c == cr && b[i + 1] == lf ? i + 2 : i + 1
            ends.append(i)
            fieldStart = true
            justClosed = false
            junk = false
            continue
        }
        i += 1
        if !csv || junk { continue }
        if inQuotes {
            if c == quote {
                inQuotes = false
                justClosed = true
            }
            continue
        }
        if c == quote {
            if fieldStart || justClosed { inQuotes = true }
            fieldStart = false
            justClosed = false
        } else {
            // Text after a closing quote: the record ends at the next line end, whatever quotes lie before it.
            if justClosed && c != d {
                junk = true
                continue
            }
            justClosed = false
            fieldStart = c == d
        }
    }
    return ends
}

/// The chunk end the planner must choose for `b[start...]` (nil: no record complete yet).
func referenceChunkEnd(_ b: [UInt8], from start: Int, csv: Bool, delimiter d: UInt8, eof: Bool) -> Int? {
    if eof { return b.count > start ? b.count : nil }
    return referenceRecordEnds(b, from: start, csv: csv, delimiter: d).last
}

/// The line ends in `b[from..<to]` as the tokenizer counts them: an LF, a CRLF (one) or a CR
/// not followed by an LF (a CR that ends the range included).
func referenceLineEnds(_ b: [UInt8], from: Int, to: Int) -> Int {
    (from..<to).filter { b[$0] == 0x0A || (b[$0] == 0x0D && ($0 + 1 == to || b[$0 + 1] != 0x0A)) }.count
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
        case .record(let next, _), .junkAfterQuote(let next, _): i = next
        case .unbalancedQuote: return (ends, i)
        }
        if i < b.count || b.last == 0x0A { ends.append(i) }
    }
    return (ends, b.count)
}
