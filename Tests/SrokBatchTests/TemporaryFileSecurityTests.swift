import Foundation
import Testing

@testable import SrokBatch
@testable import SrokCore

/// Issue 10, finding 1: the temporary file was `.<out>.srok-tmp-<pid>`, opened with
/// `O_CREAT | O_TRUNC` through any link: whoever can write the output's folder could plant a link
/// under an upcoming name and have srok overwrite the link's target with its own rights.
@Suite("Temporary files: unpredictable names, no link followed, private until renamed")
struct TemporaryFileSecurityTests {
    /// The mode bits of `path` itself (a link is not followed).
    static func mode(_ path: String) throws -> Int {
        try #require(FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
    }

    static func isLink(_ path: String) -> Bool {
        (try? FileManager.default.attributesOfItem(atPath: path)[.type] as? FileAttributeType) == .typeSymbolicLink
    }

    @Test func aLinkPlantedUnderTheOldPredictableNameIsNotFollowed() throws {
        let folder = try TemporaryFolder()
        folder.write("victim.txt", "precious\n")
        // What the attack plants: a link under the name the old scheme used for this process.
        let planted = folder.file(".out.csv.srok-tmp-\(getpid())")
        try FileManager.default.createSymbolicLink(atPath: planted, withDestinationPath: folder.file("victim.txt"))
        let file = try AtomicFile(target: folder.file("out.csv"), durable: false)
        try file.write(Array("new\n".utf8))
        try file.commit()
        #expect(folder.text("victim.txt") == "precious\n")
        #expect(folder.text("out.csv") == "new\n")
        #expect(Self.isLink(planted))
    }

    @Test func aLinkUnderTheDrawnNameIsLeftAloneAndAnotherNameDrawn() throws {
        // Tokens 1, then 2: the name for token 1 (16 hex digits, zero-padded) holds a planted link,
        // which O_EXCL | O_NOFOLLOW refuse to open; the file is made under token 2's name.
        let folder = try TemporaryFolder()
        folder.write("victim.txt", "precious\n")
        let pid = getpid()
        let planted = folder.file(".out.csv.srok-tmp-\(pid)-0000000000000001")
        try FileManager.default.createSymbolicLink(atPath: planted, withDestinationPath: folder.file("victim.txt"))
        var tokens: [UInt64] = [1, 2]
        let file = try AtomicFile(target: folder.file("out.csv"), durable: false, token: { tokens.removeFirst() })
        #expect(file.temporary == folder.file(".out.csv.srok-tmp-\(pid)-0000000000000002"))
        try file.write(Array("new\n".utf8))
        try file.commit()
        #expect(folder.text("victim.txt") == "precious\n")
        #expect(Self.isLink(planted))
        #expect(folder.text("out.csv") == "new\n")
    }

    @Test func twoFilesForOneTargetGetTwoNames() throws {
        // The old name depended on the process id only: a second file truncated the first.
        let folder = try TemporaryFolder()
        let a = try AtomicFile(target: folder.file("out.csv"), durable: false)
        let b = try AtomicFile(target: folder.file("out.csv"), durable: false)
        #expect(a.temporary != b.temporary)
        a.abandon()
        b.abandon()
        #expect(folder.names == [])
    }

    @Test func theTemporaryFileIsPrivateUntilItIsPrepared() throws {
        let folder = try TemporaryFolder()
        let file = try AtomicFile(target: folder.file("out.csv"), durable: false, mode: 0o644)
        try file.write(Array("rows\n".utf8))
        try file.flush()
        // Owner read and write only, whatever the umask (which can only take bits away).
        #expect(try Self.mode(file.temporary) == 0o600)
        try file.prepare()
        #expect(try Self.mode(file.temporary) == 0o644)
        try file.publish()
        #expect(try Self.mode(folder.file("out.csv")) == 0o644)
    }

    @Test func aReplacedFileKeepsItsPermissionBitsWithoutSetID() throws {
        // An output the user made group-only (0640) stays so; set-user-id and sticky bits
        // (0o4000, 0o1000) are not carried over to a data file.
        let folder = try TemporaryFolder()
        for (before, after) in [(0o640, 0o640), (0o600, 0o600), (0o4755, 0o755), (0o1644, 0o644)] {
            folder.write("out.csv", "old\n")
            try FileManager.default.setAttributes([.posixPermissions: before], ofItemAtPath: folder.file("out.csv"))
            let file = try AtomicFile(target: folder.file("out.csv"), durable: false)
            try file.write(Array("new\n".utf8))
            try file.commit()
            #expect(try Self.mode(folder.file("out.csv")) == after, "\(String(before, radix: 8))")
            #expect(folder.text("out.csv") == "new\n")
        }
    }
}
