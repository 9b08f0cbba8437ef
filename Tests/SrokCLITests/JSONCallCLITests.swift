import Foundation
import Srok
import Testing

/// The library's JSON call (`MessageJSONCall`, what the C ABI and the service answer with) and
/// `srok due|status|profiles --format json` give the same bytes for the same message: both encode
/// the same answer types. The one difference is the label of an explicit term given with the CLI's
/// flag («задано параметром --days»), where a request (and a history file) names its key
/// («задано ключом term_days»).
@Suite("The JSON call and the CLI's JSON agree")
struct JSONCallCLITests {
    static let call = MessageJSONCall(context: try! SrokContext())
    static let now = Instant(secondsSinceEpoch: 1_717_200_000)
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The CLI's standard output without its final line break.
    func cli(_ arguments: [String]) throws -> String {
        let r = try CLI.run(arguments)
        #expect(r.status == 0, "\(r.stderr)")
        return r.stdout.hasSuffix("\n") ? String(r.stdout.dropLast()) : r.stdout
    }

    func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    @Test func dueFromTheProfilesCatalogue() throws {
        // Seed 000, приложение № 2: «Мусор / Уборка мусора во дворах» is 10 days; from Friday
        // 29.03.2024, Monday 08.04.2024 (a working day).
        let cli = try cli([
            "due", "--registered", "2024-03-29T10:15+03:00", "--profile", "brasovsky", "--category", "Мусор",
            "--subcategory", "Уборка мусора во дворах", "--format", "json",
        ])
        let json = try Self.call.due(
            Array(
                #"{"registered_at": "2024-03-29T10:15+03:00", "profile": "brasovsky", "category": "Мусор", "subcategory": "Уборка мусора во дворах"}"#
                    .utf8), now: Self.now)
        #expect(text(json) == cli)
        #expect(cli.contains(#""due_date":"2024-04-08""#))
    }

    @Test func statusFromAHistoryFile() throws {
        let path = Self.root.appendingPathComponent("examples/history.json").path
        let cli = try cli(["status", "--history", path, "--format", "json"])
        let request = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        // The history file gives its term with the key term_days: the CLI labels it as the call
        // does («задано ключом term_days»), byte for byte.
        #expect(text(try Self.call.status(request, now: Self.now)) == cli)
        #expect(cli.contains(#""term_source":"задано ключом term_days""#))
        // With the flag's label, only term_source differs.
        var flagged = Self.call
        flagged.explicitTermSource = LocalizedText(ru: "задано параметром --days", en: "given with --days")
        #expect(
            text(try flagged.status(request, now: Self.now))
                == cli.replacingOccurrences(
                    of: #""term_source":"задано ключом term_days""#,
                    with: #""term_source":"задано параметром --days""#))
        // examples/history.json: due Saturday 27.04.2024 (28.04 + preceding), as of 20.04 12:00, ok.
        #expect(cli.contains(#""due":"2024-04-27T23:59:59+03:00""#) && cli.contains(#""status":"ok""#))
    }

    @Test func statusWithControlsFromFlagsAndFromJSON() throws {
        // Seed 002 п. 9: the coordinator decides within 3 days of the arrival (28.03 10:30), by the
        // end of 31.03.2025; as of 29.03 10:00 the coordination stage is in time by the act's term.
        let cli = try cli([
            "status", "--registered", "2025-03-28T10:00+03:00", "--profile", "krasnodar-krai", "--level", "1",
            "--stage", "coordination@2025-03-28T10:30+03:00", "--as-of", "2025-03-29T10:00+03:00", "--format", "json",
        ])
        let json = try Self.call.status(
            Array(
                #"{"registered_at": "2025-03-28T10:00+03:00", "profile": "krasnodar-krai", "level": "1", "entries": [{"stage": "coordination", "at": "2025-03-28T10:30+03:00"}], "as_of": "2025-03-29T10:00+03:00"}"#
                    .utf8), now: Self.now)
        #expect(text(json) == cli)
        #expect(cli.contains(#""next_control_due":"2025-03-31T23:59:59+03:00""#))
    }

    @Test func postponedAndAppealDues() throws {
        // Staritsa: 30 days from 03.03.2025 end on Wednesday 02.04.2025; postponed to 30.04.2025.
        let staritsa = try cli([
            "due", "--registered", "2025-03-03T10:00+03:00", "--profile", "staritsa", "--days", "30",
            "--postponed-until", "2025-04-30", "--format", "json",
        ])
        var call = Self.call
        call.explicitTermSource = LocalizedText(ru: "задано параметром --days", en: "given with --days")
        let a = try call.due(
            Array(
                #"{"registered_at": "2025-03-03T10:00+03:00", "profile": "staritsa", "term_days": 30, "postponed_until": ["2025-04-30"]}"#
                    .utf8), now: Self.now)
        #expect(text(a) == staritsa)
        #expect(
            staritsa.contains(#""due_date":"2025-04-30""#) && staritsa.contains(#""original_due_date":"2025-04-02""#))
        // 59-ФЗ ст. 12 ч. 1.1: 20 days for a migration-law appeal; 30.03.2024 + 20 = Friday 19.04.2024.
        let migration = try cli([
            "due", "--registered", "2024-03-30T10:15+03:00", "--regime", "appeal", "--migration", "--format", "json",
        ])
        let m = try Self.call.due(
            Array(#"{"registered_at": "2024-03-30T10:15+03:00", "regime": "appeal", "migration": true}"#.utf8),
            now: Self.now)
        #expect(text(m) == migration)
        #expect(migration.contains(#""due_date":"2024-04-19""#))
    }

    @Test func profilesAreTheSummaries() throws {
        let context = try SrokContext()
        let list = context.profiles.values.sorted { $0.id < $1.id }.map(ProfileSummary.init)
        #expect(try OrderedJSONEncoder().text(list) == (try cli(["profiles", "--format", "json"])))
        let explained = ProfileExplanation(try context.profile("krasnodar-krai"), lang: .ru)
        #expect(
            try OrderedJSONEncoder().text(explained)
                == (try cli(["profiles", "--explain", "krasnodar-krai", "--format", "json"])))
        let summaries = try JSONDecoder().decode(
            [ProfileSummary].self, from: Data(try OrderedJSONEncoder().encode(list)))
        #expect(summaries == list)
    }
}
