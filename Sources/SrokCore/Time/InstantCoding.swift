import Foundation

extension Instant: Codable {
    /// Reads an ISO 8601 time with `Z` or an offset (`2024-03-29T10:15+03:00`): an instant needs
    /// one; a local time without it is an error (read it as a ``Timestamp``).
    public init(from decoder: any Decoder) throws {
        self = try decoder.parsedString("instant") { (s, f) throws(SrokError) in try Instant(parsing: s, field: f) }
    }

    /// Writes ISO 8601 in UTC (``description``, `2024-03-29T07:15:00Z`): an instant has no zone.
    /// Answers write their instants with the organisation's offset (``OffsetInstant``).
    public func encode(to encoder: any Encoder) throws { try encoder.encodeString(description) }

    /// Parses an ISO 8601 time with `Z` or an offset.
    /// - Throws: ``SrokError/invalidValue(field:value:expected:)`` naming `field`, for a local
    ///   time too (it names no instant until read in a zone).
    public init(parsing text: String, field: String = "instant") throws(SrokError) {
        guard case .instant(let i) = try Timestamp(parsing: text, field: field) else {
            throw .invalidValue(
                field: field, value: text,
                expected: Instant.acceptedForms)
        }
        self = i
    }
}

// Bridges to Foundation: whole seconds, as Srok computes (sub-second parts are dropped, towards
// the past).
extension Instant {
    /// The instant of `date`, to the whole second (rounded down).
    public init(_ date: Date) {
        self.init(secondsSinceEpoch: Int64((date.timeIntervalSince1970).rounded(.down)))
    }

    /// The instant as a `Date`.
    public var date: Date { Date(timeIntervalSince1970: TimeInterval(secondsSinceEpoch)) }
}

extension Date {
    /// The date of `instant`.
    public init(_ instant: Instant) { self.init(timeIntervalSince1970: TimeInterval(instant.secondsSinceEpoch)) }
}

extension Timestamp: Codable {
    /// Reads any form ``Timestamp/acceptedForms`` lists: with an offset it is an instant, without
    /// one a local time read later in the message's zone.
    public init(from decoder: any Decoder) throws {
        self = try decoder.parsedString("timestamp") { (s, f) throws(SrokError) in try Timestamp(parsing: s, field: f) }
    }

    /// Writes an instant in UTC (`2024-03-29T07:15:00Z`), a local time without an offset
    /// (`2024-03-29T10:15:00`); both parse back to the same value.
    public func encode(to encoder: any Encoder) throws { try encoder.encodeString(text) }

    /// The text ``encode(to:)`` writes.
    public var text: String {
        switch self {
        case .instant(let i): i.description
        case .local(let l): l.description
        }
    }
}

extension Instant {
    /// What a text naming an instant must be, for error messages.
    static let acceptedForms = LocalizedText(
        ru: "время ISO 8601 с Z или смещением (2024-03-29T10:15+03:00, 2024-03-29T07:15:00Z)",
        en: "an ISO 8601 time with Z or an offset (2024-03-29T10:15+03:00, 2024-03-29T07:15:00Z)")
}
