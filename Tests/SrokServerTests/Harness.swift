import Foundation
import Srok
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The service started once for this test process, as `srok-server` on a random loopback port (a
/// process of its own: the tests' blocking subprocess calls cannot starve it), with small body
/// limits (4096 bytes; 1 MiB for batches). It stops when the test process ends: a shell between
/// them waits for its standard input, a pipe only this process holds, to close.
enum SharedServer {
    /// The base URL (`http://127.0.0.1:PORT`) of the running service.
    static func url() async throws -> String { try started.get().url }

    private static let started = Result {
        try ServerProcess(["--body-limit", "4096", "--batch-body-limit", "1048576"], tiedToTestProcess: true)
    }
}

/// An HTTP answer.
struct HTTPAnswer {
    var status: Int
    var headers: [String: String]
    var body: Data
    var text: String { String(decoding: body, as: UTF8.self) }
    /// A header by name, case-insensitively.
    func header(_ name: String) -> String? {
        headers.first { $0.key.lowercased() == name.lowercased() }?.value
    }
    /// The body as a JSON object.
    var object: [String: Any] { (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] ?? [:] }
}

/// A small HTTP client over URLSession (no caching, no cookies).
enum HTTP {
    static let session: URLSession = {
        let c = URLSessionConfiguration.ephemeral
        c.requestCachePolicy = .reloadIgnoringLocalCacheData
        c.timeoutIntervalForRequest = 60
        return URLSession(configuration: c)
    }()

    static func request(
        _ method: String, _ url: String, headers: [String: String] = [:], body: Data? = nil
    ) async throws -> HTTPAnswer {
        var r = URLRequest(url: URL(string: url)!)
        r.httpMethod = method
        for (k, v) in headers { r.setValue(v, forHTTPHeaderField: k) }
        r.httpBody = body
        let (data, response) = try await session.data(for: r)
        let http = response as! HTTPURLResponse
        var h: [String: String] = [:]
        for (k, v) in http.allHeaderFields { h["\(k)"] = "\(v)" }
        return HTTPAnswer(status: http.statusCode, headers: h, body: data)
    }

    static func get(_ path: String, headers: [String: String] = [:]) async throws -> HTTPAnswer {
        try await request("GET", try await SharedServer.url() + path, headers: headers)
    }

    static func post(_ path: String, json: String, headers: [String: String] = [:]) async throws -> HTTPAnswer {
        var h = headers
        if h["Content-Type"] == nil { h["Content-Type"] = "application/json" }
        return try await request("POST", try await SharedServer.url() + path, headers: h, body: Data(json.utf8))
    }
}

/// Runs the built executables beside the test bundle (`srok`, `srok-server`) and other programs.
enum Programs {
    /// The build folder holding the test bundle and the executables.
    static var buildFolder: URL {
        let testBinary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var dir = testBinary.deletingLastPathComponent()
        if dir.path.hasSuffix(".xctest/Contents/MacOS") {
            dir = dir.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        }
        return dir
    }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `srok` with `arguments`.
    static func srok(_ arguments: [String]) throws -> Result {
        try run(buildFolder.appendingPathComponent("srok"), arguments)
    }

    /// Runs a program found on PATH.
    static func tool(_ name: String, _ arguments: [String], environment: [String: String]? = nil) throws -> Result {
        try run(URL(fileURLWithPath: "/usr/bin/env"), [name] + arguments, environment: environment)
    }

    static func run(_ executable: URL, _ arguments: [String], environment: [String: String]? = nil) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let environment { process.environment = environment }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Read both pipes at once so that neither fills up.
        let e = DataBox()
        let done = DispatchSemaphore(value: 0)
        Thread {
            e.data = err.fileHandleForReading.readDataToEndOfFile()
            done.signal()
        }.start()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        done.wait()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: o, as: UTF8.self),
            stderr: String(decoding: e.data, as: UTF8.self))
    }
}

/// Bytes filled by another thread (read after it signals).
final class DataBox: @unchecked Sendable {
    var data = Data()
}

/// A `srok-server` subprocess on a random loopback port, for what needs a process of its own
/// (signals, flags, environment): started with `arguments`, stopped by ``terminate()``.
final class ServerProcess: @unchecked Sendable {
    let process = Process()
    let url: String
    private let errorLog: URL

    /// Keeps the test process's end of the shell's standard input open.
    private let lifeline = Pipe()

    /// Starts `srok-server --port 0 arguments…`; `tiedToTestProcess`: through a shell that sends it
    /// SIGTERM when this process ends (signals sent by ``send(_:)`` then reach the shell, not it).
    init(_ arguments: [String] = [], environment: [String: String]? = nil, tiedToTestProcess: Bool = false) throws {
        let server = Programs.buildFolder.appendingPathComponent("srok-server").path
        if tiedToTestProcess {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments =
                [
                    "bash", "-c", #""$@" & pid=$!; cat >/dev/null; kill -TERM $pid; wait $pid"#, "srok-server-tied",
                    server,
                ]
                + ["--port", "0"] + arguments
        } else {
            process.executableURL = URL(fileURLWithPath: server)
            process.arguments = ["--port", "0"] + arguments
        }
        if let environment { process.environment = environment }
        errorLog = FileManager.default.temporaryDirectory.appendingPathComponent("srok-server-\(UUID().uuidString).log")
        _ = FileManager.default.createFile(atPath: errorLog.path, contents: nil)
        let out = Pipe()
        process.standardOutput = out
        process.standardError = try FileHandle(forWritingTo: errorLog)
        process.standardInput = tiedToTestProcess ? lifeline : FileHandle.nullDevice
        try process.run()
        // The first line says where it listens.
        var line = Data()
        while true {
            let byte = out.fileHandleForReading.readData(ofLength: 1)
            if byte.isEmpty || byte == Data([0x0A]) { break }
            line.append(byte)
        }
        let text = String(decoding: line, as: UTF8.self)
        guard let range = text.range(of: "http://") else {
            process.waitUntilExit()
            throw ServerProcessError.didNotStart(log: (try? String(contentsOf: errorLog, encoding: .utf8)) ?? "")
        }
        url = String(text[range.lowerBound...])
    }

    /// What the server logged so far.
    var log: String { (try? String(contentsOf: errorLog, encoding: .utf8)) ?? "" }

    /// Sends `signal`.
    func send(_ signal: Int32) { kill(process.processIdentifier, signal) }

    /// Sends SIGTERM and waits for the exit; its status.
    @discardableResult
    func terminate() -> Int32 {
        if process.isRunning { send(SIGTERM) }
        process.waitUntilExit()
        return process.terminationStatus
    }

    deinit {
        if process.isRunning { process.terminate() }
        try? FileManager.default.removeItem(at: errorLog)
    }
}

enum ServerProcessError: Error {
    case didNotStart(log: String)
}

/// A temporary folder removed at the end.
final class TemporaryFolder {
    let url: URL
    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("srok-server-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    func write(_ name: String, _ text: String) throws -> String {
        let file = url.appendingPathComponent(name)
        try Data(text.utf8).write(to: file)
        return file.path
    }
    deinit { try? FileManager.default.removeItem(at: url) }
}
