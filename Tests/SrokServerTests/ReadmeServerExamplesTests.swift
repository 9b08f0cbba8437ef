import Foundation
import Testing

/// The README's `srok-server` examples (the fenced block between `server-examples:begin` and
/// `server-examples:end`) run as written against a live server on a random port.
@Suite struct ReadmeServerExamplesTests {
    @Test func everyExampleRuns() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let lines = readme.components(separatedBy: "\n")
        let begin = try #require(lines.firstIndex { $0.contains("server-examples:begin") })
        let end = try #require(lines.firstIndex { $0.contains("server-examples:end") })
        let block = lines[(begin + 1)..<end].filter { !$0.hasPrefix("```") }
        #expect(block.first == "SROK=http://127.0.0.1:8080")
        // Every endpoint appears.
        let text = block.joined(separator: "\n")
        for path in [
            "/v1/due", "/v1/status", "/v1/day/", "/v1/calendar/", "/v1/batch", "/v1/profiles", "/healthz", "/metrics",
            "/openapi.json",
        ] {
            #expect(text.contains(path), "\(path)")
        }

        let server = try ServerProcess()
        let script = (["set -euo pipefail"] + block.dropFirst() + [""]).joined(separator: "\n")
        let r = try Programs.run(
            URL(fileURLWithPath: "/usr/bin/env"), ["bash", "-c", script],
            environment: ProcessInfo.processInfo.environment.merging(["SROK": server.url]) { $1 })
        #expect(r.status == 0, "\(r.stderr)")
        // What the examples show: 29.03.2024 + 30 days (bryansk's term) is Sunday 28.04, moved to
        // the worked Saturday 27.04; Saturday 27.04.2024 was a working day; Friday 30.08.2024 is
        // Republic Day in Tatarstan (a regional day off); 31.02.2024 is no date (a reject); term_days 31 is over the
        // 30 days a message may have.
        #expect(r.stdout.contains(#""due_date":"2024-04-27""#))
        #expect(r.stdout.contains(#""date":"2024-04-27","weekday":"saturday","kind":"worked_weekend""#))
        #expect(r.stdout.contains(#""date":"2024-08-30","weekday":"friday","kind":"other_day_off""#))
        #expect(r.stdout.contains("DTSTART;VALUE=DATE:20250830"))
        #expect(r.stdout.contains("\n1,2024-04-27,ok\n"))
        #expect(r.stdout.contains("\n3,2,registered_at,31.02.2024,"))
        #expect(r.stdout.contains("srok_data_info{"))
        #expect(r.stdout.contains(#""openapi": "3.1.0""#))
        #expect(r.stdout.contains(#""status":422"#) && r.stdout.contains(#""field":"term_days""#))
        #expect(server.terminate() == 0)
    }
}
