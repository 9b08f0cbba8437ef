import Foundation

/// The system ICU as its own tools report it, independently of Srok's C shim: `pkg-config` reads
/// libicu-dev's `icu-i18n.pc`, and `icuinfo` (icu-devtools, a dependency of libicu-dev) prints the
/// library's parameters. `scripts/setup` installs both.
enum SystemICU {
    /// `pkg-config --modversion icu-i18n`, e.g. `72.1`.
    static func version() throws -> String {
        try run("pkg-config", ["--modversion", "icu-i18n"]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The `tz.version` parameter `icuinfo` prints (`<param name="tz.version">2022e</param>`).
    static func tzdataVersion() throws -> String {
        let out = try run("icuinfo", [])
        guard let line = out.split(separator: "\n").first(where: { $0.contains("name=\"tz.version\"") }),
            let open = line.firstIndex(of: ">"), let close = line.lastIndex(of: "<"), open < close
        else {
            throw ToolError(message: "icuinfo printed no tz.version parameter:\n\(out)")
        }
        return String(line[line.index(after: open)..<close]).trimmingCharacters(in: .whitespaces)
    }

    struct ToolError: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    /// Runs `tool` found on PATH and returns its standard output; throws when it fails.
    static func run(_ tool: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw ToolError(
                message:
                    "\(tool) \(arguments.joined(separator: " ")) exited with \(process.terminationStatus) (install libicu-dev and pkg-config: scripts/setup)"
            )
        }
        return String(decoding: data, as: UTF8.self)
    }
}
