import Foundation
import Testing

/// Runs `srok batch` on an input text in a fresh temporary folder.
struct BatchRun {
    let dir: URL
    let result: CLI.Result
    var output: String { (try? String(contentsOf: dir.appendingPathComponent("out.csv"), encoding: .utf8)) ?? "" }
    var rejects: String {
        (try? String(contentsOf: dir.appendingPathComponent("out.csv.rejects.csv"), encoding: .utf8)) ?? ""
    }
    var outputLines: [String] {
        output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).filter { !$0.isEmpty }
    }
    var rejectLines: [String] { rejects.split(separator: "\n").map(String.init) }

    init(_ input: Data, name: String = "in.csv", _ extra: [String] = []) throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("srok-batch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try input.write(to: dir.appendingPathComponent(name))
        result = try CLI.run(
            [
                "batch", dir.appendingPathComponent(name).path, "-o", dir.appendingPathComponent("out.csv").path,
                "--as-of", "2024-04-20T12:00+03:00", "--no-progress",
            ] + extra)
    }

    init(_ text: String, name: String = "in.csv", _ extra: [String] = []) throws {
        try self.init(Data(text.utf8), name: name, extra)
    }

    func clean() { try? FileManager.default.removeItem(at: dir) }
}

@Suite("srok batch: good rows, bad rows")
struct BatchRowTests {
    static let header =
        "id,registered_at,tz,region,profile,term_days,fast_track_days,category,subcategory,regime,stage,stage_entered_at,postponed_until,extension_days,closed_at\n"
    static let good = "1,2024-03-30T10:15+03:00,,,,30,,,,,execution,2024-04-01T09:00+03:00,,,\n"
    static let good2 =
        "2,29.03.2024 10:15,Asia/Yekaterinburg,,brasovsky,,,Мусор,Уборка мусора во дворах,,coordination,,,,\n"

    /// Every kind of bad value, each with the column it must be reported against.
    static let bad: [(row: String, column: String, reason: String)] = [
        (",2024-03-30T10:15+03:00,,,,30,,,,,,,,,\n", "id", "empty"),
        ("3,,,,,30,,,,,,,,,\n", "registered_at", "empty"),
        ("4,2024-13-01,,,,30,,,,,,,,,\n", "registered_at", "not a date"),
        ("5,2025-02-30,,,,30,,,,,,,,,\n", "registered_at", "not a date"),
        ("6,30/03/2024,,,,30,,,,,,,,,\n", "registered_at", "not a date"),
        ("7,2024-03-30T10:15+03:00,Europe/Atlantis,,,30,,,,,,,,,\n", "tz", "unknown time zone"),
        ("8,2024-03-30T10:15+03:00,,RU-ZZZ,,30,,,,,,,,,\n", "region", "unknown region"),
        ("9,2024-03-30T10:15+03:00,,,nowhere,30,,,,,,,,,\n", "profile", "unknown profile"),
        ("10,2024-03-30T10:15+03:00,,,,0,,,,,,,,,\n", "term_days", "out of range"),
        ("11,2024-03-30T10:15+03:00,,,,31,,,,,,,,,\n", "term_days", "1–30"),
        ("12,2024-03-30T10:15+03:00,,,,thirty,,,,,,,,,\n", "term_days", "not a term"),
        ("13,2024-03-30T10:15+03:00,,,krasnodar-krai,,30,,,,,,,,\n", "fast_track_days", "fast_track_days"),
        ("14,2024-03-30T10:15+03:00,,,,30,,,,sometimes,,,,,\n", "regime", "message or appeal"),
        ("15,2024-03-30T10:15+03:00,,,,30,,,,,lunch,,,,\n", "stage", "a stage"),
        ("16,2024-03-30T10:15+03:00,,,,30,,,,,execution,yesterday,,,\n", "stage_entered_at", "not a date"),
        (
            "17,2024-03-30T10:15+03:00,,,,30,,,,,execution,2024-03-01T10:00+03:00,,,\n", "stage_entered_at",
            "before registration"
        ),
        ("18,2024-03-30T10:15+03:00,,,,30,,,,,,,31.04.2024,,\n", "postponed_until", "not a date"),
        ("19,2024-03-30T10:15+03:00,,,,30,,,,,,,,10,\n", "extension_days", "appeal"),
        ("20,2024-03-30T10:15+03:00,,,,30,,,,appeal,,,,45,\n", "extension_days", "1–30"),
        ("21,2024-03-30T10:15+03:00,,,,30,,,,,,,,,soon\n", "closed_at", "not a date"),
        ("22,1998-06-01T10:00+03:00,,,,30,,,,,,,,,\n", "registered_at", "outside calendar"),
        ("23,2031-06-01T10:00+03:00,,,,30,,,,,,,,,\n", "registered_at", "outside calendar"),
        ("24,2024-03-30T10:15+03:00,,,,30\n", "row", "ragged row"),
        ("25,2024-03-30T10:15+03:00,,,,30,,,,,,,,,,,\n", "row", "ragged row"),
    ]

    @Test func everyBadValueIsRejectedWithItsColumnAndTheGoodRowsComeThrough() throws {
        var input = Self.header + Self.good
        for b in Self.bad { input += b.row + Self.good2 }
        // The reasons below are the English ones (the Russian are checked in LanguageCLITests).
        let run = try BatchRun(input, ["--lang", "en"])
        defer { run.clean() }
        #expect(run.result.status == 1)
        #expect(run.outputLines.count == 1 + 1 + Self.bad.count)  // header + every good row
        #expect(run.outputLines.dropFirst().allSatisfy { $0.hasPrefix("1,") || $0.hasPrefix("2,") })
        let rejects = run.rejectLines.dropFirst()
        #expect(rejects.count == Self.bad.count)
        for (k, b) in Self.bad.enumerated() {
            let line = 3 + 2 * k  // header is line 1, the first good row line 2
            let r = try #require(rejects.first { $0.hasPrefix("\(line),") }, "no reject at line \(line) for \(b.row)")
            #expect(r.contains(",\(b.column),"), "line \(line): \(r)")
            #expect(r.contains(b.reason), "line \(line): \(r)")
        }
        #expect(run.result.stderr.contains("rejected \(Self.bad.count)"))
    }

    @Test func strictCategoriesRejectsUnknownCategoriesAndTheDefaultGivesTheGeneralTerm() throws {
        let input =
            "id,registered_at,profile,category,subcategory\n1,2024-03-29T10:15+03:00,brasovsky,Мусор,Уборка мусора во дворах\n2,2024-03-29T10:15+03:00,brasovsky,Мусорр,Уборка мусора во дворах\n"
        let lenient = try BatchRun(input, ["--columns", "id,due_date,term"])
        defer { lenient.clean() }
        #expect(lenient.result.status == 0)
        #expect(lenient.outputLines == ["id,due_date,term", "1,2024-04-08,10", "2,2024-04-27,30"])
        let strict = try BatchRun(input, ["--columns", "id,due_date,term", "--strict-categories"])
        defer { strict.clean() }
        #expect(strict.result.status == 1)
        #expect(strict.outputLines == ["id,due_date,term", "1,2024-04-08,10"])
        // The value as the row wrote it (issue 12), not the category and subcategory joined.
        #expect(strict.rejects.contains("3,2,category,Мусорр,"))
    }

    @Test func bomCRLFSemicolonsAndQuotes() throws {
        let text =
            "\u{FEFF}Номер;Дата поступления;Категория;Подкатегория;Стадия\r\n\"7\";29.03.2024;\"Мусор\";\"Уборка мусора во дворах\";Исполнение\r\n\"8;x\";29.03.2024;\"Мус\"\"ор\";;Координация\r\n"
        let run = try BatchRun(text, ["--profile", "brasovsky", "--columns", "id,due_date,stage"])
        defer { run.clean() }
        #expect(run.result.status == 0)
        #expect(run.outputLines == ["id;due_date;stage", "7;2024-04-08;execution", "\"8;x\";2024-04-27;coordination"])
    }

    @Test func unbalancedQuoteLosesOnlyItsRow() throws {
        let text =
            "id,registered_at,term_days\n1,2024-03-30T10:15+03:00,30\n2,\"2024-03-30T10:15+03:00,30\n3,2024-03-30T10:15+03:00,30\n4,2024-03-30T10:15+03:00,\"30\"x\n5,2024-03-30T10:15+03:00,30\n"
        let run = try BatchRun(text, ["--columns", "id", "--lang", "en"])
        defer { run.clean() }
        #expect(run.outputLines == ["id", "1", "3", "5"])
        let rejects = run.rejectLines.dropFirst()
        #expect(rejects.count == 2)
        #expect(rejects.first?.hasPrefix("3,") == true)
        #expect(rejects.first?.contains("unbalanced quote") == true)
        #expect(rejects.last?.hasPrefix("5,") == true)
        #expect(rejects.last?.contains("closing quote") == true)
    }

    @Test func quotedLineBreaksAreOneRecord() throws {
        let text =
            "id,registered_at,term_days,category\n1,2024-03-30T10:15+03:00,30,\"две\nстроки\"\n2,2024-03-30T10:15+03:00,x,\n"
        let run = try BatchRun(text, ["--columns", "id"])
        defer { run.clean() }
        #expect(run.outputLines == ["id", "1"])
        // line numbers count the quoted break
        #expect(run.rejectLines.dropFirst().first?.hasPrefix("4,2,term_days") == true)
    }

    @Test func invalidUTF8IsRejectedNamingTheColumn() throws {
        var data = Data(
            "id,registered_at,term_days,category\n1,2024-03-30T10:15+03:00,30,ok\n2,2024-03-30T10:15+03:00,30,".utf8)
        data.append(contentsOf: [0xC3, 0x28, 0x0A])
        data.append(Data("3,2024-03-30T10:15+03:00,30,\n".utf8))
        // Read as UTF-8 (detected, the bytes would be Windows-1251 text «Г(»).
        let run = try BatchRun(data, ["--columns", "id", "--encoding", "utf-8"])
        defer { run.clean() }
        #expect(run.outputLines == ["id", "1", "3"])
        #expect(run.rejects.contains("3,,category,,недопустимый UTF-8"), "\(run.rejects)")
        let detected = try BatchRun(data, ["--columns", "id"])
        defer { detected.clean() }
        #expect(detected.outputLines == ["id", "1", "2", "3"])
    }

    @Test func invalidUTF8SplitAcrossQuotedFieldsIsRejected() throws {
        // «Д» is D0 94: a quoted field ending with D0 and the next one starting with 94 are each
        // invalid UTF-8, as they would be unquoted (the bytes are not read as one character).
        var data = Data("id,registered_at,term_days,category,subcategory\n2,2024-03-30T10:15+03:00,30,\"a".utf8)
        data.append(contentsOf: [0xD0])
        data.append(Data("\",\"".utf8))
        data.append(contentsOf: [0x94])
        data.append(Data("b\"\n".utf8))
        // Read as UTF-8 (detected, the file is not valid UTF-8 and would be Windows-1251 text).
        let run = try BatchRun(data, ["--columns", "id", "--encoding", "utf-8", "--lang", "en"])
        defer { run.clean() }
        #expect(run.outputLines == ["id"])
        #expect(run.rejects.contains("2,,category,,invalid UTF-8"))
    }

    @Test func missingRequiredHeaderIsFatal() throws {
        let run = try BatchRun("id,term_days\n1,30\n")
        defer { run.clean() }
        #expect(run.result.status == 2)
        #expect(run.result.stderr.contains("registered_at"))
        #expect(!FileManager.default.fileExists(atPath: run.dir.appendingPathComponent("out.csv").path))
    }

    @Test func jsonLinesInAndOut() throws {
        let text = """
            {"id": "a1", "registered_at": "2024-03-30T10:15+03:00", "term_days": 30, "stage": "execution"}
            {"id": "a2", "registered_at": "2024-03-30T10:15+03:00", "term_days": 31}
            not json
            {"Номер": "a3", "Дата поступления": "29.03.2024 10:15", "profile": "brasovsky", "Категория": "Мусор", "Подкатегория": "Уборка мусора во дворах", "extra": {"x": 1}}
            {"id": "a4", "registered_at": "2024-03-30T10:15+03:00", "term_days": null, "closed_at": "2024-04-02T10:00:00Z"}
            """ + "\n"
        let run = try BatchRun(text, name: "in.jsonl", ["--columns", "id,due_date,status,remaining_minutes,stage"])
        defer { run.clean() }
        #expect(run.result.status == 1)
        let lines = run.outputLines
        #expect(lines.count == 2)
        #expect(
            lines[0]
                == #"{"id":"a1","due_date":"2024-04-27","status":"ok","remaining_minutes":10799,"stage":"execution"}"#)
        #expect(
            lines[1].contains(#""id":"a4""#) && lines[1].contains(#""status":"closed""#)
                && lines[1].contains(#""stage":null"#))
        #expect(run.rejectLines.count == 4)  // header + a2 (31 days) + not json + a3 (nested object)
        #expect(run.rejects.contains("2,a2,term_days"))
        #expect(run.rejects.contains("3,,row,not json"))
    }

    @Test func jsonLinesKeysInAnyOrderPerLine() throws {
        // The reader checks each key against the previous line's key at that position first;
        // lines that reorder, drop or add keys must read the same.
        let text = """
            {"id": "k1", "registered_at": "2024-03-30T10:15+03:00", "term_days": 30}
            {"term_days": 30, "id": "k2", "registered_at": "2024-03-30T10:15+03:00"}
            {"registered_at": "2024-03-30T10:15+03:00", "id": "k3"}
            {"id": "k4", "extra": 7, "registered_at": "2024-03-30T10:15+03:00", "term_days": 10}
            {"id": "k5", "registered_at": "2024-03-30T10:15+03:00", "term_days": 30}
            """ + "\n"
        let run = try BatchRun(text, name: "in.jsonl", ["--columns", "id,due_date"])
        defer { run.clean() }
        #expect(run.result.status == 0, "\(run.rejects)")
        #expect(
            run.outputLines == [
                #"{"id":"k1","due_date":"2024-04-27"}"#, #"{"id":"k2","due_date":"2024-04-27"}"#,
                #"{"id":"k3","due_date":"2024-04-27"}"#, #"{"id":"k4","due_date":"2024-04-09"}"#,
                #"{"id":"k5","due_date":"2024-04-27"}"#,
            ])
    }

    @Test func sameOutputForAnyCutOfMalformedQuotes() throws {
        // Good rows around every way a quote can go wrong: text after a closing quote, a quote
        // that opens a field and closes lines later (ragged, or followed by text), one that never
        // closes on its line. Whatever the jobs and chunk size, the same rows come out and the
        // same rows are rejected.
        let bad = [
            "\"a\"x,\"b", "\"c,d", "z\",1,2", "\"open,2024-03-30T10:15+03:00,30", "q\"\"r,2024-03-30T10:15+03:00,30",
            "\"multi\nline\",2024-03-30T10:15+03:00,30", "\"m\nx\"y,1", "\"\"\"t\"\",2024-03-30T10:15+03:00,30\r",
        ]
        var state: UInt64 = 0x9E37_79B9
        func next(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33) % n
        }
        var text = "id,registered_at,term_days\n"
        for i in 0..<400 {
            if next(5) == 0 {
                text += bad[next(bad.count)] + "\n"
            } else {
                text += "\(i),2024-03-\(10 + i % 18)T10:15+03:00,30\n"
            }
        }
        let reference = try BatchRun(text, ["-j", "1", "--columns", "id,due"])
        defer { reference.clean() }
        #expect(reference.result.status == 1)
        #expect(reference.outputLines.count > 250)
        for extra in [
            ["-j", "2", "--chunk-bytes", "64"], ["-j", "4", "--chunk-bytes", "200"],
            ["-j", "2", "--chunk-bytes", "1500"], ["-j", "3", "--chunk-bytes", "97"],
        ] {
            let run = try BatchRun(text, extra + ["--columns", "id,due"])
            defer { run.clean() }
            #expect(run.output == reference.output, "\(extra)")
            #expect(run.rejects == reference.rejects, "\(extra)")
        }
    }

    @Test func sameOutputForAnyNumberOfJobsAndChunks() throws {
        var input = Self.header
        for i in 0..<3000 {
            let day = 1 + i % 28
            let month = 1 + i % 12
            input +=
                "\(i),\(String(format: "%04d-%02d-%02dT%02d:17+03:00", 2020 + i % 6, month, day, i % 24)),,\(["", "RU-TA", "RU-BA"][i % 3]),,\(i % 7 == 0 ? "" : "30"),\(i % 7 == 0 ? "10" : ""),,,,\(["moderation", "execution", "approval"][i % 3]),,,,\n"
            if i % 97 == 0 { input += "bad\(i),2025-02-30,,,,30,,,,,,,,,\n" }
        }
        let one = try BatchRun(input, ["-j", "1"])
        let many = try BatchRun(input, ["-j", "4", "--chunk-bytes", "4096"])
        let two = try BatchRun(input, ["-j", "2", "--chunk-bytes", "65536"])
        defer {
            one.clean()
            many.clean()
            two.clean()
        }
        #expect(one.result.status == 1)
        #expect(one.outputLines.count == 3001)
        #expect(one.output == many.output)
        #expect(one.output == two.output)
        #expect(one.rejects == many.rejects)
        #expect(one.rejects == two.rejects)
    }

    @Test func summaryJSONAndStdout() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("srok-sum-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let summary = dir.appendingPathComponent("summary.json").path
        let r = try CLI.run(
            [
                "batch", "-", "-o", "-", "--rejects", dir.appendingPathComponent("rej.csv").path, "--summary-json",
                summary,
                "--as-of", "2024-04-20T12:00+03:00", "--columns", "id,status",
            ],
            stdin:
                "id,registered_at,term_days,organisation\n1,2024-03-01,30,Администрация\n2,2024-04-01,30,Администрация\n3,xx,30,Школа\n"
        )
        #expect(r.status == 1)
        #expect(r.stdout == "id,status\n1,overdue\n2,ok\n")  // 2: 19.5 of 27 days used (72 %)
        let o = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: summary))) as? [String: Any])
        #expect(o["rows_read"] as? Int == 3)
        #expect(o["rows_written"] as? Int == 2)
        #expect(o["rows_rejected"] as? Int == 1)
        #expect((o["by_status"] as? [String: Int])?["overdue"] == 1)
        #expect((o["by_organisation"] as? [String: Int])?["Администрация"] == 2)
        // The summary in Russian (the default), on stderr and in the file beside the codes.
        #expect(r.stderr.contains("строк прочитано 3, записано 2, отклонено 1"), "\(r.stderr)")
        #expect(r.stderr.contains("статус: в срок 1, просрочено 1"), "\(r.stderr)")
        #expect(o["language"] as? String == "ru")
        #expect((o["summary_text"] as? String)?.contains("строк прочитано 3, записано 2, отклонено 1") == true)
    }
}

@Suite("srok batch: atomic output")
struct BatchAtomicityTests {
    @Test func anInterruptedRunLeavesThePreviousOutputAndNoTemporaryFile() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("srok-kill-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("out.csv")
        try "previous output\n".write(to: out, atomically: true, encoding: .utf8)
        // An input that never ends: the batch is killed while it is still reading.
        let process = Process()
        process.executableURL = CLI.executable
        process.arguments = ["batch", "-", "-o", out.path, "--no-progress", "--as-of", "2024-04-20T12:00+03:00"]
        let input = Pipe()
        process.standardInput = input
        process.standardError = FileHandle.nullDevice
        try process.run()
        input.fileHandleForWriting.write(Data("id,registered_at,term_days\n".utf8))
        for i in 0..<20_000 { input.fileHandleForWriting.write(Data("\(i),2024-03-30T10:15+03:00,30\n".utf8)) }
        Thread.sleep(forTimeInterval: 0.3)
        process.terminate()  // SIGTERM
        process.waitUntilExit()
        #expect(process.terminationStatus != 0)
        #expect(try String(contentsOf: out, encoding: .utf8) == "previous output\n")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.contains("srok-tmp") }
        #expect(leftovers.isEmpty, "\(leftovers)")
    }

    @Test func withoutFsyncTheOutputIsTheSameAndStillRenamedIntoPlace() throws {
        var text = BatchRowTests.header
        for i in 0..<300 { text += "\(i),2024-03-\(10 + i % 18)T10:15+03:00,,,,30,,,,,execution,,,,\n" }
        let durable = try BatchRun(text)
        let fast = try BatchRun(text, ["--no-fsync"])
        defer {
            durable.clean()
            fast.clean()
        }
        #expect(durable.result.status == 0 && fast.result.status == 0)
        #expect(fast.outputLines.count == 301)
        #expect(fast.output == durable.output)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: fast.dir.path).filter {
            $0.contains("srok-tmp")
        }
        #expect(leftovers.isEmpty)
    }

    @Test func aReaderThatGoesAwayEndsTheRunWithAnErrorAndNoTemporaryFiles() throws {
        // `srok batch … -o - | head`: the closed pipe is a write error (exit 2), not a silent
        // death by SIGPIPE that leaves the rejects file's temporary behind.
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("srok-pipe-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        var text = "id,registered_at,term_days\n"
        for i in 0..<20_000 { text += "\(i),2024-03-30T10:15+03:00,30\n" }
        let input = dir.appendingPathComponent("in.csv")
        try text.write(to: input, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = CLI.executable
        process.arguments = [
            "batch", input.path, "-o", "-", "--no-progress", "--as-of", "2024-04-20T12:00+03:00",
            "--rejects", dir.appendingPathComponent("rejects.csv").path,
        ]
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        _ = out.fileHandleForReading.readData(ofLength: 100)
        try out.fileHandleForReading.close()
        let e = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 2, "\(e)")
        #expect(e.contains("стандартный вывод"), "\(e)")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.contains("srok-tmp") }
        #expect(leftovers.isEmpty, "\(leftovers)")
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/dev/full")))
    func aFailingStandardOutputIsAFatalErrorNotSilentLoss() throws {
        // /dev/full refuses every write (ENOSPC): the run must say so and exit 2, not report success.
        let rejects = FileManager.default.temporaryDirectory.appendingPathComponent(
            "srok-full-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: rejects) }
        let process = Process()
        process.executableURL = CLI.executable
        process.arguments = [
            "batch", "-", "-o", "-", "--no-progress", "--as-of", "2024-04-20T12:00+03:00", "--rejects", rejects.path,
        ]
        let input = Pipe()
        let err = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle(forWritingAtPath: "/dev/full")
        process.standardError = err
        try process.run()
        input.fileHandleForWriting.write(Data("id,registered_at,term_days\n1,2024-03-30T10:15+03:00,30\n".utf8))
        try input.fileHandleForWriting.close()
        let e = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 2)
        #expect(e.contains("стандартный вывод"), "\(e)")
    }

    @Test func aBadSummaryPathFailsBeforeAnyOutputIsInPlace() throws {
        let run = try BatchRun(
            BatchRowTests.header + BatchRowTests.good, ["--summary-json", "/nonexistent-srok-dir/summary.json"])
        defer { run.clean() }
        #expect(run.result.status == 2)
        #expect(run.result.stderr.contains("summary.json"), "\(run.result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: run.dir.appendingPathComponent("out.csv").path))
        #expect(!FileManager.default.fileExists(atPath: run.dir.appendingPathComponent("out.csv.rejects.csv").path))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: run.dir.path).filter {
            $0.contains("srok-tmp")
        }
        #expect(leftovers.isEmpty, "\(leftovers)")
    }
}

@Suite("srok batch: review findings")
struct BatchReviewTests {
    @Test func aBareQuoteInAnUnquotedFieldDoesNotMisplaceLaterCuts() throws {
        var text = "id,registered_at,term_days,category\n"
        text += "1,2024-03-30T10:15+03:00,30,5\" pipe\n"
        for i in 2..<40 {
            text +=
                i % 5 == 0 ? "\(i),2024-03-30T10:15+03:00,30,\"две\nстроки\"\n" : "\(i),2024-03-30T10:15+03:00,30,x\n"
        }
        for chunk in ["120", "200", "333", "4096"] {
            let run = try BatchRun(text, ["--columns", "id", "--chunk-bytes", chunk, "-j", "2"])
            defer { run.clean() }
            #expect(run.result.status == 0, "chunk \(chunk): \(run.rejects)")
            #expect(run.outputLines.count == 40, "chunk \(chunk)")
        }
    }
}

@Suite("srok batch: hostile input")
struct BatchHostileInputTests {
    @Test func devZeroIsAnErrorAfterAtMostTheHeaderLimitNotEndlessGrowth() throws {
        // /dev/zero never ends and has no line break: the header limit (64 KiB) stops the read.
        // It used to grow without bound; a 100 MB header line was echoed whole to stderr.
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("srok-zero-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let process = Process()
        process.executableURL = CLI.executable
        process.arguments = ["batch", "/dev/zero", "-o", dir.appendingPathComponent("out.csv").path, "--no-progress"]
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(20)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        let e = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationReason == .exit && process.terminationStatus == 2, "\(e.prefix(300))")
        #expect(e.contains("65536 байт"), "\(e.prefix(300))")
        // 80 NULs echoed as \u{0} (5 characters each) and the message around them.
        #expect(e.utf8.count < 800, "\(e.utf8.count) bytes on stderr")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
    }

    @Test func maxRecordBytesAndClassicMacLineEndsThroughTheCLI() throws {
        let long = "2,2024-03-30T10:15+03:00," + String(repeating: "7", count: 400)
        let text =
            ["id,registered_at,term_days", "1,2024-03-30T10:15+03:00,30", long, "3,2024-03-30T10:15+03:00,30"].joined(
                separator: "\r") + "\r"
        let run = try BatchRun(
            text, ["--columns", "id", "--max-record-bytes", "256", "--chunk-bytes", "64", "--lang", "en"])
        defer { run.clean() }
        #expect(run.result.status == 1)
        #expect(run.outputLines == ["id", "1", "3"])
        #expect(run.result.stderr.contains("read 3 rows, wrote 2, rejected 1"), "\(run.result.stderr)")
        // 25 + 400 + 1 bytes (the CR).
        #expect(
            run.rejects.contains("record too long: 426 bytes, more than the limit of 256 bytes (--max-record-bytes)"))
    }

    @Test func formulaEscapeAndItsOption() throws {
        let text =
            "id,registered_at,term_days,organisation\n=1+2,2024-03-30T10:15+03:00,30,@org\n+3,2024-03-30T10:15+03:00,x,-y\n"
        let escaped = try BatchRun(text, ["--columns", "id,organisation"])
        let raw = try BatchRun(text, ["--columns", "id,organisation", "--no-formula-escape"])
        defer {
            escaped.clean()
            raw.clean()
        }
        #expect(escaped.outputLines == ["id,organisation", "'=1+2,'@org"])
        #expect(escaped.rejectLines.dropFirst().first?.hasPrefix("3,'+3,term_days,x,") == true)
        #expect(raw.outputLines == ["id,organisation", "=1+2,@org"])
        #expect(raw.rejectLines.dropFirst().first?.hasPrefix("3,+3,term_days,x,") == true)
    }
}
