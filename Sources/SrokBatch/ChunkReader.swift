import SrokCore

/// One chunk of input in its own storage: whole records `start..<end`, planned into segments by
/// `cuts`. Blocks stay alive (read-only) while workers process them and are recycled afterwards,
/// so the next chunk can be read while the previous ones are evaluated.
final class InputBlock: @unchecked Sendable {
    private var storage: UnsafeMutableBufferPointer<UInt8>
    /// Filled bytes.
    fileprivate(set) var count = 0
    /// `[start, cut…, end]`: the segments' bounds.
    fileprivate(set) var cuts: [Int] = []

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

    fileprivate func append(_ p: UnsafeBufferPointer<UInt8>) {
        reserve(p.count)
        if let src = p.baseAddress { (storage.baseAddress! + count).update(from: src, count: p.count) }
        count += p.count
    }

    /// Appends what one `read(2)` of up to `want` bytes from `fd` gives; the number of bytes
    /// (0 at the end of input).
    fileprivate func append(readingFrom fd: Int32, upTo want: Int) throws(SyscallError) -> Int {
        reserve(want)
        let n = try Syscall.read(fd, into: UnsafeMutableRawBufferPointer(UnsafeMutableBufferPointer(rebasing: storage[count..<(count + want)])))
        count += n
        return n
    }
}

/// Reads the input chunk by chunk into ``InputBlock``s and plans each (see ``ChunkPlan``). The
/// bytes after a block's last whole record are carried into the next block.
struct ChunkReader {
    let fd: Int32
    let chunk: Int
    let csv: Bool
    /// The CSV delimiter (for finding record ends).
    var delimiter: UInt8 = 0x2C
    /// Segments per block.
    var parts = 1
    private(set) var eof = false
    /// Input bytes handed out in blocks so far (header included).
    private(set) var consumedBytes = 0
    /// Unprocessed bytes at the head of the next block (the tail of the previous one).
    private var carry: [UInt8] = []
    /// Where the next block's records start (after a BOM and the header in the first block).
    private var skip = 0

    init(fd: Int32, chunk: Int, csv: Bool) {
        self.fd = fd; self.chunk = chunk; self.csv = csv
    }

    private mutating func readMore(into block: InputBlock, upTo want: Int) throws(SrokError) {
        do {
            if try block.append(readingFrom: fd, upTo: want) == 0 { eof = true }
        } catch {
            throw .io(path: "input", message: "read failed: \(error)")
        }
    }

    /// Starts a block with the carried bytes and fills it to a chunk (or the end of input).
    private mutating func start(_ block: InputBlock) throws(SrokError) {
        block.count = 0
        carry.withUnsafeBufferPointer { block.append($0) }
        carry.removeAll(keepingCapacity: true)
        while !eof && block.count < chunk { try readMore(into: block, upTo: chunk - block.count) }
    }

    /// The first block, for the header: filled until its first line is complete (or the input ends).
    mutating func first(_ block: InputBlock) throws(SrokError) {
        try start(block)
        while !eof && !block.bytes.contains(0x0A) { try readMore(into: block, upTo: chunk) }
        // Top the first block up to a chunk (a short first read, e.g. from a pipe).
        while !eof && block.count < chunk { try readMore(into: block, upTo: chunk - block.count) }
    }

    /// Marks the first `n` bytes of the current (first) block as read (a BOM and the header).
    mutating func skipHeader(_ n: Int) { skip = n }

    /// Plans `block` (already started by ``first(_:)``, or fresh when `started` is false) and
    /// returns it, or nil at the end of input. A record longer than the chunk makes the block grow
    /// (up to the limits of ``ChunkPlan/plan(_:from:csv:delimiter:eof:chunk:parts:minBytes:)``).
    mutating func next(_ block: InputBlock, started: Bool = false) throws(SrokError) -> InputBlock? {
        if !started { try start(block) }
        let from = skip
        skip = 0
        // Small chunks (tests, tuning) are split too; normal ones only when worth a thread.
        let minBytes = min(64 * 1024, chunk / 4)
        var cuts = ChunkPlan.plan(block.bytes, from: from, csv: csv, delimiter: delimiter, eof: eof, chunk: chunk,
                                  parts: parts, minBytes: minBytes)
        while cuts.last! <= from && !eof {
            try readMore(into: block, upTo: chunk)
            cuts = ChunkPlan.plan(block.bytes, from: from, csv: csv, delimiter: delimiter, eof: eof, chunk: chunk,
                                  parts: parts, minBytes: minBytes)
        }
        let end = cuts.last!
        if end <= from { return nil }
        carry.append(contentsOf: block.bytes[end...])
        consumedBytes += end
        block.cuts = cuts
        return block
    }
}

extension InputBlock {
    /// `,` or `;`: whichever occurs more often outside quotes in the first line from `start`.
    func detectDelimiter(from start: Int) -> UInt8 {
        var comma = 0, semicolon = 0, inQuotes = false
        for c in bytes[start...] {
            if c == 0x22 { inQuotes.toggle() } else if !inQuotes {
                if c == 0x0A { break }
                if c == 0x2C { comma += 1 } else if c == 0x3B { semicolon += 1 }
            }
        }
        return semicolon > comma ? 0x3B : 0x2C
    }
}
