import Foundation
import Testing

/// The bash completion script (`srok --generate-completion-script bash`) run in bash: option values
/// that are not a closed enum (profiles, regions, levels) come from the data the binary embeds,
/// and file options offer files. The expected lists are read from `Data/` by the test itself.
@Suite("shell completions (the built executable, in bash)")
struct CompletionScriptTests {
    static let data = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Data")

    /// The words after `keyword`, first on a line (indented or not), in the `Data/<folder>` files with `suffix`.
    static func firstFields(_ folder: String, _ suffix: String, keyword: String) throws -> [String] {
        let dir = data.appendingPathComponent(folder)
        var out: [String] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: dir.path) where name.hasSuffix(suffix) {
            let text = try String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)
            for line in text.split(separator: "\n") {
                let words = line.split(separator: " ")
                if words.first == Substring(keyword), words.count > 1 { out.append(String(words[1])) }
            }
        }
        return out
    }

    /// The candidates bash offers for `line` (the cursor at its end), with the generated script
    /// sourced and `srok` meaning the built executable; run in `folder`.
    static func complete(_ line: String, in folder: URL? = nil) throws -> [String] {
        let generated = try CLI.run(["--generate-completion-script", "bash"])
        #expect(generated.status == 0)
        let script = FileManager.default.temporaryDirectory.appendingPathComponent("srok-\(UUID().uuidString).bash")
        try generated.stdout.write(to: script, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: script) }
        // COMP_WORDS as bash splits the line (a trailing space starts an empty word); the first word
        // is the executable's path, which the script runs for values computed by srok itself.
        let driver = """
            source '\(script.path)'
            COMP_LINE="$1"; COMP_POINT=${#COMP_LINE}
            read -ra COMP_WORDS <<<"$COMP_LINE"
            [[ "$COMP_LINE" == *' ' ]] && COMP_WORDS+=('')
            COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
            COMP_WORDS[0]='\(CLI.executable.path)'
            COMPREPLY=()
            _srok srok "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
            printf '%s\\n' "${COMPREPLY[@]}"
            """
        let bash = Process()
        bash.executableURL = URL(fileURLWithPath: "/bin/bash")
        bash.arguments = ["-c", driver, "bash", line]
        if let folder { bash.currentDirectoryURL = folder }
        let out = Pipe()
        bash.standardOutput = out
        try bash.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        bash.waitUntilExit()
        #expect(bash.terminationStatus == 0)
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    @Test(arguments: ["due", "status", "batch", "table"])
    func profileOffersEveryEmbeddedProfile(_ command: String) throws {
        let expected = try Self.firstFields("profiles", ".srokprofile", keyword: "profile").sorted()
        #expect(expected.count >= 6, "Data/profiles has the federal profile and one per seed act")
        #expect(try Self.complete("srok \(command) --profile ") == expected)
        // A prefix narrows them as bash does: b → brasovsky, bryansk.
        #expect(try Self.complete("srok \(command) --profile b") == expected.filter { $0.hasPrefix("b") })
    }

    @Test func profileArgumentsOfOtherCommandsToo() throws {
        let expected = try Self.firstFields("profiles", ".srokprofile", keyword: "profile").sorted()
        #expect(try Self.complete("srok regulation check ") == expected)
        #expect(try Self.complete("srok profiles --explain ") == expected)
    }

    @Test func regionOffersEveryFederalSubjectsCodeAndOneWordNames() throws {
        let codes = Set(try Self.firstFields("regions", ".srokcal", keyword: "subject"))
        // 83 subjects of ISO 3166-2:RU plus Крым and Севастополь (Data/regions/subjects.srokcal).
        #expect(codes.count == 85)
        let offered = try Self.complete("srok due --region ")
        #expect(codes.isSubset(of: Set(offered)), "\(codes.subtracting(offered))")
        #expect(offered.contains("RU"))
        #expect(offered.contains("Татарстан"))
        // Every candidate is accepted by --region: none is a half of a name split at a space.
        #expect(!offered.contains { $0.contains(" ") })
        #expect(try Self.complete("srok day 2024-04-27 --region Тат") == ["Татарстан"])
        #expect(try Self.complete("srok calendar 2025 --region RU-TA") == ["RU-TA", "RU-TAM"])
    }

    @Test func levelOffersTheLevelsOfTheProfileOnTheLine() throws {
        // krasnodar-krai.srokprofile: `fast-track-level 1 8` and `fast-track-level 2 …`.
        let levels = try Self.firstFields("profiles", "krasnodar-krai.srokprofile", keyword: "fast-track-level")
        #expect(!levels.isEmpty)
        #expect(try Self.complete("srok due --profile krasnodar-krai --level ") == levels.sorted())
    }

    @Test func fileOptionsOfferFilesAndFolders() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("srok-files-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("sub"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for name in ["history.json", "export.csv", "RU-XX.srokcal", "local.srokprofile"] {
            try Data().write(to: folder.appendingPathComponent(name))
        }
        // --history takes JSON files (and folders to go into); the batch input any file.
        #expect(try Self.complete("srok status --history ", in: folder).sorted() == ["history.json", "sub"])
        #expect(
            try Self.complete("srok batch ", in: folder).sorted() == [
                "RU-XX.srokcal", "export.csv", "history.json", "local.srokprofile", "sub",
            ])
        #expect(try Self.complete("srok batch x.csv -o e", in: folder) == ["export.csv"])
        #expect(try Self.complete("srok due --calendar-file ", in: folder).sorted() == ["RU-XX.srokcal", "sub"])
        #expect(
            try Self.complete("srok day 2024-04-27 --region-file ", in: folder).sorted() == ["RU-XX.srokcal", "sub"])
        #expect(try Self.complete("srok due --profile-file ", in: folder).sorted() == ["local.srokprofile", "sub"])
    }

    @Test func profilesOfAFileOnTheLineAreOfferedToo() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("srok-pf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "profile zz-local\n  title Тест\n".write(
            to: folder.appendingPathComponent("local.srokprofile"), atomically: true, encoding: .utf8)
        let offered = try Self.complete("srok due --profile-file local.srokprofile --profile z", in: folder)
        #expect(offered == ["zz-local"])
    }

    @Test func tzOffersIANAZones() throws {
        // The zones of the seed organisations: Moscow (Брянск, Старица, Краснодар, Мамадыш) and
        // Yekaterinburg (the README's example of another zone).
        #expect(try Self.complete("srok due --tz Europe/Mos") == ["Europe/Moscow"])
        #expect(try Self.complete("srok batch --tz Asia/Yekat") == ["Asia/Yekaterinburg"])
    }

    @Test func enumOptionsOfferTheirValues() throws {
        #expect(try Self.complete("srok due --lang ") == ["ru", "en"])
        #expect(try Self.complete("srok calendar 2025 --format ") == ["text", "csv", "json", "ics"])
        #expect(try Self.complete("srok due --count ") == ["days", "days-inclusive", "clock"])
        #expect(try Self.complete("srok day 2024-04-27 --employer ") == ["state-body", "other"])
    }
}
