import Foundation
import Testing

/// `GET /healthz`, `GET /metrics` and `GET /openapi.json`.
@Suite struct ServiceInfoTests {
    @Test func health() async throws {
        let a = try await HTTP.get("/healthz")
        #expect(a.status == 200)
        #expect(a.object["status"] as? String == "ok")
        #expect(a.object["generation"] as? Int == 1)
        #expect((a.object["data_version"] as? String)?.hasPrefix("RU-") == true)
    }

    /// The counters move with the requests made: one more 200 of `/v1/day/{date}`, one more 422
    /// and its reject, and the data version is that of `/healthz`.
    @Test func metricsCountRequestsAndRejects() async throws {
        func value(_ text: String, _ series: String) -> Int {
            for line in text.split(separator: "\n") where line.hasPrefix(series + " ") {
                return Int(line.split(separator: " ").last ?? "") ?? 0
            }
            return 0
        }
        let ok = #"srok_http_requests_total{route="/v1/day/{date}",method="GET",status="200"}"#
        let rejected = #"srok_rejects_total{kind="out-of-coverage"}"#
        let before = try await HTTP.get("/metrics")
        #expect(before.header("Content-Type") == "text/plain; version=0.0.4; charset=utf-8")
        _ = try await HTTP.get("/v1/day/2024-04-27")
        _ = try await HTTP.get("/v1/day/1900-04-27")
        let after = try await HTTP.get("/metrics").text
        // Other tests run at the same time: at least one more.
        #expect(value(after, ok) >= value(before.text, ok) + 1)
        #expect(value(after, rejected) >= value(before.text, rejected) + 1)
        #expect(after.contains("# TYPE srok_http_request_duration_seconds histogram"))
        #expect(after.contains(#"srok_http_request_duration_seconds_bucket{route="/v1/day/{date}",le="+Inf"}"#))
        let health = try await HTTP.get("/healthz")
        let version = try #require(health.object["data_version"] as? String)
        #expect(after.contains("srok_data_info{data_version=\"\(version)\",generation=\"1\""))
        #expect(after.contains(#"srok_data_reloads_total{result="failed"} 0"#))
    }

    /// The committed document (Sources/SrokServer/openapi.json) is served as it is, is OpenAPI
    /// 3.1, and documents every route the server has, with its methods.
    @Test func openAPIDocumentsEveryRoute() async throws {
        let a = try await HTTP.get("/openapi.json")
        #expect(a.status == 200)
        let committed = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/SrokServer/openapi.json")
        #expect(a.body == (try Data(contentsOf: committed)))
        let doc = try #require(try JSONSerialization.jsonObject(with: a.body) as? [String: Any])
        #expect(doc["openapi"] as? String == "3.1.0")
        let paths = try #require(doc["paths"] as? [String: [String: Any]])
        let routes: [String: [String]] = [
            "/v1/due": ["post"], "/v1/status": ["post"], "/v1/batch": ["post"], "/v1/day/{date}": ["get"],
            "/v1/calendar/{year}": ["get"], "/v1/profiles": ["get"], "/healthz": ["get"], "/metrics": ["get"],
            "/openapi.json": ["get"],
        ]
        #expect(Set(paths.keys) == Set(routes.keys))
        for (path, methods) in routes {
            #expect(Set(paths[path]?.keys.filter { $0 != "parameters" } ?? []) == Set(methods), "\(path)")
        }
    }
}
