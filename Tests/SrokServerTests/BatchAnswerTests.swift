import Foundation
import Testing

/// `POST /v1/batch` streams `srok batch`'s output and rejects for the same input and options, as
/// the parts of a `multipart/mixed` answer.
@Suite struct BatchAnswerTests {
    /// The parts of a multipart answer by name.
    static func parts(_ a: HTTPAnswer) throws -> [String: String] {
        let type = try #require(a.header("Content-Type"))
        let boundary = try #require(type.components(separatedBy: "boundary=").last)
        var out: [String: String] = [:]
        let text = a.text
        #expect(text.hasSuffix("\r\n--\(boundary)--\r\n"))
        for chunk in text.components(separatedBy: "--\(boundary)").dropFirst() {
            guard let split = chunk.range(of: "\r\n\r\n") else { continue }
            let head = chunk[..<split.lowerBound]
            guard let name = head.components(separatedBy: "name=\"").dropFirst().first?.split(separator: "\"").first
            else { continue }
            var body = String(chunk[split.upperBound...])
            if body.hasSuffix("\r\n") { body.removeLast() }
            out[String(name)] = body
        }
        return out
    }

    static let csv = """
        id,registered_at,term_days,profile,stage,stage_entered_at
        1,2024-03-29T10:15+03:00,30,bryansk,execution,2024-03-30T09:00+03:00
        2,garbage,30,,,
        3,2024-04-01T09:00+03:00,,,,
        4,2024-04-01T09:00+03:00,45,,,
        5,29.03.2024 10:15,7,mamadysh,,

        """

    @Test(arguments: ["csv", "jsonl"], ["ru", "en"])
    func batchIsTheCLIs(_ outputFormat: String, _ lang: String) async throws {
        let folder = try TemporaryFolder()
        let input = try folder.write("in.csv", Self.csv)
        let output = folder.url.appendingPathComponent("out").path
        let rejects = folder.url.appendingPathComponent("rejects.csv").path
        let cli = try Programs.srok([
            "batch", input, "-o", output, "--rejects", rejects, "--as-of", "2024-04-20T12:00+03:00",
            "--output-format", outputFormat, "--no-progress", "--lang", lang,
        ])
        // Exit 1: some rows rejected (row 2's time, row 4's term over 30 days).
        #expect(cli.status == 1, "\(cli.stderr)")
        let a = try await HTTP.request(
            "POST",
            try await SharedServer.url() + "/v1/batch?as_of=2024-04-20T12:00%2B03:00&output_format=\(outputFormat)",
            headers: ["Content-Type": "text/csv", "Accept-Language": lang], body: Data(Self.csv.utf8))
        #expect(a.status == 200)
        let parts = try Self.parts(a)
        #expect(parts["output"] == (try String(contentsOfFile: output, encoding: .utf8)))
        #expect(parts["rejects"] == (try String(contentsOfFile: rejects, encoding: .utf8)))
        let summary = try JSONSerialization.jsonObject(with: Data((parts["summary"] ?? "").utf8)) as? [String: Any]
        #expect(summary?["rows_read"] as? Int == 5)
        #expect(summary?["rows_rejected"] as? Int == 2)
        // The reasons in the language asked for: Cyrillic in Russian, none in English.
        let reasons = (parts["rejects"] ?? "").split(separator: "\n").dropFirst().joined()
        #expect(!reasons.isEmpty)
        #expect(reasons.unicodeScalars.contains { (0x400...0x4FF).contains($0.value) } == (lang == "ru"), "\(reasons)")
    }

    @Test func aWindows1251BodyIsReadAsSrokBatchReadsIt() async throws {
        // The export as operators save it from Excel: Windows-1251, semicolons. Seed 000, приложение
        // № 2: «Мусор / Уборка мусора во дворах» is 10 days; from Friday 29.03.2024, Monday
        // 08.04.2024. The answer is UTF-8, the same as for the text in UTF-8.
        let text = """
            id;registered_at;profile;category;subcategory
            1;29.03.2024 10:15;brasovsky;Мусор;Уборка мусора во дворах

            """
        func output(_ body: Data) async throws -> String? {
            let a = try await HTTP.request(
                "POST", try await SharedServer.url() + "/v1/batch?as_of=2024-04-01T12:00%2B03:00",
                headers: ["Content-Type": "text/csv"], body: body)
            #expect(a.status == 200)
            return try Self.parts(a)["output"]
        }
        let utf8 = try #require(try await output(Data(text.utf8)))
        let body = try #require(text.data(using: .windowsCP1251))
        let cp1251 = try #require(try await output(body))
        #expect(cp1251 == utf8)
        #expect(utf8.contains("2024-04-08"))
        #expect(utf8.hasPrefix("id;"))
    }

    @Test func jsonLinesIn() async throws {
        let lines = """
            {"id":"a","registered_at":"2024-03-29T10:15+03:00","term_days":30}
            {"id":"b","registered_at":"2024-03-29T10:15+03:00","term_days":"thirty"}

            """
        let folder = try TemporaryFolder()
        let input = try folder.write("in.jsonl", lines)
        let output = folder.url.appendingPathComponent("out.jsonl").path
        let rejects = folder.url.appendingPathComponent("rejects.csv").path
        let cli = try Programs.srok([
            "batch", input, "-o", output, "--rejects", rejects, "--as-of", "2024-04-20T12:00+03:00", "--no-progress",
        ])
        #expect(cli.status == 1)
        let a = try await HTTP.request(
            "POST", try await SharedServer.url() + "/v1/batch?as_of=2024-04-20T12:00%2B03:00",
            headers: ["Content-Type": "application/x-ndjson", "Accept-Language": "ru"], body: Data(lines.utf8))
        let parts = try Self.parts(a)
        #expect(a.header("Content-Type")?.hasPrefix("multipart/mixed; boundary=") == true)
        #expect(parts["output"] == (try String(contentsOfFile: output, encoding: .utf8)))
        #expect(parts["rejects"] == (try String(contentsOfFile: rejects, encoding: .utf8)))
    }

    /// A large input comes back whole, in order, with every row (the answer is streamed in chunks).
    @Test func manyRowsInOrder() async throws {
        var csv = "id,registered_at,term_days\n"
        for k in 0..<20_000 { csv += "\(k),2024-03-29T10:15+03:00,\(k % 30 + 1)\n" }
        let a = try await HTTP.request(
            "POST", try await SharedServer.url() + "/v1/batch?columns=id,due_date",
            headers: ["Content-Type": "text/csv"],
            body: Data(csv.utf8))
        #expect(a.status == 200)
        let rows = try Self.parts(a)["output"]?.split(separator: "\n") ?? []
        #expect(rows.count == 20_001)
        #expect(rows.dropFirst().enumerated().allSatisfy { k, row in row.hasPrefix("\(k),") })
    }

    @Test func headerWithoutRequiredColumnsIs422() async throws {
        let a = try await HTTP.request(
            "POST", try await SharedServer.url() + "/v1/batch", headers: ["Content-Type": "text/csv"],
            body: Data("foo,bar\n1,2\n".utf8))
        #expect(a.status == 422)
        #expect(a.header("Content-Type")?.hasPrefix("application/problem+json") == true)
        #expect(a.object["field"] as? String == "body")
    }

    @Test func wrongMediaTypeIs415() async throws {
        let a = try await HTTP.request(
            "POST", try await SharedServer.url() + "/v1/batch", headers: ["Content-Type": "text/plain"],
            body: Data(Self.csv.utf8))
        #expect(a.status == 415)
        #expect((a.object["expected"] as? String)?.contains("text/csv") == true)
    }

    @Test func bodyOverTheLimitIs413() async throws {
        // The shared server's batch limit is 1 MiB.
        let body = "id,registered_at\n" + String(repeating: "1,2024-03-29T10:15+03:00\n", count: 50_000)
        let a = try await HTTP.request(
            "POST", try await SharedServer.url() + "/v1/batch", headers: ["Content-Type": "text/csv"],
            body: Data(body.utf8))
        #expect(a.status == 413)
        #expect(a.object["expected"] as? String == "1048576")
    }
}
