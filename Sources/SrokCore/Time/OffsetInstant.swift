/// An instant with the UTC offset of the organisation's zone at that instant: how answers hold
/// their times. It encodes, decodes and prints as ISO 8601 local time with the offset
/// (`2024-04-27T23:59:59+03:00`), never in UTC, so an integrator printing an answer sees the
/// organisation's clock. ``instant`` is the zone-free value to compute with.
public struct OffsetInstant: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The instant.
    public var instant: Instant
    /// The UTC offset in seconds (`10800` for UTC+3).
    public var offsetSeconds: Int

    /// `instant` at `offsetSeconds`.
    public init(_ instant: Instant, offsetSeconds: Int) {
        self.instant = instant
        self.offsetSeconds = offsetSeconds
    }

    /// `instant` with `zone`'s offset in force at it.
    public init(_ instant: Instant, in zone: ZoneRules) {
        self.init(instant, offsetSeconds: zone.offset(at: instant))
    }

    /// The local wall-clock date and time.
    public var local: LocalDateTime { LocalDateTime(instant: instant, offsetSeconds: offsetSeconds) }

    /// `2024-04-27T23:59:59+03:00` (`+00:00` at offset 0).
    public var description: String { local.iso8601(offsetSeconds: offsetSeconds, zulu: false) }

    /// Earlier instant first (the offset breaks ties, so that `<` agrees with `==`).
    public static func < (a: OffsetInstant, b: OffsetInstant) -> Bool {
        (a.instant, a.offsetSeconds) < (b.instant, b.offsetSeconds)
    }

    /// Parses ISO 8601 with `Z` or an offset, keeping the offset (`Z` is 0).
    /// - Throws: ``SrokError/invalidValue(field:value:expected:)`` naming `field`.
    public init(parsing text: String, field: String = "instant") throws(SrokError) {
        let instant = try Instant(parsing: text, field: field)
        let bytes = Array(text.utf8)
        let expected = Instant.acceptedForms
        if let last = bytes.last, last == UInt8(ascii: "Z") || last == UInt8(ascii: "z") {
            self.init(instant, offsetSeconds: 0)
            return
        }
        // The sign of the offset is the last + or - (the date's hyphens come before it).
        guard let sign = bytes.lastIndex(where: { $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-") }), sign > 10
        else { throw .invalidValue(field: field, value: text, expected: expected) }
        let digits = bytes[(sign + 1)...].filter { $0 != UInt8(ascii: ":") }.map { Int($0) - 0x30 }
        guard digits.count == 2 || digits.count == 4, digits.allSatisfy({ (0...9).contains($0) }) else {
            throw .invalidValue(field: field, value: text, expected: expected)
        }
        let hours = digits[0] * 10 + digits[1]
        let minutes = digits.count == 4 ? digits[2] * 10 + digits[3] : 0
        let magnitude = hours * 3600 + minutes * 60
        self.init(instant, offsetSeconds: bytes[sign] == UInt8(ascii: "-") ? -magnitude : magnitude)
    }

    /// Reads ISO 8601 with an offset.
    public init(from decoder: any Decoder) throws {
        self = try decoder.parsedString("instant") { (s, f) throws(SrokError) in
            try OffsetInstant(parsing: s, field: f)
        }
    }

    /// Writes ``description``.
    public func encode(to encoder: any Encoder) throws { try encoder.encodeString(description) }
}

extension ZoneRules {
    /// `instant` with this zone's offset at it.
    public func offsetInstant(_ instant: Instant) -> OffsetInstant { OffsetInstant(instant, in: self) }
}
