/// An ASCII keyword of 8–16 bytes (lowercase letters and other ASCII), matched against a field in
/// two eight-byte comparisons: its first and its last eight bytes, letters in either case (as
/// ``RowParser/equals(_:_:)`` matches them), every other byte exactly.
struct ASCIIKeyword: Sendable {
    /// The keyword's length in bytes.
    let count: Int
    /// The first and the last eight bytes (little-endian), and per word the bit 0x20 of each letter
    /// lane: OR-ed into the field's bytes, it turns an uppercase letter into the keyword's
    /// lowercase one and leaves a byte that matches no letter of the lane unmatched.
    private let head: UInt64
    private let tail: UInt64
    private let headFold: UInt64
    private let tailFold: UInt64

    /// A keyword: 8–16 bytes, letters lowercase.
    init(_ text: StaticString) {
        let bytes = UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount)
        precondition((8...16).contains(bytes.count) && !bytes.contains { $0 >= 0x41 && $0 <= 0x5A })
        count = bytes.count
        func word(_ from: Int) -> (UInt64, UInt64) {
            var w: UInt64 = 0
            var fold: UInt64 = 0
            for k in 0..<8 {
                let c = bytes[from + k]
                w |= UInt64(c) << (8 * k)
                if c >= 0x61 && c <= 0x7A { fold |= 0x20 << (8 * k) }
            }
            return (w, fold)
        }
        (head, headFold) = word(0)
        (tail, tailFold) = word(count - 8)
    }

    /// Whether `b` is the keyword. For a letter lane, `byte | 0x20` equals the lowercase letter
    /// exactly when the byte is that letter in either case.
    @inline(__always) func matches(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard b.count == count, let base = b.baseAddress else { return false }
        let raw = UnsafeRawPointer(base)
        return raw.loadUnaligned(as: UInt64.self) | headFold == head
            && raw.loadUnaligned(fromByteOffset: count &- 8, as: UInt64.self) | tailFold == tail
    }
}
