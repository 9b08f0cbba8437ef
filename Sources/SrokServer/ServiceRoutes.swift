/// The service's paths and the methods each answers: the router's table, and what a 404 lists and
/// a 405's `Allow` header says.
enum ServiceRoutes {
    /// A path pattern (`{name}` matches one segment) and its methods.
    struct Entry: Sendable {
        let pattern: String
        let methods: [String]
    }

    static let all: [Entry] = [
        Entry(pattern: "/v1/due", methods: ["POST"]),
        Entry(pattern: "/v1/status", methods: ["POST"]),
        Entry(pattern: "/v1/batch", methods: ["POST"]),
        Entry(pattern: "/v1/day/{date}", methods: ["GET"]),
        Entry(pattern: "/v1/calendar/{year}", methods: ["GET"]),
        Entry(pattern: "/v1/profiles", methods: ["GET"]),
        Entry(pattern: "/healthz", methods: ["GET"]),
        Entry(pattern: "/metrics", methods: ["GET"]),
        Entry(pattern: "/openapi.json", methods: ["GET"]),
    ]

    /// The entry whose pattern matches `path`, if any.
    static func entry(for path: String) -> Entry? {
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        return all.first { e in
            let p = e.pattern.split(separator: "/", omittingEmptySubsequences: false)
            guard p.count == segments.count else { return false }
            return zip(p, segments).allSatisfy { a, b in a.hasPrefix("{") ? !b.isEmpty : a == b }
        }
    }

    /// The paths, for a 404's list.
    static var patterns: String { all.map(\.pattern).joined(separator: ", ") }
}
