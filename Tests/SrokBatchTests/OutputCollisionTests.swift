import Foundation
import Testing

@testable import SrokBatch
@testable import SrokCore

/// Issue 10, finding 12: `--rejects` or `--summary-json` naming the output (or each other, or the
/// input) replaced one file with another — the rejects over the output, a corrupt set over a
/// good one. Any two of them naming one file, however spelled, is refused before anything is
/// created or replaced.
@Suite("Output paths naming one file")
struct OutputCollisionTests {
    static let evaluator = BatchRunnerTests.evaluator

    /// A folder with the input, a previous output and a previous rejects file.
    func folder() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        folder.write("in.csv", BatchRunnerTests.csv)
        folder.write("out.csv", "previous output\n")
        folder.write("rejects.csv", "previous rejects\n")
        try FileManager.default.createDirectory(atPath: folder.file("sub"), withIntermediateDirectories: false)
        return folder
    }

    func options(
        _ folder: TemporaryFolder, output: String = "out.csv", rejects: String? = "rejects.csv", summary: String? = nil
    ) -> BatchRunOptions {
        var o = BatchRunOptions()
        o.language = .en  // the reasons these tests read are the English ones
        o.input = folder.file("in.csv")
        o.output = folder.file(output)
        o.rejects = rejects.map { folder.file($0) }
        o.summaryJSON = summary.map { folder.file($0) }
        o.durable = false
        return o
    }

    /// Runs and expects the refusal of `field` with `value`, every file as it was and nothing new.
    func expectRefused(
        _ folder: TemporaryFolder, _ o: BatchRunOptions, field: String, value: String, naming other: String
    ) {
        let before = folder.names
        #expect {
            _ = try BatchRunner.run(o, evaluator: Self.evaluator)
        } throws: { error in
            guard case .invalidValue(let f, let v, let expected)? = error as? SrokError else { return false }
            return f == field && v == value && expected.en.contains(other)
                && expected.en.hasSuffix("which it would replace")
        }
        #expect(folder.names == before)
        #expect(folder.text("out.csv") == "previous output\n")
        #expect(folder.text("rejects.csv") == "previous rejects\n")
        #expect(folder.text("in.csv") == BatchRunnerTests.csv)
    }

    @Test func rejectsNamingTheOutputInAnotherSpelling() throws {
        let f = try folder()
        for spelling in ["out.csv", "./out.csv", "sub/../out.csv"] {
            expectRefused(
                f, options(f, rejects: spelling), field: "--rejects", value: f.file(spelling),
                naming: "-o names ('\(f.file("out.csv"))')")
        }
    }

    @Test func theSummaryNamingTheRejectsOrTheOutput() throws {
        let f = try folder()
        expectRefused(
            f, options(f, summary: "./rejects.csv"), field: "--summary-json", value: f.file("./rejects.csv"),
            naming: "--rejects names")
        expectRefused(
            f, options(f, summary: "out.csv"), field: "--summary-json", value: f.file("out.csv"), naming: "-o names")
        // The default rejects path, beside the output.
        expectRefused(
            f, options(f, rejects: nil, summary: "out.csv.rejects.csv"), field: "--summary-json",
            value: f.file("out.csv.rejects.csv"), naming: "--rejects names ('\(f.file("out.csv")).rejects.csv')")
    }

    @Test func aHardLinkOrASymbolicLinkToTheSameFile() throws {
        let f = try folder()
        // A hard link to the output as the rejects: another name, the same inode.
        try FileManager.default.linkItem(atPath: f.file("out.csv"), toPath: f.file("hard.csv"))
        expectRefused(
            f, options(f, rejects: "hard.csv"), field: "--rejects", value: f.file("hard.csv"), naming: "-o names")
        // The folder reached through a symbolic link.
        try FileManager.default.createSymbolicLink(atPath: f.file("alias"), withDestinationPath: f.path)
        expectRefused(
            f, options(f, rejects: "alias/out.csv"), field: "--rejects", value: f.file("alias/out.csv"),
            naming: "-o names")
        // Not yet existing, the same path through the link: still one file.
        expectRefused(
            f, options(f, rejects: "new.csv", summary: "alias/new.csv"), field: "--summary-json",
            value: f.file("alias/new.csv"), naming: "--rejects names")
    }

    @Test func anyOfThemNamingTheInput() throws {
        let f = try folder()
        expectRefused(
            f, options(f, rejects: "in.csv"), field: "--rejects", value: f.file("in.csv"), naming: "the input")
        expectRefused(
            f, options(f, summary: "./in.csv"), field: "--summary-json", value: f.file("./in.csv"), naming: "the input")
        expectRefused(f, options(f, output: "in.csv"), field: "-o", value: f.file("in.csv"), naming: "the input")
        // A symbolic link to the input is the input too.
        try FileManager.default.createSymbolicLink(atPath: f.file("in-link.csv"), withDestinationPath: f.file("in.csv"))
        var o = options(f, rejects: "rejects.csv")
        o.input = f.file("in-link.csv")
        o.rejects = f.file("in.csv")
        expectRefused(f, o, field: "--rejects", value: f.file("in.csv"), naming: "the input")
    }

    @Test func twoStreamsIntoOneCharacterDeviceAreAllowed() throws {
        // Writing the rows and the rejects into one device that discards them (/dev/zero here,
        // like /dev/null) or one terminal harms nothing: only looked at here, nothing is written.
        var o = BatchRunOptions()
        o.language = .en  // the reasons these tests read are the English ones
        o.input = "/dev/zero"
        o.output = "/dev/zero"
        o.rejects = "/dev/zero"
        o.summaryJSON = "/dev/zero"
        let targets = try OutputTargets(o)
        #expect(targets.inCommitOrder.map(\.kind) == [.stream, .stream, .stream])
    }

    @Test func distinctFilesPass() throws {
        let f = try folder()
        let report = try BatchRunner.run(options(f, summary: "sub/summary.json"), evaluator: Self.evaluator)
        #expect(report.stats.read == 4)
        #expect(f.names == ["in.csv", "out.csv", "rejects.csv", "sub"])
        #expect(f.text("sub/summary.json") != nil)
    }
}
