import SrokCore

/// The end offsets of a record's fields: a growable buffer of integers appended without
/// copy-on-write checks (the tokenizer's per-field hot path). The slot before the first end holds
/// -1, so that field `k` starts at `base[k - 1] + 1` for every `k`, the first included.
struct FieldEnds: ~Copyable {
    /// The storage: ``capacity`` slots, the first ``count`` of them ends; `base[-1]` is -1.
    private(set) var base: UnsafeMutablePointer<Int>
    /// The number of slots in ``base``.
    private(set) var capacity: Int
    /// The number of ends. A writer that stores ends into ``base`` itself (within
    /// ``reserve(_:)``'s room) sets it afterwards.
    var count = 0

    init(capacity: Int = 64) {
        self.capacity = max(capacity, 8)
        base = Self.allocate(self.capacity)
    }

    /// Room for `capacity` ends after the -1.
    private static func allocate(_ capacity: Int) -> UnsafeMutablePointer<Int> {
        let storage = UnsafeMutablePointer<Int>.allocate(capacity: capacity + 1)
        storage.initialize(to: -1)
        return storage + 1
    }

    deinit { (base - 1).deallocate() }

    /// Appends an end.
    @inline(__always) mutating func append(_ v: Int) {
        if count == capacity { grow() }
        base[count] = v
        count += 1
    }

    /// Makes room for at least `n` ends in all (``base`` may move).
    mutating func reserve(_ n: Int) {
        while capacity < n { grow() }
    }

    private mutating func grow() {
        let bigger = Self.allocate(capacity * 2)
        bigger.update(from: base, count: count)
        (base - 1).deallocate()
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
