import Testing
@testable import SrokBatch
@testable import SrokCore

/// The JSON Lines reader: a flat object per line, keys matched to the input columns (by their
/// header names and the ПОС export's Russian ones), values unescaped into the reader's scratch.
@Suite("JSON Lines reader")
struct JSONLineReaderTests {
    /// Reads `line` and returns each column's value as text (absent columns are missing).
    func read(_ line: String, with reader: inout JSONLineReader) throws(JSONLineReader.Failure) -> [InputColumn: String] {
        var fields = RowFields()
        let bytes = Array(line.utf8)
        try bytes.withUnsafeBufferPointer { (b) throws(JSONLineReader.Failure) in try reader.read(b, into: &fields) }
        var out: [InputColumn: String] = [:]
        for c in InputColumn.allCases {
            if let r = fields[c.slot] { out[c] = String(decoding: reader.scratch[r], as: UTF8.self) }
        }
        return out
    }

    func read(_ line: String) throws(JSONLineReader.Failure) -> [InputColumn: String] {
        var reader = JSONLineReader()
        return try read(line, with: &reader)
    }

    /// The reason a line is refused.
    func failure(_ line: String) -> String? {
        do { _ = try read(line); return nil } catch {
            switch error { case .syntax(let why): return why }
        }
    }

    @Test func keysMapToColumnsByNameAndByRussianHeader() throws {
        let v = try read(#"{"id":"A-1","registered_at":"2024-03-29T10:15+03:00","tz":"Europe/Moscow","unknown":"x"}"#)
        #expect(v == [.id: "A-1", .registeredAt: "2024-03-29T10:15+03:00", .tz: "Europe/Moscow"])
        // The export's headers, in any case and with extra spaces (InputColumn.aliases).
        let ru = try read(#"{"Номер":"7","Дата  поступления":"29.03.2024 10:15","ФАСТ-ТРЕК":"3"}"#)
        #expect(ru == [.id: "7", .registeredAt: "29.03.2024 10:15", .fastTrackDays: "3"])
    }

    @Test func keysInAnotherOrderOnTheNextLineAreStillMatched() throws {
        // The reader remembers the previous line's keys by position: a line with the keys swapped
        // must not take the old columns.
        var reader = JSONLineReader()
        #expect(try read(#"{"id":"1","region":"RU-TA"}"#, with: &reader) == [.id: "1", .region: "RU-TA"])
        #expect(try read(#"{"region":"RU-BA","id":"2"}"#, with: &reader) == [.id: "2", .region: "RU-BA"])
        #expect(try read(#"{"profile":"federal"}"#, with: &reader) == [.profile: "federal"])
    }

    @Test func escapesAreUnescaped() throws {
        // RFC 8259 § 7: \" \\ \/ \b \f \n \r \t and \uXXXX, with a surrogate pair for U+1F600.
        let v = try read(#"{"id":"a\"b\\c\/d\be\ff\ng\rh\ti\u0041\u00e9\u0416\ud83d\ude00"}"#)
        #expect(v[.id] == "a\"b\\c/d\u{8}e\u{C}f\ng\rh\tiAéЖ😀")
    }

    @Test func numbersBooleansAndNulls() throws {
        let v = try read(#"{"id":12345,"term_days":30,"extension_days":-1.5e3,"region":true,"tz":null,"profile":false}"#)
        // Numbers and booleans are kept as their text; null is an absent value.
        #expect(v == [.id: "12345", .termDays: "30", .extensionDays: "-1.5e3", .region: "true", .profile: "false"])
        #expect(v[.tz] == nil)
    }

    @Test func spacesAroundTokensAndAnEmptyObject() throws {
        #expect(try read("  { \"id\" :\t\"x\" , \"term_days\" : 5 }  ") == [.id: "x", .termDays: "5"])
        #expect(try read("{}") == [:])
    }

    @Test func errorsSayWhatAndWhereNamingTheKey() {
        #expect(failure(#"[1,2]"#) == "a JSON Lines record must be an object {…}")
        #expect(failure(#"{"id":{"a":1}}"#) == #"unexpected value '{"a":1'; nested objects and arrays are not read (at key "id")"#)
        #expect(failure(#"{"term_days":[1]}"#) == #"unexpected value '[1]'; nested objects and arrays are not read (at key "term_days")"#)
        #expect(failure(#"{"id" "x"}"#) == #"expected ':' at byte 7 (at key "id")"#)
        #expect(failure(#"{"id":}"#) == #"unexpected value ''; nested objects and arrays are not read (at key "id")"#)
        #expect(failure(#"{"id":"#) == #"missing value (at key "id")"#)
        #expect(failure(#"{"tz":"Europe/Moscow"#) == #"unterminated string (at key "tz")"#)
        #expect(failure(#"{"id":"\uZZZZ"}"#) == #"bad \u escape at byte 9 (at key "id")"#)
        #expect(failure(#"{"id":"x" "#) == "unterminated object")
        #expect(failure(#"{"id":"x";"#) == "expected ',' or '}' at byte 10")
        #expect(failure(#"{"id":"x"} y"#) == "text after the object at byte 12")
        #expect(failure(#"{id:"x"}"#) == "expected a string at byte 2")
    }
}
