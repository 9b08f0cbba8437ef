/// A growable byte buffer for the output's hot loops. Its storage is private: bytes go in through
/// a ``ByteWriter`` lent by ``withWriter(_:)`` and come out through ``withUnsafeBytes(_:)``; no
/// pointer to the storage outlives either closure.
struct ByteSink: ~Copyable {
    fileprivate var base: UnsafeMutablePointer<UInt8>
    /// The number of bytes held.
    fileprivate(set) var count = 0
    fileprivate var capacity: Int
    /// The code texts the writers append (``CodeTexts``), fetched once.
    private let codes = CodeTexts.shared

    init(capacity: Int = 1 << 16) {
        self.capacity = max(capacity, 64)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// Lends `body` a writer that appends to the contents. The writer holds the storage for the
    /// length of the call, as local state the optimiser keeps in registers, so a row's many small
    /// appends cost a comparison each and no memory traffic for the buffer's bookkeeping.
    @inline(__always) mutating func withWriter<R>(_ body: (inout ByteWriter) -> R) -> R {
        var writer = ByteWriter(base: base, count: count, capacity: capacity, codes: codes)
        let result = body(&writer)
        base = writer.base
        count = writer.count
        capacity = writer.capacity
        return result
    }

    /// Forgets the contents, keeps the storage.
    mutating func removeAll() { count = 0 }

    /// Calls `body` with the contents (valid only inside `body`).
    @inline(__always) func withUnsafeBytes<R, E: Error>(_ body: (UnsafeBufferPointer<UInt8>) throws(E) -> R) throws(E)
        -> R
    {
        try body(UnsafeBufferPointer(start: base, count: count))
    }

    /// Storage of at least `needed` bytes holding the first `count` of `base` (which is freed).
    @inline(never) fileprivate static func grown(
        _ base: UnsafeMutablePointer<UInt8>, count: Int, capacity: Int,
        needed: Int
    ) -> (UnsafeMutablePointer<UInt8>, Int) {
        var c = capacity * 2
        while c < needed { c *= 2 }
        let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: c)
        bigger.update(from: base, count: count)
        base.deallocate()
        return (bigger, c)
    }
}

/// Appends to a ``ByteSink`` inside ``ByteSink/withWriter(_:)``. Every append makes its own room
/// (so no caller adds up sizes); ``withUnsafeReservedBytes(_:_:)`` lends a raw buffer of a stated
/// size for the length of a closure, for the formatters that store whole words. Non-copyable
/// and lent `inout`, it cannot outlive the closure it is lent to.
struct ByteWriter: ~Copyable {
    fileprivate var base: UnsafeMutablePointer<UInt8>
    fileprivate var count: Int
    fileprivate var capacity: Int
    /// The code texts (``append(code:)``).
    let codes: CodeTexts

    /// Makes room for `n` more bytes.
    @inline(__always) private mutating func makeRoom(_ n: Int) {
        if n > capacity &- count {
            (base, capacity) = ByteSink.grown(base, count: count, capacity: capacity, needed: count + n)
        }
    }

    /// Appends a byte.
    @inline(__always) mutating func append(_ b: UInt8) {
        if count == capacity {
            (base, capacity) = ByteSink.grown(base, count: count, capacity: capacity, needed: count + 1)
        }
        base[count] = b
        count &+= 1
    }

    /// Appends bytes.
    @inline(__always) mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let p = bytes.baseAddress else { return }
        makeRoom(bytes.count)
        UnsafeMutableRawPointer(base + count).copyMemory(from: p, byteCount: bytes.count)
        count &+= bytes.count
    }

    /// Appends a string's UTF-8.
    @inline(__always) mutating func append(_ s: String) {
        let utf8 = s.utf8
        let n = utf8.count
        makeRoom(n)
        UnsafeMutableRawBufferPointer(start: base + count, count: n).copyBytes(from: utf8)
        count &+= n
    }

    /// Appends ASCII text that needs no escaping.
    @inline(__always) mutating func append(ascii s: StaticString) {
        append(UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
    }

    /// ``withUnsafeReservedBytes(_:_:)`` lending the start of the room as a raw pointer (the
    /// formatters store whole words at offsets they compute; no buffer-pointer accessors per store).
    @inline(__always) mutating func withUnsafeReservedPointer(
        _ maxCount: Int, _ body: (UnsafeMutableRawPointer) -> Int
    ) {
        makeRoom(maxCount)
        let n = body(UnsafeMutableRawPointer(base + count))
        precondition(n >= 0 && n <= maxCount, "wrote more bytes than reserved")
        count &+= n
    }

    /// Lends `body` room for up to `maxCount` bytes after the contents; `body` writes from the
    /// start of the buffer and returns how many bytes it wrote, which become part of the contents.
    /// The buffer is valid only inside `body`.
    @inline(__always) mutating func withUnsafeReservedBytes(
        _ maxCount: Int, _ body: (UnsafeMutableRawBufferPointer) -> Int
    ) {
        makeRoom(maxCount)
        let n = body(UnsafeMutableRawBufferPointer(start: base + count, count: maxCount))
        precondition(n >= 0 && n <= maxCount, "wrote more bytes than reserved")
        count &+= n
    }
}
