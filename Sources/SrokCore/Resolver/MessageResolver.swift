import Synchronization

/// The one place where a message's description becomes an engine, a term and a history: the CLI,
/// the batch, the bulk API (and the service and C ABI built on them) all resolve messages here,
/// so no layer above re-decides a rule. Engines are cached per (profile, region, zone).
/// Thread-safe; share one per set of defaults.
public final class MessageResolver: Sendable {
    /// The loaded data.
    public let context: SrokContext
    /// What a message that leaves a field empty gets.
    public let defaults: MessageDefaults
    private let engines = Mutex<[String: ResolvedEngine]>([:])
    /// Profile ids by ``ResolvedEngine/profileIndex``.
    private let profileIDs = Mutex<[String]>([])

    /// A resolver over `context` with `defaults`.
    public init(context: SrokContext, defaults: MessageDefaults = MessageDefaults()) {
        self.context = context
        self.defaults = defaults
    }

    /// Resolves a request: profile, zone, region and conventions (request, then defaults, then
    /// the profile), the term (explicit days, the 59-ФЗ migration term, a fast-track, a level, the
    /// catalogue by category, or the general term), the regime, and the history with every
    /// timestamp read in the message's zone.
    /// - Parameters:
    ///   - request: the message.
    ///   - now: the as-of instant when neither the request nor the defaults give one.
    /// - Throws: ``MessageFieldError`` naming the request key at fault and what is accepted.
    public func resolve(_ request: MessageRequest, now: Instant) throws(MessageFieldError) -> ResolvedMessage {
        guard let registeredAt = request.registeredAt else {
            throw MessageFieldError(
                field: MessageRequest.Key.registeredAt.rawValue, value: "",
                error: .missing(
                    field: "registered_at",
                    expected: LocalizedText(ru: "время регистрации (", en: "the registration time (")
                        + Timestamp.acceptedForms + ")"))
        }
        let r = try engine(
            profile: request.profile, region: request.region, tz: request.tz, overrides: request.conventions)
        let zone = r.engine.zone
        let regime = request.regime ?? r.regime
        let (term, source) = try term(
            days: request.termDays, fastTrackDays: request.fastTrackDays, level: request.level,
            category: request.category, subcategory: request.subcategory,
            migration: request.migration, regime: regime, profile: r.profile)
        try Self.validate(term, regime: regime, field: request.termDays != nil ? "term_days" : "fast_track_days")
        let warnings = try termWarnings(
            fastTrack: request.fastTrack,
            explicitTerm: request.termDays != nil || request.fastTrackDays != nil || request.level != nil
                || request.migration,
            category: request.category, subcategory: request.subcategory, profile: r.profile)
        let registered = registeredAt.resolve(in: zone)
        let asOf = request.asOf?.resolve(in: zone) ?? defaults.asOf ?? now
        var entries = request.entries.map {
            StageEntry($0.stage, at: $0.at.resolve(in: zone), isRedirectApproval: $0.redirectApproval)
        }
        if let stage = request.stage {
            entries.append(
                StageEntry(
                    stage,
                    at: try enteredAt(
                        stage, request.stageEnteredAt, registered: registered, term: term,
                        asOf: asOf, engine: r.engine)))
        }
        entries.sort { $0.at < $1.at }
        if let outcome = request.outcome, !r.profile.outcomes.value.contains(outcome) {
            throw MessageFieldError(
                field: "outcome", value: outcome.russian,
                error: .invalidValue(
                    field: "outcome", value: outcome.russian,
                    expected: LocalizedText(
                        ru: "тип решения профиля \(r.profile.id): ", en: "an outcome type of profile \(r.profile.id): ")
                        + r.profile.outcomes.value.map(\.russian).joined(separator: ", ")
                        + " (\(r.profile.outcomes.citation))"))
        }
        let history = MessageHistory(
            registered: registered, regime: regime, term: term, entries: entries,
            takenIntoWork: request.takenIntoWork?.resolve(in: zone), postponements: request.postponedUntil,
            extensionDays: request.extensionDays, redirectedAt: request.redirectedAt?.resolve(in: zone),
            receivedAt: request.receivedAt?.resolve(in: zone), closedAt: request.closedAt?.resolve(in: zone),
            applicantContactedAt: request.applicantContactedAt?.resolve(in: zone),
            headInformedAt: request.headInformedAt?.resolve(in: zone),
            outcome: request.outcome, rejectionReason: request.rejectionReason)
        return ResolvedMessage(
            profile: r.profile, engine: r.engine, term: term, termSource: source, regime: regime,
            registered: registered, history: history, asOf: asOf, warnings: warnings)
    }

    /// The engine for a profile, region and zone (nil: the defaults', then the profile's), with
    /// the defaults' convention overrides and then `overrides`. Cached when `overrides` is empty.
    package func engine(
        profile: String?, region: String?, tz: String?,
        overrides: ConventionOverrides = ConventionOverrides()
    ) throws(MessageFieldError) -> ResolvedEngine {
        let cacheable = overrides == ConventionOverrides()
        let key = (profile ?? "") + "\u{1}" + (region ?? "") + "\u{1}" + (tz ?? "")
        if cacheable, let e = engines.withLock({ $0[key] }) { return e }
        let id = profile ?? defaults.profile
        let p: RegulationProfile
        do { p = try context.profile(id) } catch { throw MessageFieldError(field: "profile", value: id, error: error) }
        let zoneID = tz ?? defaults.tz ?? p.zone.value
        let zone: ZoneRules
        do { zone = try context.zone(zoneID) } catch {
            throw MessageFieldError(field: "tz", value: zoneID, error: error)
        }
        let regionID = region ?? defaults.region ?? p.region.value
        let calendar: WorkingCalendar
        do { calendar = try context.calendar(region: regionID) } catch {
            throw MessageFieldError(field: "region", value: regionID, error: error)
        }
        let conventions = overrides.merged(over: defaults.conventions).applied(to: p.conventions)
        let e = ResolvedEngine(
            engine: SLAEngine(calendar: calendar, zone: zone, conventions: conventions), profile: p,
            profileIndex: index(ofProfile: p.id), lenientFastTrack: defaults.lenientFastTrack)
        if cacheable { engines.withLock { $0[key] = e } }
        return e
    }

    /// The profile id of a ``ResolvedEngine/profileIndex``.
    package func profileName(_ index: Int) -> String { profileIDs.withLock { $0[index] } }

    private func index(ofProfile id: String) -> Int {
        profileIDs.withLock { names in
            if let i = names.firstIndex(of: id) { return i }
            names.append(id)
            return names.count - 1
        }
    }

    /// The term of a message: explicit days; the 59-ФЗ migration term (appeals only); else the
    /// profile's allowed fast-track terms (refusing others unless ``MessageDefaults/lenientFastTrack``),
    /// level or catalogue by category, or its general term. With
    /// ``MessageDefaults/strictCategories``, a category that is not in the catalogue is an error.
    package func term(
        days: Int?, fastTrackDays: Int?, level: String? = nil, category: String?, subcategory: String?,
        migration: Bool = false, regime: Regime, profile: RegulationProfile
    ) throws(MessageFieldError) -> (Term, TermSource) {
        if let days { return (.days(days), .explicit) }
        if migration {
            guard regime == .appeal else {
                throw MessageFieldError(
                    field: "migration", value: "true",
                    error: .invalidValue(
                        field: "migration", value: "true",
                        expected: LocalizedText(
                            ru: "обращение (regime appeal): 59-ФЗ ст. 12 ч. 1.1 относится к обращениям",
                            en: "an appeal (regime appeal): Federal Law 59-FZ art. 12 part 1.1 applies to appeals")))
            }
            return (.days(AppealLaw.migrationConsiderationDays), .migrationLaw)
        }
        if defaults.strictCategories, fastTrackDays == nil, level == nil, let category,
            profile.fastTrack(category: category, subcategory: subcategory) == nil
        {
            let known = profile.fastTracks.map { $0.category + ($0.subcategory.map { " / " + $0 } ?? "") }
            let categoryKnown = profile.fastTracks.contains {
                TextKey.normalize($0.category) == TextKey.normalize(category)
            }
            let field = categoryKnown ? "subcategory" : "category"
            let value = category + (subcategory.map { " / " + $0 } ?? "")
            throw MessageFieldError(
                field: field, value: value,
                error: .invalidValue(
                    field: field, value: value,
                    expected: LocalizedText(
                        ru: "категория фаст-трека профиля \(profile.id) (строгие категории); известны: "
                            + (known.isEmpty ? "нет ни одной" : known.joined(separator: "; ")),
                        en: "a fast-track category of profile \(profile.id) (strict categories); known: "
                            + (known.isEmpty ? "none" : known.joined(separator: "; ")))))
        }
        do {
            let (term, citation) = try profile.term(
                fastTrackDays: fastTrackDays, level: level, category: category, subcategory: subcategory,
                lenientFastTrack: defaults.lenientFastTrack)
            return (term, .profile(citation: citation))
        } catch {
            let field = fastTrackDays != nil ? "fast_track_days" : level != nil ? "level" : "category"
            throw MessageFieldError(
                field: field, value: fastTrackDays.map(String.init) ?? level ?? category ?? "", error: error)
        }
    }

    /// The warnings of a message's term: marked fast-track («Фаст-трек: Да») with no explicit
    /// term, level or days, but no category to look up or no catalogue in the profile
    /// (``MessageWarnings/fastTrackWithoutCategory``), or a category the catalogue does not list
    /// (``MessageWarnings/categoryNotInProfile``). Such a message gets the general term (see
    /// ``term(days:fastTrackDays:level:category:subcategory:migration:regime:profile:)``), flagged.
    package static func termWarnings(
        fastTrack: Bool, explicitTerm: Bool, category: String?, subcategory: String?, profile: RegulationProfile
    ) -> MessageWarnings {
        guard fastTrack, !explicitTerm else { return [] }
        guard let category, !category.trimmingSpaces.isEmpty, !profile.fastTracks.isEmpty else {
            return .fastTrackWithoutCategory
        }
        return profile.fastTrack(category: category, subcategory: subcategory) == nil ? .categoryNotInProfile : []
    }

    /// ``termWarnings(fastTrack:explicitTerm:category:subcategory:profile:)``, refused instead with
    /// ``MessageDefaults/strictCategories``: a message marked fast-track with no category is an
    /// error there (a category the catalogue does not list already is, in ``term(days:fastTrackDays:level:category:subcategory:migration:regime:profile:)``).
    package func termWarnings(
        fastTrack: Bool, explicitTerm: Bool, category: String?, subcategory: String?, profile: RegulationProfile
    ) throws(MessageFieldError) -> MessageWarnings {
        let w = Self.termWarnings(
            fastTrack: fastTrack, explicitTerm: explicitTerm, category: category, subcategory: subcategory,
            profile: profile)
        if defaults.strictCategories, w.contains(.fastTrackWithoutCategory) {
            let known = profile.fastTracks.map { $0.category + ($0.subcategory.map { " / " + $0 } ?? "") }
            throw MessageFieldError(
                field: "category", value: category ?? "",
                error: .invalidValue(
                    field: "category", value: category ?? "",
                    expected: LocalizedText(
                        ru:
                            "категория фаст-трека профиля \(profile.id): строка отмечена как фаст-трек (строгие категории); известны: "
                            + (known.isEmpty ? "нет ни одной" : known.joined(separator: "; ")),
                        en:
                            "a fast-track category of profile \(profile.id): the row is marked fast-track (strict categories); known: "
                            + (known.isEmpty ? "none" : known.joined(separator: "; ")))))
        }
        return w
    }

    /// Checks a term against the regime (``SLAEngine/validate(_:regime:)``), blaming `field`.
    package static func validate(_ term: Term, regime: Regime, field: String) throws(MessageFieldError) {
        do { try SLAEngine.validate(term, regime: regime) } catch {
            throw MessageFieldError(field: field, value: String(term.amount), error: error)
        }
    }

    /// When a message entered `stage`: `given`, or when the plan says the stage starts (the
    /// previous stage's planned due time), not later than `asOf` (and not before registration).
    func enteredAt(
        _ stage: Stage, _ given: Timestamp?, registered: Instant, term: Term, asOf: Instant,
        engine: SLAEngine
    ) throws(MessageFieldError) -> Instant {
        if let given {
            let at = given.resolve(in: engine.zone)
            do { try Self.checkEntry(at, asOf: asOf, zone: engine.zone) } catch {
                throw MessageFieldError(evaluating: error)
            }
            return at
        }
        if stage == .moderation { return registered }
        do {
            let plan = try engine.schedule(registered: registered, term: term)
            return Self.plannedEntry(stage, plan: plan, registered: registered, asOf: asOf)
        } catch {
            throw MessageFieldError(evaluating: error)
        }
    }

    /// A current stage's entry must have happened by the as-of instant: a later one (a typing
    /// error such as 9999-12-31) would silently drop the stage from the status.
    @inline(__always)
    static func checkEntry(_ entered: Instant, asOf: Instant, zone: ZoneRules) throws(SrokError) {
        guard entered <= asOf else {
            throw .invalidValue(
                field: "stage_entered_at", value: zone.iso8601(entered),
                expected: LocalizedText(
                    ru:
                        "момент не позже момента оценки (\(zone.iso8601(asOf))): на текущий этап сообщение уже должно поступить",
                    en:
                        "an instant on or before the as-of instant (\(zone.iso8601(asOf))): the current stage must have been entered"
                )
            )
        }
    }

    /// The planned entry into `stage` (not moderation): the previous stage's planned due time,
    /// capped at `asOf` but not before registration.
    @inline(__always)
    package static func plannedEntry(_ stage: Stage, plan: MessageSchedule, registered: Instant, asOf: Instant)
        -> Instant
    {
        min(plan.stageDue[Stage(rawValue: stage.rawValue - 1)!], max(registered, asOf))
    }

    /// The batch's per-row status: the engine and term already resolved, `history`'s storage
    /// reused (this path allocates nothing), and the schedule computed once. Sets the history's
    /// postponement, extension and closing from the arguments and clears its other facts.
    package func status(
        registered: Timestamp, term: Term, termField: String, regime: Regime?, stage: Stage?,
        stageEnteredAt: Timestamp?, postponedUntil: CivilDate?, extensionDays: Int?, closedAt: Timestamp?,
        asOf: Instant, engine r: ResolvedEngine, history: inout MessageHistory
    ) throws(MessageFieldError) -> MessageStatus {
        history.postponements.removeAll(keepingCapacity: true)
        if let p = postponedUntil { history.postponements.append(p) }
        history.extensionDays = extensionDays
        history.closedAt = closedAt.map { t in
            if case .instant(let i) = t { return i }
            return t.resolve(in: r.engine.zone)
        }
        history.takenIntoWork = nil
        history.redirectedAt = nil
        history.receivedAt = nil
        history.applicantContactedAt = nil
        history.headInformedAt = nil
        history.outcome = nil
        history.rejectionReason = nil
        return try status(
            registered: registered, term: term, termField: termField, regime: regime, stage: stage,
            stageEnteredAt: stageEnteredAt, asOf: asOf, engine: r, prepared: &history)
    }

    /// The per-row status over a history whose facts the caller has already set — postponements
    /// (several allowed, in order), extension, closing, `takenIntoWork`, `redirectedAt`,
    /// `receivedAt`, `applicantContactedAt`, `headInformedAt`, `outcome`, `rejectionReason` —
    /// in the engine's zone. This sets the registration, regime, term and the one stage entry
    /// (`stage` entered at `stageEnteredAt`, or when the plan says), evaluates the status with the
    /// profile's rules (``ResolvedEngine/rules``: controls, the limit of «Отложено», the reason
    /// of «Отклонено»), and allocates nothing: `history`'s arrays keep their storage and the
    /// controls come back inline (``MessageStatus/controls``, ``ControlChecks``).
    ///
    /// This is the batch's hot path; a full status with controls stays within a few hundred
    /// nanoseconds (`Benchmarks/Benchmarks/SLABenchmarks`).
    /// - Throws: ``MessageFieldError`` naming the request key at fault (`postponed_until` beyond
    ///   the profile's limit with its clause, `rejection_reason`, `stage_entered_at`, …).
    package func status(
        registered: Timestamp, term: Term, termField: String, regime: Regime?, stage: Stage?,
        stageEnteredAt: Timestamp?, asOf: Instant, engine r: ResolvedEngine,
        prepared history: inout MessageHistory
    ) throws(MessageFieldError) -> MessageStatus {
        var out = MessageStatus.placeholder
        try Self.status(
            registered: registered, term: term, termField: termField, regime: regime, stage: stage,
            stageEnteredAt: stageEnteredAt, asOf: asOf, engine: r, prepared: &history, into: &out)
        return out
    }

    /// ``status(registered:term:termField:regime:stage:stageEnteredAt:asOf:engine:prepared:)``
    /// written into `out` (every field set; on an error `out` is left part-written): the batch
    /// keeps one status per worker instead of copying half a kilobyte out of each call. Static:
    /// it reads nothing of the resolver, so a worker's row does not retain the resolver its
    /// threads share.
    package static func status(
        registered: Timestamp, term: Term, termField: String, regime: Regime?, stage: Stage?,
        stageEnteredAt: Timestamp?, asOf: Instant, engine r: ResolvedEngine,
        prepared history: inout MessageHistory, into out: inout MessageStatus
    ) throws(MessageFieldError) {
        // Instants need no zone; only local times touch the zone's tables.
        @inline(__always) func resolve(_ t: Timestamp) -> Instant {
            if case .instant(let i) = t { return i }
            return t.resolve(in: r.engine.zone)
        }
        let regime = regime ?? r.regime
        try Self.validate(term, regime: regime, field: termField)
        let at = resolve(registered)
        history.registered = at
        history.regime = regime
        history.term = term
        // One entry at most: removeLast keeps the storage without removeAll's replaceSubrange.
        while !history.entries.isEmpty { history.entries.removeLast() }
        do {
            out.schedule = try r.engine.schedule(registered: at, term: term)
            if let s = stage {
                let entered: Instant
                if let given = stageEnteredAt {
                    entered = resolve(given)
                    try Self.checkEntry(entered, asOf: asOf, zone: r.engine.zone)
                } else {
                    entered =
                        s == .moderation ? at : Self.plannedEntry(s, plan: out.schedule, registered: at, asOf: asOf)
                }
                history.entries.append(StageEntry(s, at: entered))
            }
            try r.engine.status(of: history, asOf: asOf, rules: r.rules, into: &out)
        } catch {
            throw MessageFieldError(evaluating: error)
        }
    }
}
