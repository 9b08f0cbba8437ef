import SrokCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A cache keyed by three byte strings (e.g. the profile, region and zone columns of a row),
/// looked up without creating strings or allocating: each part is read as its length and two
/// words, which hold all of its bytes when it has at most 16 (the usual case: `federal`,
/// `RU-BA`, `Europe/Moscow`); a hash of those words picks a slot of an open-addressing table, and
/// the same words confirm it, with a `memcmp` of the bytes kept in an arena for a longer part.
/// Holds up to 768 keys; beyond that new keys are simply not cached.
struct ByteKeyCache<Value> {
    private static var slots: Int { 1024 }

    /// A part of a key as compared: its length (-1 when absent) and two words, `head` and `tail`.
    /// Up to 16 bytes the words hold every byte, so equal parts of one length are equal words:
    /// the first and the last eight bytes (8–16 bytes), or the first and the last four (4–7),
    /// two (2–3), or the byte itself.
    fileprivate struct Part: Equatable, Sendable {
        var length: Int
        var head: UInt64
        var tail: UInt64

        @inline(__always) init(_ p: UnsafeBufferPointer<UInt8>?) {
            guard let p, let base = p.baseAddress else {
                self.length = p == nil ? -1 : 0
                head = 0
                tail = 0
                return
            }
            let raw = UnsafeRawPointer(base)
            let n = p.count
            length = n
            if n >= 8 {
                head = raw.loadUnaligned(as: UInt64.self)
                tail = raw.loadUnaligned(fromByteOffset: n &- 8, as: UInt64.self)
            } else if n >= 4 {
                head = UInt64(raw.loadUnaligned(as: UInt32.self))
                tail = UInt64(raw.loadUnaligned(fromByteOffset: n &- 4, as: UInt32.self))
            } else if n >= 2 {
                head = UInt64(raw.loadUnaligned(as: UInt16.self))
                tail = UInt64(raw.loadUnaligned(fromByteOffset: n &- 2, as: UInt16.self))
            } else {
                head = n == 1 ? UInt64(base[0]) : 0
                tail = 0
            }
        }

        /// Whether the words alone may not tell the part (more than 16 bytes).
        var isLong: Bool { length > 16 }
    }

    /// A slot: its key's hash (0: empty), parts, value, and where its long parts' bytes start in
    /// `arena` (each long part's bytes, in order).
    fileprivate struct Slot {
        var tag: UInt64 = 0
        var a = Part(nil)
        var b = Part(nil)
        var c = Part(nil)
        var start = 0
        var value: Value?
    }

    private var table = [Slot](repeating: Slot(), count: 1024)
    /// The bytes of the parts longer than 16 bytes, back to back.
    private var arena: [UInt8] = []
    private var count = 0

    /// A hash of the parts' lengths and words: each word multiplied by its own odd constant,
    /// summed, then folded.
    @inline(__always) private static func hash(_ a: Part, _ b: Part, _ c: Part) -> UInt64 {
        let lengths =
            UInt64(truncatingIfNeeded: a.length) &+ UInt64(truncatingIfNeeded: b.length) << 21
            &+ UInt64(truncatingIfNeeded: c.length) << 42
        var h = lengths &* 0x9E37_79B9_7F4A_7C15
        h &+= a.head &* 0xC2B2_AE3D_27D4_EB4F &+ a.tail &* 0x1656_67B1_9E37_79F9
        h &+= b.head &* 0x85EB_CA77_C2B2_AE63 &+ b.tail &* 0x27D4_EB2F_1656_67C5
        h &+= c.head &* 0xFF51_AFD7_ED55_8CCD &+ c.tail &* 0xC4CE_B9FE_1A85_EC53
        h ^= h >> 29
        h &*= 0xBF58_476D_1CE4_E5B9
        return (h ^ h >> 32) | 1
    }

    /// Whether the long parts of the key stored from `start` in `arena` (those the words do not
    /// tell; `a`, `b`, `c` its parts' words) have the bytes of `pa`, `pb`, `pc`.
    private func longPartsMatch(
        from start: Int, _ a: Part, _ b: Part, _ c: Part, _ pa: UnsafeBufferPointer<UInt8>?,
        _ pb: UnsafeBufferPointer<UInt8>?, _ pc: UnsafeBufferPointer<UInt8>?
    ) -> Bool {
        arena.withUnsafeBufferPointer { kept in
            var at = kept.baseAddress! + start
            func same(_ part: Part, _ p: UnsafeBufferPointer<UInt8>?) -> Bool {
                guard part.isLong else { return true }
                defer { at += part.length }
                return memcmp(at, p!.baseAddress!, part.length) == 0
            }
            return same(a, pa) && same(b, pb) && same(c, pc)
        }
    }

    /// Where the key of the parts is, or the empty slot where it would go.
    @inline(__always) private func find(
        _ a: UnsafeBufferPointer<UInt8>?, _ b: UnsafeBufferPointer<UInt8>?, _ c: UnsafeBufferPointer<UInt8>?
    ) -> (slot: Int, found: Bool, tag: UInt64, parts: (Part, Part, Part)) {
        let pa = Part(a)
        let pb = Part(b)
        let pc = Part(c)
        let h = Self.hash(pa, pb, pc)
        let long = pa.isLong || pb.isLong || pc.isLong
        return table.withUnsafeBufferPointer { t in
            var i = Int(truncatingIfNeeded: h) & (Self.slots - 1)
            while t[i].tag != 0 {
                if t[i].tag == h, t[i].a == pa, t[i].b == pb, t[i].c == pc,
                    !long || longPartsMatch(from: t[i].start, pa, pb, pc, a, b, c)
                {
                    return (i, true, h, (pa, pb, pc))
                }
                i = (i &+ 1) & (Self.slots - 1)
            }
            return (i, false, h, (pa, pb, pc))
        }
    }

    /// The value cached for the parts, if any.
    func get(_ a: UnsafeBufferPointer<UInt8>?, _ b: UnsafeBufferPointer<UInt8>?, _ c: UnsafeBufferPointer<UInt8>?)
        -> Value?
    {
        let f = find(a, b, c)
        return f.found ? table[f.slot].value : nil
    }

    /// Caches a value for the parts (ignored once the cache holds 768 keys); whether it is cached.
    @discardableResult mutating func set(
        _ a: UnsafeBufferPointer<UInt8>?, _ b: UnsafeBufferPointer<UInt8>?, _ c: UnsafeBufferPointer<UInt8>?,
        _ value: Value
    ) -> Bool {
        let f = find(a, b, c)
        if f.found {
            table[f.slot].value = value
            return true
        }
        guard count < Self.slots * 3 / 4 else { return false }
        count += 1
        let (pa, pb, pc) = f.parts
        table[f.slot] = Slot(tag: f.tag, a: pa, b: pb, c: pc, start: arena.count, value: value)
        if pa.isLong { arena.append(contentsOf: a!) }
        if pb.isLong { arena.append(contentsOf: b!) }
        if pc.isLong { arena.append(contentsOf: c!) }
        return true
    }
}

/// A cache of sendable values is sendable (the bulk API keeps idle threads' caches between calls).
extension ByteKeyCache: Sendable where Value: Sendable {}

extension ByteKeyCache.Slot: Sendable where Value: Sendable {}
