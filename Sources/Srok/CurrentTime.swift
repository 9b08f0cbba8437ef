import Foundation

// The clock, which SrokCore does not read: overloads that evaluate as of the current time.

extension Instant {
    /// The current time, to the whole second (rounded down).
    public static func now() -> Instant { Instant(Date()) }
}

extension MessageJSONCall {
    /// The ``DueAnswer`` of the request in `json` as compact JSON, evaluated now.
    /// - Throws: ``MessageFieldError`` naming the key at fault.
    public func due(_ json: [UInt8]) throws(MessageFieldError) -> [UInt8] { try due(json, now: .now()) }

    /// The ``StatusAnswer`` of the request in `json` as compact JSON, as of its `as_of` or now.
    /// - Throws: ``MessageFieldError`` naming the key at fault.
    public func status(_ json: [UInt8]) throws(MessageFieldError) -> [UInt8] { try status(json, now: .now()) }
}

extension MessageResolver {
    /// Resolves `request` with the current time as the as-of instant when neither it nor the
    /// defaults give one.
    /// - Throws: ``MessageFieldError`` naming the request key at fault.
    public func resolve(_ request: MessageRequest) throws(MessageFieldError) -> ResolvedMessage {
        try resolve(request, now: .now())
    }
}
