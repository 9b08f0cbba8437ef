#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads the input in chunks and plans each chunk: where its whole records end and where to cut
/// it for the workers (see ``plan(_:from:csv:delimiter:eof:chunk:parts:minBytes:)``).
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

    /// The CSV delimiter (for finding record ends).
    var delimiter: UInt8 = 0x2C

    /// Where the buffered whole records end, and where to cut them into up to `parts` segments:
    /// `[start, cut…, end]`; `[start, start]` when no record is complete yet.
    func plan(csv: Bool, parts: Int, minBytes: Int) -> [Int] {
        ChunkReader.plan(buffer, from: start, csv: csv, delimiter: delimiter, eof: eof, chunk: chunk,
                         parts: parts, minBytes: minBytes)
    }

    /// The record ends in `b[from...]` (positions after a record's line break), found as
    /// ``CSVTokenizer`` reads the records: a quote opens a quoted field only at a field's start (or
    /// right after a closing quote, which is how `""` reads); line breaks inside one do not end a
    /// record. JSON Lines and quote-free CSV end a record at every line break. Then the chunk end
    /// (the last record end; at the end of input, everything; a record longer than the chunk is cut
    /// at a line break, and longer than 16 chunks anywhere: the tokenizer reports the bad row) and
    /// cuts at the first record end after each share.
    static func plan(_ b: UnsafeBufferPointer<UInt8>, from start: Int, csv: Bool, delimiter d: UInt8, eof: Bool,
                     chunk: Int, parts: Int, minBytes: Int) -> [Int] {
        var ends: [Int] = []
        var lastLineBreak = -1
        if let base = b.baseAddress, b.count > start {
            ends.reserveCapacity((b.count - start) / 32)
            if csv && memchr(base + start, 0x22, b.count - start) != nil {
                var inQuotes = false, fieldStart = true, justClosed = false
                for i in start..<b.count {
                    let c = b[i]
                    if inQuotes {
                        if c == 0x22 { inQuotes = false; justClosed = true } else if c == 0x0A { lastLineBreak = i }
                        continue
                    }
                    if c == 0x22 {
                        if fieldStart || justClosed { inQuotes = true }
                        fieldStart = false; justClosed = false
                    } else {
                        justClosed = false
                        if c == 0x0A { lastLineBreak = i; ends.append(i + 1); fieldStart = true } else { fieldStart = c == d }
                    }
                }
            } else {
                var i = start
                while i < b.count, let nl = memchr(base + i, 0x0A, b.count - i) {
                    i = base.distance(to: nl.assumingMemoryBound(to: UInt8.self)) + 1
                    ends.append(i)
                }
                lastLineBreak = (ends.last ?? 0) - 1
            }
        }
        let end: Int
        if eof { end = b.count }
        else if let last = ends.last { end = last }
        else if lastLineBreak >= start && b.count - start >= chunk { end = lastLineBreak + 1 }
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
