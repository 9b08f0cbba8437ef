/// A point in time: whole seconds since 1970-01-01T00:00:00Z (UTC), independent of any zone.
public struct Instant: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Seconds since the Unix epoch.
    public var secondsSinceEpoch: Int64

    /// Creates an instant.
    @inlinable public init(secondsSinceEpoch: Int64) { self.secondsSinceEpoch = secondsSinceEpoch }

    /// The instant at `time` of UTC day `date`.
    @inlinable public init(utc date: CivilDate, secondOfDay: Int = 0) {
        secondsSinceEpoch = Int64(date.daysSinceEpoch) * 86_400 + Int64(secondOfDay)
    }

    /// The instant `seconds` later.
    @inlinable public func adding(seconds: Int64) -> Instant { Instant(secondsSinceEpoch: secondsSinceEpoch + seconds) }
    /// The instant `minutes` later.
    @inlinable public func adding(minutes: Int64) -> Instant { adding(seconds: minutes * 60) }

    /// Seconds from `self` to `other` (negative when `other` is earlier).
    @inlinable public func seconds(to other: Instant) -> Int64 { other.secondsSinceEpoch - secondsSinceEpoch }

    /// Earlier instant first.
    @inlinable public static func < (a: Instant, b: Instant) -> Bool { a.secondsSinceEpoch < b.secondsSinceEpoch }

    /// ISO 8601 in UTC, `2024-03-29T07:15:00Z`.
    public var description: String { LocalDateTime(instant: self, offsetSeconds: 0).iso8601(offsetSeconds: 0) }
}

extension Instant {
    /// The instants Srok reads, computes with and writes: 0001-01-01T00:00:00Z through
    /// 9999-12-31T23:59:59Z, the UTC days of ``CivilDate/supportedYears``. Each of them formats in
    /// UTC (``description``) with a four-digit year that parses back to the same instant; the
    /// timestamp parser accepts no instant outside it.
    public static let supportedRange =
        Instant(secondsSinceEpoch: minSupportedSeconds)...Instant(secondsSinceEpoch: maxSupportedSeconds)
    /// 0001-01-01T00:00:00Z in seconds since the epoch (719 162 days before 1970 × 86 400).
    @usableFromInline static let minSupportedSeconds: Int64 = -62_135_596_800
    /// 9999-12-31T23:59:59Z in seconds since the epoch (2 932 897 days to 10000-01-01 × 86 400 − 1).
    @usableFromInline static let maxSupportedSeconds: Int64 = 253_402_300_799

    /// The minutes from the first to the last instant of ``supportedRange`` (rounded up): a count of
    /// minutes beyond it leaves the range from anywhere in it, and any count within it can be added
    /// to an instant of the range without overflow.
    public static let supportedMinutes = 5_258_964_960

    /// Throws when the instant is outside ``supportedRange``: the check at the engine's entry points,
    /// before any arithmetic on an instant a caller made (``init(secondsSinceEpoch:)`` takes any value).
    /// - Throws: ``SrokError/invalidValue(field:value:expected:)`` naming `field` and the range.
    @inlinable package func checkSupported(_ field: String) throws(SrokError) {
        guard secondsSinceEpoch >= Instant.minSupportedSeconds, secondsSinceEpoch <= Instant.maxSupportedSeconds else {
            throw .invalidValue(
                field: field, value: String(secondsSinceEpoch) + " s (1970-01-01T00:00:00Z + …)",
                expected: LocalizedText(
                    ru: "момент времени от 0001-01-01T00:00:00Z до 9999-12-31T23:59:59Z",
                    en: "an instant from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59Z"))
        }
    }
}

/// A local wall-clock date and time (no zone): a civil date and a second of the day.
public struct LocalDateTime: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The civil date.
    public var date: CivilDate
    /// Seconds since local midnight, 0..<86400.
    public var secondOfDay: Int32

    /// Creates a local date-time; `secondOfDay` must be in 0..<86400.
    @inlinable public init(date: CivilDate, secondOfDay: Int32 = 0) {
        self.date = date
        self.secondOfDay = secondOfDay
    }

    /// The local date-time of `instant` at a fixed UTC offset.
    @inlinable public init(instant: Instant, offsetSeconds: Int) {
        let local = instant.secondsSinceEpoch + Int64(offsetSeconds)
        let day = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        date = CivilDate(daysSinceEpoch: Int32(day))
        secondOfDay = Int32(local - day * 86_400)
    }

    /// Seconds since the epoch as if the local time were UTC.
    @inlinable public var localSeconds: Int64 { Int64(date.daysSinceEpoch) * 86_400 + Int64(secondOfDay) }

    /// Hour 0–23.
    public var hour: Int { Int(secondOfDay) / 3600 }
    /// Minute 0–59.
    public var minute: Int { Int(secondOfDay) / 60 % 60 }
    /// Second 0–59.
    public var second: Int { Int(secondOfDay) % 60 }

    /// Earlier wall-clock time first.
    @inlinable public static func < (a: LocalDateTime, b: LocalDateTime) -> Bool { a.localSeconds < b.localSeconds }

    /// `2024-03-29T10:15:00`.
    public var description: String {
        let (y, m, d) = date.components
        guard y >= 0 && y <= 9999 else { return date.iso + "T" + two(hour) + ":" + two(minute) + ":" + two(second) }
        return String(unsafeUninitializedCapacity: 19) { p in
            write(year: y, month: m, day: d, into: p)
            return 19
        }
    }

    /// `2024-03-29T10:15:00+03:00` (or `Z` for offset 0 when `zulu`).
    public func iso8601(offsetSeconds: Int, zulu: Bool = true) -> String {
        let (y, m, d) = date.components
        let a = abs(offsetSeconds)
        guard y >= 0 && y <= 9999 && a < 100 * 3600 else {
            if offsetSeconds == 0 && zulu { return description + "Z" }
            return description + (offsetSeconds < 0 ? "-" : "+") + two(a / 3600) + ":" + two(a / 60 % 60)
        }
        if offsetSeconds == 0 && zulu {
            return String(unsafeUninitializedCapacity: 20) { p in
                write(year: y, month: m, day: d, into: p)
                p[19] = UInt8(ascii: "Z")
                return 20
            }
        }
        return String(unsafeUninitializedCapacity: 25) { p in
            write(year: y, month: m, day: d, into: p)
            p[19] = offsetSeconds < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+")
            CivilDate.writeTwo(a / 3600, into: p, at: 20)
            p[22] = UInt8(ascii: ":")
            CivilDate.writeTwo(a / 60 % 60, into: p, at: 23)
            return 25
        }
    }

    /// Writes ``description``'s 19 bytes at the start of `p` (the date's components given).
    private func write(year y: Int, month m: Int, day d: Int, into p: UnsafeMutableBufferPointer<UInt8>) {
        CivilDate.writeISO(year: y, month: m, day: d, into: p, at: 0)
        p[10] = UInt8(ascii: "T")
        CivilDate.writeTwo(hour, into: p, at: 11)
        p[13] = UInt8(ascii: ":")
        CivilDate.writeTwo(minute, into: p, at: 14)
        p[16] = UInt8(ascii: ":")
        CivilDate.writeTwo(second, into: p, at: 17)
    }

    private func two(_ v: Int) -> String { v < 10 ? "0" + String(v) : String(v) }
}
