/// Reads fixed-width runs of ASCII decimal digits from raw UTF-8: the one digit reader of the
/// date and timestamp parsers (``CivilDate/parse(bytes:)``, ``Timestamp/parse(_:)``).
@usableFromInline enum DecimalDigits {
    /// The value of the `count` digits at `start`, or `nil` when a byte there is not a digit or
    /// the run would pass `end` (exclusive). At most 18 digits, so the value cannot overflow.
    @inlinable @inline(__always)
    static func value(_ b: UnsafeBufferPointer<UInt8>, at start: Int, count: Int, end: Int) -> Int? {
        guard count <= 18, start >= 0, start + count <= end else { return nil }
        var v = 0
        for i in start..<(start + count) {
            let c = b[i] &- 0x30
            if c > 9 { return nil }
            v = v * 10 + Int(c)
        }
        return v
    }
}
