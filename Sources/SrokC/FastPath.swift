import CSrok
import SrokCore

/// The fast path (`srok_due`, `srok_due_many`): plain fields through the resolver's engine and
/// term choice into the schedule, allocating nothing once a request's text fields are cached.
extension CContext {
    /// The engine and category term of `request` (cached by its text fields).
    /// - Throws: ``CFailure`` naming `profile`, `region`, `tz`, `category` … at fault.
    func plan(_ request: srok_request) throws(CFailure) -> Plan {
        let explicit = request.term_days != 0 || request.fast_track_days != 0
        return try plans.plan(for: RequestText(request, withCategory: !explicit)) {
            (text) throws(CFailure) -> Plan in
            do throws(MessageFieldError) {
                let s = try text.strings()
                let r = try resolver.engine(profile: s[0], region: s[1], tz: s[2])
                guard !explicit else { return Plan(engine: r, categoryTerm: nil) }
                let (term, _) = try resolver.term(
                    days: nil, fastTrackDays: nil, category: s[3], subcategory: s[4], regime: r.regime,
                    profile: r.profile)
                return Plan(engine: r, categoryTerm: term)
            } catch {
                throw CFailure(error)
            }
        }
    }

    /// The term and regime of `request` under `plan`, checked against each other as the resolver
    /// checks them.
    /// - Throws: ``CFailure`` naming `regime`, `term_days` or `fast_track_days`.
    func termAndRegime(_ request: srok_request, plan: Plan) throws(CFailure) -> (Term, Regime) {
        let regime: Regime
        switch request.regime {
        case Int32(SROK_REGIME_DEFAULT.rawValue): regime = plan.engine.regime
        case Int32(SROK_REGIME_MESSAGE.rawValue): regime = .message
        case Int32(SROK_REGIME_APPEAL.rawValue): regime = .appeal
        default:
            throw CFailure.argument(
                "regime", String(request.regime),
                LocalizedText(
                    ru: "SROK_REGIME_DEFAULT (0), SROK_REGIME_MESSAGE (1) или SROK_REGIME_APPEAL (2)",
                    en: "SROK_REGIME_DEFAULT (0), SROK_REGIME_MESSAGE (1) or SROK_REGIME_APPEAL (2)"))
        }
        do throws(MessageFieldError) {
            let term: Term
            if let t = plan.categoryTerm {
                term = t
            } else {
                (term, _) = try resolver.term(
                    days: request.term_days != 0 ? Int(request.term_days) : nil,
                    fastTrackDays: request.fast_track_days != 0 ? Int(request.fast_track_days) : nil,
                    category: nil, subcategory: nil, regime: regime, profile: plan.engine.profile)
            }
            try MessageResolver.validate(
                term, regime: regime, field: request.term_days != 0 ? "term_days" : "fast_track_days")
            return (term, regime)
        } catch {
            throw CFailure(error)
        }
    }

    /// The registration instant of `request` in `zone`: its text, or its number read as its kind.
    /// - Throws: ``CFailure`` for `registered_at` (a text Srok cannot read, a local time
    ///   outside the range, an unknown kind).
    func registered(_ request: srok_request, zone: ZoneRules) throws(CFailure) -> Instant {
        if let text = RequestText.bytes(request.registered_at_text) {
            if let t = Timestamp.parse(text) { return t.resolve(in: zone) }
            let s = String(decoding: text, as: UTF8.self)
            do { _ = try Timestamp(parsing: s, field: "registered_at") } catch {
                throw CFailure(MessageFieldError(field: "registered_at", value: s, error: error))
            }
            throw CFailure(.invalidValue(field: "registered_at", value: s, expected: Timestamp.acceptedForms))
        }
        return try Self.instant(request.registered_at, kind: request.registered_at_kind, zone: zone)
    }

    /// `value` read as an instant (``SROK_TIME_UTC``) or as local wall-clock seconds in `zone`.
    /// - Throws: ``CFailure`` for `registered_at`: a local time outside 0001-01-02 …
    ///   9999-12-30 or an unknown kind. (An instant out of range fails later, in the engine.)
    @inline(__always)
    static func instant(_ value: Int64, kind: Int32, zone: ZoneRules) throws(CFailure) -> Instant {
        switch kind {
        case Int32(SROK_TIME_UTC.rawValue): return Instant(secondsSinceEpoch: value)
        case Int32(SROK_TIME_LOCAL.rawValue):
            // A day inside the supported range at each end, so that the instant stays in it in any zone.
            let lower = Instant.supportedRange.lowerBound.secondsSinceEpoch + 86_400
            let upper = Instant.supportedRange.upperBound.secondsSinceEpoch - 86_400
            guard value >= lower, value <= upper else {
                throw CFailure(
                    .invalidValue(
                        field: "registered_at", value: String(value),
                        expected: LocalizedText(
                            ru:
                                "местные секунды от 1970-01-01T00:00 в пределах от \(lower) до \(upper) (с 0001-01-02 по 9999-12-30)",
                            en:
                                "local seconds since 1970-01-01T00:00 from \(lower) to \(upper) (0001-01-02 to 9999-12-30)"
                        ))
                )
            }
            return zone.instant(LocalDateTime(instant: Instant(secondsSinceEpoch: value), offsetSeconds: 0))
        default:
            throw CFailure.argument(
                "registered_at_kind", String(kind),
                LocalizedText(
                    ru: "SROK_TIME_UTC (0) или SROK_TIME_LOCAL (1)", en: "SROK_TIME_UTC (0) or SROK_TIME_LOCAL (1)"))
        }
    }

    /// The schedule of one request.
    /// - Throws: ``CFailure`` naming the field at fault.
    func schedule(_ request: srok_request) throws(CFailure) -> (MessageSchedule, Regime, ZoneRules) {
        let plan = try plan(request)
        let (term, regime) = try termAndRegime(request, plan: plan)
        let engine = plan.engine.engine
        let at = try registered(request, zone: engine.zone)
        do {
            return (try engine.schedule(registered: at, term: term), regime, engine.zone)
        } catch {
            throw CFailure(MessageFieldError(evaluating: error))
        }
    }

    /// The due date and due instant of each registration time of a column under `common`:
    /// `registered(i)` gives element i, `out(i, dueDate, due, code)` takes its result (days and
    /// seconds since the epoch, or `Int64.min` with the element's code). Returns the first failure.
    @inline(__always)
    func dueMany(
        _ common: srok_request, count: Int, registered: (Int) -> Int64,
        out: (Int, Int64, Int64, srok_code) -> Void
    ) -> (index: Int, failure: CFailure)? {
        let plan: Plan
        let term: Term
        do {
            plan = try self.plan(common)
            (term, _) = try termAndRegime(common, plan: plan)
        } catch {
            for i in 0..<count { out(i, Int64.min, Int64.min, error.code) }
            return count > 0 ? (0, error) : nil
        }
        let engine = plan.engine.engine
        var first: (index: Int, failure: CFailure)?
        for i in 0..<count {
            let value = registered(i)
            do throws(CFailure) {
                guard value != Int64.min else {
                    throw CFailure(
                        .missing(
                            field: "registered_at",
                            expected: LocalizedText(
                                ru: "время регистрации (передано NaT)", en: "a registration time (NaT given)")))
                }
                let at = try Self.instant(value, kind: common.registered_at_kind, zone: engine.zone)
                let due: (due: Instant, dueDate: CivilDate, roll: RollOutcome?)
                do { due = try engine.totalDue(registered: at, term: term) } catch {
                    throw CFailure(MessageFieldError(evaluating: error))
                }
                out(i, Int64(due.dueDate.daysSinceEpoch), due.due.secondsSinceEpoch, SROK_OK)
            } catch {
                out(i, Int64.min, Int64.min, error.code)
                if first == nil { first = (i, error) }
            }
        }
        return first
    }
}
