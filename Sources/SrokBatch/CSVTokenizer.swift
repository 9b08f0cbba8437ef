import SrokCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A byte-level RFC 4180 tokenizer for one segment of input: quoted fields, doubled quotes,
/// quoted line breaks; a record ends at an LF, a CRLF or a lone CR outside quotes (see
/// ``LineEnds``). A line without a quote is read in place (its fields are slices of the input,
/// found sixteen bytes at a time); a record with quotes is unescaped into `scratch`, its fields
/// joined by the delimiter as in the input. Either way field `i` is ``range(_:)`` of ``record``
/// and `ends[i]` its end. No allocation per record once warmed up.
struct CSVTokenizer: ~Copyable {
    let delimiter: UInt8
    /// Whether a line without a quote may be read in place: false for a delimiter that is itself
    /// a quote or a line end (read by the copying path only, which takes it as the delimiter).
    private let plainLines: Bool
    /// The unescaped bytes of the current record's fields, joined by the delimiter.
    private var scratch = RecordScratch(capacity: 1 << 16)
    /// End offsets of the current record's fields in ``record``.
    var ends = FieldEnds()
    /// The current record's field bytes, fields joined by the delimiter: a slice of the input when
    /// the line has no quote (no copy), else the unescaped copy in `scratch`. Valid until the next
    /// `read`.
    private(set) var record = UnsafeBufferPointer<UInt8>(start: nil, count: 0)

    init(delimiter: UInt8) {
        self.delimiter = delimiter
        plainLines = delimiter != LineEnds.lf && delimiter != LineEnds.cr && delimiter != Self.quote
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

    private static let quote: UInt8 = 0x22

    /// Whether the current record is all ASCII (known valid UTF-8); false means "not checked".
    private(set) var isASCII = false

    /// Lanes (bytes) with their high bit set in a word: the mask the SWAR tests below return.
    private static let highs: UInt64 = 0x8080_8080_8080_8080
    private static let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
    private static let ones: UInt64 = 0x0101_0101_0101_0101

    /// Per lane, the high bit clear exactly where the byte of `x` is zero (and no borrow between
    /// lanes): `((x & 0x7F) + 0x7F) | x`.
    @inline(__always) private static func nonZero(_ x: UInt64) -> UInt64 { ((x & low7) &+ low7) | x }

    /// The lanes of `w` (0x80 in each) that hold `a` or `b`, or a byte 0x08–0x0F (where LF and CR
    /// lie: `byte | 7 == 0x0F`, one test for both; a TAB or another control byte there is a
    /// false stop the caller steps over).
    @inline(__always) private static func stops(_ w: UInt64, _ a: UInt64, _ b: UInt64) -> UInt64 {
        let lineEnds = nonZero((w | 0x07 &* ones) ^ (0x0F &* ones))
        return ~(nonZero(w ^ a) & nonZero(w ^ b) & lineEnds) & highs
    }

    /// Sixteen bytes, tested lane by lane with byte arithmetic (no carry between lanes) that the
    /// compiler keeps in one vector register.
    private typealias Block = SIMD16<UInt8>

    /// Per lane, the high bit set exactly where the byte of `x` is zero: `(x - 1) & ~x`.
    @inline(__always) private static func zero(_ x: Block) -> Block { (x &- Block(repeating: 1)) & ~x }

    /// The block's lanes as two words (lanes 0–7, 8–15), the high bit of each byte kept.
    @inline(__always) private static func words(_ x: Block) -> (UInt64, UInt64) {
        let h = unsafeBitCast(x & Block(repeating: 0x80), to: SIMD2<UInt64>.self)
        return (h[0], h[1])
    }

    /// The bytes of a word below lane `k` (0…7).
    @inline(__always) private static func below(_ k: Int) -> UInt64 { (1 &<< UInt64(truncatingIfNeeded: 8 &* k)) &- 1 }

    /// Reads the record that starts at `start` in `b[..<end]` (which must not be empty there).
    ///
    /// The line is scanned sixteen bytes at a time for the delimiter, a quote and the line ends
    /// together. A block with delimiters only records their positions straight from the lane
    /// mask; a block with a stop (a quote, an LF or a CR, or a false stop at another byte
    /// 0x08–0x0F) is walked lane by lane; the segment's last bytes (under sixteen) one by one. A
    /// line without a quote is its own record, read in place; at the first quote, the record
    /// goes on in the copying path from the start of that quote's field (the fields before it
    /// are kept).
    mutating func read(_ b: UnsafeBufferPointer<UInt8>, from start: Int, end: Int) -> Outcome {
        ends.removeAll()
        guard let base = b.baseAddress, start < end else {
            scratch.removeAll()
            ends.append(0)
            record = scratch.contents
            isASCII = true
            return .record(next: end, lines: 0)
        }
        guard plainLines else { return readQuoted(base, from: start, field: start, end: end) }
        let raw = UnsafeRawPointer(base)
        let d = delimiter
        let delimiters = Block(repeating: d)
        let quotes = Block(repeating: Self.quote)
        var high = Block(repeating: 0)
        var lastHigh: UInt64 = 0
        var i = start
        var lineEnd = end
        // The ends are stored straight into their storage (room for a block's sixteen reserved
        // before each block), their count set on the way out.
        var n = 0
        var e = ends.base
        var room = ends.capacity
        /// The start of the field that holds `p`, for the copying path.
        func fieldStart() -> Int { start &+ e[n &- 1] &+ 1 }
        scan: do {
            while i &+ 16 <= end {
                let w = raw.loadUnaligned(fromByteOffset: i, as: Block.self)
                let (d0, d1) = Self.words(Self.zero(w ^ delimiters))
                let (s0, s1) = Self.words(
                    Self.zero(w ^ quotes) | Self.zero((w | Block(repeating: 0x07)) ^ Block(repeating: 0x0F)))
                if n &+ 16 > room {
                    ends.count = n
                    ends.reserve(n &+ 16)
                    e = ends.base
                    room = ends.capacity
                }
                if s0 | s1 == 0 {
                    var m = d0
                    while m != 0 {
                        e[n] = i &- start &+ m.trailingZeroBitCount &>> 3
                        n &+= 1
                        m &= m &- 1
                    }
                    m = d1
                    while m != 0 {
                        e[n] = i &- start &+ 8 &+ m.trailingZeroBitCount &>> 3
                        n &+= 1
                        m &= m &- 1
                    }
                    high |= w
                    i &+= 16
                    continue
                }
                // A stop in this block: its lanes in order.
                var m = d0 | s0
                var half = 0
                while true {
                    while m != 0 {
                        let p = i &+ half &+ m.trailingZeroBitCount &>> 3
                        m &= m &- 1
                        let c = base[p]
                        if c == d {
                            e[n] = p &- start
                            n &+= 1
                        } else if c == LineEnds.lf || c == LineEnds.cr {
                            // The line ends in this block: its bytes before `p` only.
                            let k = p &- i
                            let (w0, w1) = Self.words(w)
                            lastHigh = k < 8 ? w0 & Self.below(k) : w0 | (w1 & Self.below(k &- 8))
                            lineEnd = p
                            break scan
                        } else if c == Self.quote {
                            ends.count = n
                            return readQuoted(base, from: start, field: fieldStart(), end: end)
                        }
                    }
                    if half == 8 { break }
                    half = 8
                    m = d1 | s1
                }
                high |= w
                i &+= 16
            }
            // The segment's last bytes.
            ends.count = n
            while i < end {
                let c = base[i]
                if c == d {
                    ends.append(i &- start)
                } else if c == LineEnds.lf || c == LineEnds.cr {
                    lineEnd = i
                    break
                } else if c == Self.quote {
                    n = ends.count
                    e = ends.base
                    return readQuoted(base, from: start, field: fieldStart(), end: end)
                }
                lastHigh |= UInt64(c)
                i &+= 1
            }
            n = ends.count
        }
        ends.count = n
        ends.append(lineEnd &- start)
        let (h0, h1) = Self.words(high)
        isASCII = (h0 | h1 | lastHigh) & Self.highs == 0
        record = UnsafeBufferPointer(start: base + start, count: lineEnd &- start)
        guard lineEnd < end else { return .record(next: end, lines: 0) }
        // A CRLF is one line end.
        let next =
            base[lineEnd] == LineEnds.cr && lineEnd &+ 1 < end && base[lineEnd &+ 1] == LineEnds.lf
            ? lineEnd &+ 2 : lineEnd &+ 1
        return .record(next: next, lines: 1)
    }

    /// The copying path: the record at `start` from its field at `field` on (the fields before
    /// it are in `ends`, their bytes copied as they are), unescaping quoted fields into `scratch`
    /// eight bytes at a time and counting the line ends inside quotes.
    private mutating func readQuoted(_ base: UnsafePointer<UInt8>, from start: Int, field: Int, end: Int) -> Outcome {
        isASCII = false
        scratch.removeAll()
        // A record's unescaped bytes never outnumber its raw bytes: reserve the rest of the
        // segment once, plus a word for the last eight-byte store.
        scratch.reserve(end &- start &+ 8)
        scratch.append(base + start, count: field &- start)
        defer { record = scratch.contents }
        let raw = UnsafeRawPointer(base)
        let q = Self.quote
        let lf = LineEnds.lf
        let cr = LineEnds.cr
        let d = delimiter
        let quotes = UInt64(q) &* Self.ones
        let delimiters = UInt64(d) &* Self.ones
        var i = field
        var lines = 0
        /// The position after the line end at `i` (an LF or a CR; a CRLF is one).
        func after(_ i: Int) -> Int { base[i] == cr && i &+ 1 < end && base[i &+ 1] == lf ? i &+ 2 : i &+ 1 }
        while true {
            // Start of a field.
            if i < end, base[i] == q {
                i &+= 1
                while true {
                    // Copy up to the next quote or line end, a word at a time.
                    while i &+ 8 <= end {
                        let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                        let m = Self.stops(w, quotes, quotes)
                        let k = m == 0 ? 8 : m.trailingZeroBitCount &>> 3
                        scratch.appendWord(w, count: k)
                        i &+= k
                        if k < 8 { break }
                    }
                    while i < end {
                        let c = base[i]
                        if c == q || c | 0x07 == 0x0F { break }
                        scratch.append(c)
                        i &+= 1
                    }
                    if i >= end {
                        return .unbalancedQuote(next: LineEnds.next(bufferFrom(base, end), after: start, end: end))
                    }
                    let c = base[i]
                    if c == q {
                        if i &+ 1 < end, base[i &+ 1] == q {
                            scratch.append(q)
                            i &+= 2
                            continue
                        }
                        i &+= 1
                        break
                    }
                    // A byte 0x08–0x0F inside quotes: text; an LF, or a CR not followed by an LF, is a line end.
                    if c == lf || (c == cr && (i &+ 1 == end || base[i &+ 1] != lf)) { lines &+= 1 }
                    scratch.append(c)
                    i &+= 1
                }
                ends.append(scratch.count)
                if i >= end { return .record(next: end, lines: lines) }
                let c = base[i]
                if c == d {
                    scratch.append(d)
                    i &+= 1
                    continue
                }
                if c == lf || c == cr { return .record(next: after(i), lines: lines &+ 1) }
                // Junk after a closing quote: skip to the end of the line.
                var j = i
                while j < end, base[j] != lf, base[j] != cr { j &+= 1 }
                return j == end
                    ? .junkAfterQuote(next: end, lines: lines) : .junkAfterQuote(next: after(j), lines: lines &+ 1)
            }
            // Unquoted field (a quote in it is text): copy up to the delimiter or the line end.
            while i &+ 8 <= end {
                let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                let m = Self.stops(w, delimiters, delimiters)
                let k = m == 0 ? 8 : m.trailingZeroBitCount &>> 3
                scratch.appendWord(w, count: k)
                i &+= k
                if k < 8 {
                    let c = base[i]
                    if c == d || c == lf || c == cr { break }
                    // Another byte 0x08–0x0F: text.
                    scratch.append(c)
                    i &+= 1
                }
            }
            while i < end {
                let c = base[i]
                if c == d || c == lf || c == cr { break }
                scratch.append(c)
                i &+= 1
            }
            ends.append(scratch.count)
            if i < end, base[i] == d {
                scratch.append(d)
                i &+= 1
                continue
            }
            if i < end { return .record(next: after(i), lines: lines &+ 1) }
            return .record(next: end, lines: lines)
        }
    }

    /// `base[..<end]` as a buffer.
    @inline(__always) private func bufferFrom(_ base: UnsafePointer<UInt8>, _ end: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: base, count: end)
    }

    /// The position after the first line end at or after `start` (see ``LineEnds/next(_:after:end:)``).
    func nextLine(_ b: UnsafeBufferPointer<UInt8>, after start: Int, end: Int) -> Int {
        LineEnds.next(b, after: start, end: end)
    }

    /// The number of fields of the current record.
    var count: Int { ends.count }

    /// Range of field `i` in ``record`` (the fields are joined by one delimiter byte).
    @inline(__always) func range(_ i: Int) -> Range<Int> {
        precondition(i >= 0 && i < ends.count, "field index out of range")
        return Range(uncheckedBounds: (ends.base[i &- 1] &+ 1, ends.base[i]))
    }
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

    /// Appends `n` bytes from `p` (room reserved by ``reserve(_:)``).
    @inline(__always) mutating func append(_ p: UnsafePointer<UInt8>, count n: Int) {
        assert(count + n <= capacity)
        (base + count).update(from: p, count: n)
        count &+= n
    }

    /// Stores the eight bytes of `w` and keeps the first `n` (room for eight reserved by
    /// ``reserve(_:)``).
    @inline(__always) mutating func appendWord(_ w: UInt64, count n: Int) {
        assert(count + 8 <= capacity)
        UnsafeMutableRawPointer(base + count).storeBytes(of: w, as: UInt64.self)
        count &+= n
    }

    /// Forgets the contents, keeps the storage.
    mutating func removeAll() { count = 0 }

    /// The contents, until the next change.
    var contents: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }
}
