import Foundation
import Testing

@testable import SrokBatch
@testable import SrokCore

/// The output file a batch writes: under a temporary name beside the target until `commit()`
/// renames it into place; `abandon()` (or dropping it) leaves the previous file and no temporary.
@Suite("Atomic output file")
struct AtomicFileTests {
    /// The process's umask, from /proc (setting it to read it would race the other tests).
    static var umask: Int {
        let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        let line = status.split(separator: "\n").first { $0.hasPrefix("Umask:") }
        return line.flatMap { Int($0.dropFirst(6).trimmingCharacters(in: .whitespaces), radix: 8) } ?? 0o022
    }

    @Test func commitRenamesTheWholeFileIntoPlace() throws {
        let folder = try TemporaryFolder()
        folder.write("out.csv", "old\n")
        let file = try AtomicFile(target: folder.file("out.csv"))
        // The temporary name: hidden, beside the target, with the process id and 16 random hex digits.
        let name = String(file.temporary.dropFirst(folder.path.count + 1))
        let prefix = ".out.csv.srok-tmp-\(getpid())-"
        #expect(file.temporary == folder.file(name))
        #expect(name.hasPrefix(prefix) && name.count == prefix.count + 16)
        #expect(name.dropFirst(prefix.count).allSatisfy { "0123456789abcdef".contains($0) })
        #expect(file.temporaryPath == file.temporary)
        #expect(folder.names == [name, "out.csv"])
        // A small write (buffered), a block larger than the 1 MB buffer (written straight
        // through), and another small one: the file holds them in order.
        let big = [UInt8](repeating: 0x78, count: (1 << 20) + 17)
        try file.write(Array("a,b\n".utf8))
        try file.write(big)
        try file.write(Array("c\n".utf8))
        #expect(folder.text("out.csv") == "old\n", "the target is untouched until commit")
        try file.commit()
        #expect(folder.names == ["out.csv"])
        #expect(folder.text("out.csv") == "a,b\n" + String(repeating: "x", count: (1 << 20) + 17) + "c\n")
    }

    @Test func aNewFileHasModeSixSixSixLessTheUmask() throws {
        // As for any file a program creates with open(…, 0666): the umask takes away what the user denies.
        let folder = try TemporaryFolder()
        let file = try AtomicFile(target: folder.file("out.csv"), durable: false)
        try file.write(Array("x\n".utf8))
        try file.commit()
        let mode = try FileManager.default.attributesOfItem(atPath: folder.file("out.csv"))[.posixPermissions] as? Int
        #expect(mode == 0o666 & ~Self.umask)
    }

    @Test func abandonLeavesTheOldFileAndNoTemporary() throws {
        let folder = try TemporaryFolder()
        folder.write("out.csv", "old\n")
        let file = try AtomicFile(target: folder.file("out.csv"))
        try file.write(Array("new\n".utf8))
        try file.flush()
        file.abandon()
        #expect(folder.names == ["out.csv"])
        #expect(folder.text("out.csv") == "old\n")
    }

    @Test func droppingAnUncommittedFileRemovesItsTemporary() throws {
        let folder = try TemporaryFolder()
        do {
            let file = try AtomicFile(target: folder.file("out.csv"))
            try file.write(Array("new\n".utf8))
            #expect(folder.names.count == 1)
        }
        #expect(folder.names == [])
    }

    @Test func aFolderThatDoesNotExistIsNamedInTheError() throws {
        let folder = try TemporaryFolder()
        let target = folder.file("missing/out.csv")
        #expect {
            _ = try AtomicFile(target: target)
        } throws: { error in
            // ENOENT's text, as strerror gives it.
            guard case .io(let path, let message)? = error as? SrokError else { return false }
            return path == target
                && message.en == "cannot create a temporary file beside it: \(String(cString: strerror(ENOENT)))"
        }
    }

    @Test func standardOutputHasNoTemporaryFile() {
        #expect(StandardOutputSink().temporaryPath == nil)
    }
}
