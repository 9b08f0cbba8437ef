import PropertyBased
import Testing

@testable import SrokCore

/// RFC 4180 quoting of small CSV outputs (rejects, summaries): a field is quoted exactly when it
/// holds the delimiter, a double quote, CR or LF, and a quote inside is doubled (RFC 4180 §2.5–2.7).
@Suite("CSV text fields")
struct CSVTextTests {
    @Test("quoted only when the delimiter, a quote or a line break is inside")
    func quoting() {
        #expect(CSVText.field("plain") == "plain")
        #expect(CSVText.field("") == "")
        #expect(CSVText.field("a,b") == "\"a,b\"")
        #expect(CSVText.field("a;b") == "a;b")
        #expect(CSVText.field("a;b", delimiter: ";") == "\"a;b\"")
        #expect(CSVText.field("a\tb", delimiter: "\t") == "\"a\tb\"")
        #expect(CSVText.field("line\nbreak") == "\"line\nbreak\"")
        #expect(CSVText.field("cr\rhere") == "\"cr\rhere\"")
        // RFC 4180 §2.7: a quote inside a quoted field is written twice.
        #expect(CSVText.field("say \"да\"") == "\"say \"\"да\"\"\"")
        #expect(CSVText.field("\"") == "\"\"\"\"")
    }

    @Test("Russian text passes through byte for byte")
    func cyrillic() {
        let reason = "срок «по фаст-треку» — 3, 5, 7, 10 дней"
        #expect(CSVText.field(reason, delimiter: ";") == reason)
        #expect(CSVText.field(reason) == "\"" + reason + "\"")
    }

    @Test("a delimiter outside ASCII is found as a whole character")
    func nonASCIIDelimiter() {
        #expect(CSVText.field("a§b", delimiter: "§") == "\"a§b\"")
        #expect(CSVText.field("ab", delimiter: "§") == "ab")
    }

    @Test("a record joins its fields with the delimiter")
    func record() {
        #expect(CSVText.record(["1", "a,b", "x"]) == "1,\"a,b\",x")
        #expect(CSVText.record(["1", "a,b", "x"], delimiter: ";") == "1;a,b;x")
    }

    /// Reading a quoted field back (strip the outer quotes, undouble the inner ones) gives the
    /// original text; an unquoted field has none of the special characters.
    @Test("quoting round-trips")
    func roundTrip() async {
        let alphabet: [Character] = ["a", "я", ",", ";", "\"", "\n", "\r", " ", "ё", "1"]
        await propertyCheck(count: 1000, input: Gen.int(in: 0...40).array(of: 0...40)) { picks in
            let s = String(picks.map { alphabet[$0 % alphabet.count] })
            let f = CSVText.field(s)
            if f.first == "\"" && f != s {
                let inner = f.dropFirst().dropLast()
                #expect(inner.replacing("\"\"", with: "\"") == s)
            } else {
                #expect(f == s)
                #expect(!s.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
            }
        }
    }
}
