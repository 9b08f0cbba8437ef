import Foundation
import Synchronization
import Testing

/// `srok batch`'s output set through the CLI (issue 10, findings 2, 11 and 12): a device written
/// in place, a full disk while the summary is written, a second run on the same output, two
/// options naming one file.
@Suite("srok batch: the output set")
struct OutputSetCLITests {
    /// A fresh folder, removed at the end.
    final class Folder {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("srok-set-\(UUID().uuidString)")
        init() throws { try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true) }
        deinit { try? FileManager.default.removeItem(at: url) }
        func path(_ name: String) -> String { url.appendingPathComponent(name).path }
        func text(_ name: String) -> String? { try? String(contentsOfFile: path(name), encoding: .utf8) }
        func write(_ name: String, _ text: String) throws {
            try text.write(toFile: path(name), atomically: false, encoding: .utf8)
        }
        var names: [String] { ((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []).sorted() }
    }

    /// Runs `srok` with `arguments` in `folder` (its working folder), through `/bin/sh -c` when
    /// `shell` sets limits first; status and stderr.
    static func run(_ arguments: [String], in folder: Folder, shell: String? = nil) throws -> (
        status: Int32, stderr: String
    ) {
        let process = Process()
        if let shell {
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", shell + "; exec \"$0\" \"$@\"", CLI.executable.path] + arguments
        } else {
            process.executableURL = CLI.executable
            process.arguments = arguments
        }
        process.currentDirectoryURL = folder.url
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        let err = Pipe()
        process.standardError = err
        try process.run()
        let text = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, text)
    }

    static let asOf = ["--as-of", "2024-04-20T12:00+03:00", "--no-progress"]
    static let input = "id,registered_at,term_days\n1,2024-03-30T10:15+03:00,30\n2,not a date,30\n"

    static func isCharacterDevice(_ path: String) -> Bool {
        var st = stat()
        return lstat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFCHR
    }

    @Test func aCharacterDeviceIsWrittenInPlaceAndTheRejectsGoToTheWorkingFolder() throws {
        // As root the device is a null device made in the test's folder (so that the old code,
        // which replaced it, could not replace the system's /dev/null); otherwise /dev/null, which
        // the old code could not replace without root either.
        let folder = try Folder()
        try folder.write("in.csv", Self.input)
        var device = "/dev/null"
        if geteuid() == 0 {
            device = folder.path("null")
            // Major 1, minor 3 (Linux's null device), in Linux's dev_t encoding: major << 8 | minor.
            try #require(
                mknod(device, S_IFCHR | 0o666, dev_t(1 << 8 | 3)) == 0, "mknod: \(String(cString: strerror(errno)))")
        }
        try #require(Self.isCharacterDevice(device), "\(device) is not a character device on this machine")
        let r = try Self.run(["batch", "in.csv", "-o", device] + Self.asOf, in: folder)
        #expect(r.status == 1, "\(r.stderr)")
        #expect(Self.isCharacterDevice(device))
        // Not `<device>.rejects.csv` (a file in /dev): the working folder's srok-rejects.csv.
        #expect(
            folder.text("srok-rejects.csv")?.hasPrefix("line,id,column,value,reason\n3,2,registered_at,not a date,")
                == true)
        #expect(!FileManager.default.fileExists(atPath: device + ".rejects.csv"))
        #expect(folder.names.filter { $0.hasPrefix(".") } == [])
    }

    @Test func aFullDiskWhileTheSummaryIsWrittenLeavesThePreviousSet() throws {
        // A file size limit (ulimit -f, with SIGXFSZ ignored so that a write past it fails with
        // EFBIG, as on a full disk) that the output and the rejects fit in but the summary does
        // not: 400 organisations of about 90 bytes each are listed twice in it (by_organisation
        // and overdue_by_organisation), well over 16 blocks of 512 or 1024 bytes.
        let folder = try Folder()
        var text = "id,registered_at,term_days,organisation\n"
        for i in 0..<400 {
            text += "\(i),2024-03-01T10:15+03:00,30,Организация номер \(i) с длинным названием для сводки\n"
        }
        text += "bad,not a date,30,\n"
        try folder.write("in.csv", text)
        try folder.write("old.csv", "id,registered_at\nOLD,2024-03-01T10:00+03:00\n,\n")
        let arguments = ["-o", "out.csv", "--summary-json", "summary.json", "--columns", "id"] + Self.asOf
        let first = try Self.run(["batch", "old.csv"] + arguments, in: folder)
        #expect(first.status == 1, "\(first.stderr)")
        let previous = ["out.csv", "out.csv.rejects.csv", "summary.json"].map { folder.text($0) }

        let r = try Self.run(["batch", "in.csv"] + arguments, in: folder, shell: "ulimit -f 16; trap '' XFSZ")
        #expect(r.status == 2, "\(r.stderr)")
        // EFBIG: glibc's Russian text (the default language).
        #expect(r.stderr.contains("summary.json: ошибка записи: Файл слишком велик"), "\(r.stderr)")
        // The output and the rejects were complete, but are not put in place without the summary.
        #expect(["out.csv", "out.csv.rejects.csv", "summary.json"].map { folder.text($0) } == previous)
        #expect(folder.names == ["in.csv", "old.csv", "out.csv", "out.csv.rejects.csv", "summary.json"])
    }

    @Test func aSecondRunOnTheSameOutputWaitsOrWithNoWaitFails() throws {
        let folder = try Folder()
        try folder.write("second.csv", "id,registered_at,term_days\nSECOND,2024-03-30T10:15+03:00,30\n")
        // The first run reads a pipe that stays open: it holds the lock until the pipe is closed.
        let first = Process()
        first.executableURL = CLI.executable
        first.arguments =
            ["batch", "-", "-o", folder.path("out.csv"), "--chunk-bytes", "4096", "--columns", "id"] + Self.asOf
        let input = Pipe()
        first.standardInput = input
        first.standardOutput = FileHandle.nullDevice
        first.standardError = FileHandle.nullDevice
        try first.run()
        var rows = "id,registered_at,term_days\n"
        for i in 0..<2000 { rows += "FIRST\(i),2024-03-30T10:15+03:00,30\n" }
        input.fileHandleForWriting.write(Data(rows.utf8))
        var waited = 0
        while !FileManager.default.fileExists(atPath: folder.path(".out.csv.srok-lock")) && waited < 3000 {
            usleep(10_000)
            waited += 1
        }
        try #require(FileManager.default.fileExists(atPath: folder.path(".out.csv.srok-lock")))

        // --no-wait: refused at once, naming the lock.
        let refused = try Self.run(
            ["batch", "second.csv", "-o", "out.csv", "--columns", "id", "--no-wait", "--lang", "en"] + Self.asOf,
            in: folder)
        #expect(refused.status == 2)
        #expect(
            refused.stderr
                == "srok: out.csv: another srok run is writing it (it holds .out.csv.srok-lock); rerun when that run has finished, or without --no-wait to wait for it\n",
            "\(refused.stderr)")

        // Without: it says it waits, and goes on once the first run has finished.
        let second = Process()
        second.executableURL = CLI.executable
        second.arguments = ["batch", "second.csv", "-o", "out.csv", "--columns", "id"] + Self.asOf
        second.currentDirectoryURL = folder.url
        second.standardInput = FileHandle.nullDevice
        second.standardOutput = FileHandle.nullDevice
        let err = Pipe()
        second.standardError = err
        let heard = Mutex(Data())
        err.fileHandleForReading.readabilityHandler = { handle in
            let data = handle.availableData
            heard.withLock { $0.append(data) }
        }
        try second.run()
        // Until it says it waits (however slowly it starts), the first run keeps its lock.
        waited = 0
        while !heard.withLock({ String(decoding: $0, as: UTF8.self) }).contains("waiting") && waited < 3000 {
            usleep(10_000)
            waited += 1
        }
        #expect(second.isRunning)
        try input.fileHandleForWriting.close()
        first.waitUntilExit()
        second.waitUntilExit()
        err.fileHandleForReading.readabilityHandler = nil
        let said = heard.withLock {
            String(decoding: $0 + err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        }
        #expect(first.terminationStatus == 0)
        #expect(second.terminationStatus == 0, "\(said)")
        #expect(
            said.hasPrefix(
                "srok: out.csv записывает другой запуск srok; ждём, пока он закончит (с --no-wait — сразу ошибка)\n"),
            "\(said)")
        // The second run's set, written after the first's.
        #expect(folder.text("out.csv") == "id\nSECOND\n")
        #expect(folder.names == ["out.csv", "out.csv.rejects.csv", "second.csv"])
    }

    @Test func twoOptionsNamingOneFileExitTwoAndReplaceNothing() throws {
        let folder = try Folder()
        try folder.write("in.csv", Self.input)
        try folder.write("out.csv", "previous\n")
        for extra in [
            ["--rejects", "./out.csv"], ["--summary-json", "out.csv"], ["--rejects", "in.csv"],
            ["--summary-json", "out.csv.rejects.csv"],
        ] {
            let r = try Self.run(["batch", "in.csv", "-o", "out.csv", "--lang", "en"] + extra + Self.asOf, in: folder)
            #expect(r.status == 2)
            #expect(
                r.stderr.hasPrefix("srok: invalid \(extra[0]): '\(extra[1])'; expected a file other than "),
                "\(r.stderr)")
            #expect(folder.text("out.csv") == "previous\n")
            #expect(folder.text("in.csv") == Self.input)
            #expect(folder.names == ["in.csv", "out.csv"])
        }
    }
}
