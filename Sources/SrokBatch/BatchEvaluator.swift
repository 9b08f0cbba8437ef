import Dispatch
import SrokCore
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The bulk API: evaluates many messages (schedule + status) with shared, cached engines. The CLI's
/// `srok batch` uses it; integrators can call it with arrays, no CSV involved. Every rule is the
/// ``MessageResolver``'s. Thread-safe.
public final class BatchEvaluator: Sendable {
    /// The loaded data.
    public var context: SrokContext { resolver.context }
    /// Defaults and overrides.
    public var defaults: BatchDefaults { resolver.defaults }
    /// The instant every status is evaluated at (the defaults' `asOf`, else the time of creation).
    public let asOf: Instant
    /// The resolver every message goes through.
    public let resolver: MessageResolver

    /// Creates an evaluator; statuses are evaluated as of `defaults.asOf`, or now when it is nil.
    public init(context: SrokContext, defaults: BatchDefaults) {
        resolver = MessageResolver(context: context, defaults: defaults)
        asOf = defaults.asOf ?? Instant(secondsSinceEpoch: Int64(time(nil)))
    }

    /// Evaluates one message.
    public func evaluate(_ m: BatchMessage) throws(BatchRowError) -> BatchResult {
        do {
            let r = try resolver.engine(profile: m.profile, region: m.region, tz: m.tz)
            let (term, _) = try resolver.term(
                days: m.termDays, fastTrackDays: m.fastTrackDays, category: m.category,
                subcategory: m.subcategory, regime: m.regime ?? r.regime, profile: r.profile)
            var history = MessageHistory(registered: Instant(secondsSinceEpoch: 0))
            let status = try resolver.status(
                registered: m.registeredAt, term: term, termField: m.termDays != nil ? "term_days" : "fast_track_days",
                regime: m.regime, stage: m.stage, stageEnteredAt: m.stageEnteredAt,
                postponedUntil: m.postponedUntil, extensionDays: m.extensionDays, closedAt: m.closedAt,
                asOf: asOf, engine: r, history: &history)
            let warnings = try resolver.termWarnings(
                fastTrack: m.fastTrack, explicitTerm: m.termDays != nil || m.fastTrackDays != nil,
                category: m.category, subcategory: m.subcategory, profile: r.profile)
            return BatchResult(
                schedule: status.schedule, status: status, profile: r.profile.id, calendar: r.engine.calendar.id,
                zone: r.engine.zone, warnings: warnings)
        } catch {
            throw BatchRowError(error)
        }
    }

    /// Evaluates many messages on `jobs` threads; results in input order.
    public func evaluate(_ messages: [BatchMessage], jobs: Int = 2) -> [Result<BatchResult, BatchRowError>] {
        let n = messages.count
        let out = Mutex<[Result<BatchResult, BatchRowError>?]>(Array(repeating: nil, count: n))
        let parts = max(1, min(jobs, n))
        DispatchQueue.concurrentPerform(iterations: parts) { part in
            let lo = n * part / parts
            let hi = n * (part + 1) / parts
            var local: [Result<BatchResult, BatchRowError>] = []
            local.reserveCapacity(hi - lo)
            for i in lo..<hi {
                do throws(BatchRowError) { local.append(.success(try evaluate(messages[i]))) } catch {
                    local.append(.failure(error))
                }
            }
            out.withLock { for (k, r) in local.enumerated() { $0[lo + k] = r } }
        }
        return out.withLock { $0.map { $0! } }
    }
}
