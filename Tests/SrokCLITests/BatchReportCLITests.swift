import Foundation
import Testing

/// `srok batch IN -o report.xlsx` through the CLI: the Excel report is one of the batch's output
/// set, so a run that is interrupted or fails leaves neither the report nor its temporary file,
/// and a workbook is never written to standard output.
@Suite("srok batch: the Excel report")
struct BatchReportCLITests {
    typealias Folder = OutputSetCLITests.Folder

    /// `rows` rows of `id,registered_at,term_days,stage,comment` (all good), about 80 bytes each.
    static func input(rows: Int) -> String {
        var text = "id,registered_at,term_days,stage,Комментарий\n"
        text.reserveCapacity(rows * 80)
        let stages = ["", "moderation", "execution", "approval"]
        for i in 0..<rows {
            let day = 1 + i % 28
            text +=
                "\(i),2024-03-\(day < 10 ? "0" : "")\(day)T10:15+03:00,\(1 + i % 30),\(stages[i % 4]),Яма у дома \(i)\n"
        }
        return text
    }

    /// Hidden files srok writes beside the report while it works: `.report.xlsx.srok-tmp-…`.
    static func temporaries(_ folder: Folder) -> [String] { folder.names.filter { $0.contains(".srok-tmp-") } }

    @Test func aReportIsAWorkbook() throws {
        let folder = try Folder()
        try folder.write("in.csv", Self.input(rows: 10))
        let r = try OutputSetCLITests.run(
            ["batch", "in.csv", "-o", "report.xlsx"] + OutputSetCLITests.asOf, in: folder)
        #expect(r.status == 0, "\(r.stderr)")
        let bytes = try Data(contentsOf: folder.url.appendingPathComponent("report.xlsx"))
        #expect(bytes.prefix(4) == Data([0x50, 0x4B, 0x03, 0x04]))  // a ZIP's local file header
        #expect(folder.names == ["in.csv", "report.xlsx", "report.xlsx.rejects.csv"])
    }

    @Test func standardOutputIsRefused() throws {
        let folder = try Folder()
        try folder.write("in.csv", Self.input(rows: 10))
        for arguments in [["--output-format", "xlsx"], ["-o", "-", "--output-format", "xlsx"]] {
            let r = try OutputSetCLITests.run(["batch", "in.csv"] + arguments + OutputSetCLITests.asOf, in: folder)
            #expect(r.status == 2, "\(r.stderr)")
            // In Russian (the default): what is refused and why, then what to write instead.
            #expect(r.stderr.contains("книгу Excel нельзя записать в стандартный вывод"), "\(r.stderr)")
            #expect(r.stderr.contains("-o report.xlsx"), "\(r.stderr)")
        }
        #expect(folder.names == ["in.csv"])
    }

    /// SIGTERM while the report is being written: the temporary file is removed, no report appears.
    @Test(.timeLimit(.minutes(3)))
    func anInterruptedRunLeavesNoReport() throws {
        let folder = try Folder()
        try folder.write("in.csv", Self.input(rows: 300_000))
        let process = Process()
        process.executableURL = CLI.executable
        process.arguments = ["batch", "in.csv", "-o", "report.xlsx", "-j", "1"] + OutputSetCLITests.asOf
        process.currentDirectoryURL = folder.url
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        let err = Pipe()
        process.standardError = err
        try process.run()
        var waited = 0
        while Self.temporaries(folder).count < 2 && process.isRunning && waited < 30_000 {
            usleep(10_000)
            waited += 10
        }
        usleep(200_000)
        let stillRunning = process.isRunning
        kill(process.processIdentifier, SIGTERM)
        let text = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        try #require(stillRunning, "the run ended before it could be interrupted: \(text)")
        #expect(process.terminationStatus == 128 + SIGTERM, "\(text)")
        #expect(text.contains("прервано; вывод не записан"), "\(text)")
        #expect(!folder.names.contains("report.xlsx"))
        #expect(Self.temporaries(folder).isEmpty, "\(folder.names)")
    }

    /// A write that fails midway (a file size limit, as a full disk would: EFBIG): exit 2 with
    /// the report's path and the system's reason, and no report or temporary file left.
    @Test(.timeLimit(.minutes(3)))
    func aFailedWriteLeavesNoReport() throws {
        let folder = try Folder()
        try folder.write("in.csv", Self.input(rows: 100_000))
        let r = try OutputSetCLITests.run(
            ["batch", "in.csv", "-o", "report.xlsx"] + OutputSetCLITests.asOf, in: folder,
            shell: "ulimit -f 256; trap '' XFSZ")
        #expect(r.status == 2, "\(r.stderr)")
        #expect(r.stderr.contains("report.xlsx"), "\(r.stderr)")
        // The system's reason in glibc's Russian words (libc.mo, ru: EFBIG).
        #expect(r.stderr.contains("Файл слишком велик"), "\(r.stderr)")
        #expect(folder.names == ["in.csv"])
    }
}
