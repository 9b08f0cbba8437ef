#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SrokCore

/// Plans a chunk of input for the worker threads: where its whole records end and where to cut it.
///
/// Record ends are found exactly as ``CSVTokenizer`` reads records — a quote opens a quoted field
/// only at a field's start (or right after a closing quote, which is how `""` reads), and a line
/// break inside a quoted field does not end a record — but without walking every byte: between
/// quotes (found with `memchr`) every line break ends a record, so only the records that contain
/// a quote are scanned byte by byte. JSON Lines end a record at every line break.
enum ChunkPlan {
    /// `[start, cut…, end]` for `b[start...]`: `end` is the last record end (at the end of input,
    /// everything; a record longer than 8 chunks is cut at its last line break, and one longer than
    /// 16 chunks anywhere: the tokenizer then reports the bad row); each cut is the first record end
    /// after a `1/parts` share of the buffered bytes. `[start, start]` when no record is complete yet.
    static func plan(_ b: UnsafeBufferPointer<UInt8>, from start: Int, csv: Bool, delimiter d: UInt8, eof: Bool,
                     chunk: Int, parts: Int, minBytes: Int) -> [Int] {
        let n = b.count
        guard let base = b.baseAddress, n > start else { return [start, start] }
        var scan = RecordScanner(base: base, count: n, start: start, csv: csv, delimiter: d)
        var cuts = [start]
        if parts > 1 && n - start > minBytes {
            for k in 1..<parts {
                let target = start + (n - start) * k / parts
                guard let e = scan.firstEnd(atOrAfter: max(target, cuts.last! + 1)), e < n else { break }
                cuts.append(e)
            }
        }
        let end: Int
        if eof { end = n }
        else if let last = scan.lastEnd() { end = last }
        else if n - start >= 8 * chunk, let lb = lastLineBreak(base, from: start, to: n) { end = lb + 1 }
        else if n - start >= 16 * chunk { end = n }
        else { return [start, start] }
        while cuts.count > 1 && cuts.last! >= end { cuts.removeLast() }
        cuts.append(end)
        return cuts
    }

    /// The last line break in `base[from..<to]`.
    static func lastLineBreak(_ base: UnsafePointer<UInt8>, from: Int, to: Int) -> Int? {
        var i = to - 1
        while i >= from { if base[i] == 0x0A { return i }; i -= 1 }
        return nil
    }
}

/// Walks record ends forward from a record start (see ``ChunkPlan``).
struct RecordScanner {
    let base: UnsafePointer<UInt8>
    let count: Int
    let csv: Bool
    let delimiter: UInt8
    /// A record start: the scan start or a record end.
    private(set) var position: Int
    private let start: Int
    /// The next quote at or after `position` (`count` if none); stale when below `position`.
    private var quote = -1

    init(base: UnsafePointer<UInt8>, count: Int, start: Int, csv: Bool, delimiter: UInt8) {
        self.base = base; self.count = count; self.start = start; self.csv = csv; self.delimiter = delimiter
        position = start
    }

    private func find(_ byte: UInt8, from: Int, to: Int) -> Int? {
        guard from < to, let p = memchr(base + from, Int32(byte), to - from) else { return nil }
        return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(p))
    }

    private mutating func nextQuote() -> Int {
        if quote < position { quote = csv ? (find(0x22, from: position, to: count) ?? count) : count }
        return quote
    }

    /// The end (after its line break) of the record holding the quote at `q`, read byte by byte
    /// from the quote as the tokenizer reads it; nil when it does not end inside the buffer. No
    /// quote lies between `position` (a record start) and `q`, so the quote opens a field when
    /// it follows a record start or a delimiter.
    private func exactEnd(quote q: Int) -> Int? {
        var inQuotes = false, justClosed = false
        var fieldStart = q == position || base[q - 1] == 0x0A || base[q - 1] == delimiter
        var i = q
        while i < count {
            let c = base[i]
            i += 1
            if inQuotes {
                if c == 0x22 { inQuotes = false; justClosed = true }
                continue
            }
            if c == 0x22 {
                if fieldStart || justClosed { inQuotes = true }
                fieldStart = false; justClosed = false
            } else {
                if justClosed && c != delimiter && c != 0x0A && !(c == 0x0D && i < count && base[i] == 0x0A) {
                    // Text after a closing quote: the tokenizer rejects the record and reads on
                    // after the next line break, whatever quotes lie before it.
                    if c == 0x0D && i == count { return nil }   // a CR that may yet be followed by LF
                    while i < count { if base[i] == 0x0A { return i + 1 }; i += 1 }
                    return nil
                }
                justClosed = false
                if c == 0x0A { return i }
                fieldStart = c == delimiter
            }
        }
        return nil
    }

    /// The first record end at or after `target` (a position after a line break), or nil.
    mutating func firstEnd(atOrAfter target: Int) -> Int? {
        while position < count {
            let q = nextQuote()
            // Between `position` and the next quote every line break ends a record.
            if let nl = find(0x0A, from: max(position, target - 1), to: q) { position = nl + 1; return position }
            if q >= count { return nil }
            guard let e = exactEnd(quote: q) else { return nil }
            position = e
            if e >= target { return e }
        }
        return nil
    }

    /// The last record end in the buffer (after `start`), or nil; moves the scan to it.
    mutating func lastEnd() -> Int? {
        while position < count {
            let q = nextQuote()
            if q >= count {
                if let lb = ChunkPlan.lastLineBreak(base, from: position, to: count) { position = lb + 1 }
                break
            }
            guard let e = exactEnd(quote: q) else {
                // The last whole record ends at the last line break before the open one.
                if let lb = ChunkPlan.lastLineBreak(base, from: position, to: q) { position = lb + 1 }
                break
            }
            position = e
        }
        return position > start ? position : nil
    }
}
