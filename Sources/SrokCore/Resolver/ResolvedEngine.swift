/// An engine with its profile, as the resolver caches it per (profile, region, zone). A class:
/// messages share one without copying the profile.
package final class ResolvedEngine: Sendable {
    /// The engine (calendar, zone, conventions).
    package let engine: SLAEngine
    /// The profile.
    package let profile: RegulationProfile
    /// The profile's status rules: controls, limit of «Отложено», reason of «Отклонено».
    package let rules: StatusRules
    /// The profile's default regime.
    package let regime: Regime
    /// The profile's index for ``MessageResolver/profileName(_:)`` (per-row counts without hashing).
    package let profileIndex: Int
    /// The fast-track terms accepted (the act's, or with ``MessageDefaults/lenientFastTrack`` the
    /// lenient span), read per message without touching the profile.
    package let fastTrackTerms: FastTrackTerms
    /// The profile's general term.
    package let generalTerm: Term

    /// The accepted fast-track terms under the batch's older name (`contains(_:)` as before).
    package var fastTrackRange: FastTrackTerms { fastTrackTerms }

    package init(engine: SLAEngine, profile: RegulationProfile, profileIndex: Int, lenientFastTrack: Bool = false) {
        self.engine = engine
        self.profile = profile
        self.profileIndex = profileIndex
        rules = profile.rules
        regime = profile.regime.value
        fastTrackTerms = profile.acceptedFastTrackTerms(lenient: lenientFastTrack)
        generalTerm = .days(profile.term.value)
    }

    private init(copying e: ResolvedEngine) {
        // New objects and arrays for what a row reads (the engine object, the zone's tables, the
        // control terms, the fast-track list), allocated by the calling thread; the calendar's
        // tables are shared, built before the workers start. The zone is copied because a result
        // of the bulk API keeps it: with one shared zone, every message retained and released the
        // same arrays from both cores (1 M messages, jobs 1 → 2: 1.48× shared, 1.8× copied).
        engine = SLAEngine(calendar: e.engine.calendar, zone: e.engine.zone.copy(), conventions: e.engine.conventions)
        profile = e.profile
        profileIndex = e.profileIndex
        rules = e.profile.rules
        regime = e.regime
        if case .list(let l) = e.fastTrackTerms {
            fastTrackTerms = .list(l.map { $0 })
        } else {
            fastTrackTerms = e.fastTrackTerms
        }
        generalTerm = e.generalTerm
    }

    /// The same engine in new objects: a batch worker evaluates its rows with its own copy, so
    /// that the reference count a row touches (a row retains its engine) is not also written by
    /// another core, and what a row reads does not sit next to another worker's hot memory (the
    /// shared engine was allocated by whichever worker asked first): a cache line written by one
    /// core and read by the other moves between them on every row.
    package func privateCopy() -> ResolvedEngine { ResolvedEngine(copying: self) }
}
