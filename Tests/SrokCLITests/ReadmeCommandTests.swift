import Foundation
import Testing

/// Every command line of README.md that starts with `srok ` in a ```sh or ```bash block runs as
/// written, against the built executable, in a fresh folder holding a copy of `examples/` (so the
/// README's relative paths, `examples/history.json`, resolve and its outputs land there): exit 0.
/// A block whose fence is preceded by the line `<!-- readme-commands: exit N -->` shows examples
/// of errors (2: bad input) or findings (1: a regulation table cell no basis matches): each of its
/// commands must end with exactly that status and say why (no crash, which bash reports as 128 + the signal).
/// Lines may continue with a trailing `\`; a trailing `# comment` is the shell's.
@Suite("README commands (the built executable)")
struct ReadmeCommandTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The marker line that gives the next block's commands another exit status: `<!-- readme-commands: exit 2 -->`.
    static func expectedStatus(marker line: String) -> Int32? {
        let prefix = "<!-- readme-commands: exit "
        guard line.hasPrefix(prefix), line.hasSuffix(" -->") else { return nil }
        return Int32(line.dropFirst(prefix.count).dropLast(4))
    }

    struct Command: CustomTestStringConvertible, Sendable {
        var line: String
        /// README.md's line number.
        var number: Int
        /// The exit status the README promises: 0, or the block's marker's.
        var status: Int32
        var testDescription: String { "README.md:\(number): \(line)" }
    }

    /// The `srok` command lines of README.md's shell blocks.
    static func commands(_ readme: String) -> [Command] {
        var out: [Command] = []
        var inShellBlock = false
        var inOtherBlock = false
        var status: Int32 = 0
        var previous = ""
        var pending: (text: String, number: Int)?
        for (i, raw) in readme.components(separatedBy: "\n").enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("```") {
                if inShellBlock || inOtherBlock {
                    inShellBlock = false
                    inOtherBlock = false
                } else {
                    let info = line.dropFirst(3).trimmingCharacters(in: .whitespaces)
                    inShellBlock = info == "sh" || info == "bash"
                    inOtherBlock = !inShellBlock
                    status = expectedStatus(marker: previous) ?? 0
                }
                previous = line
                continue
            }
            if !line.isEmpty { previous = line }
            guard inShellBlock else { continue }
            var text = line
            var number = i + 1
            if let p = pending {
                text = p.text + " " + line
                number = p.number
                pending = nil
            }
            if text.hasSuffix("\\") {
                pending = (String(text.dropLast()), number)
                continue
            }
            if text.hasPrefix("srok ") { out.append(Command(line: text, number: number, status: status)) }
        }
        return out
    }

    static let readmeCommands: [Command] = {
        guard let readme = try? String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8) else {
            return []
        }
        return commands(readme)
    }()

    @Test func theReadmeHasCommandsAndTheExtractorReadsBlocksAsWritten() {
        #expect(Self.readmeCommands.count >= 15, "\(Self.readmeCommands.map(\.line))")
        let sample = """
            ```sh
            srok day 2024-04-27   # a comment
            srok due --registered 2024-03-29T10:15+03:00 \\
                --days 30
            bash scripts/setup
            ```
            ```swift
            srok not a shell line
            ```
            <!-- readme-commands: exit 2 -->

            ```bash
            srok day 2024-02-30
            ```
            """
        let found = Self.commands(sample)
        #expect(
            found.map(\.line) == [
                "srok day 2024-04-27   # a comment", "srok due --registered 2024-03-29T10:15+03:00  --days 30",
                "srok day 2024-02-30",
            ])
        #expect(found.map(\.number) == [2, 3, 13])
        #expect(found.map(\.status) == [0, 0, 2])
    }

    @Test(arguments: readmeCommands)
    func runsAsWritten(_ command: Command) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("srok-readme-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(
            at: Self.root.appendingPathComponent("examples"), to: folder.appendingPathComponent("examples"))
        // `srok` is the built executable, whatever the line does with it (pipes, redirections).
        let script = "srok() { '\(CLI.executable.path)' \"$@\"; }\n" + command.line
        let bash = Process()
        bash.executableURL = URL(fileURLWithPath: "/bin/bash")
        bash.arguments = ["-c", script]
        bash.currentDirectoryURL = folder
        bash.standardInput = FileHandle.nullDevice
        let out = Pipe()
        let err = Pipe()
        bash.standardOutput = out
        bash.standardError = err
        try bash.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        bash.waitUntilExit()
        #expect(bash.terminationStatus == command.status, "\(e)")
        if command.status != 0 {
            #expect(!e.isEmpty || !o.isEmpty, "an exit status \(command.status) must say why")
        } else {
            // It printed something or wrote a file beside examples/.
            let written = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0 != "examples" }
            #expect(!o.isEmpty || !written.isEmpty)
        }
    }
}
