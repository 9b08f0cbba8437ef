import Foundation

/// A C program built against srok.h and the libSrokC.so beside the test runner, and run.
struct CProgram {
    /// What a run printed and how it ended.
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The built executable.
    var executable: URL

    /// The package's root folder.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The folder of this build's products (libSrokC.so, the test runner).
    static var buildFolder: URL {
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        // On macOS the runner is inside a bundle in the build folder.
        if dir.path.hasSuffix(".xctest/Contents/MacOS") {
            dir = dir.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        }
        return dir
    }

    /// A new empty folder for one test's files (the test removes it).
    static func scratch() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("srok-cabi-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    /// Compiles `sources` with `cc` (C11, every warning an error) against the header and the
    /// library of this build, into `dir`.
    static func build(_ name: String, sources: [String], flags: [String] = [], in dir: URL) throws -> CProgram {
        let out = dir.appendingPathComponent(name)
        let lib = buildFolder.path
        let arguments =
            ["cc", "-std=c11", "-Wall", "-Wextra", "-Werror", "-O1"] + flags
            + ["-I", root.appendingPathComponent("Sources/CSrok/include").path] + sources
            + ["-L", lib, "-lSrokC", "-Wl,-rpath," + lib, "-lpthread", "-o", out.path]
        let result = try run(URL(fileURLWithPath: "/usr/bin/env"), arguments, environment: [:])
        guard result.status == 0 else {
            throw CompileError(message: "cc failed for \(name): \(result.stderr)")
        }
        return CProgram(executable: out)
    }

    /// Runs the program.
    func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Result {
        try Self.run(executable, arguments, environment: environment)
    }

    private static func run(_ executable: URL, _ arguments: [String], environment: [String: String]) throws
        -> Result
    {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        // stdout through a pipe, stderr into a file: neither can fill up and block the program.
        let errFile = FileManager.default.temporaryDirectory.appendingPathComponent("srok-cabi-" + UUID().uuidString)
        FileManager.default.createFile(atPath: errFile.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: errFile) }
        let err = try FileHandle(forWritingTo: errFile)
        let out = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try err.close()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: o, as: UTF8.self),
            stderr: String(decoding: try Data(contentsOf: errFile), as: UTF8.self))
    }

    /// The text of the fenced block of `language` after the line holding `marker:begin`.
    static func fencedBlock(in text: String, marker: String, language: String) -> String? {
        let lines = text.components(separatedBy: "\n")
        guard let begin = lines.firstIndex(where: { $0.contains(marker + ":begin") }),
            let open = lines[begin...].firstIndex(where: { $0.hasPrefix("```" + language) }),
            let close = lines[(open + 1)...].firstIndex(where: { $0.hasPrefix("```") })
        else { return nil }
        return lines[(open + 1)..<close].joined(separator: "\n") + "\n"
    }

    /// The compiler refused a program.
    struct CompileError: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }
}
