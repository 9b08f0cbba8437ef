@testable import SrokCore

/// Requests resolved against the embedded profiles, for the tests of issue 11 (each act's rules).
enum Regulation {
    static let t = Fixtures.t

    /// A request registered at `registered` under `profile`, changed by `change`.
    static func request(_ profile: String, _ registered: String, _ change: (inout MessageRequest) -> Void = { _ in })
        -> MessageRequest
    {
        var r = MessageRequest(registeredAt: .instant(t(registered)))
        r.profile = profile
        change(&r)
        return r
    }

    /// An entry of `stage` at `at`.
    static func entry(_ stage: Stage, _ at: String, redirect: Bool = false) -> MessageRequest.Entry {
        .init(stage: stage, at: .instant(t(at)), redirectApproval: redirect)
    }

    /// The status of `request` as of `asOf`, with `defaults`.
    static func status(_ request: MessageRequest, asOf: String, defaults: MessageDefaults = MessageDefaults()) throws
        -> MessageStatus
    {
        try MessageResolver(context: Fixtures.context, defaults: defaults).resolve(request, now: t(asOf)).status()
    }

    /// The request key a resolution or status fails on, with its message ("" when it does not fail).
    static func failure(_ request: MessageRequest, asOf: String, defaults: MessageDefaults = MessageDefaults()) -> (
        field: String, text: String
    ) {
        do {
            _ = try MessageResolver(context: Fixtures.context, defaults: defaults).resolve(request, now: t(asOf))
                .status()
            return ("", "")
        } catch { return (error.field, error.message(.en)) }
    }

    /// `instant` in Moscow time, ISO 8601.
    static func msk(_ instant: Instant?) -> String? { instant.map(Fixtures.moscow.iso8601) }
}
