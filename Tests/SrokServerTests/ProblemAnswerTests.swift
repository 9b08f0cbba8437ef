import Foundation
import PropertyBased
import Testing

/// Bad input is a 4xx `application/problem+json` (RFC 9457) naming the field, the value and the
/// accepted forms, in the language asked for; never a 500 and never a dropped connection.
@Suite struct ProblemAnswerTests {
    static func isProblem(_ a: HTTPAnswer, _ status: Int, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(a.status == status, "\(a.text)", sourceLocation: sourceLocation)
        #expect(
            a.header("Content-Type") == "application/problem+json; charset=utf-8", sourceLocation: sourceLocation)
        let o = a.object
        #expect(o["status"] as? Int == status, sourceLocation: sourceLocation)
        #expect((o["type"] as? String)?.hasPrefix("urn:srok:problem:") == true, sourceLocation: sourceLocation)
        #expect((o["title"] as? String)?.isEmpty == false, sourceLocation: sourceLocation)
        #expect((o["detail"] as? String)?.isEmpty == false, sourceLocation: sourceLocation)
    }

    @Test(arguments: [
        (#"{"registered_at":"2024-02-30T10:00+03:00","term_days":30}"#, "registered_at"),
        (#"{"registered_at":"2024-03-29T10:15+03:00","term_days":31}"#, "term_days"),
        (#"{"registered_at":"2024-03-29T10:15+03:00","term_days":"30"}"#, "term_days"),
        (#"{"registered_at":"2024-03-29T10:15+03:00","term_dayz":30}"#, "term_dayz"),
        (#"{"registered_at":"2024-03-29T10:15","tz":"Mars/Olympus","term_days":30}"#, "tz"),
        (#"{"registered_at":"2024-03-29T10:15+03:00","profile":"atlantis"}"#, "profile"),
        (#"{"term_days":30}"#, "registered_at"),
        (
            #"{"registered_at":"2024-03-29T10:15+03:00","entries":[{"stage":"cooking","at":"2024-03-29T11:00+03:00"}]}"#,
            "entries[0].stage"
        ),
    ])
    func fieldErrorsNameTheField(_ json: String, _ field: String) async throws {
        for path in ["/v1/due", "/v1/status"] {
            let a = try await HTTP.post(path, json: json)
            Self.isProblem(a, 422)
            #expect(a.object["field"] as? String == field, "\(path) \(json): \(a.text)")
            #expect((a.object["expected"] as? String)?.isEmpty == false, "\(a.text)")
        }
    }

    @Test(arguments: ["", "not json", "[1,2]", "{", "null", #"{"registered_at":"#])
    func malformedBodiesAre400(_ body: String) async throws {
        let a = try await HTTP.post("/v1/due", json: body)
        Self.isProblem(a, 400)
        #expect(a.object["field"] as? String == "body")
    }

    @Test func languageFollowsAcceptLanguage() async throws {
        let json = #"{"registered_at":"2024-03-29T10:15+03:00","term_days":31}"#
        // No Accept-Language at all (curl sends none; URLSession would send its own): Russian.
        let url = try await SharedServer.url() + "/v1/due"
        let none = try Programs.tool(
            "curl", ["-s", "-i", "-H", "Content-Type: application/json", "--data-binary", json, url])
        #expect(none.stdout.lowercased().contains("content-language: ru"))
        #expect(none.stdout.contains(#""title":"Недопустимое значение поля""#))
        let ru = try await HTTP.post("/v1/due", json: json, headers: ["Accept-Language": "ru-RU"])
        #expect(ru.header("Content-Language") == "ru")
        #expect(ru.object["title"] as? String == "Недопустимое значение поля")
        let en = try await HTTP.post("/v1/due", json: json, headers: ["Accept-Language": "en-GB,en;q=0.9,ru;q=0.5"])
        #expect(en.header("Content-Language") == "en")
        #expect(en.object["title"] as? String == "Invalid field value")
        let preferRussian = try await HTTP.post("/v1/due", json: json, headers: ["Accept-Language": "en;q=0.4, ru"])
        #expect(preferRussian.header("Content-Language") == "ru")
        let other = try await HTTP.post("/v1/due", json: json, headers: ["Accept-Language": "de"])
        #expect(other.header("Content-Language") == "ru")
    }

    @Test func bodyOverTheLimitIs413() async throws {
        // The shared server's limit is 4096 bytes.
        let json =
            #"{"registered_at":"2024-03-29T10:15+03:00","category":""# + String(repeating: "x", count: 5000) + #""}"#
        let a = try await HTTP.post("/v1/due", json: json)
        Self.isProblem(a, 413)
        #expect(a.object["expected"] as? String == "4096")
        // The connection still answers.
        let after = try await HTTP.get("/healthz")
        #expect(after.status == 200)
    }

    @Test func unknownPathsMethodsAndTypes() async throws {
        Self.isProblem(try await HTTP.get("/v2/due"), 404)
        let wrongMethod = try await HTTP.get("/v1/due")
        Self.isProblem(wrongMethod, 405)
        #expect(wrongMethod.header("Allow") == "POST")
        let deleteDay = try await HTTP.request("DELETE", try await SharedServer.url() + "/v1/day/2024-04-27")
        Self.isProblem(deleteDay, 405)
        #expect(deleteDay.header("Allow") == "GET")
        Self.isProblem(
            try await HTTP.post("/v1/due", json: "{}", headers: ["Content-Type": "application/x-www-form-urlencoded"]),
            415)
        Self.isProblem(try await HTTP.get("/v1/day/2024-13-01"), 422)
        Self.isProblem(try await HTTP.get("/v1/day/1900-01-01"), 422)
        Self.isProblem(try await HTTP.get("/v1/day/2024-04-27?region=Atlantis"), 422)
        Self.isProblem(try await HTTP.get("/v1/day/2024-04-27?regoin=RU-TA"), 400)
        Self.isProblem(try await HTTP.get("/v1/calendar/20x5"), 422)
        Self.isProblem(try await HTTP.get("/v1/calendar/2025?format=pdf"), 400)
        Self.isProblem(try await HTTP.get("/v1/calendar/3000"), 422)
    }

    /// Any body at all, JSON-looking or not, gets an answer below 500.
    @Test func noBodyGetsA500() async throws {
        let pieces = [
            "{", "}", "[", "]", ",", ":", "\"", "registered_at", "term_days", "\"2024-03-29T10:15+03:00\"", "30", "-1",
            "1e400", "null", "true", "\"tz\"", "\"Europe/Moscow\"", "\\u0000", "entries", "{\"stage\":\"execution\"}",
            "\u{0}", "\u{FFFF}", "99999999999999999999999",
        ]
        await propertyCheck(count: 150, input: Gen.int(in: 0..<pieces.count).array(of: 0...24)) { indices in
            let body = indices.map { pieces[$0] }.joined()
            for path in ["/v1/due", "/v1/status"] {
                let a = try await HTTP.post(path, json: body)
                #expect((200..<500).contains(a.status), "\(path) \(body): \(a.status) \(a.text)")
            }
        }
    }
}
