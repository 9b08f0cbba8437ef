import Foundation
import Testing

@testable import SrokBatch
@testable import SrokCore

/// What `BatchRunner.run` made of an input: the report, the output and the rejects' lines.
struct HardeningRun {
    var report: BatchRunReport
    var output: String
    /// The rejects file's lines after its header.
    var rejects: [String]
    /// The output's lines after the CSV header (every line for JSON Lines).
    var rows: [String]
}

/// The batch reader against hostile input (issue 10: items 7, 8, 9, 10, 14 and 16): sizes from
/// the library's options, every line-end style, records longer than a chunk or than the limit,
/// oversized headers, JSON types and escapes, and spreadsheet formulas in the input's text.
@Suite("Batch input hardening")
struct InputHardeningTests {
    static let evaluator = BatchRunnerTests.evaluator
    static let header = "id,registered_at,term_days\n"
    /// A good row: registered on 1 March 2024, 30 days.
    static func row(_ id: String) -> String { "\(id),2024-03-01T10:00+03:00,30\n" }

    func run(_ input: [UInt8], name: String = "in.csv", _ configure: (inout BatchRunOptions) -> Void = { _ in }) throws
        -> HardeningRun
    {
        let folder = try TemporaryFolder()
        _ = FileManager.default.createFile(atPath: folder.file(name), contents: Data(input))
        var o = BatchRunOptions()
        o.language = .en  // the reasons these tests read are the English ones
        o.input = folder.file(name)
        o.output = folder.file(name.hasSuffix(".jsonl") ? "out.jsonl" : "out.csv")
        o.rejects = folder.file("rejects.csv")
        o.durable = false
        o.columns = [.id]
        configure(&o)
        let report = try BatchRunner.run(o, evaluator: Self.evaluator)
        let output = FileManager.default.contents(atPath: o.output).map { String(decoding: $0, as: UTF8.self) } ?? ""
        let rejects = (folder.text("rejects.csv") ?? "").split(separator: "\n").dropFirst().map(String.init)
        var rows = output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).filter {
            !$0.isEmpty
        }
        if (o.outputFormat ?? (name.hasSuffix(".jsonl") ? "jsonl" : "csv")) == "csv" { rows = Array(rows.dropFirst()) }
        return HardeningRun(report: report, output: output, rejects: rejects, rows: rows)
    }

    func run(_ text: String, name: String = "in.csv", _ configure: (inout BatchRunOptions) -> Void = { _ in }) throws
        -> HardeningRun
    {
        try run(Array(text.utf8), name: name, configure)
    }

    /// The same run with small and large chunks and one to three workers: the result must not
    /// depend on where the input is cut.
    func runEveryWay(
        _ text: String, name: String = "in.csv", _ configure: @escaping (inout BatchRunOptions) -> Void = { _ in }
    ) throws -> HardeningRun {
        let reference = try run(text, name: name) {
            configure(&$0)
            $0.jobs = 1
        }
        for (chunk, jobs) in [(64, 2), (97, 3), (200, 1), (1500, 2), (1 << 20, 3)] {
            let other = try run(text, name: name) {
                configure(&$0)
                $0.chunkBytes = chunk
                $0.jobs = jobs
            }
            #expect(other.output == reference.output, "chunk \(chunk), \(jobs) jobs")
            #expect(other.rejects == reference.rejects, "chunk \(chunk), \(jobs) jobs")
            #expect(other.report.stats == reference.report.stats, "chunk \(chunk), \(jobs) jobs")
        }
        return reference
    }

    func invalidField(_ body: () throws -> Void) -> String? {
        do {
            try body()
            return nil
        } catch let error as SrokError {
            if case .invalidValue(let field, _, _) = error { return field }
            return "\(error)"
        } catch { return "\(error)" }
    }

    // MARK: item 7

    @Test func sizesOutsideTheirBoundsAreRefusedByTheLibraryNotATrap() throws {
        // BatchRunOptions is public: a caller that skips the CLI's validation must get an error,
        // not an overflow in `chunkBytes * 2` (2^62) or an allocation of terabytes (10^12).
        let text = Self.header + Self.row("1")
        for bad in [1 << 62, 1_000_000_000_000, Int.max, Int.min, 0, -1, 63, (1 << 30) + 1] {
            #expect(
                invalidField { _ = try run(text) { $0.chunkBytes = bad } } == "--chunk-bytes", "\(bad)")
            #expect(
                invalidField { _ = try run(text) { $0.maxRecordBytes = bad } }
                    == "--max-record-bytes", "\(bad)")
        }
        for bad in [0, -1, 257, Int.max, Int.min] {
            #expect(invalidField { _ = try run(text) { $0.jobs = bad } } == "--jobs", "\(bad)")
        }
        // The bounds themselves run: 64-byte chunks and records (the row is 28 bytes), 256 workers, 1 GiB.
        for configure: (inout BatchRunOptions) -> Void in [
            { $0.chunkBytes = 64 }, { $0.maxRecordBytes = 64 }, { $0.jobs = 256 },
            { $0.maxRecordBytes = 1 << 30 },
        ] {
            let r = try run(text, configure)
            #expect(r.rows == ["1"])
        }
    }

    // MARK: item 8

    @Test func crOnlyLineEndsAreLineEnds() throws {
        // A classic Mac OS export: every line ends with a lone CR. It was read as one header line
        // ("read 0 rows", exit 0, every message lost).
        let text = (Self.header + Self.row("1") + Self.row("2") + "3,not a date,30\n" + Self.row("4"))
            .replacingOccurrences(of: "\n", with: "\r")
        let r = try runEveryWay(text)
        #expect(r.report.stats.read == 4 && r.report.stats.written == 3 && r.report.stats.rejected == 1)
        #expect(r.rows == ["1", "2", "4"])
        // The header is line 1, so row "3" is line 4.
        #expect(r.rejects.count == 1 && r.rejects[0].hasPrefix("4,3,registered_at,not a date,"))
    }

    @Test func lfCrLineEndsLeaveNoCarriageReturnInTheIds() throws {
        // `\n\r` is two line ends (an empty line between them): the CR used to start every id.
        let text = (Self.header + Self.row("1") + Self.row("2") + "3,not a date,30\n").replacingOccurrences(
            of: "\n", with: "\n\r")
        let r = try runEveryWay(text)
        #expect(r.rows == ["1", "2"])
        #expect(!r.output.contains("\r"))
        // Lines: header 1, empty 2, row 1 at 3, empty 4, row 2 at 5, empty 6, row 3 at 7.
        #expect(r.rejects.count == 1 && r.rejects[0].hasPrefix("7,3,registered_at,"))
    }

    @Test func mixedLineEndsAndACarriageReturnInsideQuotes() throws {
        // LF, CRLF, CR in one file; a CR inside a quoted field is text, not a line end.
        let text =
            "id,registered_at,term_days,organisation\r\n" + "1,2024-03-01T10:00+03:00,30,a\r"
            + "2,2024-03-01T10:00+03:00,30,\"b\rc\"\n"
            + "3,2024-03-01T10:00+03:00,30,d\r\n" + "4,2024-03-01T10:00+03:00,thirty,e\r"
            + "5,2024-03-01T10:00+03:00,30,f"
        let r = try runEveryWay(text, { $0.columns = [.id, .organisation] })
        #expect(r.rows == ["1,a", "2,\"b\rc\"", "3,d", "5,f"])
        // Row 2 spans lines 3 and 4 (the quoted CR), so row 3 is line 5 and row 4 is line 6.
        #expect(r.rejects.count == 1 && r.rejects[0].hasPrefix("6,4,term_days,thirty,"))
    }

    @Test func crOnlyJSONLines() throws {
        let text =
            "{\"id\":\"a\",\"registered_at\":\"2024-03-01T10:00+03:00\"}\r{\"id\":\"b\",\"registered_at\":\"2024-03-01T10:00+03:00\"}\r\n\r"
            + "{\"id\":\"c\",\"registered_at\":\"2024-03-01T10:00+03:00\"}"
        let r = try runEveryWay(text, name: "in.jsonl")
        #expect(r.rows == [#"{"id":"a"}"#, #"{"id":"b"}"#, #"{"id":"c"}"#])
        #expect(r.report.stats.read == 3 && r.rejects.isEmpty)
    }

    // MARK: item 9

    @Test func aQuotedFieldLongerThanManyChunksIsOneRecord() throws {
        // The field holds 100 lines shaped like rows (about 3 KB: more than 16 chunks of 64 bytes).
        // The planner used to cut it after 8 (then 16) chunks: the real row was rejected as never
        // closed and each embedded line read as a row; "9" was written as a real message.
        let embedded = String(repeating: "9,2024-03-02T10:00+03:00,30,x\n", count: 100)
        let text =
            "id,registered_at,term_days,category\n" + "1,2024-03-01T10:00+03:00,30,ok\n"
            + "2,2024-03-01T10:00+03:00,30,\"first\n" + embedded + "last\"\n" + "3,not a date,30,x\n"
            + "4,2024-03-01T10:00+03:00,30,ok\n"
        let r = try runEveryWay(text)
        #expect(r.rows == ["1", "2", "4"])
        #expect(r.report.stats.read == 4 && r.report.stats.rejected == 1)
        // Row 2 starts on line 3 and spans 102 lines (first, 100 embedded, last): row 3 is line 105.
        #expect(r.rejects.count == 1 && r.rejects[0].hasPrefix("105,3,registered_at,"))
    }

    // MARK: item 10

    @Test func aRecordLongerThanTheLimitIsOneRejectAndReadingGoesOn() throws {
        let long = "2,2024-03-01T10:00+03:00," + String(repeating: "7", count: 1000) + "\n"
        let text = Self.header + Self.row("1") + long + Self.row("3") + "4,not a date,30\n"
        let r = try runEveryWay(text, { $0.maxRecordBytes = 256 })
        #expect(r.rows == ["1", "3"])
        // Rows read: 1, the long one, 3 and 4 (the long row used to count as several).
        #expect(r.report.stats.read == 4 && r.report.stats.written == 2 && r.report.stats.rejected == 2)
        try #require(r.rejects.count == 2)
        // The long record is line 3; its value shows its first 64 bytes; its size is 25 + 1000 + 1.
        let value = String(long.prefix(64))
        // (Both the value and the reason hold commas: the rejects file quotes them.)
        #expect(
            r.rejects[0]
                == "3,,row,\"\(value)\",\"record too long: 1026 bytes, more than the limit of 256 bytes (--max-record-bytes); it is skipped whole and reading goes on after it\""
        )
        #expect(r.rejects[1].hasPrefix("5,4,registered_at,"))
    }

    @Test func aLongQuotedRecordIsSkippedWholeNotReadLineByLine() throws {
        // 300 bytes of quoted lines shaped like rows: one reject, none of them read as rows.
        let field = String(repeating: "8,2024-03-02T10:00+03:00,30\n", count: 12)  // 28 × 12 = 336 bytes
        let long = "2,2024-03-01T10:00+03:00,\"" + field + "\"\n"
        let text = Self.header + Self.row("1") + long + Self.row("3") + "4,not a date,30\n"
        let r = try runEveryWay(text, { $0.maxRecordBytes = 256 })
        #expect(r.rows == ["1", "3"])
        try #require(r.rejects.count == 2)
        // 25 + 1 + 336 + 1 + 1 bytes; the record spans lines 3 to 15, so row 3 is line 16 and row 4 line 17.
        // Its value is its first line (53 bytes), quoted with the quote doubled.
        #expect(
            r.rejects[0].hasPrefix(
                "3,,row,\"2,2024-03-01T10:00+03:00,\"\"8,2024-03-02T10:00+03:00,30\",\"record too long: 364 bytes,"))
        #expect(r.rejects[1].hasPrefix("17,4,registered_at,"))
    }

    @Test func aQuoteNeverClosedOverTheLimitIsOneRejectToTheEnd() throws {
        // A stray quote with more than the limit after it: the record runs to the end of the input.
        var text = Self.header + Self.row("1") + "2,2024-03-01T10:00+03:00,\"30\n"
        for i in 3..<20 { text += Self.row("\(i)") }
        let r = try runEveryWay(text, { $0.maxRecordBytes = 256 })
        #expect(r.rows == ["1"])
        #expect(r.report.stats.read == 2 && r.report.stats.rejected == 1)
        // 29 bytes of row 2 and 17 rows of 28 or 29 bytes (ids 3–9: 28, 10–19: 29): 29 + 7 × 28 + 10 × 29 = 515.
        #expect(r.rejects.count == 1 && r.rejects[0].hasPrefix("3,,row,"))
        #expect(
            r.rejects.first?.contains(
                "record too long: a quoted field opened in it is never closed, so it runs to the end of the input: 515 bytes, more than the limit of 256 bytes"
            ) == true)
        // Under the limit the old rule holds: that line is rejected and the rows after it are read.
        let short = try run(Self.header + Self.row("1") + "2,2024-03-01T10:00+03:00,\"30\n" + Self.row("3"))
        #expect(short.rows == ["1", "3"])
    }

    @Test func aJSONLineLongerThanTheLimitIsOneReject() throws {
        let good = { (id: String) in "{\"id\":\"\(id)\",\"registered_at\":\"2024-03-01T10:00+03:00\"}\n" }
        let long =
            "{\"id\":\"2\",\"organisation\":\"" + String(repeating: "o", count: 500)
            + "\",\"registered_at\":\"2024-03-01T10:00+03:00\"}\n"
        let r = try runEveryWay(good("1") + long + good("3"), name: "in.jsonl", { $0.maxRecordBytes = 256 })
        #expect(r.rows == [#"{"id":"1"}"#, #"{"id":"3"}"#])
        #expect(r.rejects.count == 1 && r.rejects[0].hasPrefix("2,,row,"))
        #expect(r.rejects[0].contains("record too long: \(long.utf8.count) bytes"))
    }

    @Test func atTheDefaultSizesA9MBQuotedFieldIsReadAndA17MBRecordIsOneReject() throws {
        // The issue's sizes, with the default chunk (1 MiB) and limit (16 MiB).
        let line = "9,2024-03-02T10:00+03:00,30,x\n"  // 30 bytes
        let quoted = "2,2024-03-01T10:00+03:00,30,\"" + String(repeating: line, count: 310_000) + "\"\n"  // 9.3 MB
        let huge = "3,2024-03-01T10:00+03:00,30," + String(repeating: "z", count: 17 << 20) + "\n"
        let text =
            "id,registered_at,term_days,category\n" + "1,2024-03-01T10:00+03:00,30,ok\n" + quoted + huge
            + "4,2024-03-01T10:00+03:00,30,ok\n"
        let r = try run(text)
        #expect(r.rows == ["1", "2", "4"])
        #expect(r.report.stats.read == 4 && r.report.stats.rejected == 1)
        // Row 2 starts on line 3 and spans 310 001 lines, so row 3 is line 310 004.
        #expect(r.rejects.count == 1 && r.rejects[0].hasPrefix("310004,,row,\"3,2024-03-01T10:00+03:00,30,zzz"))
        #expect(
            r.rejects.first?.contains(
                "record too long: \(huge.utf8.count) bytes, more than the limit of 16777216 bytes") == true)
    }

    // MARK: item 14

    @Test func aHeaderLongerThanItsLimitIsAnErrorEchoingAShortPrefix() throws {
        // 64 KiB is the limit; this first line is 70 000 bytes and used to be read whole (a
        // 100 MB one took 506 MB and was echoed to stderr).
        let text = "id,registered_at," + String(repeating: "h", count: 70_000) + "\n" + Self.row("1")
        for chunk in [64, 1 << 20] {
            #expect {
                _ = try run(text) { $0.chunkBytes = chunk }
            } throws: { error in
                guard case .invalidValue(let field, let value, let expected)? = error as? SrokError else {
                    return false
                }
                return field == "header" && value == "id,registered_at," + String(repeating: "h", count: 63) + "…"
                    && expected.en.contains("65536 bytes")
            }
        }
        // A header of exactly 65 536 bytes with its line end is read (17 + 65 518 + 1).
        let exact = "id,registered_at," + String(repeating: "h", count: 65_536 - 17 - 1) + "\n"
        #expect(exact.utf8.count == 65_536)
        #expect(try run(exact + Self.row("1")).rows == ["1"])
        // So is one that ends the input without a line end.
        #expect(try run("id,registered_at").report.stats.read == 0)
    }

    @Test func aHeaderWithoutTheRequiredColumnsIsEchoedAsWritten() throws {
        // A Russian Excel export separated by `;` with no «Номер»/id column: the error shows the
        // header with its own `;`, not names re-joined with commas.
        #expect {
            _ = try run("Стадия;Категория\nмодерация;ЖКХ\n")
        } throws: { error in
            guard case .invalidValue(let field, let value, _)? = error as? SrokError else { return false }
            return field == "header" && value == "Стадия;Категория"
        }
    }

    @Test func aHeaderWithMoreThan1024ColumnsIsAnError() throws {
        let columns = (3...1025).map { "c\($0)" }.joined(separator: ",")  // 1023 more: 1025 in all
        #expect {
            _ = try run("id,registered_at," + columns + "\n")
        } throws: { error in
            guard case .invalidValue(let field, let value, let expected)? = error as? SrokError else { return false }
            return field == "header" && value.count == 81
                && expected.en.hasSuffix("of at most 1024 columns (BatchLimits.headerColumns); it has 1025")
        }
        // 1024 are read.
        let fewer = (3...1024).map { "c\($0)" }.joined(separator: ",")
        #expect(
            try run(
                "id,registered_at," + fewer + "\n" + "1,2024-03-01T10:00+03:00" + String(repeating: ",", count: 1022)
                    + "\n"
            ).rows == ["1"])
    }

    @Test func anInputTheReaderCannotSplitIsAnErrorNotZeroRows() throws {
        // Lines ending in NEL (U+0085) or LS (U+2028), or UTF-16 text, would be one header line
        // with id and registered_at in it and no row: an error, not "read 0 rows".
        let row = "1,2024-03-01T10:00+03:00,30"
        for separator in ["\u{85}", "\u{2028}", "\u{2029}", "\u{0}"] {
            #expect {
                _ = try run("id,registered_at,term_days" + separator + row + separator + row)
            } throws: { error in
                guard case .invalidValue(let field, _, let expected)? = error as? SrokError else { return false }
                return field == "header" && expected.en.contains("control character or a Unicode line separator")
            }
        }
        // A line break inside a quoted name is the writer's choice: such a header is read.
        #expect(try run("id,registered_at,\"a\nb\"\n" + row + "\n").rows == ["1"])
        // UTF-16 without a BOM reads as UTF-8 with NULs: an error. With a BOM it is detected and
        // converted (Excel's "Текст Юникод", issue 12).
        let utf16 = ("id,registered_at,term_days\r\n" + row + "\r\n").data(using: .utf16LittleEndian)!
        #expect(throws: SrokError.self) { _ = try run(Array(utf16)) }
        #expect(try run([0xFF, 0xFE] + Array(utf16)) { $0.outputEncoding = .utf8 }.rows == ["1"])
    }

    @Test func anUnknownHeaderIsEchoedShort() {
        // The header names are echoed when id or registered_at is missing: at most 80 characters.
        let names = (1...500).map { "column\($0)" }.joined(separator: ",")
        #expect {
            _ = try run(names + "\n")
        } throws: { error in
            guard case .invalidValue(let field, let value, _)? = error as? SrokError else { return false }
            return field == "header" && value == String(names.prefix(80)) + "…"
        }
    }

    // MARK: item 16

    @Test func jsonValuesOfTheWrongTypeAreRejectedNamingTheKey() throws {
        func line(_ id: String, _ term: String) -> String {
            "{\"id\":\"\(id)\",\"registered_at\":\"2024-03-01T10:00+03:00\",\"term_days\":\(term)}\n"
        }
        let text =
            line("a", "30") + line("b", "true") + line("c", "2.5") + line("d", "\"30\"") + line("e", "\"\\u+041\"")
        let r = try run(text, name: "in.jsonl")
        // "30" in quotes is 30 (exports converted from CSV quote every value); true and 2.5 are not.
        #expect(r.rows == [#"{"id":"a"}"#, #"{"id":"d"}"#])
        try #require(r.rejects.count == 3)
        #expect(r.rejects[0] == #"2,,term_days,true,"a JSON boolean; expected a whole number of days (30 or ""30"")""#)
        #expect(r.rejects[1].hasPrefix("3,c,term_days,2.5,not a term in days"))
        #expect(r.rejects[2].hasPrefix("5,,row,") && r.rejects[2].contains(#"bad \u escape at byte"#))
    }

    @Test func inputTextThatStartsLikeAFormulaIsPrefixedInCSV() throws {
        // OWASP «CSV Injection»: = + - @ TAB CR start a formula. The ids and organisations come
        // from the input; the rejects' id, column and value too.
        let text =
            "id,registered_at,term_days,organisation\n" + "=1+2,2024-03-01T10:00+03:00,30,@SUM(A1)\n"
            + "+7,2024-03-01T10:00+03:00,30,-org\n"
            + "-5,2024-03-01T10:00+03:00,30,ok2\n" + "\"\rcr\",2024-03-01T10:00+03:00,30,ok\n"
            + "A1,2024-03-01T10:00+03:00,30,\"=HYPERLINK(\"\"x\"\")\"\n"
            + "@bad,2024-03-01T10:00+03:00,=cmd|' /C calc'!A0,x\n"
        let r = try run(text) { $0.columns = [.id, .organisation] }
        #expect(r.rows == ["'=1+2,'@SUM(A1)", "'+7,'-org", "'-5,ok2", "\"'\rcr\",ok", "A1,\"'=HYPERLINK(\"\"x\"\")\""])
        // The id "\rcr" spans lines 5 and 6 (its CR is a line end inside quotes): @bad is line 8.
        #expect(
            r.rejects == ["8,'@bad,term_days,'=cmd|' /C calc'!A0,not a term in days: expected a whole number 1–366"])
        // --no-formula-escape writes them raw.
        let raw = try run(text) {
            $0.columns = [.id, .organisation]
            $0.formulaEscape = false
        }
        #expect(raw.rows.first == "=1+2,@SUM(A1)")
        #expect(raw.rejects.first?.hasPrefix("8,@bad,term_days,=cmd|' /C calc'!A0,") == true)
        // JSON Lines is no spreadsheet: its output is not prefixed; the rejects file is a CSV and is.
        let json = try run(text) {
            $0.columns = [.id, .organisation]
            $0.outputFormat = "jsonl"
            $0.output = $0.output + ".jsonl"
        }
        #expect(json.output.hasPrefix(#"{"id":"=1+2","organisation":"@SUM(A1)"}"#))
        #expect(json.rejects.first?.hasPrefix("8,'@bad,term_days,'=cmd") == true)
    }

    @Test func negativeMinutesAreNumbersNotFormulas() throws {
        // A message long overdue: its remaining minutes, from the bulk API (no CSV involved), are
        // negative, and are written as the number they are, without the prefix.
        let expected = try Self.evaluator.evaluate(
            BatchMessage(id: "1", registeredAt: Timestamp(parsing: "2024-02-01T10:00+03:00"), termDays: 30))
        #expect(expected.status.remainingMinutes < 0)
        let r = try run(Self.header + "1,2024-02-01T10:00+03:00,30\n") {
            $0.columns = [.id, .remainingMinutes, .overdueMinutes]
        }
        #expect(r.rows == ["1,\(expected.status.remainingMinutes),\(expected.status.overdueMinutes)"])
    }
}
