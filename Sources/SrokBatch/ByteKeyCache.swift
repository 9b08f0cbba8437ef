import SrokCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A cache keyed by three byte strings (e.g. the profile, region and zone columns of a row),
/// looked up without creating strings or allocating: a hash of a few words picks a slot of an
/// open-addressing table, and the key bytes, kept in one arena, confirm it with `memcmp`.
/// Holds up to 768 keys; beyond that new keys are simply not cached.
struct ByteKeyCache<Value> {
    private static var slots: Int { 1024 }
    /// Hash per slot (never 0); 0 marks an empty slot.
    private var tags = [UInt64](repeating: 0, count: 1024)
    /// Where each slot's key starts in `arena`, and its length.
    private var starts = [Int](repeating: 0, count: 1024)
    private var lengths = [Int](repeating: 0, count: 1024)
    private var values = [Value?](repeating: nil, count: 1024)
    /// Keys back to back: each part followed by 0xFF (a byte valid UTF-8 never contains).
    private var arena: [UInt8] = []
    private var count = 0

    @inline(__always) private static func mix(_ h: UInt64, _ w: UInt64) -> UInt64 {
        let m = (h ^ w) &* 0x9E37_79B9_7F4A_7C15
        return m ^ (m >> 29)
    }

    /// The length, the first and the last eight bytes (bytewise when shorter): enough to spread
    /// the few keys a batch sees; `matches` confirms every byte.
    @inline(__always) private static func mix(_ h: UInt64, _ p: UnsafeBufferPointer<UInt8>?) -> UInt64 {
        guard let p, let base = p.baseAddress else { return mix(h, 0xFF) }
        let raw = UnsafeRawPointer(base)
        let n = p.count
        var h = mix(h, UInt64(n) | 0x100)
        if n >= 8 {
            h = mix(h, raw.loadUnaligned(as: UInt64.self))
            h = mix(h, raw.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self))
        } else {
            var w: UInt64 = 0
            for i in 0..<n { w = w << 8 | UInt64(base[i]) }
            h = mix(h, w)
        }
        return h
    }

    @inline(__always) private static func hash(
        _ a: UnsafeBufferPointer<UInt8>?, _ b: UnsafeBufferPointer<UInt8>?,
        _ c: UnsafeBufferPointer<UInt8>?
    ) -> UInt64 {
        mix(mix(mix(0x243F_6A88_85A3_08D3, a), b), c) | 1
    }

    @inline(__always) private static func size(_ p: UnsafeBufferPointer<UInt8>?) -> Int { (p?.count ?? 0) + 1 }

    /// Whether the key stored at `start` is exactly the parts.
    @inline(__always) private func matches(
        _ slot: Int, _ a: UnsafeBufferPointer<UInt8>?, _ b: UnsafeBufferPointer<UInt8>?,
        _ c: UnsafeBufferPointer<UInt8>?
    ) -> Bool {
        guard lengths[slot] == Self.size(a) + Self.size(b) + Self.size(c) else { return false }
        return arena.withUnsafeBufferPointer { key in
            let at = key.baseAddress! + starts[slot]
            let na = Self.size(a)
            let nb = Self.size(b)
            return Self.same(at, a) && Self.same(at + na, b) && Self.same(at + na + nb, c)
        }
    }

    /// Whether the stored part at `at` (bytes, then 0xFF) is `p`.
    @inline(__always) private static func same(_ at: UnsafePointer<UInt8>, _ p: UnsafeBufferPointer<UInt8>?) -> Bool {
        let n = p?.count ?? 0
        if n > 0, memcmp(at, p!.baseAddress!, n) != 0 { return false }
        return at[n] == 0xFF
    }

    /// The value cached for the parts, if any.
    func get(_ a: UnsafeBufferPointer<UInt8>?, _ b: UnsafeBufferPointer<UInt8>?, _ c: UnsafeBufferPointer<UInt8>?)
        -> Value?
    {
        let h = Self.hash(a, b, c)
        var i = Int(truncatingIfNeeded: h) & (Self.slots - 1)
        while tags[i] != 0 {
            if tags[i] == h, matches(i, a, b, c) { return values[i] }
            i = (i + 1) & (Self.slots - 1)
        }
        return nil
    }

    /// Caches a value for the parts (ignored once the cache holds 768 keys).
    mutating func set(
        _ a: UnsafeBufferPointer<UInt8>?, _ b: UnsafeBufferPointer<UInt8>?, _ c: UnsafeBufferPointer<UInt8>?,
        _ value: Value
    ) {
        let h = Self.hash(a, b, c)
        var i = Int(truncatingIfNeeded: h) & (Self.slots - 1)
        while tags[i] != 0 {
            if tags[i] == h, matches(i, a, b, c) {
                values[i] = value
                return
            }
            i = (i + 1) & (Self.slots - 1)
        }
        guard count < Self.slots * 3 / 4 else { return }
        count += 1
        tags[i] = h
        starts[i] = arena.count
        for p in [a, b, c] {
            if let p { arena.append(contentsOf: p) }
            arena.append(0xFF)
        }
        lengths[i] = arena.count - starts[i]
        values[i] = value
    }
}

/// A cache of sendable values is sendable (the bulk API keeps idle threads' caches between calls).
extension ByteKeyCache: Sendable where Value: Sendable {}
