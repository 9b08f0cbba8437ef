// The byte-by-byte record-end finder the batch planner used before it learned to skip quote-free
// spans: kept as the oracle for ChunkPlanTests and the CSV fuzz harness (Fuzz/run.sh compiles
// this file too). Plain Swift, no test framework.

/// Every record end in `b[start...]` (a position after the record's line break) as the tokenizer
/// reads records, walking every byte; and the chunk end the planner must choose.
func referenceRecordEnds(_ b: [UInt8], from start: Int, csv: Bool, delimiter d: UInt8) -> [Int] {
    var ends: [Int] = []
    var inQuotes = false, fieldStart = true, justClosed = false
    for i in start..<b.count {
        let c = b[i]
        if !csv { if c == 0x0A { ends.append(i + 1) }; continue }
        if inQuotes {
            if c == 0x22 { inQuotes = false; justClosed = true }
            continue
        }
        if c == 0x22 {
            if fieldStart || justClosed { inQuotes = true }
            fieldStart = false; justClosed = false
        } else {
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
    if b.count - start >= chunk, let lb = b[start...].lastIndex(of: 0x0A) { return lb + 1 }
    if b.count - start >= 16 * chunk { return b.count }
    return nil
}
