import SrokCore
import Synchronization

/// What the fast path needs for a request's text fields, resolved once by ``MessageResolver``: the
/// engine (profile, calendar, zone, conventions) and, when the term comes from the category, that
/// term.
struct Plan: Sendable {
    /// The resolver's engine for the profile, region and zone.
    var engine: ResolvedEngine
    /// The term chosen by the category and subcategory (the profile's catalogue, else its general
    /// term); nil when the request gives term_days or fast_track_days.
    var categoryTerm: Term?
}

/// The fast path's plans by the raw bytes of the request's text fields (``RequestText``), so that
/// a call whose fields were seen before hashes and compares bytes and allocates nothing. Locked;
/// bounded (``capacity`` plans, further ones are resolved on every call and not kept).
final class PlanCache: Sendable {
    private struct Entry {
        var key: [UInt8]
        var plan: Plan
    }
    private struct Table {
        var entries: [UInt64: [Entry]] = [:]
        var count = 0
    }

    /// The most plans kept.
    static let capacity = 4096

    private let table = Mutex(Table())

    /// The plan of `text`: the cached one, or `make()`'s, kept for the next call.
    func plan(
        for text: RequestText, make: (RequestText) throws(CFailure) -> Plan
    ) throws(CFailure) -> Plan {
        let hash = text.hash
        let cached = table.withLock { t -> Plan? in
            guard let bucket = t.entries[hash] else { return nil }
            for e in bucket where text.matches(e.key) { return e.plan }
            return nil
        }
        if let cached { return cached }
        let plan = try make(text)
        let key = text.key
        table.withLock { t in
            guard t.count < Self.capacity, !(t.entries[hash]?.contains { $0.key == key } ?? false) else { return }
            t.entries[hash, default: []].append(Entry(key: key, plan: plan))
            t.count += 1
        }
        return plan
    }
}
