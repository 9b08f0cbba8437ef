import SrokCore

#if canImport(Glibc)
    import Glibc
#endif

/// One thread's state for the bulk API: engines (the thread's own copies) and terms cached by the
/// bytes of the message's text fields (no string hashing, no lock per message) and a history
/// whose storage is reused.
/// The bulk counterpart of ``BatchWorker``'s row evaluation: the same resolver calls, the same
/// fast paths for the common terms.
struct BulkWorker: Sendable {
    let resolver: MessageResolver
    let asOf: Instant
    /// Engines by (profile, region, tz).
    private var engines = ByteKeyCache<ResolvedEngine>()
    /// Category terms by (profile, category, subcategory).
    private var terms = ByteKeyCache<Term>()
    /// Reused for every message (its arrays keep their storage).
    private var history = MessageHistory(registered: Instant(secondsSinceEpoch: 0))

    init(resolver: MessageResolver, asOf: Instant) {
        self.resolver = resolver
        self.asOf = asOf
    }

    /// Evaluates one message, as ``BatchEvaluator/evaluate(_:)`` does.
    mutating func evaluate(_ m: BatchMessage) throws(BatchRowError) -> BatchResult {
        try withUnsafePointer(to: m) { (p) throws(BatchRowError) in try evaluate(at: p) }
    }

    /// Evaluates the message at `p`, read in place (a message is not copied: its strings are not
    /// retained, so threads reading messages that share strings do not contend).
    mutating func evaluate(at p: UnsafePointer<BatchMessage>) throws(BatchRowError) -> BatchResult {
        do {
            let r = try engine(p)
            let term = try self.term(p, r)
            let status = try resolver.status(
                registered: p.pointee.registeredAt, term: term,
                termField: p.pointee.termDays != nil ? "term_days" : "fast_track_days",
                regime: p.pointee.regime, stage: p.pointee.stage, stageEnteredAt: p.pointee.stageEnteredAt,
                postponedUntil: p.pointee.postponedUntil, extensionDays: p.pointee.extensionDays,
                closedAt: p.pointee.closedAt, asOf: asOf, engine: r, history: &history)
            guard p.pointee.fastTrack else { return BatchResult(status: status, engine: r) }
            let warnings = try resolver.termWarnings(
                fastTrack: true, explicitTerm: p.pointee.termDays != nil || p.pointee.fastTrackDays != nil,
                category: p.pointee.category, subcategory: p.pointee.subcategory, profile: r.profile)
            return BatchResult(status: status, engine: r, warnings: warnings)
        } catch {
            throw BatchRowError(error)
        }
    }

    /// Evaluates `messages[range]` into `out` (uninitialised slots at the same indices).
    mutating func evaluate(
        _ messages: UnsafeBufferPointer<BatchMessage>, _ range: Range<Int>,
        into out: UnsafeMutablePointer<Result<BatchResult, BatchRowError>>
    ) {
        let base = messages.baseAddress!
        Self.prefault(out + range.lowerBound, count: range.count)
        for i in range {
            do throws(BatchRowError) {
                (out + i).initialize(to: .success(try evaluate(at: base + i)))
            } catch {
                (out + i).initialize(to: .failure(error))
            }
        }
    }

    private mutating func engine(_ m: UnsafePointer<BatchMessage>) throws(MessageFieldError) -> ResolvedEngine {
        let cached = Self.withUTF8(m.pointee.profile) { p in
            Self.withUTF8(m.pointee.region) { r in Self.withUTF8(m.pointee.tz) { z in engines.get(p, r, z) } }
        }
        if let cached { return cached }
        // The thread's own copy: no reference count shared with other threads per message.
        let e = try resolver.engine(profile: m.pointee.profile, region: m.pointee.region, tz: m.pointee.tz)
            .privateCopy()
        Self.withUTF8(m.pointee.profile) { p in
            Self.withUTF8(m.pointee.region) { r in Self.withUTF8(m.pointee.tz) { z in engines.set(p, r, z, e) } }
        }
        return e
    }

    private mutating func term(_ p: UnsafePointer<BatchMessage>, _ e: ResolvedEngine) throws(MessageFieldError) -> Term
    {
        // The common cases from the engine's copies of the profile's values; errors from the full path.
        if let d = p.pointee.termDays { return .days(d) }
        let fastTrack = p.pointee.fastTrackDays
        if let d = fastTrack, e.fastTrackTerms.contains(d) { return .days(d) }
        let hasCategory = p.pointee.category != nil
        if fastTrack == nil && !hasCategory { return e.generalTerm }
        if fastTrack != nil || !hasCategory {
            return try resolver.term(
                days: nil, fastTrackDays: fastTrack, category: nil, subcategory: nil,
                regime: p.pointee.regime ?? e.regime, profile: e.profile
            ).0
        }
        let cached = Self.withUTF8(p.pointee.profile) { a in
            Self.withUTF8(p.pointee.category) { c in Self.withUTF8(p.pointee.subcategory) { s in terms.get(a, c, s) } }
        }
        if let cached { return cached }
        let t = try resolver.term(
            days: nil, fastTrackDays: nil, category: p.pointee.category, subcategory: p.pointee.subcategory,
            regime: p.pointee.regime ?? e.regime, profile: e.profile
        ).0
        Self.withUTF8(p.pointee.profile) { a in
            Self.withUTF8(p.pointee.category) { c in Self.withUTF8(p.pointee.subcategory) { s in terms.set(a, c, s, t) }
            }
        }
        return t
    }

    /// Has the kernel map the whole pages of `count` results at `p` in one call (Linux's
    /// `MADV_POPULATE_WRITE`) instead of one fault per page as they are first written: a result is
    /// ~700 bytes, and the faults of a large result array cost as much as the evaluation.
    /// Elsewhere, or on a kernel without it, nothing.
    static func prefault(_ p: UnsafeMutablePointer<Result<BatchResult, BatchRowError>>, count: Int) {
        #if os(Linux)
            let page = 4096
            let start = (Int(bitPattern: p) + page - 1) & ~(page - 1)
            let end = (Int(bitPattern: p + count)) & ~(page - 1)
            guard end - start >= 16 * page, let aligned = UnsafeMutableRawPointer(bitPattern: start) else { return }
            _ = madvise(aligned, end - start, 23)  // MADV_POPULATE_WRITE (Linux 5.14)
        #endif
    }

    /// `body` given the UTF-8 bytes of `text` (nil for nil), without copying a native string.
    @inline(__always) @discardableResult static func withUTF8<R>(
        _ text: String?, _ body: (UnsafeBufferPointer<UInt8>?) -> R
    ) -> R {
        guard let text else { return body(nil) }
        if let r = text.utf8.withContiguousStorageIfAvailable({ body($0) }) { return r }
        var copy = text
        return copy.withUTF8 { body($0) }
    }
}
