import SrokCore
/// A growable byte buffer for hot loops: the caller reserves room once per row, then appends
/// without bounds or uniqueness checks (what `[UInt8].append` costs per byte).
struct ByteSink: ~Copyable {
    private(set) var base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private(set) var capacity: Int

    init(capacity: Int = 1 << 16) {
        self.capacity = max(capacity, 64)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// Makes room for `n` more bytes.
    @inline(__always) mutating func reserve(_ n: Int) {
        if count + n > capacity { grow(count + n) }
    }

    private mutating func grow(_ needed: Int) {
        var c = capacity * 2
        while c < needed { c *= 2 }
        let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: c)
        bigger.update(from: base, count: count)
        base.deallocate()
        base = bigger
        capacity = c
    }

    /// Appends a byte (room must be reserved).
    @inline(__always) mutating func append(_ b: UInt8) {
        base[count] = b
        count += 1
    }

    /// Appends bytes (reserves room itself).
    @inline(__always) mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        reserve(bytes.count)
        if let p = bytes.baseAddress { (base + count).update(from: p, count: bytes.count) }
        count += bytes.count
    }

    /// Appends a string's UTF-8 (reserves room itself).
    @inline(__always) mutating func append(_ s: String) {
        var s = s
        s.withUTF8 { append($0) }
    }

    /// Where the next byte goes (room must be reserved).
    @inline(__always) var tail: UnsafeMutableRawPointer { UnsafeMutableRawPointer(base + count) }

    /// Counts `n` bytes written at ``tail``.
    @inline(__always) mutating func advance(_ n: Int) { count += n }

    /// Forgets the contents, keeps the storage.
    mutating func removeAll() { count = 0 }

    /// Drops the last byte.
    mutating func removeLast() { count -= 1 }

    /// The last byte.
    var last: UInt8? { count > 0 ? base[count - 1] : nil }

    /// The contents.
    var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

}
