import Dispatch
import Synchronization
import SrokCore

/// The bulk API: evaluates many messages (schedule + status) with shared, cached engines. The CLI's
/// `srok batch` uses it; integrators can call it with arrays, no CSV involved. Thread-safe.
public final class BatchEvaluator: Sendable {
    /// The loaded data.
    public let context: SrokContext
    /// Defaults and overrides.
    public let defaults: BatchDefaults
    private let engines = Mutex<[String: ResolvedEngine]>([:])

    /// An engine with its profile, cached per (profile, region, zone). A class: rows share one
    /// without copying the profile.
    final class ResolvedEngine: Sendable {
        let engine: SLAEngine
        let profile: RegulationProfile
        let maxPostponements: Int
        let regime: Regime
        /// The profile's index for ``BatchEvaluator/profileName(_:)`` (per-row counts without hashing).
        let profileIndex: Int
        /// The profile's fast-track range and general term (read per row without touching the profile).
        let fastTrackRange: ClosedRange<Int>
        let generalTerm: Term
        init(engine: SLAEngine, profile: RegulationProfile, profileIndex: Int) {
            self.engine = engine; self.profile = profile; self.profileIndex = profileIndex
            maxPostponements = profile.maxPostponements.value
            regime = profile.regime.value
            fastTrackRange = profile.fastTrackRange.value
            generalTerm = .days(profile.term.value)
        }

    }

    /// Profile ids by ``ResolvedEngine/profileIndex``.
    private let profileIDs = Mutex<[String]>([])

    /// The profile id of a ``ResolvedEngine/profileIndex``.
    func profileName(_ index: Int) -> String { profileIDs.withLock { $0[index] } }

    private func index(ofProfile id: String) -> Int {
        profileIDs.withLock { names in
            if let i = names.firstIndex(of: id) { return i }
            names.append(id)
            return names.count - 1
        }
    }

    /// Creates an evaluator.
    public init(context: SrokContext, defaults: BatchDefaults) {
        self.context = context; self.defaults = defaults
    }

    /// The engine for a profile, region and zone (nil: defaults, then the profile's).
    func engine(profile: String?, region: String?, tz: String?) throws(BatchRowError) -> ResolvedEngine {
        let key = (profile ?? "") + "\u{1}" + (region ?? "") + "\u{1}" + (tz ?? "")
        if let e = engines.withLock({ $0[key] }) { return e }
        let p: RegulationProfile
        do { p = try context.profile(profile ?? defaults.profile) } catch {
            throw BatchRowError(column: "profile", value: profile ?? defaults.profile, reason: error.description)
        }
        var regional = p
        if let r = region ?? defaults.region { regional.region = Cited(value: r, citation: "input") }
        let zone: ZoneRules
        do { zone = try context.zone(tz ?? defaults.tz ?? p.zone.value) } catch {
            throw BatchRowError(column: "tz", value: tz ?? defaults.tz ?? p.zone.value, reason: error.description)
        }
        let calendar: WorkingCalendar
        do { calendar = try context.calendar(region: regional.region.value) } catch {
            throw BatchRowError(column: "region", value: regional.region.value, reason: error.description)
        }
        let e = ResolvedEngine(engine: SLAEngine(calendar: calendar, zone: zone, conventions: defaults.apply(to: p.conventions)), profile: p,
                               profileIndex: index(ofProfile: p.id))
        engines.withLock { $0[key] = e }
        return e
    }

    /// Evaluates one message.
    public func evaluate(_ m: BatchMessage) throws(BatchRowError) -> BatchResult {
        let r = try engine(profile: m.profile, region: m.region, tz: m.tz)
        let term = try Self.term(termDays: m.termDays, fastTrackDays: m.fastTrackDays, category: m.category,
                                 subcategory: m.subcategory, profile: r.profile, strict: defaults.strictCategories)
        var history = MessageHistory(registered: Instant(secondsSinceEpoch: 0))
        let status = try evaluate(registered: m.registeredAt, term: term, termFromDays: m.termDays != nil, regime: m.regime,
                                  stage: m.stage, stageEnteredAt: m.stageEnteredAt, postponedUntil: m.postponedUntil,
                                  extensionDays: m.extensionDays, closedAt: m.closedAt, engine: r, history: &history)
        return BatchResult(schedule: status.schedule, status: status, profile: r.profile.id, calendar: r.engine.calendar.id, zone: r.engine.zone)
    }

    /// The term of a message: explicit days, a fast-track, or the profile's catalogue by category.
    static func term(termDays: Int?, fastTrackDays: Int?, category: String?, subcategory: String?,
                     profile: RegulationProfile, strict: Bool = false) throws(BatchRowError) -> Term {
        if let d = termDays { return .days(d) }
        if strict, fastTrackDays == nil, let category, profile.fastTrack(category: category, subcategory: subcategory) == nil {
            let known = profile.fastTracks.map { $0.category + ($0.subcategory.map { " / " + $0 } ?? "") }
            let categoryKnown = profile.fastTracks.contains { TextKey.normalize($0.category) == TextKey.normalize(category) }
            throw BatchRowError(column: categoryKnown ? "subcategory" : "category",
                                value: category + (subcategory.map { " / " + $0 } ?? ""),
                                reason: "not a fast-track category of profile \(profile.id) (strict categories); known: " + (known.isEmpty ? "none" : known.joined(separator: "; ")))
        }
        do { return try profile.term(fastTrackDays: fastTrackDays, category: category, subcategory: subcategory).term } catch {
            throw BatchRowError(column: fastTrackDays != nil ? "fast_track_days" : "category",
                                value: fastTrackDays.map(String.init) ?? category ?? "", reason: error.description)
        }
    }

    /// Evaluates one message with its engine and term resolved, reusing `history`'s storage (the
    /// batch's hot path allocates nothing here).
    func evaluate(registered: Timestamp, term: Term, termFromDays: Bool, regime: Regime?, stage: Stage?,
                  stageEnteredAt: Timestamp?, postponedUntil: CivilDate?, extensionDays: Int?, closedAt: Timestamp?,
                  engine r: ResolvedEngine, history: inout MessageHistory) throws(BatchRowError) -> MessageStatus {
        // Instants need no zone; only local times touch the zone's tables.
        @inline(__always) func resolve(_ t: Timestamp) -> Instant {
            if case .instant(let i) = t { return i }
            return t.resolve(in: r.engine.zone)
        }
        let regime = regime ?? r.regime
        do { try SLAEngine.validate(term, regime: regime) } catch {
            throw BatchRowError(column: termFromDays ? "term_days" : "fast_track_days", value: String(term.amount), reason: error.description)
        }
        let at = resolve(registered)
        history.registered = at
        history.regime = regime
        history.term = term
        history.entries.removeAll(keepingCapacity: true)
        if let s = stage {
            // Without stage_entered_at the stage is taken as entered when the plan says it starts
            // (the previous stage's planned due time), not later than the as-of instant.
            var entered = stageEnteredAt.map(resolve)
            if entered == nil {
                if s == .moderation { entered = at } else {
                    do {
                        let plan = try r.engine.schedule(registered: at, term: term)
                        entered = min(plan.stageDue[Stage(rawValue: s.rawValue - 1)!], max(at, defaults.asOf))
                    } catch {
                        throw BatchRowError(column: Self.column(of: error), value: Self.value(of: error), reason: error.description)
                    }
                }
            }
            history.entries.append(StageEntry(s, at: entered!))
        }
        history.postponements.removeAll(keepingCapacity: true)
        if let p = postponedUntil { history.postponements.append(p) }
        history.extensionDays = extensionDays
        history.closedAt = closedAt.map(resolve)
        do {
            return try r.engine.status(of: history, asOf: defaults.asOf, maxPostponements: r.maxPostponements)
        } catch {
            throw BatchRowError(column: Self.column(of: error), value: Self.value(of: error), reason: error.description)
        }
    }

    /// Evaluates many messages on `jobs` threads; results in input order.
    public func evaluate(_ messages: [BatchMessage], jobs: Int = 2) -> [Result<BatchResult, BatchRowError>] {
        let n = messages.count
        let out = Mutex<[Result<BatchResult, BatchRowError>?]>(Array(repeating: nil, count: n))
        let parts = max(1, min(jobs, n))
        DispatchQueue.concurrentPerform(iterations: parts) { part in
            let lo = n * part / parts, hi = n * (part + 1) / parts
            var local: [Result<BatchResult, BatchRowError>] = []
            local.reserveCapacity(hi - lo)
            for i in lo..<hi {
                do throws(BatchRowError) { local.append(.success(try evaluate(messages[i]))) } catch { local.append(.failure(error)) }
            }
            out.withLock { for (k, r) in local.enumerated() { $0[lo + k] = r } }
        }
        return out.withLock { $0.map { $0! } }
    }

    static func column(of e: SrokError) -> String {
        if case let .invalidValue(field, _, _) = e { return field }
        if case .outOfCoverage = e { return "registered_at" }
        return "row"
    }

    static func value(of e: SrokError) -> String {
        if case let .invalidValue(_, value, _) = e { return value }
        if case let .outOfCoverage(date, _, _, _) = e { return date.iso }
        return ""
    }
}
