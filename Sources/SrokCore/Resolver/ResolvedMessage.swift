/// A request resolved: the profile, engine, term, regime and history of one message, ready for
/// its schedule and status.
public struct ResolvedMessage: Sendable {
    /// The profile applied.
    public var profile: RegulationProfile
    /// The engine (calendar, zone and conventions after overrides).
    public var engine: SLAEngine
    /// The term.
    public var term: Term
    /// Where the term came from.
    public var termSource: TermSource
    /// The regime.
    public var regime: Regime
    /// The registration instant.
    public var registered: Instant
    /// The history (entries sorted by time).
    public var history: MessageHistory
    /// The instant the status is evaluated at.
    public var asOf: Instant
    /// What was doubtful but still computed (a fast-track mark without a catalogue entry …).
    public var warnings: MessageWarnings = []

    /// The total and stage due times.
    public func schedule() throws(SrokError) -> MessageSchedule {
        try engine.schedule(registered: registered, term: term)
    }

    /// The effective due time (after a postponement or a 59-ФЗ extension) of `schedule`.
    /// - Throws: ``MessageFieldError`` naming the field at fault (a postponement beyond the
    ///   profile's limit, an extension of a message …).
    public func effectiveDue(_ schedule: MessageSchedule) throws(MessageFieldError) -> EffectiveDue {
        do {
            return try engine.effectiveDue(of: history, schedule: schedule, postponements: profile.postponements)
        } catch {
            throw MessageFieldError(evaluating: error)
        }
    }

    /// The status as of ``asOf``, with the profile's rules (``RegulationProfile/rules``).
    /// - Throws: ``MessageFieldError`` naming the field at fault (a postponement beyond the
    ///   profile's limit, «Отклонено» without a reason its act requires, entries before
    ///   registration …).
    public func status() throws(MessageFieldError) -> MessageStatus {
        do {
            return try engine.status(of: history, asOf: asOf, rules: profile.rules)
        } catch {
            throw MessageFieldError(evaluating: error)
        }
    }
}
