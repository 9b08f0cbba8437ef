import SrokCore
import SrokFiles

/// A record longer than ``BatchRunOptions/maxRecordBytes`` that the reader skipped without
/// keeping it: what its reject says.
struct SkippedRecord: Sendable, Equatable {
    /// Its length in bytes (its line end included).
    var bytes: Int
    /// The line ends it spans, its own last one included.
    var lines: Int
    /// Whether it ran to the end of the input inside a quoted field (a quote never closed).
    var unclosedQuote: Bool
    /// Its first bytes, for the reject's value (see ``OversizedRecord/preview(_:)``).
    var preview: String
}

/// Where a ``ChunkReader`` takes its bytes from when it does not read its file descriptor
/// directly: text converted to UTF-8 (``TranscodingReader``), or a workbook's rows written as
/// records (``XLSXRecordSource``).
protocol ChunkSource: AnyObject {
    /// Copies up to `buffer.count` bytes into `buffer`: the count, or 0 at the end (`read(2)`'s contract).
    func read(into buffer: UnsafeMutableRawBufferPointer) throws(SrokError) -> Int
}

extension TranscodingReader: ChunkSource {}

/// One chunk of input in its own storage: whole records `start..<end`, planned into segments by
/// `cuts`. Blocks stay alive (read-only) while workers process them and are recycled afterwards,
/// so the next chunk can be read while the previous ones are evaluated.
final class InputBlock: @unchecked Sendable {
    fileprivate var storage: UnsafeMutableBufferPointer<UInt8>
    /// Filled bytes.
    fileprivate(set) var count = 0
    /// `[start, cut…, end]`: the segments' bounds.
    fileprivate(set) var cuts: [Int] = []
    /// A record the reader skipped just before the first segment (too long to read).
    fileprivate(set) var skipped: SkippedRecord?

    init(capacity: Int) { storage = .allocate(capacity: capacity) }
    deinit { storage.deallocate() }

    /// The filled bytes.
    var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: storage[0..<count]) }

    /// Segment `k` of the plan.
    func segment(_ k: Int) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: bytes[cuts[k]..<cuts[k + 1]]) }

    /// The number of segments.
    var segments: Int { cuts.count - 1 }

    fileprivate func reserve(_ n: Int) {
        guard storage.count - count < n else { return }
        let bigger = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(storage.count * 2, count + n))
        bigger.baseAddress!.update(from: storage.baseAddress!, count: count)
        storage.deallocate()
        storage = bigger
    }

    /// Gives back storage beyond `capacity` (after a long record made the block grow); the
    /// block must be empty.
    fileprivate func shrink(to capacity: Int) {
        guard count == 0, storage.count > capacity else { return }
        storage.deallocate()
        storage = .allocate(capacity: capacity)
    }

    fileprivate func append(_ p: UnsafeBufferPointer<UInt8>) {
        reserve(p.count)
        if let src = p.baseAddress { (storage.baseAddress! + count).update(from: src, count: p.count) }
        count += p.count
    }

    /// Appends what one `read(2)` of up to `want` bytes from `fd` gives; the number of bytes
    /// (0 at the end of input).
    fileprivate func append(readingFrom fd: Int32, upTo want: Int) throws(SyscallError) -> Int {
        reserve(want)
        let n = try Syscall.read(
            fd,
            into: UnsafeMutableRawBufferPointer(UnsafeMutableBufferPointer(rebasing: storage[count..<(count + want)])))
        count += n
        return n
    }
}

extension InputBlock {
    /// Appends what one read of up to `want` bytes from `source` gives; the number of bytes (0
    /// at the end of input).
    fileprivate func append(from source: any ChunkSource, upTo want: Int) throws(SrokError) -> Int {
        reserve(want)
        let n = try source.read(
            into: UnsafeMutableRawBufferPointer(UnsafeMutableBufferPointer(rebasing: storage[count..<(count + want)])))
        count += n
        return n
    }
}

/// Reads the input chunk by chunk into ``InputBlock``s and plans each (see ``ChunkPlan``). The
/// bytes after a block's last whole record are carried into the next block. A record is never
/// cut: a block grows until its first record ends, up to `maxRecordBytes`; a longer record is
/// followed to its end and dropped (``InputBlock/skipped``), so memory stays bounded.
struct ChunkReader {
    /// The file read (-1 when the bytes come from ``source``).
    let fd: Int32
    /// Where the bytes come from instead of `fd` (nil: `read(2)` on `fd` straight into the block).
    let source: (any ChunkSource)?
    let chunk: Int
    let csv: Bool
    /// The longest record kept (see ``BatchRunOptions/maxRecordBytes``).
    let maxRecordBytes: Int
    /// The CSV delimiter (for finding record ends).
    var delimiter: UInt8 = 0x2C
    /// Segments per block.
    var parts = 1
    private(set) var eof = false
    /// Input bytes handed out in blocks so far (header and skipped records included).
    private(set) var consumedBytes = 0
    /// Unprocessed bytes at the head of the next block (the tail of the previous one).
    private var carry: [UInt8] = []
    /// Where the next block's records start (after a BOM and the header in the first block).
    private var skip = 0

    init(
        fd: Int32, source: (any ChunkSource)? = nil, chunk: Int, csv: Bool,
        maxRecordBytes: Int = BatchLimits.defaultMaxRecordBytes
    ) {
        self.fd = fd
        self.source = source
        self.chunk = chunk
        self.csv = csv
        self.maxRecordBytes = maxRecordBytes
    }

    private mutating func readMore(into block: InputBlock, upTo want: Int) throws(SrokError) {
        if let source {
            if try block.append(from: source, upTo: want) == 0 { eof = true }
            return
        }
        do {
            if try block.append(readingFrom: fd, upTo: want) == 0 { eof = true }
        } catch {
            throw .io("", ru: "ошибка чтения входа", en: "reading the input failed", error)
        }
    }

    /// Starts a block with the carried bytes and fills it to a chunk (or the end of input).
    private mutating func start(_ block: InputBlock) throws(SrokError) {
        block.count = 0
        block.skipped = nil
        // A block that grew for a long record returns to its usual size.
        block.shrink(to: 2 * chunk)
        carry.withUnsafeBufferPointer { block.append($0) }
        carry.removeAll(keepingCapacity: true)
        while !eof && block.count < chunk { try readMore(into: block, upTo: chunk - block.count) }
    }

    /// The first block, for the CSV header (when `header` is true): filled until it holds the
    /// first line end outside quotes (counting quotes: a header has no bare ones), or more than
    /// `headerBytes` bytes, or the whole input; then topped up to a chunk.
    mutating func first(_ block: InputBlock, header: Bool, headerBytes: Int = BatchLimits.headerBytes) throws(SrokError)
    {
        try start(block)
        if header {
            var scanned = 0
            var inQuotes = false
            // A BOM, the header and its line end (a CRLF's LF included).
            let enough = 3 + headerBytes + 1
            search: while true {
                let b = block.bytes
                while scanned < b.count {
                    let c = b[scanned]
                    if c == 0x22 {
                        inQuotes.toggle()
                    } else if !inQuotes, c == LineEnds.lf || c == LineEnds.cr {
                        // A CR as the last byte read may be the first half of a CRLF: read one more.
                        if c == LineEnds.lf || scanned + 1 < b.count || eof { break search }
                        break
                    }
                    scanned += 1
                }
                if eof || block.count >= enough { break }
                try readMore(into: block, upTo: chunk)
            }
        }
        // Top the first block up to a chunk (a short first read, e.g. from a pipe).
        while !eof && block.count < chunk { try readMore(into: block, upTo: chunk - block.count) }
    }

    /// Marks the first `n` bytes of the current (first) block as read (a BOM and the header).
    mutating func skipHeader(_ n: Int) { skip = n }

    /// Plans `block` (already started by ``first(_:header:headerBytes:)``, or fresh when `started`
    /// is false) and returns it, or nil at the end of input. When no record ends in the block,
    /// it reads on until one does; a record longer than `maxRecordBytes` is skipped to its end
    /// and the block returned holds no bytes, only ``InputBlock/skipped``.
    mutating func next(_ block: InputBlock, started: Bool = false) throws(SrokError) -> InputBlock? {
        if !started { try start(block) }
        let from = skip
        skip = 0
        // Small chunks (tests, tuning) are split too; normal ones only when worth a thread.
        let minBytes = min(64 * 1024, chunk / 4)
        func plan() -> [Int] {
            ChunkPlan.plan(
                block.bytes, from: from, csv: csv, delimiter: delimiter, eof: eof, parts: parts, minBytes: minBytes)
        }
        var cuts = plan()
        if cuts.last! <= from && !eof {
            // No record ends in the block: follow the first one byte by byte as more is read.
            var finder = RecordEndFinder(csv: csv, delimiter: delimiter)
            var scanned = from
            var found: Int?
            while true {
                found = finder.feed(block.bytes, from: scanned)
                if found != nil || eof { break }
                scanned = block.count
                if block.count - from > maxRecordBytes { return try skipLongRecord(block, from: from, finder: finder) }
                try readMore(into: block, upTo: chunk)
            }
            cuts = plan()
            // The finder reads records as the planner does; should they ever disagree, the
            // finder's end still moves the reading on rather than ending it.
            if cuts.last! <= from, let found { cuts = [from, found] }
        }
        let end = cuts.last!
        if end <= from { return nil }
        carry.append(contentsOf: block.bytes[end...])
        consumedBytes += end
        block.cuts = cuts
        return block
    }

    /// Skips the record that starts at `from` in `block` (longer than `maxRecordBytes`, its first
    /// bytes already given to `finder`), reading and dropping chunks until it ends; returns the
    /// block emptied after `from`, with the record described in ``InputBlock/skipped``.
    private mutating func skipLongRecord(_ block: InputBlock, from: Int, finder: RecordEndFinder) throws(SrokError)
        -> InputBlock
    {
        var finder = finder
        let preview = OversizedRecord.preview(UnsafeBufferPointer(rebasing: block.bytes[from...]))
        var bytes = block.count - from
        var unclosedQuote = false
        while true {
            block.count = from
            if eof {
                finder.finish()
                unclosedQuote = finder.inQuotes
                break
            }
            try readMore(into: block, upTo: chunk)
            if let e = finder.feed(block.bytes, from: from) {
                bytes += e - from
                carry.append(contentsOf: block.bytes[e...])
                break
            }
            bytes += block.count - from
        }
        block.count = from
        block.skipped = SkippedRecord(bytes: bytes, lines: finder.lines, unclosedQuote: unclosedQuote, preview: preview)
        consumedBytes += from + bytes
        block.cuts = [from, from]
        return block
    }
}

extension InputBlock {
    /// `,`, `;` or TAB: whichever occurs most often outside quotes in the first line from
    /// `start` (a tie goes to the comma, then the semicolon). Excel's "Текст Юникод" is
    /// TAB-separated; its "CSV" is `;`-separated in Russian.
    func detectDelimiter(from start: Int) -> UInt8 {
        var comma = 0
        var semicolon = 0
        var tab = 0
        var inQuotes = false
        for c in bytes[start...] {
            if c == 0x22 {
                inQuotes.toggle()
            } else if !inQuotes {
                if c == LineEnds.lf || c == LineEnds.cr { break }
                if c == 0x2C { comma += 1 } else if c == 0x3B { semicolon += 1 } else if c == 0x09 { tab += 1 }
            }
        }
        if tab > comma && tab > semicolon { return 0x09 }
        return semicolon > comma ? 0x3B : 0x2C
    }
}
