import Foundation
import Testing

@testable import SrokBatch
@testable import SrokCore

/// Lines the JSON Lines fuzz harness (Fuzz/JSONLinesFuzz.swift) found the reader accepting although
/// they are not a JSON object (RFC 8259 § 2: a JSON text is one value, with only whitespace around it).
@Suite("JSON Lines reader: fuzz findings")
struct JSONLineReaderFuzzFindingsTests {
    /// The reason `line` is refused, or nil when it is read.
    func failure(_ line: String) -> String? {
        var reader = JSONLineReader()
        var fields = RowFields()
        let bytes = Array(line.utf8)
        do {
            try bytes.withUnsafeBufferPointer { (b) throws(JSONLineReader.Failure) in try reader.read(b, into: &fields)
            }
            return nil
        } catch {
            switch error {
            case .syntax(let why): return why.en
            case .type(let key, let value, let why): return "\(key)=\(value): \(why.en)"
            }
        }
    }

    @Test func textAfterAnEmptyObjectIsRefused() {
        // Fuzz/regressions/jsonlines/empty-object-then-text: "{}" then a second object was read as an
        // empty row. The text starts at byte 4 (after "{}" and a space), as for a non-empty object.
        #expect(
            failure(#"{} {"id": "1", "registered_at": "2024-03-29"}"#)?.contains("text after the object at byte 4")
                == true)
        #expect(failure("{}x")?.contains("text after the object at byte 3") == true)
        // Whitespace after it is still fine, and so is an empty object alone.
        #expect(failure("{} \t\r") == nil)
        #expect(failure(" { } ") == nil)
    }
}

/// Found by the JSON Lines fuzz harness: raw control characters inside a string (NUL, 0x01, a
/// raw TAB) were accepted; RFC 8259 § 7 requires them escaped.
@Suite("JSON Lines: raw control characters in strings")
struct JSONLinesControlCharacterTests {
    @Test(arguments: [0x00, 0x01, 0x09, 0x1F] as [UInt8])
    func aRawControlCharacterInAStringIsRefused(_ c: UInt8) throws {
        let folder = try TemporaryFolder()
        let input = folder.file("in.jsonl")
        var line = Array(#"{"id": "1", "registered_at": "2024-03-29T10:15+03:00", "organisation": "A"#.utf8)
        line.append(c)
        line += Array("B\"}\n".utf8)
        #expect(FileManager.default.createFile(atPath: input, contents: Data(line)))
        var options = BatchRunOptions()
        options.language = .en  // the reasons these tests read are the English ones
        options.input = input
        options.output = folder.file("out.jsonl")
        options.rejects = folder.file("rej.csv")
        let evaluator = BatchEvaluator(
            context: BatchFixtures.context, defaults: BatchDefaults(asOf: BatchFixtures.t("2024-04-20T12:00+03:00")))
        let report = try BatchRunner.run(options, evaluator: evaluator)
        #expect(report.stats.rejected == 1 && report.stats.written == 0)
        #expect(folder.text("rej.csv")?.contains("control character") == true)
        // Escaped, the same character is accepted.
        let escaped = #"{"id": "2", "registered_at": "2024-03-29T10:15+03:00", "organisation": "A\u0009B"}"# + "\n"
        #expect(FileManager.default.createFile(atPath: input, contents: Data(escaped.utf8)))
        let ok = try BatchRunner.run(options, evaluator: evaluator)
        #expect(ok.stats.rejected == 0 && ok.stats.written == 1)
    }
}
