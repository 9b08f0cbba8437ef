import Foundation
import Testing

/// `POST /v1/due` and `POST /v1/status` answer what `srok due`/`srok status --format json` print
/// for the same message, byte for byte: the same keys in the same order and the same values, the
/// `term_source` of an explicit term labelled by how it was given (the request's key «задано ключом
/// term_days» where the CLI says «задано параметром --days»), in the language `Accept-Language`
/// asks for as `srok --lang` gives it.
@Suite struct MessageAnswerTests {
    /// A request and the `srok due` flags that say the same.
    struct Case: CustomTestStringConvertible {
        var json: String
        var flags: [String]
        var testDescription: String { json }
    }

    static let dueCases: [Case] = [
        // The profile's own term (bryansk: 30 days, its act's clause as term_source): byte-identical.
        Case(
            json: #"{"registered_at":"2024-03-29T10:15+03:00","profile":"bryansk"}"#,
            flags: ["--registered", "2024-03-29T10:15+03:00", "--profile", "bryansk"]),
        Case(
            json: #"{"registered_at":"2024-03-11T10:00+03:00","profile":"mamadysh"}"#,
            flags: ["--registered", "2024-03-11T10:00+03:00", "--profile", "mamadysh"]),
        Case(
            json: #"{"registered_at":"2025-03-11T10:00+03:00","profile":"mamadysh","fast_track_days":5}"#,
            flags: ["--registered", "2025-03-11T10:00+03:00", "--profile", "mamadysh", "--fast-track", "5"]),
        Case(
            json: #"{"registered_at":"2024-03-29T10:15+03:00","profile":"brasovsky","category":"мусор"}"#,
            flags: ["--registered", "2024-03-29T10:15+03:00", "--profile", "brasovsky", "--category", "мусор"]),
        Case(
            json: #"{"registered_at":"2024-03-30 10:15","tz":"Asia/Yekaterinburg","term_days":30,"roll":"following"}"#,
            flags: [
                "--registered", "2024-03-30 10:15", "--tz", "Asia/Yekaterinburg", "--days", "30", "--roll", "following",
            ]
        ),
        Case(
            json: #"{"registered_at":"2024-03-30T10:15+03:00","term_days":30,"regime":"appeal"}"#,
            flags: ["--registered", "2024-03-30T10:15+03:00", "--days", "30", "--regime", "appeal"]),
        Case(
            json: #"{"registered_at":"2024-12-28T17:00+03:00","term_days":7,"postponed_until":["2025-02-10"]}"#,
            flags: ["--registered", "2024-12-28T17:00+03:00", "--days", "7", "--postponed-until", "2025-02-10"]),
    ]

    /// The CLI's JSON object for `flags` with `--lang lang`, and the service's for `json` on `path`
    /// with `Accept-Language: lang`.
    static func both(_ path: String, json: String, cli: [String], lang: String) async throws -> (
        cli: String, service: String
    ) {
        let c = try Programs.srok(cli + ["--format", "json", "--lang", lang])
        #expect(c.status == 0, "srok \(cli): \(c.stderr)")
        let s = try await HTTP.post(path, json: json, headers: ["Accept-Language": lang])
        #expect(s.status == 200, "\(path) \(json): \(s.text)")
        #expect(s.header("Content-Type") == "application/json")
        return (c.stdout, s.text)
    }

    @Test(arguments: dueCases, ["ru", "en"]) func dueIsTheCLIsJSON(_ c: Case, _ lang: String) async throws {
        let (cli, service) = try await Self.both("/v1/due", json: c.json, cli: ["due"] + c.flags, lang: lang)
        if c.flags.contains("--days") {
            // An explicit term: the CLI names its flag, the service the request's key (the C
            // interface's label), in the language asked for; every other byte is the same.
            let flag = lang == "ru" ? "задано параметром --days" : "given with --days"
            let key = lang == "ru" ? "задано ключом term_days" : "given with the key term_days"
            #expect(cli.contains(#""term_source":"\#(flag)""#))
            #expect(service.contains(#""term_source":"\#(key)""#))
            #expect(service == cli.replacingOccurrences(of: flag, with: key))
        } else {
            #expect(service == cli)
        }
        // The texts in that language: a roll's words (every case but the hours term rolls or not
        // in Russian or English words; `rolled_text` is null only when nothing rolled).
        if let rolled = (try JSONSerialization.jsonObject(with: Data(service.utf8)) as? [String: Any])?["rolled_text"]
            as? String
        {
            #expect(
                rolled.unicodeScalars.contains { (0x400...0x4FF).contains($0.value) } == (lang == "ru"), "\(rolled)")
        }
    }

    /// Registered Friday 29.03.2024 10:15 with 30 calendar days: the term ends Sunday 28.04.2024,
    /// a day off; the ПОС rule moves the due date to the preceding working day, Saturday 27.04.2024,
    /// which Пост. Правительства РФ от 10.08.2023 № 1314 made a working day (the 29.04 day off was
    /// moved from it). The due time is the end of that day in Moscow time.
    @Test func dueOfAWorkedSaturday() async throws {
        let a = try await HTTP.post("/v1/due", json: #"{"registered_at":"2024-03-29T10:15+03:00","term_days":30}"#)
        #expect(a.status == 200)
        #expect(a.object["due_date"] as? String == "2024-04-27")
        #expect(a.object["due"] as? String == "2024-04-27T23:59:59+03:00")
        #expect(a.object["rolled"] as? String == "preceding:2024-04-28>2024-04-27")
    }

    @Test(arguments: ["ru", "en"]) func statusIsTheCLIsJSON(_ lang: String) async throws {
        let folder = try TemporaryFolder()
        let requests = [
            #"{"registered_at":"2024-03-29T10:15+03:00","profile":"bryansk","entries":[{"stage":"coordination","at":"2024-03-29T11:00+03:00"}],"as_of":"2024-04-20T12:00+03:00"}"#,
            #"{"registered_at":"2024-03-29T10:15+03:00","profile":"bryansk","term_days":30,"entries":[{"stage":"coordination","at":"2024-03-29T11:00+03:00"},{"stage":"execution","at":"2024-03-30T09:00+03:00"}],"taken_into_work":"2024-03-30T10:00+03:00","postponed_until":["2024-05-15"],"as_of":"2024-05-20T12:00+03:00"}"#,
            #"{"registered_at":"2024-03-29T10:15+03:00","closed_at":"2024-04-10T12:00+03:00","outcome":"Решено","as_of":"2024-04-20T12:00+03:00"}"#,
        ]
        for (k, json) in requests.enumerated() {
            let file = try folder.write("history-\(k).json", json)
            let (cli, service) = try await Self.both(
                "/v1/status", json: json, cli: ["status", "--history", file], lang: lang)
            #expect(service == cli, "\(json)")
        }
    }
}
