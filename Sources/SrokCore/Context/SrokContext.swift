import Synchronization

/// Everything loaded once per process (embedded defaults plus user files): calendars, profiles and
/// compiled calendars and zones, cached. Thread-safe; share one per process.
public final class SrokContext: Sendable {
    /// Calendar definitions.
    public let calendars: CalendarCatalog
    /// Regulation profiles by id.
    public let profiles: [String: RegulationProfile]
    /// Regions by ISO 3166-2 code.
    public let regions: RegionCatalog
    /// Options every calendar is compiled with.
    public let options: CalendarOptions
    private let compiled = Mutex<[String: WorkingCalendar]>([:])
    private let zones = Mutex<[String: ZoneRules]>([:])

    /// A context of the embedded defaults extended with user calendar and profile files (UTF-8 texts).
    public init(
        calendarFiles: [(name: String, text: String)] = [], profileFiles: [(name: String, text: String)] = [],
        regionFiles: [(name: String, text: String)] = [],
        options: CalendarOptions = CalendarOptions()
    ) throws(SrokError) {
        calendars = try CalendarCatalog.embedded().extended(with: calendarFiles)
        regions = try RegionCatalog(userFiles: regionFiles)
        let embedded = EmbeddedData.files.filter { $0.path.hasPrefix("profiles/") }.map {
            (name: "<embedded>/" + $0.path, text: $0.text)
        }
        profiles = try RegulationProfile.parse(files: embedded + profileFiles)
        self.options = options
    }

    /// The profile `id` (case-insensitive), or an error listing the known ones.
    public func profile(_ id: String) throws(SrokError) -> RegulationProfile {
        if let p = profiles[id] ?? profiles[id.lowercased()] { return p }
        throw .unknown(kind: LocalizedText(ru: "профиль", en: "profile"), name: id, known: profiles.keys.sorted())
    }

    /// The working-day calendar for a region code or name (`RU` is the federal calendar;
    /// `RU-TA`, `Татарстан` a regional one). Compiled once per context and cached.
    public func calendar(region: String = "RU") throws(SrokError) -> WorkingCalendar {
        if let c = compiled.withLock({ $0[region] }) { return c }
        let code = try regions.resolve(region)
        if let c = compiled.withLock({ $0[code] }) { return c }
        let base = try calendars.definition("RU")
        let calendar: WorkingCalendar
        if code == "RU" {
            calendar = try WorkingCalendar.compile(base, options: options)
        } else if let r = regions.regions[code] {
            // A subject with no days of its own (Data/regions/subjects.srokcal) gets the federal calendar, named so.
            calendar = try WorkingCalendar.compileRegion(r, base: base, options: options)
        } else {
            throw .unknown(
                kind: LocalizedText(ru: "регион", en: "region"), name: region,
                known: ["RU"] + regions.regions.keys.sorted())
        }
        compiled.withLock {
            $0[code] = calendar
            $0[region] = calendar
        }
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
    public func engine(profile: RegulationProfile, zone: String? = nil, conventions: SLAConventions? = nil)
        throws(SrokError) -> SLAEngine
    {
        SLAEngine(
            calendar: try calendar(region: profile.region.value), zone: try self.zone(zone ?? profile.zone.value),
            conventions: conventions ?? profile.conventions)
    }
}
