import SrokCore

/// The end offsets of a record's fields: a growable buffer of integers appended without
/// copy-on-write checks (the tokenizer's per-field hot path).
struct FieldEnds: ~Copyable {
    /// The storage: ``capacity`` slots, the first ``count`` of them ends.
    private(set) var base: UnsafeMutablePointer<Int>
    /// The number of slots in ``base``.
    private(set) var capacity: Int
    /// The number of ends. A writer that stores ends into ``base`` itself (within
    /// ``reserve(_:)``'s room) sets it afterwards.
    var count = 0

    init(capacity: Int = 64) {
        self.capacity = max(capacity, 8)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// Appends an end.
    @inline(__always) mutating func append(_ v: Int) {
        if count == capacity { grow() }
        base[count] = v
        count += 1
    }

    /// Appends `offset + k` for each byte lane `k` whose high bit is set in `lanes` (the lanes of
    /// a word that held the delimiter), with one capacity check per word.
    @inline(__always) mutating func append(lanes: UInt64, offset: Int) {
        if count &+ 8 > capacity { grow() }
        var h = lanes
        var n = count
        let p = base
        while h != 0 {
            p[n] = offset &+ h.trailingZeroBitCount &>> 3
            n &+= 1
            h &= h &- 1
        }
        count = n
    }

    /// Makes room for at least `n` ends in all (``base`` may move).
    mutating func reserve(_ n: Int) {
        while capacity < n { grow() }
    }

    private mutating func grow() {
        let bigger = UnsafeMutablePointer<Int>.allocate(capacity: capacity * 2)
        bigger.update(from: base, count: count)
        base.deallocate()
        base = bigger
        capacity *= 2
    }

    /// Forgets the ends, keeps the storage.
    @inline(__always) mutating func removeAll() { count = 0 }

    /// End `i` (`0..<count`).
    @inline(__always) subscript(i: Int) -> Int {
        precondition(i >= 0 && i < count, "field index out of range")
        return base[i]
    }

    /// The last end.
    var last: Int? { count > 0 ? base[count - 1] : nil }
}
