import Foundation
import SrokFiles
import Synchronization
import Testing

@testable import SrokBatch
@testable import SrokCore

/// Reads a FIFO on a thread until the writer has closed it and `done` is set: opened without
/// waiting for a writer (so a FIFO that is never written cannot hang the test), then read until
/// end of file after the run is over.
final class FIFOReader: @unchecked Sendable {
    private let path: String
    private let state = Mutex<(bytes: [UInt8], done: Bool, finished: Bool)>(([], false, false))

    init(_ path: String) {
        self.path = path
        let thread = Thread { [self] in self.drain() }
        thread.start()
    }

    private func drain() {
        let fd = open(path, O_RDONLY | O_NONBLOCK)
        guard fd >= 0 else {
            state.withLock { $0.finished = true }
            return
        }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n > 0 {
                state.withLock { $0.bytes.append(contentsOf: buffer[..<n]) }
                continue
            }
            // 0: no writer (yet, or any more); -1 EAGAIN: a writer with nothing written yet.
            if n == 0 && state.withLock({ $0.done }) { break }
            usleep(1000)
        }
        state.withLock { $0.finished = true }
    }

    /// Everything read, once the run that writes the FIFO has returned.
    func finish() -> String {
        state.withLock { $0.done = true }
        while !state.withLock({ $0.finished }) { usleep(1000) }
        return String(decoding: state.withLock { $0.bytes }, as: UTF8.self)
    }
}

/// Issue 10, finding 2: `-o` naming a device, a FIFO or a symbolic link was replaced by a regular
/// file (as root, `-o /dev/null` replaced `/dev/null`). A character device or FIFO is written in
/// place; a link is followed only to one of those; anything else that is not a regular file is
/// refused; the same for `--rejects` and `--summary-json`.
@Suite("Special output files: streams written in place, the rest refused")
struct SpecialOutputTests {
    static let evaluator = BatchRunnerTests.evaluator

    func options(_ folder: TemporaryFolder, output: String, rejects: String = "rejects.csv", summary: String? = nil)
        -> BatchRunOptions
    {
        var o = BatchRunOptions()
        o.language = .en  // the reasons these tests read are the English ones
        o.input = folder.file("in.csv")
        o.output = output.hasPrefix("/") ? output : folder.file(output)
        o.rejects = folder.file(rejects)
        o.summaryJSON = summary.map { folder.file($0) }
        o.durable = false
        return o
    }

    static func type(_ path: String) -> FileAttributeType? {
        try? FileManager.default.attributesOfItem(atPath: path)[.type] as? FileAttributeType
    }

    static func isFIFO(_ path: String) -> Bool {
        ((try? Syscall.linkStatus(path)).map { $0.st_mode & S_IFMT }) == S_IFIFO
    }

    /// The output of the same input written to a regular file: what a stream must receive.
    func regularOutput(_ folder: TemporaryFolder) throws -> String {
        _ = try BatchRunner.run(
            options(folder, output: "reference.csv", rejects: "reference-rejects.csv"), evaluator: Self.evaluator)
        return try #require(folder.text("reference.csv"))
    }

    @Test func aFIFOOutputIsWrittenInPlace() throws {
        let folder = try TemporaryFolder()
        folder.write("in.csv", BatchRunnerTests.csv)
        let expected = try regularOutput(folder)
        #expect(mkfifo(folder.file("out.fifo"), 0o600) == 0)
        let reader = FIFOReader(folder.file("out.fifo"))
        let report = try BatchRunner.run(options(folder, output: "out.fifo"), evaluator: Self.evaluator)
        #expect(reader.finish() == expected)
        #expect(Self.isFIFO(folder.file("out.fifo")))
        #expect(report.stats.written == 3)
        // No temporary file was made for it, and the rejects went to their file as usual.
        #expect(folder.names.filter { $0.contains("srok-tmp") || $0.contains("srok-lock") } == [])
        #expect(folder.text("rejects.csv")?.hasPrefix("line,id,column,value,reason\n4,BAD,") == true)
    }

    @Test func aFIFOSummaryIsWrittenInPlace() throws {
        let folder = try TemporaryFolder()
        folder.write("in.csv", BatchRunnerTests.csv)
        #expect(mkfifo(folder.file("summary.fifo"), 0o600) == 0)
        let reader = FIFOReader(folder.file("summary.fifo"))
        _ = try BatchRunner.run(options(folder, output: "out.csv", summary: "summary.fifo"), evaluator: Self.evaluator)
        let summary = try #require(JSONSerialization.jsonObject(with: Data(reader.finish().utf8)) as? [String: Any])
        #expect(summary["rows_read"] as? Int == 4)
        #expect(Self.isFIFO(folder.file("summary.fifo")))
    }

    @Test func aLinkToACharacterDeviceWritesToTheDeviceAndStaysALink() throws {
        // A device through a link in the test's folder: the old code replaced the link (not the
        // device) with a regular file, so the test is safe to run against it even as root.
        // /dev/zero discards what is written to it, as /dev/null does (and other test suites on
        // a shared machine are less likely to have replaced it).
        let folder = try TemporaryFolder()
        folder.write("in.csv", BatchRunnerTests.csv)
        try FileManager.default.createSymbolicLink(atPath: folder.file("sink"), withDestinationPath: "/dev/zero")
        #expect(try OutputTarget(folder.file("sink"), option: "-o").kind == .stream)
        let report = try BatchRunner.run(options(folder, output: "sink"), evaluator: Self.evaluator)
        #expect(report.stats.written == 3)
        #expect(Self.type(folder.file("sink")) == .typeSymbolicLink)
        #expect(Self.type("/dev/zero") == .typeCharacterSpecial)
        #expect(folder.names == ["in.csv", "rejects.csv", "sink"])
    }

    @Test func aCharacterDeviceIsAStream() throws {
        // Looked at only (nothing written).
        let target = try OutputTarget("/dev/zero", option: "-o")
        #expect(target.kind == .stream)
        #expect(target.identity.isCharacterDevice)
    }

    @Test func aLinkToARegularFileIsRefusedAndNothingIsTouched() throws {
        let folder = try TemporaryFolder()
        folder.write("in.csv", BatchRunnerTests.csv)
        folder.write("real.csv", "old\n")
        try FileManager.default.createSymbolicLink(
            atPath: folder.file("link.csv"), withDestinationPath: folder.file("real.csv"))
        for (output, rejects, summary) in [
            ("link.csv", "rejects.csv", nil), ("out.csv", "link.csv", nil), ("out.csv", "rejects.csv", "link.csv"),
        ] as [(String, String, String?)] {
            #expect {
                _ = try BatchRunner.run(
                    options(folder, output: output, rejects: rejects, summary: summary), evaluator: Self.evaluator)
            } throws: { error in
                guard case .io(let path, let message)? = error as? SrokError else { return false }
                return path == folder.file("link.csv")
                    && message.en.hasPrefix(
                        "is a symbolic link: srok follows a link only to a character device or a FIFO")
            }
            #expect(Self.type(folder.file("link.csv")) == .typeSymbolicLink)
            #expect(folder.text("real.csv") == "old\n")
            #expect(folder.names == ["in.csv", "link.csv", "real.csv"])
        }
    }

    @Test func aLinkToNothingIsRefused() throws {
        let folder = try TemporaryFolder()
        folder.write("in.csv", BatchRunnerTests.csv)
        try FileManager.default.createSymbolicLink(
            atPath: folder.file("dangling.csv"), withDestinationPath: folder.file("absent.csv"))
        #expect {
            _ = try BatchRunner.run(options(folder, output: "dangling.csv"), evaluator: Self.evaluator)
        } throws: { error in
            guard case .io(_, let message)? = error as? SrokError else { return false }
            return message.en.hasPrefix("is a symbolic link to nothing")
        }
        #expect(!FileManager.default.fileExists(atPath: folder.file("absent.csv")))
        #expect(folder.names == ["dangling.csv", "in.csv"])
    }

    @Test func aFolderIsRefused() throws {
        let folder = try TemporaryFolder()
        folder.write("in.csv", BatchRunnerTests.csv)
        try FileManager.default.createDirectory(atPath: folder.file("sub"), withIntermediateDirectories: false)
        for output in ["sub", "sub/"] {
            #expect {
                _ = try BatchRunner.run(options(folder, output: output), evaluator: Self.evaluator)
            } throws: { error in
                guard case .io(_, let message)? = error as? SrokError else { return false }
                return message.en.contains("a folder (-o takes a file)")
            }
        }
        #expect(folder.names == ["in.csv", "sub"])
    }

    @Test func aSocketIsRefused() throws {
        let folder = try TemporaryFolder()
        folder.write("in.csv", BatchRunnerTests.csv)
        let path = folder.file("s.sock")
        #if canImport(Glibc)
            let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        #else
            let fd = socket(AF_UNIX, SOCK_STREAM, 0)
        #endif
        defer { close(fd) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        try #require(path.utf8.count < MemoryLayout.size(ofValue: address.sun_path))
        withUnsafeMutableBytes(of: &address.sun_path) { raw in for (k, b) in path.utf8.enumerated() { raw[k] = b } }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        try #require(bound == 0)
        #expect {
            _ = try BatchRunner.run(options(folder, output: "s.sock"), evaluator: Self.evaluator)
        } throws: { error in
            guard case .io(let p, let message)? = error as? SrokError else { return false }
            return p == path && message.en.hasPrefix("is a socket, which srok does not write")
        }
        #expect(Self.type(path) == .typeSocket)
    }
}
