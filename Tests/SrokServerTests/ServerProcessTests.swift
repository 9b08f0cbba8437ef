import Foundation
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `srok-server` as a process: flags and environment, SIGHUP reloading its files atomically
/// (invalid files keep the old data), SIGTERM letting in-flight requests finish and exiting 0.
@Suite(.serialized) struct ServerProcessTests {
    static func profile(_ id: String, term: Int) -> String { "profile \(id)\n  term \(term) | test act, п. 1\n" }

    static func due(_ server: ServerProcess, profile: String) async throws -> HTTPAnswer {
        try await HTTP.request(
            "POST", server.url + "/v1/due", headers: ["Content-Type": "application/json"],
            body: Data(#"{"registered_at":"2024-03-29T10:15+03:00","profile":"\#(profile)"}"#.utf8))
    }

    /// Waits (up to 10 s) until `condition` holds.
    static func eventually(_ condition: () async throws -> Bool) async throws -> Bool {
        for _ in 0..<100 {
            if try await condition() { return true }
            try await Task.sleep(for: .milliseconds(100))
        }
        return false
    }

    @Test func sighupReloadsAndKeepsTheOldDataWhenTheNewIsInvalid() async throws {
        let folder = try TemporaryFolder()
        let file = try folder.write("user.srokprofile", Self.profile("user", term: 20))
        let server = try ServerProcess(["--profile-file", file])
        // Registered 29.03.2024 + 20 days = Thursday 18.04.2024, a working day.
        let first = try await Self.due(server, profile: "user")
        #expect(first.object["due_date"] as? String == "2024-04-18")

        // A valid new file: 10 days, 29.03 + 10 = Monday 08.04.2024, a working day.
        _ = try folder.write("user.srokprofile", Self.profile("user", term: 10))
        server.send(SIGHUP)
        #expect(
            try await Self.eventually {
                try await Self.due(server, profile: "user").object["due_date"] as? String == "2024-04-08"
            })
        let health = try await HTTP.request("GET", server.url + "/healthz")
        #expect(health.object["generation"] as? Int == 2)

        // An invalid file: the old data (10 days) stays, the log says why, requests still answer.
        _ = try folder.write("user.srokprofile", "profile user\n  term x | c\n")
        server.send(SIGHUP)
        #expect(try await Self.eventually { server.log.contains("reload failed") })
        #expect(server.log.contains("user.srokprofile:2"))
        let kept = try await Self.due(server, profile: "user")
        #expect(kept.object["due_date"] as? String == "2024-04-08")
        let metrics = try await HTTP.request("GET", server.url + "/metrics")
        #expect(metrics.text.contains(#"srok_data_reloads_total{result="failed"} 1"#))
        #expect(metrics.text.contains(#"srok_data_reloads_total{result="ok"} 1"#))
        #expect(server.terminate() == 0)
    }

    /// Requests keep being answered while the files are reloaded again and again: none fails.
    @Test func reloadsDropNoRequest() async throws {
        let folder = try TemporaryFolder()
        let file = try folder.write("user.srokprofile", Self.profile("user", term: 20))
        let server = try ServerProcess(["--profile-file", file])
        let failures = try await withThrowingTaskGroup(of: Int.self) { group in
            group.addTask {
                for _ in 0..<20 {
                    server.send(SIGHUP)
                    try await Task.sleep(for: .milliseconds(20))
                }
                return 0
            }
            for _ in 0..<4 {
                group.addTask {
                    var failed = 0
                    for _ in 0..<50 {
                        let a = try await Self.due(server, profile: "user")
                        if a.status != 200 || a.object["due_date"] as? String != "2024-04-18" { failed += 1 }
                    }
                    return failed
                }
            }
            return try await group.reduce(0, +)
        }
        #expect(failures == 0)
        #expect(server.terminate() == 0)
    }

    /// SIGTERM during a long batch: the batch's answer arrives whole, then the process exits 0.
    @Test func sigtermDrainsInFlightRequests() async throws {
        let server = try ServerProcess(["--batch-jobs", "1"])
        var csv = "id,registered_at,term_days\n"
        for k in 0..<200_000 { csv += "\(k),2024-03-29T10:15+03:00,\(k % 30 + 1)\n" }
        let body = Data(csv.utf8)
        let request = Task {
            try await HTTP.request(
                "POST", server.url + "/v1/batch?columns=id,due_date", headers: ["Content-Type": "text/csv"], body: body)
        }
        // Let the request arrive and start, then ask the server to stop.
        #expect(
            try await Self.eventually {
                let m = try await HTTP.request("GET", server.url + "/metrics").text
                return m.contains(#"route="/v1/batch""#)
            })
        server.send(SIGTERM)
        let a = try await request.value
        #expect(a.status == 200)
        let type = try #require(a.header("Content-Type"))
        let boundary = try #require(type.components(separatedBy: "boundary=").last)
        #expect(a.text.hasSuffix("\r\n--\(boundary)--\r\n"))
        #expect(a.text.components(separatedBy: "\n").filter { $0.contains(",2024-") }.count == 200_000)
        #expect(server.terminate() == 0)
        #expect(server.log.contains("stopped"))
    }

    @Test func flagsAndEnvironment() async throws {
        let folder = try TemporaryFolder()
        let file = try folder.write("env.srokprofile", Self.profile("from-env", term: 20))
        var environment = ProcessInfo.processInfo.environment
        environment["SROK_PROFILE_FILES"] = file
        environment["SROK_DEFAULT_PROFILE"] = "from-env"
        environment["SROK_BODY_LIMIT"] = "2048"
        let server = try ServerProcess(["--host", "127.0.0.1"], environment: environment)
        #expect(server.url.hasPrefix("http://127.0.0.1:"))
        // No profile in the request: the default from the environment (20 days: 18.04.2024).
        let a = try await HTTP.request(
            "POST", server.url + "/v1/due", headers: ["Content-Type": "application/json"],
            body: Data(#"{"registered_at":"2024-03-29T10:15+03:00"}"#.utf8))
        #expect(a.object["profile"] as? String == "from-env")
        #expect(a.object["due_date"] as? String == "2024-04-18")
        let big = try await HTTP.request(
            "POST", server.url + "/v1/due", headers: ["Content-Type": "application/json"],
            body: Data(repeating: 0x20, count: 3000))
        #expect(big.status == 413)
        #expect(server.terminate() == 0)

        // A flag wins over its variable: --body-limit 8192 takes the same body.
        let flagged = try ServerProcess(["--body-limit", "8192"], environment: environment)
        let same = try await HTTP.request(
            "POST", flagged.url + "/v1/due", headers: ["Content-Type": "application/json"],
            body: Data(repeating: 0x20, count: 3000))
        #expect(same.status == 400)
        #expect(flagged.terminate() == 0)
    }

    @Test func badConfigurationExitsWithAReason() throws {
        let server = Programs.buildFolder.appendingPathComponent("srok-server")
        let port = try Programs.run(server, ["--port", "70000"])
        #expect(port.status != 0)
        #expect(port.stderr.contains("--port"))
        let profile = try Programs.run(server, ["--port", "0", "--default-profile", "atlantis"])
        #expect(profile.status == 2)
        #expect(profile.stderr.contains("atlantis"))
        let file = try Programs.run(server, ["--port", "0", "--calendar-file", "/nonexistent/x.srokcal"])
        #expect(file.status == 2)
        #expect(file.stderr.contains("/nonexistent/x.srokcal"))
    }
}
