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

    private init(copying o: ResolvedEngine) {
        engine = SLAEngine(calendar: o.engine.calendar, zone: o.engine.zone.copy(), conventions: o.engine.conventions)
        profile = o.profile
        profileIndex = o.profileIndex
        rules = o.profile.rules
        regime = o.regime
        fastTrackTerms = o.fastTrackTerms
        generalTerm = o.generalTerm
    }

    /// A copy for one thread of the bulk API: the same profile, calendar and conventions, its own
    /// object and zone tables, so that the reference counts a thread changes per message (the
    /// engine's, the zone's a result keeps) are not shared with other threads' cores.
    package func threadCopy() -> ResolvedEngine { ResolvedEngine(copying: self) }
}
