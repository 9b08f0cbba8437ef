import Foundation
import Srok
import Synchronization

/// The service's counters, written as Prometheus text at `GET /metrics`: requests by route, method
/// and status; their latency as a histogram by route; rejects (4xx answers by problem kind, batch
/// rows rejected); batch rows evaluated; the data loaded (version, generation, reloads). One per
/// service; thread-safe.
public final class ServerMetrics: Sendable {
    /// The latency buckets' upper bounds, in seconds.
    static let buckets: [Double] = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]

    private struct RequestKey: Hashable {
        var route: String
        var method: String
        var status: Int
    }

    private struct Latency {
        var counts = [Int](repeating: 0, count: ServerMetrics.buckets.count)
        var sum = 0.0
        var count = 0
    }

    private struct State {
        var requests: [RequestKey: Int] = [:]
        var latency: [String: Latency] = [:]
        var rejects: [String: Int] = [:]
        var batchRows: [String: Int] = [:]
        var reloads: [String: Int] = [:]
        var dataVersion = ""
        var generation = 0
        var loadedAt: Int64 = 0
    }

    private let state = Mutex(State())

    /// Empty counters.
    public init() {}

    /// Counts a request to `route` (the route's pattern, e.g. `/v1/day/{date}`) answered `status`
    /// after `seconds`.
    public func request(route: String, method: String, status: Int, seconds: Double) {
        let bucket = Self.buckets.firstIndex { seconds <= $0 }
        state.withLock { s in
            s.requests[RequestKey(route: route, method: method, status: status), default: 0] += 1
            // In place: a copy of the histogram would copy its counts on every request.
            if let bucket { s.latency[route, default: Latency()].counts[bucket] += 1 }
            s.latency[route, default: Latency()].sum += seconds
            s.latency[route, default: Latency()].count += 1
        }
    }

    /// Counts a request rejected with a problem of `kind`.
    public func rejected(kind: String) {
        state.withLock { $0.rejects[kind, default: 0] += 1 }
    }

    /// Counts a batch's rows: `good` written, `rejected` sent to the rejects.
    public func batchRows(good: Int, rejected: Int) {
        state.withLock {
            $0.batchRows["ok", default: 0] += good
            $0.batchRows["rejected", default: 0] += rejected
        }
    }

    /// Records the data now in use.
    public func dataLoaded(_ data: ServiceData) {
        state.withLock {
            $0.dataVersion = data.dataVersion
            $0.generation = data.generation
            $0.loadedAt = data.loadedAt.secondsSinceEpoch
        }
    }

    /// Counts a reload that succeeded or failed.
    public func reloaded(ok: Bool) {
        state.withLock { $0.reloads[ok ? "ok" : "failed", default: 0] += 1 }
    }

    /// The Prometheus text exposition (format 0.0.4).
    public var text: String {
        let s = state.withLock { $0 }
        func label(_ v: String) -> String {
            "\""
                + v.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
                .replacingOccurrences(of: "\n", with: "\\n") + "\""
        }
        var out: [String] = []
        out.append("# HELP srok_http_requests_total HTTP requests answered, by route, method and status.")
        out.append("# TYPE srok_http_requests_total counter")
        for (k, n) in s.requests.sorted(by: {
            ($0.key.route, $0.key.method, $0.key.status) < ($1.key.route, $1.key.method, $1.key.status)
        }) {
            out.append(
                "srok_http_requests_total{route=\(label(k.route)),method=\(label(k.method)),status=\"\(k.status)\"} \(n)"
            )
        }
        out.append("# HELP srok_http_request_duration_seconds Time to answer a request (to its headers), by route.")
        out.append("# TYPE srok_http_request_duration_seconds histogram")
        for (route, l) in s.latency.sorted(by: { $0.key < $1.key }) {
            var cumulative = 0
            for (k, le) in Self.buckets.enumerated() {
                cumulative += l.counts[k]
                out.append(
                    "srok_http_request_duration_seconds_bucket{route=\(label(route)),le=\"\(String(le))\"} \(cumulative)"
                )
            }
            out.append("srok_http_request_duration_seconds_bucket{route=\(label(route)),le=\"+Inf\"} \(l.count)")
            out.append("srok_http_request_duration_seconds_sum{route=\(label(route))} \(String(l.sum))")
            out.append("srok_http_request_duration_seconds_count{route=\(label(route))} \(l.count)")
        }
        out.append("# HELP srok_rejects_total Requests rejected with a problem (4xx), by problem kind.")
        out.append("# TYPE srok_rejects_total counter")
        for (kind, n) in s.rejects.sorted(by: { $0.key < $1.key }) {
            out.append("srok_rejects_total{kind=\(label(kind))} \(n)")
        }
        out.append("# HELP srok_batch_rows_total Rows of POST /v1/batch, written (ok) or rejected.")
        out.append("# TYPE srok_batch_rows_total counter")
        for outcome in ["ok", "rejected"] {
            out.append("srok_batch_rows_total{outcome=\"\(outcome)\"} \(s.batchRows[outcome] ?? 0)")
        }
        out.append(
            "# HELP srok_data_info The data in use: the federal calendar's data version and the load's generation.")
        out.append("# TYPE srok_data_info gauge")
        out.append(
            "srok_data_info{data_version=\(label(s.dataVersion)),generation=\"\(s.generation)\",srok_version=\(label(SrokVersion.string))} 1"
        )
        out.append("# HELP srok_data_loaded_timestamp_seconds When the data in use was loaded (Unix time).")
        out.append("# TYPE srok_data_loaded_timestamp_seconds gauge")
        out.append("srok_data_loaded_timestamp_seconds \(s.loadedAt)")
        out.append("# HELP srok_data_reloads_total Reloads on SIGHUP, by result (failed: the old data kept).")
        out.append("# TYPE srok_data_reloads_total counter")
        for result in ["ok", "failed"] {
            out.append("srok_data_reloads_total{result=\"\(result)\"} \(s.reloads[result] ?? 0)")
        }
        return out.joined(separator: "\n") + "\n"
    }
}
