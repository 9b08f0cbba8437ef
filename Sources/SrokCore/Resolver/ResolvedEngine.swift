/// An engine with its profile, as the resolver caches it per (profile, region, zone). A class:
/// messages share one without copying the profile.
package final class ResolvedEngine: Sendable {
    /// The engine (calendar, zone, conventions).
    package let engine: SLAEngine
    /// The profile.
    package let profile: RegulationProfile
    /// The profile's limit of postponements.
    package let maxPostponements: Int
    /// The profile's default regime.
    package let regime: Regime
    /// The profile's index for ``MessageResolver/profileName(_:)`` (per-row counts without hashing).
    package let profileIndex: Int
    /// The profile's fast-track range (read per message without touching the profile).
    package let fastTrackRange: ClosedRange<Int>
    /// The profile's general term.
    package let generalTerm: Term

    package init(engine: SLAEngine, profile: RegulationProfile, profileIndex: Int) {
        self.engine = engine; self.profile = profile; self.profileIndex = profileIndex
        maxPostponements = profile.maxPostponements.value
        regime = profile.regime.value
        fastTrackRange = profile.fastTrackRange.value
        generalTerm = .days(profile.term.value)
    }
}
