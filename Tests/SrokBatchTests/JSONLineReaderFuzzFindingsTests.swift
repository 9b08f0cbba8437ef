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
            try bytes.withUnsafeBufferPointer { (b) throws(JSONLineReader.Failure) in try reader.read(b, into: &fields) }
            return nil
        } catch {
            return String(describing: error)
        }
    }

    @Test func textAfterAnEmptyObjectIsRefused() {
        // Fuzz/regressions/jsonlines/empty-object-then-text: "{}" then a second object was read as an
        // empty row. The text starts at byte 4 (after "{}" and a space), as for a non-empty object.
        #expect(failure(#"{} {"id": "1", "registered_at": "2024-03-29"}"#)?.contains("text after the object at byte 4") == true)
        #expect(failure("{}x")?.contains("text after the object at byte 3") == true)
        // Whitespace after it is still fine, and so is an empty object alone.
        #expect(failure("{} \t\r") == nil)
        #expect(failure(" { } ") == nil)
    }
}
