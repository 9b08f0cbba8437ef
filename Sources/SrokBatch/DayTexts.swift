import SrokCore

/// The `YYYY-MM-DD` text of every day of 1900–2100 as two words (≈ 1.2 MB, built once per
/// process): a row's dates cost one load each instead of a civil-date conversion. A plain
/// pointer to the table, copied into each worker: a row reads no shared object (a class's
/// header sits on a cache line that other threads' nearby allocations may be writing).
struct DayTexts: @unchecked Sendable {  // points to an immutable table that is never freed
    /// Days since the epoch of the first day (1900-01-01).
    static var first: Int { -25_567 }
    /// The number of days (to 2100-12-31).
    static var count: Int { 47_847 + 25_567 }
    private let storage: UnsafePointer<(UInt64, UInt64)>

    private init() {
        let table = UnsafeMutablePointer<(UInt64, UInt64)>.allocate(capacity: Self.count)
        for i in 0..<Self.count {
            let t = Self.format(CivilDate(daysSinceEpoch: Int32(Self.first + i)))
            table[i] = (t.0, UInt64(t.1))
        }
        storage = UnsafePointer(table)
    }

    /// The shared table (built on first use, kept for the life of the process).
    static let shared = DayTexts()

    /// The text of day `i` of the table.
    @inline(__always) func text(_ i: Int) -> (UInt64, UInt16) {
        let t = storage[i]
        return (t.0, UInt16(truncatingIfNeeded: t.1))
    }

    /// `YYYY-MM-` and `DD` of `d` as little-endian words.
    static func format(_ d: CivilDate) -> (UInt64, UInt16) {
        let (y, m, day) = d.components
        let year: UInt64 =
            y >= 0 && y <= 9999
            ? UInt64(ByteFormat.pair(y / 100)) | UInt64(ByteFormat.pair(y % 100)) << 16 : 0x3F3F_3F3F
        return (year | 0x2D << 32 | UInt64(ByteFormat.pair(m)) << 40 | 0x2D << 56, ByteFormat.pair(day))
    }
}
