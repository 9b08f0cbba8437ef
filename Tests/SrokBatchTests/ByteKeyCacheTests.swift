import PropertyBased
import Testing

@testable import SrokBatch

/// The worker's cache of engines and terms by three byte strings, checked against a Dictionary
/// keyed by the same parts: hits, misses, updates, keys of every length from none to 40 bytes,
/// keys that hash alike, and the 768-key limit.
@Suite("Byte-key cache")
struct ByteKeyCacheTests {
    /// A key: three parts, each absent (nil) or non-empty bytes, as the batch passes them
    /// (an empty column is absent there).
    typealias Key = [[UInt8]?]

    /// Calls `body` with the parts of `key` as the cache takes them.
    func withParts<R>(
        _ key: Key, _ body: (UnsafeBufferPointer<UInt8>?, UnsafeBufferPointer<UInt8>?, UnsafeBufferPointer<UInt8>?) -> R
    ) -> R {
        func part<T>(_ p: [UInt8]?, _ f: (UnsafeBufferPointer<UInt8>?) -> T) -> T {
            guard let p else { return f(nil) }
            return p.withUnsafeBufferPointer { f($0) }
        }
        return part(key[0]) { a in part(key[1]) { b in part(key[2]) { c in body(a, b, c) } } }
    }

    func get(_ cache: ByteKeyCache<Int>, _ key: Key) -> Int? { withParts(key) { cache.get($0, $1, $2) } }
    func set(_ cache: inout ByteKeyCache<Int>, _ key: Key, _ value: Int) {
        _ = withParts(key) { cache.set($0, $1, $2, value) }
    }

    /// Parts of 0–40 bytes over a two-letter alphabet (0 bytes: absent), so that the same parts
    /// and parts that differ in one byte both come up often.
    static let part = Gen.int(in: 0...1).map { UInt8(0x61 + $0) }.array(of: 0...40).map { $0.isEmpty ? nil : $0 }
    /// Operations: a key, whether to set it (else look it up), and the value to set.
    static let operations = zip(part, part, part, Gen.bool, Gen.int(in: 0...1_000_000)).array(of: 1...200)

    @Test func agreesWithADictionary() async {
        await propertyCheck(count: 300, input: Self.operations) { ops in
            var cache = ByteKeyCache<Int>()
            var oracle: [Key: Int] = [:]
            for (a, b, c, isSet, value) in ops {
                let key: Key = [a, b, c]
                if isSet {
                    set(&cache, key, value)
                    oracle[key] = value
                }
                #expect(get(cache, key) == oracle[key], "\(key)")
            }
            // Every key seen, and one never set, looked up at the end.
            for (key, value) in oracle { #expect(get(cache, key) == value) }
            #expect(get(cache, [Array(repeating: 0x63, count: 3), nil, nil]) == nil)
        }
    }

    @Test func partsAreNotConfusedAcrossTheirBoundaries() {
        // The same bytes split differently are different keys.
        var cache = ByteKeyCache<Int>()
        let ab: [UInt8] = [0x61, 0x62]
        let a: [UInt8] = [0x61]
        let b: [UInt8] = [0x62]
        set(&cache, [ab, nil, nil], 1)
        set(&cache, [a, b, nil], 2)
        set(&cache, [nil, ab, nil], 3)
        set(&cache, [nil, nil, ab], 4)
        #expect(get(cache, [ab, nil, nil]) == 1)
        #expect(get(cache, [a, b, nil]) == 2)
        #expect(get(cache, [nil, ab, nil]) == 3)
        #expect(get(cache, [nil, nil, ab]) == 4)
        #expect(get(cache, [a, nil, b]) == nil)
        #expect(get(cache, [nil, nil, nil]) == nil)
    }

    @Test func keysThatHashAlikeAreToldApartByTheirBytes() {
        // The hash reads a part's length and its first and last eight bytes only: 20-byte parts
        // that differ only in bytes 8–11 all hash alike and share one probe chain.
        var cache = ByteKeyCache<Int>()
        func key(_ k: Int) -> Key {
            let middle = (0..<4).map { UInt8(0x30 + (k >> (2 * $0)) & 3) }
            return [Array(repeating: 0x61, count: 8) + middle + Array(repeating: 0x62, count: 8), [0x52, 0x55], nil]
        }
        for k in 0..<200 where k % 2 == 0 { set(&cache, key(k), k) }
        for k in 0..<200 {
            // 4 middle bytes of 2 bits each tell 256 keys apart; the odd ones were never set.
            #expect(get(cache, key(k)) == (k % 2 == 0 ? k : nil), "key \(k)")
        }
    }

    @Test func holdsAt768KeysAndStillUpdatesThem() {
        var cache = ByteKeyCache<Int>()
        func key(_ k: Int) -> Key { [Array(String(k).utf8), nil, [0x7A]] }
        for k in 0..<1000 { set(&cache, key(k), k) }
        // The first 768 distinct keys are cached (3/4 of 1024 slots); later ones are not.
        for k in 0..<1000 { #expect(get(cache, key(k)) == (k < 768 ? k : nil), "key \(k)") }
        // A cached key can still be given a new value when the cache is full.
        set(&cache, key(5), -5)
        #expect(get(cache, key(5)) == -5)
    }
}
