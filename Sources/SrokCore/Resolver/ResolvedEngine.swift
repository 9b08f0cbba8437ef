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
        engine = e.engine
        profile = e.profile
        profileIndex = e.profileIndex
        rules = e.rules
        regime = e.regime
        fastTrackTerms = e.fastTrackTerms
        generalTerm = e.generalTerm
    }

    /// The same engine in a new object: a batch worker evaluates its rows with its own copy, so
    /// that the reference count a row touches (a row retains its engine) is not also written by
    /// another core: a count shared by two workers moves its cache line, and the fields next to
    /// it, between the cores on every row. The engine, profile and rules inside are shared: the
    /// rows only read them.
    package func privateCopy() -> ResolvedEngine { ResolvedEngine(copying: self) }
}
