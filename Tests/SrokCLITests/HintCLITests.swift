import Foundation
import Testing

/// What a new user is told after a mistake: a year past the decree data gets the command to run
/// with `--provisional` (tried first: it runs as printed), a city or a misspelt name given as a
/// region gets the region meant.
@Suite("hints after errors (the built executable)")
struct HintCLITests {
    /// The command line printed after the error (indented by two spaces, with `--provisional`), if any.
    static func example(_ stderr: String) -> String? {
        stderr.split(separator: "\n").first { $0.hasPrefix("  ") && $0.contains(" --provisional ") }.map {
            $0.trimmingCharacters(in: .whitespaces)
        }
    }

    /// Runs `line` in bash, as a user pasting it would.
    static func paste(_ line: String) throws -> CLI.Result {
        let bash = Process()
        bash.executableURL = URL(fileURLWithPath: "/bin/bash")
        bash.arguments = ["-c", line]
        bash.standardInput = FileHandle.nullDevice
        let out = Pipe()
        let err = Pipe()
        bash.standardOutput = out
        bash.standardError = err
        try bash.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        bash.waitUntilExit()
        return CLI.Result(
            status: bash.terminationStatus, stdout: String(decoding: o, as: UTF8.self),
            stderr: String(decoding: e, as: UTF8.self))
    }

    @Test func aYearPastTheDecreesPrintsTheCommandWithThatYear() throws {
        // The data's last decree year is 2027 (Data/calendars/RU-2013-2027.srokcal).
        let r = try CLI.run(["calendar", "2029"])
        #expect(r.status == 2)
        // In Russian (the default), dates as Russians write them.
        #expect(r.stderr.contains("вне календаря RU, который охватывает 01.01.1999–31.12.2027"), "\(r.stderr)")
        #expect(r.stderr.contains("--provisional 2029"), "\(r.stderr)")
        let line = try #require(Self.example(r.stderr), "\(r.stderr)")
        #expect(line == "\(CLI.executable.path) calendar 2029 --provisional 2029")
        let pasted = try Self.paste(line)
        #expect(pasted.status == 0, "\(pasted.stderr)")
        #expect(pasted.stdout.contains("ПРЕДВАРИТЕЛЬНО"))
    }

    @Test func aTermCrossingNewYearGetsTheYearItEndsIn() throws {
        // Registered 20.12.2028, 30 days from the next day: 21–31 December are days 1–11, so day 30
        // is 19.01.2029. 01.01.2029 is a Monday (01.01.2028 a Saturday, 2028 a leap year: +2), so
        // 19.01.2029 is a Friday, after the New Year holidays (1–8 January, ТК РФ ст. 112): a
        // working day, the due date, in 2029 — the year the example must name.
        let r = try CLI.run(["due", "--registered", "2028-12-20T10:00+03:00", "--days", "30", "--format", "json"])
        #expect(r.status == 2)
        let line = try #require(Self.example(r.stderr), "\(r.stderr)")
        #expect(line.hasSuffix(" --format json --provisional 2029"), "\(line)")
        let pasted = try Self.paste(line)
        #expect(pasted.status == 0, "\(pasted.stderr)")
        #expect(pasted.stdout.contains("\"due\":\"2029-01-19T23:59:59+03:00\""), "\(pasted.stdout)")
    }

    @Test func aSumOfWorkingDaysGetsTheYearItReaches() throws {
        // 300 working days from Monday 20.12.2027: 21–31.12.2027 hold at most 9 working days (Tuesday
        // 21 to Friday 31 less one weekend), and a year has at most about 250 (247–249 in 2013–2027),
        // so the sum ends in 2029. The first missing date the run meets is 01.01.2028; the example
        // names 2029.
        let r = try CLI.run(["add", "2027-12-20", "300", "--working"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("--provisional 2028"), "the error names the first missing year: \(r.stderr)")
        let line = try #require(Self.example(r.stderr), "\(r.stderr)")
        #expect(line == "\(CLI.executable.path) add 2027-12-20 300 --working --provisional 2029")
        let pasted = try Self.paste(line)
        #expect(pasted.status == 0, "\(pasted.stderr)")
        #expect(pasted.stdout.contains(".2029"), "\(pasted.stdout)")
    }

    @Test func aShorterProvisionalRangeIsReplacedAndQuotingKept() throws {
        let r = try CLI.run([
            "due", "--registered", "29.12.2029 10:15", "--provisional=2028", "--profile", "brasovsky", "--category",
            "Мусор", "--subcategory", "Уборка мусора во дворах",
        ])
        #expect(r.status == 2)
        let line = try #require(Self.example(r.stderr), "\(r.stderr)")
        // The brasovsky fast-track is 10 days: from 29.12.2029 it ends in January 2030.
        #expect(
            line == "\(CLI.executable.path) due --registered '29.12.2029 10:15' --profile brasovsky --category Мусор"
                + " --subcategory 'Уборка мусора во дворах' --provisional 2030")
        #expect(try Self.paste(line).status == 0)
    }

    @Test func noHintWhereNoYearCanHelp() throws {
        // Beyond 2200 no statutory year can be computed (--provisional takes 1999–2200): the
        // covered range only, no option, no command.
        let far = try CLI.run(["day", "2250-01-01"])
        #expect(far.status == 2)
        #expect(
            far.stderr.contains("srok: дата 01.01.2250 вне календаря RU, который охватывает 01.01.1999–31.12.2027\n"),
            "\(far.stderr)")
        let english = try CLI.run(["day", "2250-01-01", "--lang", "en"])
        #expect(
            english.stderr.contains("2250-01-01 is outside calendar RU, which covers 1999-01-01…2027-12-31\n"),
            "\(english.stderr)")
        #expect(!far.stderr.contains("--provisional"), "\(far.stderr)")
        #expect(Self.example(far.stderr) == nil)
        // Before the data (1999) neither.
        let early = try CLI.run(["day", "1998-12-31"])
        #expect(early.status == 2)
        #expect(!early.stderr.contains("--provisional"), "\(early.stderr)")
    }

    @Test func aBatchIsNotRunAgain() throws {
        // A row past the data is a reject naming the year, and the run is not repeated (it writes files).
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("srok-hint-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let rejects = dir.appendingPathComponent("rejects.csv")
        let r = try CLI.run(
            ["batch", "-", "-o", "-", "--rejects", rejects.path, "--no-progress", "--as-of", "2029-03-05T10:00+03:00"],
            stdin: "id,registered_at,term_days\n1,2029-03-01T10:00+03:00,30\n")
        #expect(r.status == 1, "\(r.stderr)")
        #expect(Self.example(r.stderr) == nil, "\(r.stderr)")
        #expect(try String(contentsOf: rejects, encoding: .utf8).contains("--provisional 2029"))
    }

    @Test func aCapitalOrAMisspeltNameGivenAsARegionNamesTheRegion() throws {
        let capital = try CLI.run(["day", "2025-01-01", "--region", "Казань"])
        #expect(capital.status == 2)
        #expect(
            capital.stderr.contains(
                "неизвестный регион «Казань»; возможно, имелся в виду RU-TA (Республика Татарстан, центр — Казань)"),
            "\(capital.stderr)")
        let english = try CLI.run(["day", "2025-01-01", "--region", "Казань", "--lang", "en"])
        #expect(
            english.stderr.contains(
                "unknown region 'Казань'; perhaps you meant RU-TA (Республика Татарстан, capital Казань)"),
            "\(english.stderr)")
        let typo = try CLI.run([
            "due", "--registered", "2025-03-03T10:00+03:00", "--days", "30", "--region", "Татарстн",
        ])
        #expect(typo.status == 2)
        #expect(typo.stderr.contains("RU-TA (Республика Татарстан)"), "\(typo.stderr)")
        // In a batch the row is rejected with the same suggestion.
        let input = "id,registered_at,region\n1,2025-03-03T10:00+03:00,Казань\n"
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("srok-hint-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let rejects = dir.appendingPathComponent("rejects.csv")
        let batch = try CLI.run(
            ["batch", "-", "-o", "-", "--rejects", rejects.path, "--no-progress", "--as-of", "2025-03-04T10:00+03:00"],
            stdin: input)
        #expect(batch.status == 1, "\(batch.stderr)")
        let rejected = try String(contentsOf: rejects, encoding: .utf8)
        #expect(rejected.contains("RU-TA (Республика Татарстан, центр — Казань)"), "\(rejected)")
    }
}
