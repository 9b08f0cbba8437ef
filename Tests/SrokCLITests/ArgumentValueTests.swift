import Foundation
import Testing

/// Options whose values form a closed list: a bad value is refused before anything runs, naming
/// the option and every accepted value; help and shell completions list the same values.
@Suite("srok option values (the built executable)")
struct ArgumentValueTests {
    /// The five roll conventions (README «Roll conventions»: preceding, following (ГК РФ ст. 193),
    /// modified-preceding, modified-following, none).
    static let rollValues = ["none", "preceding", "following", "modified-preceding", "modified-following"]

    struct BadValue: CustomTestStringConvertible, Sendable {
        var arguments: [String]
        /// The option as ArgumentParser shows it, `--roll <roll>`.
        var option: String
        var accepted: [String]
        var testDescription: String { option }
    }

    static let registered = ["due", "--registered", "2024-03-29T10:15+03:00"]

    /// The accepted lists are those of the README and the issue: count days/days-inclusive/clock,
    /// basis clock24/workday8, regime message/appeal, and so on.
    static let badValues: [BadValue] = [
        BadValue(arguments: registered + ["--roll", "backwards"], option: "--roll <roll>", accepted: rollValues),
        BadValue(
            arguments: ["add", "2024-03-30", "30", "--roll", "nearest"], option: "--roll <roll>", accepted: rollValues),
        BadValue(
            arguments: ["roll", "2024-04-29", "--convention", "backwards"], option: "--convention <convention>",
            accepted: rollValues),
        BadValue(arguments: ["batch", "--roll", "later"], option: "--roll <roll>", accepted: rollValues),
        BadValue(
            arguments: registered + ["--count", "weeks"], option: "--count <count>",
            accepted: ["days", "days-inclusive", "clock"]),
        BadValue(
            arguments: ["batch", "--count", "weeks"], option: "--count <count>",
            accepted: ["days", "days-inclusive", "clock"]),
        BadValue(
            arguments: registered + ["--basis", "clock8"], option: "--basis <basis>", accepted: ["clock24", "workday8"]),
        BadValue(
            arguments: ["table", "--basis", "clock8"], option: "--basis <basis>", accepted: ["clock24", "workday8"]),
        BadValue(
            arguments: registered + ["--regime", "petition"], option: "--regime <regime>",
            accepted: ["message", "appeal"]),
        BadValue(
            arguments: registered + ["--format", "xml"], option: "--format <format>", accepted: ["text", "csv", "json"]),
        BadValue(
            arguments: ["day", "2024-04-27", "--format", "csv"], option: "--format <format>",
            accepted: ["text", "json"]),
        BadValue(arguments: ["status", "--format", "csv"], option: "--format <format>", accepted: ["text", "json"]),
        BadValue(
            arguments: ["profiles", "--format", "yaml"], option: "--format <format>", accepted: ["text", "json"]),
        BadValue(
            arguments: ["regulation", "check", "brasovsky", "--format", "csv"], option: "--format <format>",
            accepted: ["text", "json"]),
        BadValue(
            arguments: ["table", "--format", "ics"], option: "--format <format>", accepted: ["text", "csv", "json"]),
        BadValue(
            arguments: ["calendar", "2025", "--format", "pdf"], option: "--format <format>",
            accepted: ["text", "csv", "json", "ics"]),
        BadValue(arguments: ["day", "2024-04-27", "--lang", "de"], option: "--lang <lang>", accepted: ["ru", "en"]),
        BadValue(
            arguments: ["day", "2024-04-27", "--employer", "private"], option: "--employer <employer>",
            accepted: ["state-body", "other"]),
        BadValue(
            arguments: ["day", "2020-04-01", "--presidential-days", "maybe"],
            option: "--presidential-days <presidential-days>",
            accepted: ["working", "non-working"]),
        BadValue(
            arguments: ["day", "2027-03-10", "--region", "RU-TA", "--islamic-calendar", "islamic-tbla"],
            option: "--islamic-calendar <islamic-calendar>", accepted: ["islamic-umalqura", "islamic-civil"]),
        BadValue(
            arguments: ["batch", "--input-format", "xls"], option: "--input-format <input-format>",
            accepted: ["csv", "jsonl", "xlsx"]),
        BadValue(
            arguments: ["batch", "--encoding", "koi8-r"], option: "--encoding <encoding>",
            accepted: ["auto", "utf-8", "utf-16le", "utf-16be", "windows-1251"]),
        BadValue(
            arguments: ["batch", "--output-encoding", "latin1"], option: "--output-encoding <output-encoding>",
            accepted: ["utf-8", "utf-8-bom", "utf-16le", "utf-16be", "windows-1251"]),
        BadValue(
            arguments: ["calendar", "2025", "--format", "csv", "--delimiter", "|"], option: "--delimiter <delimiter>",
            accepted: ["comma", "semicolon", "tab"]),
        BadValue(
            arguments: ["batch", "--output-format", "xls"], option: "--output-format <output-format>",
            accepted: ["csv", "jsonl", "xlsx"]),
        BadValue(
            arguments: ["batch", "--delimiter", "|"], option: "--delimiter <delimiter>",
            accepted: ["comma", "semicolon", "tab"]),
        BadValue(
            arguments: ["batch", "--output-delimiter", "|"], option: "--output-delimiter <output-delimiter>",
            accepted: ["comma", "semicolon", "tab"]),
    ]

    @Test(arguments: badValues)
    func aBadValueExitsTwoNamingTheOptionAndEveryAcceptedValue(_ bad: BadValue) throws {
        let r = try CLI.run(bad.arguments, stdin: "")
        #expect(r.status == 2, "\(r.stderr)")
        #expect(r.stdout.isEmpty)
        // In Russian (the default) ArgumentParser's own words are translated, the values listed in order.
        let quoted = bad.accepted.map { "'\($0)'" }
        #expect(r.stderr.contains("недопустимо для «\(bad.option)»"), "\(r.stderr)")
        #expect(r.stderr.contains("Укажите одно из: \(quoted.joined(separator: ", "))."), "\(r.stderr)")
        // In English, ArgumentParser's words: 'a' and 'b', or 'a', 'b' or 'c'.
        let en = try CLI.run(bad.arguments + ["--lang", "en"], stdin: "")
        #expect(en.status == 2, "\(en.stderr)")
        #expect(en.stderr.contains("is invalid for '\(bad.option)'"), "\(en.stderr)")
        let list =
            quoted.count == 2
            ? quoted.joined(separator: " and ")
            : quoted.dropLast().joined(separator: ", ") + " or " + quoted.last!
        #expect(en.stderr.contains("Please provide one of \(list)."), "\(en.stderr)")
    }

    @Test func numbersOutsideTheirRangeAreRefusedBeforeAnythingRuns() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("srok-range-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let output = dir.appendingPathComponent("out.csv").path
        let input = "id,registered_at\n1,2024-03-29T10:15+03:00\n"
        for (arguments, message) in [
            (["-j", "0"], "invalid --jobs: '0'; expected a whole number from 1 to 256"),
            (["-j", "257"], "invalid --jobs: '257'; expected a whole number from 1 to 256"),
            (["--chunk-bytes", "63"], "invalid --chunk-bytes: '63'"),
            (["--chunk-bytes", "1073741825"], "invalid --chunk-bytes: '1073741825'"),
            // 2^62 and 10^12: the library's `chunkBytes * 2` must never see them.
            (["--chunk-bytes", "4611686018427387904"], "invalid --chunk-bytes: '4611686018427387904'"),
            (["--chunk-bytes", "1000000000000"], "invalid --chunk-bytes: '1000000000000'"),
            (["--chunk-bytes=-1"], "invalid --chunk-bytes: '-1'"),
            (["--max-record-bytes", "0"], "invalid --max-record-bytes: '0'; expected 64 to 1073741824 (1 GiB)"),
            (["--max-record-bytes=-1"], "invalid --max-record-bytes: '-1'"),
            (["--max-record-bytes", "1000000000000000000"], "invalid --max-record-bytes: '1000000000000000000'"),
            (["--max-record-bytes", "9223372036854775807"], "invalid --max-record-bytes: '9223372036854775807'"),
            (["--provisional", "2201"], "invalid --provisional: '2201'; expected a year from 1999 to 2200"),
        ] {
            let r = try CLI.run(["batch", "-", "-o", output, "--lang", "en"] + arguments, stdin: input)
            #expect(r.status == 2, "\(arguments)")
            #expect(r.stderr.contains(message), "\(r.stderr)")
            // Refused in validate(): no output, no rejects file, not even a temporary one.
            #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty, "\(arguments)")
        }
        // The bounds themselves are accepted: 1 and 256 workers, 64-byte chunks.
        for arguments in [
            ["-j", "1"], ["-j", "256"], ["--chunk-bytes", "64"], ["--max-record-bytes", "64"],
            ["--max-record-bytes", "1073741824"],
        ] {
            let r = try CLI.run(
                [
                    "batch", "-", "-o", "-", "--rejects", dir.appendingPathComponent("rejects.csv").path,
                    "--as-of", "2024-04-01T12:00+03:00", "--no-progress",
                ] + arguments, stdin: input)
            #expect(r.status == 0, "\(arguments): \(r.stderr)")
            #expect(r.stdout.hasPrefix("id,due_date"))
        }
        let add = try CLI.run(["add", "2024-01-01", "100001"])
        #expect(add.status == 2)
        #expect(add.stderr.contains("ожидается число дней от -100000 до 100000"), "\(add.stderr)")
        let table = try CLI.run(["table", "--days", "7,0", "--lang", "en"])
        #expect(table.status == 2)
        // The message names the bad term itself, not the whole list.
        #expect(table.stderr.contains("invalid --days: '0'"))
    }

    @Test func theCoresSpellingsAreAccepted() throws {
        // 04.05.2024 is a Saturday; Monday 06.05 is a working day (the May holidays of 2024 are
        // 1 and 9–10 May), in the same month: modified-following = following = 06.05.
        let roll = try CLI.run(["roll", "2024-05-04", "--convention", "Modified_Following"])
        #expect(roll.status == 0, "\(roll.stderr)")
        #expect(
            roll.stdout.hasPrefix(
                "04.05.2024 → 06.05.2024 (перенос на следующий рабочий день, а если он в другом месяце — на предшествующий)"
            ), "\(roll.stdout)")
        // 30.03.2024 is a Saturday; the next working day, Monday 01.04, is in another month, so
        // modified-following takes the preceding one, Friday 29.03.
        let back = try CLI.run(["roll", "2024-03-30", "--convention", "modified-following", "--lang", "en"])
        #expect(
            back.stdout.hasPrefix(
                "2024-03-30 → 2024-03-29 (moved to the following working day, or to the preceding one when that leaves the month)"
            ), "\(back.stdout)")
        // The export's «59-ФЗ: да» means an appeal (Regime's own parser).
        let appeal = try CLI.run(Self.registered + ["--regime", "да", "--format", "csv"])
        #expect(appeal.status == 0, "\(appeal.stderr)")
        #expect(appeal.stdout.split(separator: "\n").last?.hasPrefix("federal,appeal,") == true)
        let upper = try CLI.run(["day", "2024-04-29", "--lang", "EN"])
        #expect(upper.stdout.contains("day off (transferred)"))
        // 01.04.2020 was one of the presidential non-working days (Указ № 206).
        let nonworking = try CLI.run(["day", "2020-04-01", "--presidential-days", "nonworking", "--lang", "en"])
        #expect(nonworking.stdout.contains("Counted as non-working"))
    }

    @Test func theIslamicCalendarOptionReachesTheForecast() throws {
        // 1 Shawwal 1448 in the tabular calendar (Reingold & Dershowitz, fixed-from-islamic):
        // 227014 + 1447·354 + ⌊(3 + 11·1448)/30⌋ + 29·9 + ⌊10/2⌋ + 1 = R.D. 740050; 01.01.2027 is
        // R.D. 739982, so day 69 of 2027: 10 March. Tatarstan has no act for 2027 in the data, so
        // that forecast is its Ураза-байрам, marked provisional.
        let civil = try CLI.run(["day", "2027-03-10", "--region", "RU-TA", "--islamic-calendar", "islamic-civil"])
        #expect(civil.status == 0, "\(civil.stderr)")
        #expect(civil.stdout.contains("Ураза-байрам"))
        #expect(civil.stdout.contains("ПРЕДВАРИТЕЛЬНО"))
    }

    /// The help entry of `option` (its line and the wrapped lines under it).
    static func helpEntry(_ help: String, _ option: String) -> String {
        var lines = help.split(separator: "\n", omittingEmptySubsequences: false)[...]
        guard let start = lines.firstIndex(where: { $0.hasPrefix("  \(option) ") }) else { return "" }
        lines = lines[start...]
        let end = lines.dropFirst().firstIndex { !$0.hasPrefix("                          ") } ?? lines.endIndex
        // Wrapping may break a value at its hyphen; join the lines without the indentation.
        return lines[start..<end].map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
    }

    @Test(arguments: [["due"], ["status"], ["batch"], ["add"]])
    func helpListsEveryRollConvention(_ command: [String]) throws {
        let r = try CLI.run(command + ["--help", "--lang", "en"])
        #expect(r.status == 0)
        let entry = Self.helpEntry(r.stdout, "--roll <roll>")
        #expect(entry.contains("(values: " + Self.rollValues.joined(separator: ", ")), "\(entry)")
        // In Russian the same list, under ArgumentParser's words translated.
        let ru = try CLI.run(command + ["--help"])
        let ruEntry = Self.helpEntry(ru.stdout, "--roll <roll>")
        #expect(ruEntry.contains("(значения: " + Self.rollValues.joined(separator: ", ")), "\(ruEntry)")
    }

    @Test func theBashCompletionOffersTheRollValues() throws {
        let r = try CLI.run(["--generate-completion-script", "bash"])
        #expect(r.status == 0)
        // Each --roll case offers the five values, one per line ('a'$'\n''b').
        let offer = "__srok_add_completions -W " + Self.rollValues.map { "'\($0)'" }.joined(separator: "$'\\n'")
        let rollCases = r.stdout.components(separatedBy: "    '--roll')\n        ").dropFirst()
        #expect(rollCases.count == 4, "due, status, batch, add")
        for c in rollCases { #expect(c.hasPrefix(offer), "\(c.prefix(200))") }
        #expect(r.stdout.contains("    '--convention')\n        " + offer))

        // Run it: `srok due --roll mod<TAB>` completes to the two modified conventions.
        let script = FileManager.default.temporaryDirectory.appendingPathComponent(
            "srok-completion-\(UUID().uuidString).bash")
        try r.stdout.write(to: script, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: script) }
        let driver = """
            source '\(script.path)'
            COMP_LINE='srok due --roll mod'; COMP_POINT=${#COMP_LINE}
            COMP_WORDS=(srok due --roll mod); COMP_CWORD=3
            _srok srok mod --roll
            printf '%s\\n' "${COMPREPLY[@]}"
            """
        let bash = Process()
        bash.executableURL = URL(fileURLWithPath: "/bin/bash")
        bash.arguments = ["-c", driver]
        let out = Pipe()
        bash.standardOutput = out
        try bash.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        bash.waitUntilExit()
        #expect(bash.terminationStatus == 0)
        #expect(String(decoding: data, as: UTF8.self) == "modified-preceding\nmodified-following\n")
    }
}
