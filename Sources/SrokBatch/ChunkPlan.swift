import SrokCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Plans a chunk of input for the worker threads: where its whole records end and where to cut it.
///
/// Record ends are found exactly as ``CSVTokenizer`` reads records — a quote opens a quoted field
/// only at a field's start (or right after a closing quote, which is how `""` reads), a line end
/// (LF, CRLF or a lone CR, see ``LineEnds``) inside a quoted field does not end a record — but
/// without walking every byte: between quotes (found with `memchr`) every line end ends a record,
/// so only the records that contain a quote are scanned byte by byte. JSON Lines end a record at
/// every line end. A record is never cut, however long: the reader reads on until it ends (up to
/// ``BatchRunOptions/maxRecordBytes``, see ``RecordEndFinder``).
enum ChunkPlan {
    /// `[start, cut…, end]` for `b[start...]`: `end` is the last record end (at the end of input,
    /// everything); each cut is the first record end after a `1/parts` share of the buffered
    /// bytes. `[start, start]` when no record is complete yet.
    static func plan(
        _ b: UnsafeBufferPointer<UInt8>, from start: Int, csv: Bool, delimiter d: UInt8, eof: Bool,
        parts: Int, minBytes: Int
    ) -> [Int] {
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
        if eof { end = n } else if let last = scan.lastEnd() { end = last } else { return [start, start] }
        while cuts.count > 1 && cuts.last! >= end { cuts.removeLast() }
        cuts.append(end)
        return cuts
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
    private static let quoteByte: UInt8 = 0x22

    init(base: UnsafePointer<UInt8>, count: Int, start: Int, csv: Bool, delimiter: UInt8) {
        self.base = base
        self.count = count
        self.start = start
        self.csv = csv
        self.delimiter = delimiter
        position = start
    }

    private func find(_ byte: UInt8, from: Int, to: Int) -> Int? {
        guard from < to, let p = memchr(base + from, Int32(byte), to - from) else { return nil }
        return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(p))
    }

    private mutating func nextQuote() -> Int {
        if quote < position { quote = csv ? (find(Self.quoteByte, from: position, to: count) ?? count) : count }
        return quote
    }

    /// The end (after its line end) of the record holding the quote at `q`, read as the tokenizer
    /// reads it; nil when it does not end inside the buffer. No quote lies between `position` (a
    /// record start) and `q`, so the quote opens a field when it follows a record start, a line
    /// end or a delimiter. From quote to quote with `memchr`: a quoted field runs to a quote not
    /// followed by another (`""` is a quote in it); outside quoted fields, the record ends at the
    /// first line end before the next quote. The next quote after the record is kept for
    /// ``nextQuote()``.
    private mutating func exactEnd(quote q: Int) -> Int? {
        let lf = LineEnds.lf
        let cr = LineEnds.cr
        var fieldStart = q == position || base[q - 1] == lf || base[q - 1] == cr || base[q - 1] == delimiter
        var i = q
        // `i` holds a quote outside quoted text.
        while true {
            if fieldStart {
                // A quoted field: to its closing quote.
                var j = i + 1
                while true {
                    guard let close = find(Self.quoteByte, from: j, to: count) else { return nil }
                    j = close + 1
                    guard j < count, base[j] == Self.quoteByte else { break }
                    j += 1
                }
                // After the closing quote: the delimiter (a new field), the line end, or text
                // (the tokenizer rejects the record and reads on after the next line end,
                // whatever quotes lie before it).
                guard j < count else { return nil }
                let c = base[j]
                if c == lf || c == cr { return LineEnds.end(after: j, base, count: count) }
                if c != delimiter {
                    guard let e = LineEnds.first(base, from: j, to: count) else { return nil }
                    return LineEnds.end(after: e, base, count: count)
                }
                i = j + 1
            } else {
                // A quote inside an unquoted field is text.
                i += 1
            }
            // Outside quoted text up to the next quote: its first line end ends the record.
            let next = find(Self.quoteByte, from: i, to: count) ?? count
            if let e = LineEnds.first(base, from: i, to: next) {
                let end = LineEnds.end(after: e, base, count: count)
                if let end, next >= end { quote = next }
                return end
            }
            guard next < count else { return nil }
            // A quote right after a closing quote's delimiter, or after any delimiter, opens a field.
            fieldStart = base[next - 1] == delimiter
            i = next
        }
    }

    /// The first record end at or after `target` (a position after a line end), or nil.
    mutating func firstEnd(atOrAfter target: Int) -> Int? {
        while position < count {
            let q = nextQuote()
            // Between `position` and the next quote every line end ends a record.
            if let e = LineEnds.first(base, from: max(position, target - 1), to: q) {
                guard let end = LineEnds.end(after: e, base, count: count) else { return nil }
                position = end
                return end
            }
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
                if let e = LineEnds.lastEnd(base, from: position, to: count, count: count) { position = e }
                break
            }
            guard let e = exactEnd(quote: q) else {
                // The last whole record ends at the last line end before the open one.
                if let e = LineEnds.lastEnd(base, from: position, to: q, count: count) { position = e }
                break
            }
            position = e
        }
        return position > start ? position : nil
    }
}

/// Follows one record byte by byte, across any number of buffers, to its end, reading quotes,
/// delimiters and line ends exactly as ``CSVTokenizer`` does (JSON Lines: to the next line end).
/// The reader uses it when a record does not end in the buffered input: to learn when it has
/// read enough, and to skip a record longer than ``BatchRunOptions/maxRecordBytes`` without
/// keeping it.
struct RecordEndFinder {
    private enum State {
        /// At the start of a field (or of the record).
        case fieldStart
        /// In an unquoted field.
        case unquoted
        /// In a quoted field.
        case quoted
        /// After a quote inside a quoted field: it closed the field, or starts a `""`.
        case quoteInQuoted
        /// After text that follows a closing quote: the record ends at the next line end.
        case junk
        /// After a CR outside quotes: the record ends after it, or after the LF that follows.
        case cr
    }

    let csv: Bool
    let delimiter: UInt8
    private var state = State.fieldStart
    /// Whether the previous byte inside a quoted field was a CR (its LF is the same line end).
    private var afterQuotedCR = false
    /// Line ends passed so far, the record's own last one included once it is found.
    private(set) var lines = 0

    init(csv: Bool, delimiter: UInt8) {
        self.csv = csv
        self.delimiter = delimiter
    }

    /// Whether the record is inside a quoted field (at the end of input: a quote never closed).
    var inQuotes: Bool { state == .quoted }

    /// Reads `b[from...]`; returns the position in `b` where the record ends, or nil when it goes
    /// on past the buffer.
    mutating func feed(_ b: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        let lf = LineEnds.lf
        let cr = LineEnds.cr
        let quote: UInt8 = 0x22
        var i = from
        while i < b.count {
            let c = b[i]
            switch state {
            case .cr:
                lines += 1
                return c == lf ? i + 1 : i
            case .quoted:
                if c == quote {
                    state = .quoteInQuoted
                } else if c == cr {
                    lines += 1
                } else if c == lf, !afterQuotedCR {
                    lines += 1
                }
                afterQuotedCR = c == cr
            case .fieldStart, .unquoted, .quoteInQuoted, .junk:
                if c == lf {
                    lines += 1
                    return i + 1
                }
                if c == cr {
                    state = .cr
                } else if !csv {
                    break
                } else if state == .junk {
                    break
                } else if c == delimiter {
                    state = .fieldStart
                } else if c == quote {
                    state = state == .unquoted ? .unquoted : .quoted
                    afterQuotedCR = false
                } else {
                    state = state == .quoteInQuoted ? .junk : .unquoted
                }
            }
            i += 1
        }
        return nil
    }

    /// At the end of input: counts a CR that ended the record.
    mutating func finish() {
        if state == .cr {
            lines += 1
            state = .fieldStart
        }
    }
}
