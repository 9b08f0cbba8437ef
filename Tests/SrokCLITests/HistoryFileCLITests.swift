import Foundation
import Testing

/// `srok status --history F`: the file goes through the core's one request reader; errors name
/// the file, the key and what is accepted, and a missing file gives the system's reason.
@Suite("srok status --history")
struct HistoryFileCLITests {
    func write(_ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent(
            "srok-history-\(UUID().uuidString).json"
        ).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func anUnknownKeyIsAnErrorNamingItAndTheAcceptedOnes() throws {
        let path = try write(#"{"registered_at": "2024-03-29T10:15+03:00", "term": 30}"#)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let r = try CLI.run(["status", "--history", path])
        #expect(r.status == 2)
        // The key, the file, and every accepted key (a few checked), in Russian by default.
        #expect(r.stderr.contains("«term»") && r.stderr.contains(path), "\(r.stderr)")
        // The key meant first, then every key.
        #expect(r.stderr.contains("известный ключ (возможно, term_days?): registered_at, tz,"), "\(r.stderr)")
        for key in ["term_days", "fast_track_days", "entries", "as_of"] { #expect(r.stderr.contains(key)) }
        let en = try CLI.run(["status", "--history", path, "--lang", "en"])
        #expect(en.status == 2)
        #expect(
            en.stderr.contains("'term'")
                && en.stderr.contains("a known key (did you mean term_days?): registered_at, tz,"),
            "\(en.stderr)")
    }

    @Test func aMissingFileGivesTheSystemsReason() throws {
        let r = try CLI.run(["status", "--history", "/nonexistent/srok-history.json"])
        #expect(r.status == 2)
        // ENOENT in the user's language: glibc's Russian text by default, strerror's in English.
        #expect(
            r.stderr
                == "srok: /nonexistent/srok-history.json: не удаётся прочитать файл (история сообщения): Нет такого файла или каталога\n",
            "\(r.stderr)")
        let en = try CLI.run(["status", "--history", "/nonexistent/srok-history.json", "--lang", "en"])
        #expect(
            en.stderr
                == "srok: /nonexistent/srok-history.json: cannot read the history file: No such file or directory\n",
            "\(en.stderr)")
    }

    @Test func flagsOverrideTheFile() throws {
        // The shipped example: bryansk, 30 days from 29.03.2024 → day 30 is Sunday 28.04.2024,
        // rolled back (preceding) to Saturday 27.04.2024, a worked Saturday (decree of 2023 for 2024).
        let base = try CLI.run(["status", "--history", "examples/history.json", "--format", "json"])
        #expect(base.status == 0, "\(base.stderr)")
        #expect(base.stdout.contains(#""due_date":"2024-04-27""#) || base.stdout.contains(#""due_date": "2024-04-27""#))
        // --days 10 over the file's 30: day 10 is Monday 08.04.2024.
        let short = try CLI.run(["status", "--history", "examples/history.json", "--days", "10", "--format", "json"])
        #expect(short.stdout.contains("2024-04-08"), "\(short.stdout)")
    }
}
