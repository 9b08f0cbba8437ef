import Foundation
import Testing

@testable import SrokBatch
@testable import SrokCore

/// Issue 10, finding 13: temporary files left by a killed run (SIGKILL cannot be caught) stayed
/// forever. A later run on the same output removes those of its own naming pattern whose process
/// is gone, and only its user's.
@Suite("Stale temporary files")
struct StaleTemporaryFilesTests {
    /// The id of a process that has certainly ended: a child that ran and was reaped.
    static func deadPID() throws -> Int32 {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", "exit 0"]
        try p.run()
        p.waitUntilExit()
        return p.processIdentifier
    }

    @Test func theNamePatternAndItsProcessID() {
        #expect(StaleTemporaryFiles.ownerPID(of: ".out.csv.srok-tmp-123-00000000000000ff", name: "out.csv") == 123)
        // Earlier versions' name.
        #expect(StaleTemporaryFiles.ownerPID(of: ".out.csv.srok-tmp-123", name: "out.csv") == 123)
        for other in [
            ".out.csv.srok-tmp-", ".out.csv.srok-tmp-0", ".out.csv.srok-tmp-12x", ".out.csv.srok-tmp-123-00ff",
            ".out.csv.srok-tmp-123-00000000000000FF", ".out.csv.srok-tmp-99999999999",
            ".out.csv.srok-tmp-123-00000000000000ff.bak",
            ".other.csv.srok-tmp-123", "out.csv.srok-tmp-123", ".out.csv.srok-lock",
        ] {
            #expect(StaleTemporaryFiles.ownerPID(of: other, name: "out.csv") == nil, "\(other)")
        }
    }

    @Test func aRunRemovesWhatDeadRunsLeftAndNothingElse() throws {
        let folder = try TemporaryFolder()
        folder.write("in.csv", BatchRunnerTests.csv)
        let dead = try Self.deadPID()
        let live = getpid()
        let stale = [
            ".out.csv.srok-tmp-\(dead)-0123456789abcdef", ".out.csv.srok-tmp-\(dead)",
            ".rejects.csv.srok-tmp-\(dead)-fedcba9876543210", ".summary.json.srok-tmp-\(dead)-0000000000000001",
        ]
        let kept = [
            ".out.csv.srok-tmp-\(live)-0123456789abcdef",  // its process is alive
            ".out.csv.srok-tmp-1-0123456789abcdef",  // init: alive
            ".other.csv.srok-tmp-\(dead)-0123456789abcdef",  // another target's
            ".out.csv.srok-tmp-\(dead)-0123456789abcdef.keep", "notes.txt",
        ]
        for name in stale + kept { folder.write(name, "left\n") }
        var o = BatchRunOptions()
        o.language = .en  // the reasons these tests read are the English ones
        o.input = folder.file("in.csv")
        o.output = folder.file("out.csv")
        o.rejects = folder.file("rejects.csv")
        o.summaryJSON = folder.file("summary.json")
        o.durable = false
        _ = try BatchRunner.run(o, evaluator: BatchRunnerTests.evaluator)
        #expect(folder.names == (kept + ["in.csv", "out.csv", "rejects.csv", "summary.json"]).sorted())
    }

    @Test(.enabled(if: geteuid() == 0, "chown to another user needs root"))
    func anotherUsersFileIsKept() throws {
        let folder = try TemporaryFolder()
        let name = ".out.csv.srok-tmp-\(try Self.deadPID())-0123456789abcdef"
        folder.write(name, "theirs\n")
        #expect(chown(folder.file(name), 65534, 65534) == 0)
        #expect(StaleTemporaryFiles.remove(besides: folder.file("out.csv")) == [])
        #expect(folder.names == [name])
    }

    @Test func aLinkUnderThePatternIsNotFollowedOrRemoved() throws {
        // Only regular files are removed: a link planted under the pattern is left (and its
        // target untouched).
        let folder = try TemporaryFolder()
        folder.write("victim.txt", "precious\n")
        let name = ".out.csv.srok-tmp-\(try Self.deadPID())-0123456789abcdef"
        try FileManager.default.createSymbolicLink(
            atPath: folder.file(name), withDestinationPath: folder.file("victim.txt"))
        #expect(StaleTemporaryFiles.remove(besides: folder.file("out.csv")) == [])
        #expect(folder.names == [name, "victim.txt"])
    }

    @Test func pathsBesideABareNameAreRelative() {
        // `-o out.csv` without a folder: temporary, lock and stale files are in the working folder.
        #expect(AtomicFile.sibling(".x", of: "out.csv") == ".x")
        #expect(AtomicFile.sibling(".x", of: "/out.csv") == "/.x")
        #expect(AtomicFile.sibling(".x", of: "a/b/out.csv") == "a/b/.x")
        for (path, folder) in [("out.csv", "."), ("/out.csv", "/"), ("a/b/out.csv", "a/b")] {
            #expect(AtomicFile.split(path).folder == folder)
            #expect(AtomicFile.split(path).name == "out.csv")
        }
    }
}
