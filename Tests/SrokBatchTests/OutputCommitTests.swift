import Foundation
import Testing

@testable import SrokBatch
@testable import SrokCore

/// Issue 10, finding 11: the output, the rejects and the summary were renamed one after another,
/// the summary written only after the other two were in place, so a kill, a signal or a full
/// disk in between left a new output beside old rejects and summary. Now every file is complete
/// and synced before the first rename, and the output is renamed last (the commit point).
@Suite("Output set commit")
struct OutputCommitTests {
    func options(_ folder: TemporaryFolder) -> BatchRunOptions {
        var o = BatchRunOptions()
        o.language = .en  // the reasons these tests read are the English ones
        o.input = folder.file("in.csv")
        o.output = folder.file("out.csv")
        o.rejects = folder.file("rejects.csv")
        o.summaryJSON = folder.file("summary.json")
        o.durable = false
        return o
    }

    /// A folder holding a previous set (made by an earlier run on other input) and the new input.
    func previousSet() throws -> (TemporaryFolder, [String: String]) {
        let folder = try TemporaryFolder()
        folder.write("in.csv", "id,registered_at\nOLD,2024-03-01T10:00+03:00\n,\n")
        _ = try BatchRunner.run(options(folder), evaluator: BatchRunnerTests.evaluator)
        var previous: [String: String] = [:]
        for name in ["out.csv", "rejects.csv", "summary.json"] {
            let text = try #require(folder.text(name))
            previous[name] = text
        }
        folder.write("in.csv", BatchRunnerTests.csv)
        return (folder, previous)
    }

    /// Looks at the folder when the run is about to rename its files.
    final class Probe: BatchRunObserver {
        let folder: TemporaryFolder
        var temporaryFiles: [String] = []
        var targets: [String] = []
        var targetsThen: [String: String?] = [:]
        var temporaryThen: [String: String?] = [:]
        /// Done before the renames (to make one fail).
        var before: () -> Void = {}

        init(_ folder: TemporaryFolder) { self.folder = folder }

        func created(temporaryFile path: String) { temporaryFiles.append(path) }

        func replacing(_ targets: [String], _ replace: () throws(SrokError) -> Void) throws(SrokError) {
            self.targets = targets
            for name in ["out.csv", "rejects.csv", "summary.json"] { targetsThen[name] = folder.text(name) }
            for path in temporaryFiles {
                temporaryThen[path] = FileManager.default.contents(atPath: path).map {
                    String(decoding: $0, as: UTF8.self)
                }
            }
            before()
            try replace()
        }
    }

    @Test func everyFileIsCompleteBeforeAnyIsReplacedAndTheOutputGoesLast() throws {
        let (folder, previous) = try previousSet()
        let probe = Probe(folder)
        _ = try BatchRunner.run(options(folder), evaluator: BatchRunnerTests.evaluator, observer: probe)
        // The order of the renames: the rejects, the summary, the output.
        #expect(probe.targets == [folder.file("rejects.csv"), folder.file("summary.json"), folder.file("out.csv")])
        // Before: every target the previous one; every temporary file already what the target
        // became (the summary included), so nothing is written after the first rename.
        for name in ["out.csv", "rejects.csv", "summary.json"] {
            #expect(probe.targetsThen[name] == previous[name], "\(name)")
        }
        try #require(probe.temporaryFiles.count == 3)
        for (path, name) in zip(probe.temporaryFiles, ["out.csv", "rejects.csv", "summary.json"]) {
            #expect(probe.temporaryThen[path] == folder.text(name), "\(name)")
            #expect(folder.text(name) != previous[name], "\(name)")
        }
        #expect(folder.names == ["in.csv", "out.csv", "rejects.csv", "summary.json"])
    }

    @Test func aFailingRenameOfTheOutputNamesWhatWasReplaced() throws {
        // A folder put where the output is, after the files are written: renaming a file over a
        // folder fails (EISDIR), and does so last, after the rejects and the summary.
        let (folder, previous) = try previousSet()
        let probe = Probe(folder)
        probe.before = {
            try? FileManager.default.removeItem(atPath: folder.file("out.csv"))
            try? FileManager.default.createDirectory(
                atPath: folder.file("out.csv/inside"), withIntermediateDirectories: true)
        }
        #expect {
            _ = try BatchRunner.run(options(folder), evaluator: BatchRunnerTests.evaluator, observer: probe)
        } throws: { error in
            guard case .io(let path, let message)? = error as? SrokError else { return false }
            return path == folder.file("out.csv")
                && message.en.hasPrefix("cannot rename the finished file into place: ")
                && message.en.hasSuffix(
                    "; this run had already replaced \(folder.file("rejects.csv")), \(folder.file("summary.json")), and left the rest as they were"
                )
        }
        #expect(folder.text("rejects.csv") != previous["rejects.csv"])
        // No temporary file is left, whatever was renamed.
        #expect(folder.names == ["in.csv", "out.csv", "rejects.csv", "summary.json"])
    }
}
