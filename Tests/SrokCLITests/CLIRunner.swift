import Foundation
import Testing

/// Runs the built `srok` executable (it sits beside the test bundle in the build folder).
enum CLI {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
        /// Whether the process was killed by a signal (a Swift trap is SIGILL or SIGTRAP): a crash.
        var crashed = false
    }

    static var executable: URL {
        let testBinary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var dir = testBinary.deletingLastPathComponent()
        // On Linux the test runner is `<build>/srokPackageTests.xctest`; on macOS a bundle inside <build>.
        if dir.path.hasSuffix(".xctest/Contents/MacOS") {
            dir = dir.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        }
        return dir.appendingPathComponent("srok")
    }

    static func run(_ arguments: [String], stdin: String? = nil) throws -> Result {
        try launch(executable, arguments, stdin: stdin)
    }

    /// Runs another program found on PATH (`pkg-config`, `icuinfo`): an independent source to
    /// compare `srok`'s output with.
    static func runTool(_ tool: String, _ arguments: [String]) throws -> Result {
        try launch(URL(fileURLWithPath: "/usr/bin/env"), [tool] + arguments, stdin: nil)
    }

    /// Runs `executable` with `arguments` (in `folder` and with exactly `environment` when given;
    /// the test's own otherwise), feeding it `stdin`.
    static func launch(
        _ executable: URL, _ arguments: [String], stdin: String?, in folder: URL? = nil,
        environment: [String: String]? = nil
    ) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let folder { process.currentDirectoryURL = folder }
        if let environment { process.environment = environment }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        if let stdin {
            let input = Pipe()
            process.standardInput = input
            try process.run()
            input.fileHandleForWriting.write(Data(stdin.utf8))
            try input.fileHandleForWriting.close()
        } else {
            process.standardInput = FileHandle.nullDevice
            try process.run()
        }
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: o, as: UTF8.self),
            stderr: String(decoding: e, as: UTF8.self), crashed: process.terminationReason == .uncaughtSignal)
    }
}
