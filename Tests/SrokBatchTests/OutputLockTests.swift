import Foundation
import Synchronization
import Testing

@testable import SrokBatch
@testable import SrokCore

/// Issue 10, finding 11 (its concurrent-run part): two runs on one output interleaved their
/// renames, leaving one run's output beside the other's rejects. Each run now locks every file
/// it replaces (`flock` on `.<name>.srok-lock` beside it) for its whole length.
@Suite("Output lock")
struct OutputLockTests {
    @Test func aSecondLockFailsWithoutWaitingAndTheLockFileGoesWithTheLock() throws {
        let folder = try TemporaryFolder()
        let target = folder.file("out.csv")
        let first = try OutputLock(target: target, wait: false) {}
        #expect(first.path == folder.file(".out.csv.srok-lock"))
        #expect(folder.names == [".out.csv.srok-lock"])
        // flock locks belong to an open file, so a second open in this process conflicts too.
        #expect {
            _ = try OutputLock(target: target, wait: false) {}
        } throws: { error in
            guard case .io(let path, let message)? = error as? SrokError else { return false }
            return path == target
                && message.en
                    == "another srok run is writing it (it holds \(folder.file(".out.csv.srok-lock"))); rerun when that run has finished, or without --no-wait to wait for it"
        }
        first.release()
        #expect(folder.names == [])
        let again = try OutputLock(target: target, wait: false) {}
        again.release()
        #expect(folder.names == [])
    }

    @Test func aWaitingLockIsTakenWhenTheHolderReleases() throws {
        let folder = try TemporaryFolder()
        let target = folder.file("out.csv")
        let first = try OutputLock(target: target, wait: false) {}
        let events = Mutex<[String]>([])
        let done = DispatchSemaphore(value: 0)
        Thread {
            // The holder removes the lock file when it releases: the waiter, locked on the
            // removed file, must lock the path anew (a new file) rather than go on with it.
            if let second = try? OutputLock(
                target: target, wait: true, waiting: { events.withLock { $0.append("waiting") } })
            {
                events.withLock { $0.append("locked \(FileManager.default.fileExists(atPath: second.path))") }
                second.release()
            }
            done.signal()
        }.start()
        // Until the holder lets go, the waiter only says it waits.
        var waited = 0
        while events.withLock({ $0 }).isEmpty && waited < 5000 {
            usleep(1000)
            waited += 1
        }
        usleep(50_000)
        #expect(events.withLock { $0 } == ["waiting"])
        first.release()
        #expect(done.wait(timeout: .now() + 10) == .success)
        #expect(events.withLock { $0 } == ["waiting", "locked true"])
        #expect(folder.names == [])
    }

    @Test func aLockFileLeftByAKilledRunIsTakenOverAndRemoved() throws {
        let folder = try TemporaryFolder()
        folder.write(".out.csv.srok-lock", "")
        let lock = try OutputLock(target: folder.file("out.csv"), wait: false) {}
        lock.release()
        #expect(folder.names == [])
    }

    @Test func aLockNamePlantedAsALinkOrAFIFOIsRefused() throws {
        let folder = try TemporaryFolder()
        folder.write("victim.txt", "precious\n")
        try FileManager.default.createSymbolicLink(
            atPath: folder.file(".a.csv.srok-lock"), withDestinationPath: folder.file("victim.txt"))
        #expect(throws: SrokError.self) { _ = try OutputLock(target: folder.file("a.csv"), wait: false) {} }
        #expect(mkfifo(folder.file(".b.csv.srok-lock"), 0o600) == 0)
        #expect {
            _ = try OutputLock(target: folder.file("b.csv"), wait: false) {}
        } throws: { error in
            guard case .io(_, let message)? = error as? SrokError else { return false }
            return message.en.hasSuffix(
                "is not a lock file srok made (not a regular file, or one with other links): remove it and rerun")
        }
        #expect(folder.text("victim.txt") == "precious\n")
    }

    @Test func aRunHoldsTheLocksOfItsFilesAndReleasesThem() throws {
        // While a run is at its commit, each of its files is locked; afterwards no lock file is left.
        let folder = try TemporaryFolder()
        folder.write("in.csv", BatchRunnerTests.csv)
        var o = BatchRunOptions()
        o.language = .en  // the reasons these tests read are the English ones
        o.input = folder.file("in.csv")
        o.output = folder.file("out.csv")
        o.rejects = folder.file("rejects.csv")
        o.summaryJSON = folder.file("summary.json")
        o.durable = false
        final class Probe: BatchRunObserver {
            var locked: [String: Bool] = [:]
            let folder: TemporaryFolder
            init(_ folder: TemporaryFolder) { self.folder = folder }
            func replacing(_ targets: [String], _ replace: () throws(SrokError) -> Void) throws(SrokError) {
                for name in ["out.csv", "rejects.csv", "summary.json"] {
                    locked[name] = (try? OutputLock(target: folder.file(name), wait: false) {}) == nil
                }
                try replace()
            }
        }
        let probe = Probe(folder)
        _ = try BatchRunner.run(o, evaluator: BatchRunnerTests.evaluator, observer: probe)
        #expect(probe.locked == ["out.csv": true, "rejects.csv": true, "summary.json": true])
        #expect(folder.names == ["in.csv", "out.csv", "rejects.csv", "summary.json"])
    }
}
