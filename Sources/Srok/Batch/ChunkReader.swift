#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads the input in chunks and finds record boundaries: a chunk ends at the last line break
/// outside quotes (CSV, followed as the tokenizer reads it: ``RecordScanner``) or at the last line break
/// (JSON Lines). A record longer than the cap is cut at a line break anyway, and the row is
/// reported as an unbalanced quote by the tokenizer.
struct ChunkReader {
    let fd: Int32
    let chunk: Int
    /// Allocated storage; bytes `0..<count` hold data, of which `start..<count` are unprocessed.
    private var storage: UnsafeMutableBufferPointer<UInt8>
    /// Filled bytes.
    private(set) var count = 0
    /// Where unprocessed bytes start.
    var start = 0
    var eof = false
    var consumedBytes = 0

    init(fd: Int32, chunk: Int) {
        self.fd = fd; self.chunk = chunk
        storage = .allocate(capacity: chunk * 2)
    }

    /// Frees the storage.
    func release() { storage.deallocate() }

    /// The filled bytes (valid until the next read).
    var buffer: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: storage[0..<count]) }

    private mutating func compact() {
        if start > 0 {
            let live = count - start
            if live > 0 { storage.baseAddress!.update(from: storage.baseAddress! + start, count: live) }
            count = live
            start = 0
        }
    }

    private mutating func readMore(upTo want: Int) throws(SrokError) {
        if storage.count - count < want {
            let bigger = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(storage.count * 2, count + want))
            bigger.baseAddress!.update(from: storage.baseAddress!, count: count)
            storage.deallocate()
            storage = bigger
        }
        while true {
            let n = read(fd, storage.baseAddress! + count, want)
            if n < 0 {
                if errno == EINTR { continue }
                throw .io(path: "input", message: "read failed: \(String(cString: strerror(errno)))")
            }
            if n == 0 { eof = true }
            count += n
            return
        }
    }

    /// Reads until at least `chunk` unprocessed bytes are buffered or the input ends.
    mutating func fill() throws(SrokError) {
        compact()
        while !eof && count < chunk { try readMore(upTo: chunk * 2 - count) }
    }

    /// Reads one more chunk whatever is buffered (a record longer than the buffer).
    mutating func fillMore() throws(SrokError) {
        if !eof { try readMore(upTo: chunk) }
    }

    /// Makes sure the first line is buffered (for the header).
    mutating func ensureLine() throws(SrokError) {
        while !eof && !buffer[start...].contains(0x0A) { try fillMore() }
    }

    /// `,` or `;`: whichever occurs more often outside quotes in the first line.
    func detectDelimiter() -> UInt8 {
        var comma = 0, semicolon = 0, inQuotes = false
        for c in buffer[start...] {
            if c == 0x22 { inQuotes.toggle() } else if !inQuotes {
                if c == 0x0A { break }
                if c == 0x2C { comma += 1 } else if c == 0x3B { semicolon += 1 }
            }
        }
        return semicolon > comma ? 0x3B : 0x2C
    }

    /// The CSV delimiter (for the record scanner).
    var delimiter: UInt8 = 0x2C

    /// Where the chunk's whole records end, and where to cut it into up to `parts` segments for
    /// the workers: `[start, cut…, end]`; `[start, start]` when no record is complete yet. One pass.
    func plan(csv: Bool, parts: Int, minBytes: Int) throws(SrokError) -> [Int] {
        let b = buffer
        // With quotes in CSV, one scan collects every record end; cuts are chosen among them.
        if csv, let base = b.baseAddress, b.count > start, memchr(base + start, 0x22, b.count - start) != nil {
            var ends: [Int] = []
            ends.reserveCapacity((b.count - start) / 32)
            var lastAny = -1
            // RecordScanner's rules, inlined: a quote opens a field only at its start (or right
            // after a closing quote: "" inside a quoted field).
            var inQuotes = false, fieldStart = true, justClosed = false
            let d = delimiter
            for i in start..<b.count {
                let c = b[i]
                if inQuotes {
                    if c == 0x22 { inQuotes = false; justClosed = true }
                    else if c == 0x0A { lastAny = i }
                    continue
                }
                if c == 0x22 {
                    if fieldStart || justClosed { inQuotes = true }
                    fieldStart = false; justClosed = false
                } else {
                    justClosed = false
                    if c == 0x0A { lastAny = i; ends.append(i + 1); fieldStart = true } else { fieldStart = c == d }
                }
            }
            var end: Int
            if eof { end = b.count } else if let last = ends.last { end = last }
            else if lastAny >= 0 && b.count - start >= chunk { end = lastAny + 1 }
            else if b.count - start >= 16 * chunk { end = b.count }
            else { return [start, start] }
            var cuts = [start]
            if parts > 1 && end - start > minBytes {
                var j = 0
                for k in 1..<parts {
                    let target = start + (end - start) * k / parts
                    while j < ends.count && ends[j] < target { j += 1 }
                    if j < ends.count, ends[j] < end, ends[j] > cuts.last! { cuts.append(ends[j]) }
                }
            }
            cuts.append(end)
            return cuts
        }
        let end = try recordBoundary(csv: csv)
        return ChunkReader.split(b, from: start, to: end, parts: parts, csv: csv, minBytes: minBytes, delimiter: delimiter)
    }

    /// The end (exclusive) of the whole records in the buffer.
    func recordBoundary(csv: Bool) throws(SrokError) -> Int {
        if eof { return buffer.count }
        let b = buffer
        guard let base = b.baseAddress, b.count > start else { return start }
        // Fast path: no quote in the unprocessed bytes (the common case), or JSON Lines: the last line break.
        if !csv || memchr(base + start, 0x22, b.count - start) == nil {
            var i = b.count - 1
            while i >= start, b[i] != 0x0A { i -= 1 }
            if i < start { return b.count - start >= 16 * chunk ? b.count : start }
            return i + 1
        }
        var lastEven = -1, lastAny = -1
        var scanner = RecordScanner(delimiter: delimiter)
        for i in start..<b.count {
            let c = b[i]
            if c == 0x0A { lastAny = i }
            if scanner.step(c, next: i + 1 < b.count ? b[i + 1] : nil) { lastEven = i }
        }
        if lastEven >= 0 { return lastEven + 1 }
        if lastAny >= 0 && buffer.count - start >= chunk { return lastAny + 1 }
        if buffer.count - start >= 16 * chunk { return buffer.count }   // a line longer than 16 chunks: cut
        return start   // need more input
    }

    /// Cut points splitting `from..<to` into up to `parts` segments at record boundaries.
    static func split(_ b: UnsafeBufferPointer<UInt8>, from: Int, to: Int, parts: Int, csv: Bool, minBytes: Int = 64 * 1024,
                      delimiter: UInt8 = 0x2C) -> [Int] {
        var cuts = [from]
        if parts > 1 && to - from > minBytes, let base = b.baseAddress, !csv || memchr(base + from, 0x22, to - from) == nil {
            // No quotes: cut at the line break after each share.
            for k in 1..<parts {
                let target = from + (to - from) * k / parts
                guard target > cuts.last!, let nl = memchr(base + target, 0x0A, to - target) else { continue }
                let i = base.distance(to: nl.assumingMemoryBound(to: UInt8.self)) + 1
                if i < to && i > cuts.last! { cuts.append(i) }
            }
        } else if parts > 1 && to - from > minBytes {
            // Quotes present: cut only where the tokenizer would end a record.
            var scanner = RecordScanner(delimiter: delimiter)
            var k = 1
            var target = from + (to - from) / parts
            var i = from
            while i < to && k < parts {
                if scanner.step(b[i], next: i + 1 < to ? b[i + 1] : nil), i >= target, i + 1 < to {
                    cuts.append(i + 1)
                    k += 1
                    target = from + (to - from) * k / parts
                }
                i += 1
            }
        }
        cuts.append(to)
        return cuts
    }

    mutating func consume(upTo end: Int) {
        consumedBytes += end - start
        start = end
    }
}

/// A progress line on stderr, throttled to twice a second.
struct Progress {
    let enabled: Bool
    let total: Int
    let clock = ContinuousClock()
    var started: ContinuousClock.Instant
    var last: ContinuousClock.Instant

    init(enabled: Bool, total: Int) {
        self.enabled = enabled; self.total = total
        started = clock.now; last = started
    }

    mutating func update(rows: Int, bytes: Int) {
        guard enabled else { return }
        let now = clock.now
        guard now - last > .milliseconds(500) else { return }
        last = now
        let elapsed = Double((now - started).components.seconds) + Double((now - started).components.attoseconds) / 1e18
        var text = "\r\(rows) rows, \(elapsed > 0 ? Int(Double(rows) / elapsed) : 0) rows/s"
        if total > 0 {
            let fraction = Double(bytes) / Double(total)
            text += ", \(Int(fraction * 100)) %"
            if fraction > 0.01 { text += ", ETA \(Int(elapsed / fraction - elapsed)) s" }
        }
        text += "   "
        _ = text.withCString { write(2, $0, strlen($0)) }
    }

    func finish() {
        if enabled { _ = "\r\u{1B}[K".withCString { write(2, $0, strlen($0)) } }
    }
}

/// Follows CSV quoting exactly as ``CSVTokenizer`` reads it — a quote opens a quoted field only
/// at the start of a field, `""` inside one is a literal quote — so that chunk and segment cuts
/// fall only where the tokenizer ends a record (a bare quote inside an unquoted field does not
/// flip anything).
struct RecordScanner {
    let delimiter: UInt8
    private var inQuotes = false
    private var fieldStart = true
    private var justClosed = false

    init(delimiter: UInt8) { self.delimiter = delimiter }

    /// Feeds one byte; returns whether it is a line break that ends a record. (`next` is unused:
    /// a quote right after a closing quote re-opens the field, which is how `""` reads.)
    @inline(__always) mutating func step(_ c: UInt8, next: UInt8?) -> Bool {
        if inQuotes {
            if c == 0x22 { inQuotes = false; justClosed = true }
            return false
        }
        if c == 0x22 {
            if fieldStart || justClosed { inQuotes = true }
            fieldStart = false; justClosed = false
            return false
        }
        justClosed = false
        if c == 0x0A { fieldStart = true; return true }
        fieldStart = c == delimiter
        return false
    }
}
