import Foundation
import Testing

@testable import SrokBatch
@testable import SrokCore

/// How the Excel report reaches its path: written into an ``AtomicFile`` (a temporary file beside
/// it, as every batch output is), renamed only when complete.
@Suite("Excel report: the file")
struct XLSXReportFileTests {
    /// The temporary files in `folder`: `.<name>.srok-tmp-<pid>-` and 16 hex digits.
    private func temporaries(_ folder: TemporaryFolder, _ name: String = "report.xlsx") throws -> [String] {
        folder.names.filter { $0.hasPrefix(".\(name).srok-tmp-") }
    }

    private func mode(_ path: String) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }

    private func contents(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }

    /// While rows are written the old report stays; the temporary file is private (0600) under an
    /// unpredictable name; the commit puts a ZIP (an .xlsx is one: "PK\u{3}\u{4}") in place with
    /// the old file's permissions and leaves no temporary file. Both writers.
    @Test(arguments: [XLSXWriterKind.libxlsxwriter, .stream])
    func theReportReplacesTheOldOneOnlyOnCommit(kind: XLSXWriterKind) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.file("report.xlsx")
        try Data("old".utf8).write(to: URL(fileURLWithPath: path))
        chmod(path, 0o640)
        let writer: any XLSXReportBackend =
            kind == .stream
            ? try XLSXStreamWriter(path: path, sheetName: "Сроки", header: ["Номер"])
            : try XLSXReportWriter(path: path, sheetName: "Сроки", header: ["Номер"])
        try writer.appendRow([.text("1")])
        #expect(contents(path) == Data("old".utf8))
        let temps = try temporaries(folder)
        #expect(temps.count == 1)
        let suffix = try #require(temps.first).split(separator: "-").last.map(String.init) ?? ""
        #expect(suffix.count == 16 && suffix.allSatisfy(\.isHexDigit), "\(temps)")
        #expect(try mode(folder.file(temps[0])) == 0o600)
        try writer.commit(summary: XLSXSummary())
        #expect(contents(path)?.prefix(4) == Data([0x50, 0x4B, 0x03, 0x04]))
        #expect(try temporaries(folder).isEmpty)
        #expect(try mode(path) == 0o640)
        #expect(throws: SrokError.self) { try writer.appendRow([.text("2")]) }
        #expect(throws: SrokError.self) { try writer.commit(summary: XLSXSummary()) }
    }

    /// Two writers for the same path get different temporary files.
    @Test func temporaryNamesDiffer() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let a = try XLSXReportWriter(path: folder.file("report.xlsx"), sheetName: "Сроки", header: ["Номер"])
        let b = try XLSXReportWriter(path: folder.file("report.xlsx"), sheetName: "Сроки", header: ["Номер"])
        #expect(try Set(temporaries(folder)).count == 2)
        a.abandon()
        b.abandon()
        #expect(try temporaries(folder).isEmpty)
    }

    /// `abandon()`, or dropping the writer uncommitted, removes the temporary file and leaves the
    /// old report.
    @Test func abandoningLeavesTheOldReport() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.file("report.xlsx")
        try Data("old".utf8).write(to: URL(fileURLWithPath: path))
        let writer = try XLSXReportWriter(path: path, sheetName: "Сроки", header: ["Номер"])
        try writer.appendRow([.text("1")])
        try writer.appendRejected(XLSXRejectedRow(line: 2, column: "a", value: "b", reason: "c"))
        writer.abandon()
        writer.abandon()
        #expect(try temporaries(folder).isEmpty)
        #expect(contents(path) == Data("old".utf8))
        do {
            let dropped = try XLSXReportWriter(path: path, sheetName: "Сроки", header: ["Номер"])
            try dropped.appendRow([.text("1")])
            #expect(try temporaries(folder).count == 1)
        }
        #expect(try temporaries(folder).isEmpty)
        #expect(contents(path) == Data("old".utf8))
    }

    /// A commit that cannot rename (the path is a folder) fails with the path and the system's
    /// reason, removes the temporary file and leaves the folder as it was.
    @Test func aFailedRenameCleansUp() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.file("report.xlsx")
        try FileManager.default.createDirectory(atPath: path + "/inside", withIntermediateDirectories: true)
        let writer = try XLSXReportWriter(path: path, sheetName: "Сроки", header: ["Номер"])
        try writer.appendRow([.text("1")])
        do {
            try writer.commit(summary: XLSXSummary())
            Issue.record("the commit over a folder succeeded")
        } catch {
            guard case .io(let p, let message) = error else {
                Issue.record("\(error)")
                return
            }
            #expect(p == path)
            #expect(message.en.contains("rename"), "\(message.en)")
        }
        #expect(try temporaries(folder).isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: path) == ["inside"])
    }

    /// If the temporary file is replaced while the report is written (here: unlinked and created
    /// again under the same name), the commit refuses to rename what is there now (``AtomicFile``
    /// checks the device and inode; libxlsxwriter wrote into the file created, by its descriptor).
    @Test func aSwappedTemporaryFileIsNotPutInPlace() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.file("report.xlsx")
        let writer = try XLSXReportWriter(path: path, sheetName: "Сроки", header: ["Номер"])
        try writer.appendRow([.text("1")])
        let temp = folder.file(try #require(try temporaries(folder).first))
        try FileManager.default.removeItem(atPath: temp)
        try Data("someone else's".utf8).write(to: URL(fileURLWithPath: temp))
        #expect(throws: SrokError.self) { try writer.commit(summary: XLSXSummary()) }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    /// A folder that does not exist, a sheet name Excel refuses, two sheets with one name, and an
    /// empty header are errors before anything is written, and leave no file.
    @Test func refusedStarts() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        #expect(throws: SrokError.self) {
            _ = try XLSXReportWriter(path: folder.file("missing/report.xlsx"), sheetName: "Сроки", header: ["a"])
        }
        for name in ["Сроки/2025", "", String(repeating: "я", count: 32), "'Сроки'", "Сводка"] {
            do {
                _ = try XLSXReportWriter(path: folder.file("report.xlsx"), sheetName: name, header: ["a"])
                Issue.record("sheet name «\(name)» accepted")
            } catch {
                guard case .invalidValue(let field, let value, _) = error else {
                    Issue.record("\(error)")
                    continue
                }
                #expect(field == "Excel sheet name")
                #expect(value == name)
            }
        }
        #expect(throws: SrokError.self) {
            _ = try XLSXReportWriter(path: folder.file("report.xlsx"), sheetName: "Сроки", header: [])
        }
        #expect(folder.names.isEmpty)
    }

    /// libxlsxwriter's streaming files go to the folder given (created and unlinked at once, so the
    /// folder looks empty), and a folder that does not exist is an error naming it.
    @Test func theStreamingFilesFolder() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let scratch = folder.file("scratch")
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        let writer = try XLSXReportWriter(
            path: folder.file("report.xlsx"), sheetName: "Сроки", header: ["Номер"],
            options: XLSXReportOptions(durable: false, temporaryDirectory: scratch))
        for i in 0..<1000 { try writer.appendRow([.integer(i)]) }
        try writer.commit(summary: XLSXSummary())
        #expect(FileManager.default.fileExists(atPath: folder.file("report.xlsx")))
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch).isEmpty)
        do {
            _ = try XLSXReportWriter(
                path: folder.file("other.xlsx"), sheetName: "Сроки", header: ["Номер"],
                options: XLSXReportOptions(temporaryDirectory: folder.file("nowhere")))
            Issue.record("a missing streaming folder was accepted")
        } catch {
            #expect("\(error)".contains(folder.file("nowhere")), "\(error)")
        }
        #expect(try temporaries(folder, "other.xlsx").isEmpty)
    }
}
