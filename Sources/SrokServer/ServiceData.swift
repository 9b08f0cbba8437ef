import Srok
import SrokFiles

/// The data one request is answered from: the context (embedded data plus the user's files), the
/// defaults of a request that names no profile or zone, and which load it is. Immutable; a SIGHUP
/// builds a new one and swaps it in (``DataStore``), so a request never sees half of a reload.
public final class ServiceData: Sendable {
    /// Calendars, profiles, regions and compiled calendars.
    public let context: SrokContext
    /// The resolver of `POST /v1/due` and `POST /v1/status`, with ``defaults``.
    public let resolver: MessageResolver
    /// The JSON calls of `POST /v1/due` and `POST /v1/status` over ``resolver``.
    public let calls: MessageJSONCall
    /// What a request that leaves a field empty gets.
    public let defaults: MessageDefaults
    /// The federal calendar's data version (`calendar_data_version` of the answers).
    public let dataVersion: String
    /// 1 for the data loaded at start, one more for each successful reload.
    public let generation: Int
    /// When it was loaded.
    public let loadedAt: Instant

    /// Loads the embedded data and `configuration`'s files, and checks its default profile and
    /// zone exist.
    /// - Throws: ``SrokError`` naming the file (and line) or the default at fault.
    public init(_ configuration: ServerConfiguration, generation: Int, now: Instant) throws(SrokError) {
        let context = try SrokContext(
            calendarFiles: DataFiles.read(configuration.calendarFiles, kind: "calendar"),
            profileFiles: DataFiles.read(configuration.profileFiles, kind: "profile"),
            regionFiles: DataFiles.read(configuration.regionFiles, kind: "region"))
        let profile = try context.profile(configuration.defaultProfile)
        if let tz = configuration.defaultZone { _ = try context.zone(tz) }
        _ = try context.calendar(region: profile.region.value)
        var defaults = MessageDefaults()
        defaults.profile = profile.id
        defaults.tz = configuration.defaultZone
        self.context = context
        self.defaults = defaults
        self.resolver = MessageResolver(context: context, defaults: defaults)
        // The core's JSON call as the C interface has it: a request's `term_days` is labelled
        // «задано ключом term_days» (the label of `--days` would name a flag an HTTP client never gave).
        self.calls = MessageJSONCall(resolver: resolver)
        self.dataVersion = try context.calendar().dataVersion ?? "unknown"
        self.generation = generation
        self.loadedAt = now
    }
}
