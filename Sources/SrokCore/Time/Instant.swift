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

/// A local wall-clock date and time (no zone): a civil date and a second of the day.
public struct LocalDateTime: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The civil date.
    public var date: CivilDate
    /// Seconds since local midnight, 0..<86400.
    public var secondOfDay: Int32

    /// Creates a local date-time; `secondOfDay` must be in 0..<86400.
    @inlinable public init(date: CivilDate, secondOfDay: Int32 = 0) {
        self.date = date; self.secondOfDay = secondOfDay
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
        date.iso + "T" + two(hour) + ":" + two(minute) + ":" + two(second)
    }

    /// `2024-03-29T10:15:00+03:00` (or `Z` for offset 0 when `zulu`).
    public func iso8601(offsetSeconds: Int, zulu: Bool = true) -> String {
        if offsetSeconds == 0 && zulu { return description + "Z" }
        let sign = offsetSeconds < 0 ? "-" : "+"
        let a = abs(offsetSeconds)
        return description + sign + two(a / 3600) + ":" + two(a / 60 % 60)
    }

    private func two(_ v: Int) -> String { v < 10 ? "0" + String(v) : String(v) }
}
