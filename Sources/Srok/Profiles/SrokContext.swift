import Synchronization

/// Everything loaded once per process (embedded defaults plus user files): calendars, profiles and
/// compiled calendars and zones, cached. Thread-safe; share one per process.
public final class SrokContext: Sendable {
    /// Calendar definitions.
    public let calendars: CalendarCatalog
    /// Regulation profiles by id.
    public let profiles: [String: RegulationProfile]
    /// Options every calendar is compiled with.
    public let options: CalendarOptions
    private let compiled = Mutex<[String: WorkingCalendar]>([:])
    private let zones = Mutex<[String: ZoneRules]>([:])

    /// A context of the embedded defaults extended with user calendar and profile files (UTF-8 texts).
    public init(calendarFiles: [(name: String, text: String)] = [], profileFiles: [(name: String, text: String)] = [],
                options: CalendarOptions = CalendarOptions()) throws(SrokError) {
        calendars = try CalendarCatalog.embedded().extended(with: calendarFiles)
        let embedded = EmbeddedData.files.filter { $0.path.hasPrefix("profiles/") }.map { (name: "<embedded>/" + $0.path, text: $0.text) }
        profiles = try RegulationProfile.parse(files: embedded + profileFiles)
        self.options = options
    }

    /// The profile `id` (case-insensitive), or an error listing the known ones.
    public func profile(_ id: String) throws(SrokError) -> RegulationProfile {
        if let p = profiles[id] ?? profiles[id.lowercased()] { return p }
        throw .unknown(kind: "profile", name: id, known: profiles.keys.sorted())
    }

    /// The working-day calendar for a region code (`RU` is the federal calendar). Compiled once.
    public func calendar(region: String = "RU") throws(SrokError) -> WorkingCalendar {
        if let c = compiled.withLock({ $0[region] }) { return c }
        let calendar = try WorkingCalendar.compile(try calendars.definition("RU"), options: options)
        compiled.withLock { $0[region] = calendar }
        return calendar
    }

    /// The zone rules of an IANA id, read from ICU once.
    public func zone(_ id: String) throws(SrokError) -> ZoneRules {
        if let z = zones.withLock({ $0[id] }) { return z }
        let z = try ZoneRules(identifier: id)
        zones.withLock { $0[id] = z }
        return z
    }

    /// The engine for a profile, with its region's calendar, its zone (unless `zone` overrides it)
    /// and its conventions.
    public func engine(profile: RegulationProfile, zone: String? = nil, conventions: SLAConventions? = nil) throws(SrokError) -> SLAEngine {
        SLAEngine(calendar: try calendar(region: profile.region.value), zone: try self.zone(zone ?? profile.zone.value),
                  conventions: conventions ?? profile.conventions)
    }
}
