/// What a message that leaves a field empty gets: the caller's defaults (a batch's options, the
/// CLI's flags, a service's configuration), applied before each profile's own values.
public struct MessageDefaults: Hashable, Sendable {
    /// The instant statuses are evaluated at when a request names none; nil: the `now` the caller
    /// passes to ``MessageResolver/resolve(_:now:)``.
    public var asOf: Instant?
    /// The profile of a message that names none (default `federal`).
    public var profile = "federal"
    /// The zone of a message that names none (nil: its profile's).
    public var tz: String?
    /// The region of a message that names none (nil: its profile's).
    public var region: String?
    /// Convention overrides applied on top of each profile's.
    public var conventions = ConventionOverrides()
    /// Reject a message whose category (or subcategory) is not in its profile's fast-track
    /// catalogue, instead of giving it the general term (the default: a profile lists only its
    /// fast-tracks, so other categories are ordinary). For catching misspelt fast-track categories.
    public var strictCategories = false
    /// Accept a fast-track term the act does not list, from 1 day to the act's longest (the
    /// behaviour before the acts' lists were enforced; the CLI's `--lenient-fast-track`). By
    /// default a term outside the act's list or range is refused, naming the allowed terms.
    public var lenientFastTrack = false

    /// Defaults evaluated as of `asOf` (nil: the caller's `now`).
    public init(asOf: Instant? = nil) { self.asOf = asOf }
}
