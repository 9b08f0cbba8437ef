import SrokCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A byte-level RFC 4180 tokenizer for one segment of input: quoted fields, doubled quotes,
/// quoted line breaks; a record ends at an LF, a CRLF or a lone CR outside quotes (see
/// ``LineEnds``). A line without a quote is read in place (its fields are slices of the input,
/// found a word at a time); a record with quotes is unescaped into `scratch`. `ends[i]` is the
/// end offset of field `i` in ``record``. No allocation per record once warmed up.
struct CSVTokenizer: ~Copyable {
    let delimiter: UInt8
    /// The unescaped bytes of the current record's fields, back to back.
    private var scratch = RecordScratch(capacity: 1 << 16)
    /// End offsets of the current record's fields in ``record``.
    var ends = FieldEnds()
    /// The current record's field bytes: a slice of the input when the line has no quote (no
    /// copy), else the unescaped copy in `scratch`. Valid until the next `read`.
    private(set) var record = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
    /// 1 when fields are slices of the input (a delimiter lies between them), 0 in `scratch`.
    private var gap = 0

    init(delimiter: UInt8) {
        self.delimiter = delimiter
    }

    /// What reading one record found.
    enum Outcome {
        /// A record; `next` is where the following one starts, `lines` how many line ends it
        /// spanned (its own last one included).
        case record(next: Int, lines: Int)
        /// A quoted field was still open at the end of the segment: the record starting at the
        /// given position is bad; resume at `next` (the line after its first line).
        case unbalancedQuote(next: Int)
        /// Text after a closing quote (`"ab"c`): the record is bad; resume at `next`.
        case junkAfterQuote(next: Int, lines: Int)
    }

    /// Reads the record that starts at `start` in `b[..<end]` (which must not be empty there).
    mutating func read(_ b: UnsafeBufferPointer<UInt8>, from start: Int, end: Int) -> Outcome {
        if let base = b.baseAddress, start < end, let r = readPlainLine(base, from: start, end: end) { return r }
        defer { record = scratch.contents }
        gap = 0
        isASCII = false
        scratch.removeAll()
        // A record's unescaped bytes never outnumber its raw bytes: reserve the rest of the segment once.
        scratch.reserve(end - start)
        ends.removeAll()
        var i = start
        var lines = 0
        let q: UInt8 = 0x22
        let lf = LineEnds.lf
        let cr = LineEnds.cr
        let d = delimiter
        /// The position after the line end at `i` (an LF or a CR; a CRLF is one).
        func after(_ i: Int) -> Int { b[i] == cr && i + 1 < end && b[i + 1] == lf ? i + 2 : i + 1 }
        while true {
            // Start of a field.
            if i < end, b[i] == q {
                i += 1
                while true {
                    // Copy until the next quote, counting line ends (a CRLF is one).
                    while i < end, b[i] != q {
                        let c = b[i]
                        if c <= cr, c == lf || (c == cr && (i + 1 == end || b[i + 1] != lf)) { lines += 1 }
                        scratch.append(c)
                        i += 1
                    }
                    if i >= end { return .unbalancedQuote(next: nextLine(b, after: start, end: end)) }
                    // b[i] == quote
                    if i + 1 < end, b[i + 1] == q {
                        scratch.append(q)
                        i += 2
                        continue
                    }
                    i += 1
                    break
                }
                ends.append(scratch.count)
                if i >= end { return .record(next: end, lines: lines) }
                let c = b[i]
                if c == d {
                    i += 1
                    continue
                }
                if c == lf || c == cr { return .record(next: after(i), lines: lines + 1) }
                // Junk after a closing quote: skip to the end of the line.
                var j = i
                while j < end, b[j] != lf, b[j] != cr { j += 1 }
                return j == end
                    ? .junkAfterQuote(next: end, lines: lines) : .junkAfterQuote(next: after(j), lines: lines + 1)
            }
            // Unquoted field.
            while i < end {
                let c = b[i]
                if c == d || (c <= cr && (c == lf || c == cr)) { break }
                scratch.append(c)
                i += 1
            }
            ends.append(scratch.count)
            if i < end, b[i] == d {
                i += 1
                continue
            }
            if i < end { return .record(next: after(i), lines: lines + 1) }
            return .record(next: end, lines: lines)
        }
    }

    /// The position after the first line end at or after `start` (see ``LineEnds/next(_:after:end:)``).
    func nextLine(_ b: UnsafeBufferPointer<UInt8>, after start: Int, end: Int) -> Int {
        LineEnds.next(b, after: start, end: end)
    }

    /// Whether the current record is all ASCII (known valid UTF-8); false means "not checked".
    private(set) var isASCII = false

    /// Bytes of `x` that are zero, as 0x80 in their lane (exact: no borrow between lanes).
    @inline(__always) private static func zeroBytes(_ x: UInt64) -> UInt64 {
        let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        return ~(((x & low7) &+ low7) | x | low7)
    }

    /// The fast path: a line with no quote is its own record, its fields slices of the input.
    /// One pass, eight bytes at a time, finds the line end (LF or CR), any quote (then nil: the
    /// caller takes the copying path), the delimiters and whether every byte is ASCII. LF and CR
    /// are found together, as the bytes 0x08–0x0F (`byte | 7 == 0x0F`): one test per word for
    /// both; a stop at another of those bytes (a TAB, say) is no line end, and the scan goes on
    /// after it.
    @inline(__always) private mutating func readPlainLine(_ base: UnsafePointer<UInt8>, from start: Int, end: Int)
        -> Outcome?
    {
        let raw = UnsafeRawPointer(base)
        let ones: UInt64 = 0x0101_0101_0101_0101
        let sevens = 0x07 &* ones
        let fifteens = 0x0F &* ones
        let quotes = 0x22 &* ones
        let delimiters = UInt64(delimiter) &* ones
        var high: UInt64 = 0
        var i = start
        var lineEnd = end
        ends.removeAll()
        scan: do {
            while i + 8 <= end {
                let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                let stops = Self.zeroBytes((w | sevens) ^ fifteens) | Self.zeroBytes(w ^ quotes)
                var hits = Self.zeroBytes(w ^ delimiters)
                if stops != 0 {
                    let k = stops.trailingZeroBitCount >> 3
                    let c = base[i + k]
                    if c == 0x22 { return nil }
                    if c != 0x0A && c != 0x0D {
                        // A control byte 0x08–0x0F that ends no line: take the word up to it, and go on after it.
                        let upTo: UInt64 = k == 7 ? UInt64.max : UInt64.max >> (56 - 8 * k)
                        hits &= upTo
                        high |= w & upTo
                        if hits != 0 { ends.append(lanes: hits, offset: i - start) }
                        i += k + 1
                        continue
                    }
                    let below: UInt64 = k == 0 ? 0 : UInt64.max >> (64 - 8 * k)
                    hits &= below
                    high |= w & below
                    if hits != 0 { ends.append(lanes: hits, offset: i - start) }
                    lineEnd = i + k
                    break scan
                }
                high |= w
                if hits != 0 { ends.append(lanes: hits, offset: i - start) }
                i += 8
            }
            while i < end {
                let c = base[i]
                if c == 0x0A || c == 0x0D {
                    lineEnd = i
                    break
                }
                if c == 0x22 { return nil }
                if c == delimiter { ends.append(i - start) }
                high |= UInt64(c)
                i += 1
            }
        }
        ends.append(lineEnd - start)
        record = UnsafeBufferPointer(start: base + start, count: lineEnd - start)
        gap = 1
        isASCII = high & 0x8080_8080_8080_8080 == 0
        guard lineEnd < end else { return .record(next: end, lines: 0) }
        // A CRLF is one line end.
        let next = base[lineEnd] == 0x0D && lineEnd + 1 < end && base[lineEnd + 1] == 0x0A ? lineEnd + 2 : lineEnd + 1
        return .record(next: next, lines: 1)
    }

    /// The number of fields of the current record.
    var count: Int { ends.count }

    /// Range of field `i` in ``record``.
    @inline(__always) func range(_ i: Int) -> Range<Int> { (i == 0 ? 0 : ends[i - 1] + gap)..<ends[i] }
}

/// The tokenizer's copy of a quoted record: room for the whole record is reserved once, then
/// bytes are appended without a check each (the record's unescaped bytes never outnumber its raw
/// bytes). Its contents stay valid until the tokenizer reads the next record.
private struct RecordScratch: ~Copyable {
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    /// The number of bytes held.
    private(set) var count = 0

    init(capacity: Int) {
        self.capacity = capacity
        base = .allocate(capacity: capacity)
    }

    deinit { base.deallocate() }

    /// Makes room for `n` more bytes.
    mutating func reserve(_ n: Int) {
        guard count + n > capacity else { return }
        let c = max(capacity * 2, count + n)
        let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: c)
        bigger.update(from: base, count: count)
        base.deallocate()
        base = bigger
        capacity = c
    }

    /// Appends a byte (room reserved by ``reserve(_:)``).
    @inline(__always) mutating func append(_ b: UInt8) {
        assert(count < capacity)
        base[count] = b
        count &+= 1
    }

    /// Forgets the contents, keeps the storage.
    mutating func removeAll() { count = 0 }

    /// The contents, until the next change.
    var contents: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }
}

/// UTF-8 validation without allocation.
enum UTF8Check {
    /// Whether `b` is valid UTF-8.
    static func isValid(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = b.count
        // ASCII fast path, eight bytes at a time.
        if let base = b.baseAddress {
            let raw = UnsafeRawPointer(base)
            while i + 8 <= n {
                if raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { break }
                i += 8
            }
        }
        while i < n {
            let c = b[i]
            if c < 0x80 {
                // Back to eight bytes at a time after a multi-byte character.
                if i + 8 <= n,
                    UnsafeRawPointer(b.baseAddress!).loadUnaligned(fromByteOffset: i, as: UInt64.self)
                        & 0x8080_8080_8080_8080 == 0
                {
                    i += 8
                } else {
                    i += 1
                }
                continue
            }
            var len = 0
            var min: UInt32 = 0
            var v: UInt32 = 0
            if c & 0xE0 == 0xC0 {
                len = 2
                min = 0x80
                v = UInt32(c & 0x1F)
            } else if c & 0xF0 == 0xE0 {
                len = 3
                min = 0x800
                v = UInt32(c & 0x0F)
            } else if c & 0xF8 == 0xF0 {
                len = 4
                min = 0x10000
                v = UInt32(c & 0x07)
            } else {
                return false
            }
            if i + len > n { return false }
            for k in 1..<len {
                let cc = b[i + k]
                if cc & 0xC0 != 0x80 { return false }
                v = (v << 6) | UInt32(cc & 0x3F)
            }
            if v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF) { return false }
            i += len
        }
        return true
    }
}
