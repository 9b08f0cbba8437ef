import Testing

@testable import SrokBatch
@testable import SrokCore

/// The JSON Lines reader: a flat object per line, keys matched to the input columns (by their
/// header names and the ПОС export's Russian ones), values unescaped into the reader's scratch.
@Suite("JSON Lines reader")
struct JSONLineReaderTests {
    /// Reads `line` and returns each column's value as text (absent columns are missing).
    func read(_ line: String, with reader: inout JSONLineReader) throws(JSONLineReader.Failure) -> [InputColumn: String]
    {
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
        do {
            _ = try read(line)
            return nil
        } catch {
            switch error {
            case .syntax(let why): return why.en
            case .type(let key, let value, let why): return "\(key)=\(value): \(why.en)"
            }
        }
    }

    @Test func keysMapToColumnsByNameAndByRussianHeader() throws {
        let v = try read(#"{"id":"A-1","registered_at":"2024-03-29T10:15+03:00","tz":"Europe/Moscow","unknown":"x"}"#)
        #expect(v == [.id: "A-1", .registeredAt: "2024-03-29T10:15+03:00", .tz: "Europe/Moscow"])
        // The export's headers, in any case and with extra spaces (InputColumn.aliases).
        let ru = try read(#"{"Номер":"7","Дата  поступления":"29.03.2024 10:15","ФАСТ-ТРЕК":3}"#)
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
        let v = try read(
            #"{"id":12345,"term_days":30,"extension_days":-1.5e3,"fast_track_days":true,"tz":null,"region":16}"#)
        // Numbers and booleans are kept as their text (the row parser then checks the range of a
        // number: -1.5e3 is no extension); null is an absent value.
        #expect(v == [.id: "12345", .termDays: "30", .extensionDays: "-1.5e3", .fastTrackDays: "true", .region: "16"])
        #expect(v[.tz] == nil)
    }

    @Test func numbersFollowTheJSONGrammar() throws {
        // RFC 8259 § 6: -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?
        for good in ["0", "-0", "7", "1.5e-3", "1E+2", "-12.25", "123456789012345678901"] {
            #expect(try read("{\"term_days\":\(good)}") == [.termDays: good], "\(good)")
        }
        // Swift's Double(_:) would take several of these (nan, inf, 0x10, +1, .5).
        for bad in ["01", "+1", ".5", "1.", "nan", "inf", "0x10", "1e", "--1", "1e+", "Infinity"] {
            #expect(
                failure("{\"term_days\":\(bad)}")
                    == "unexpected value '\(bad)'; nested objects and arrays are not read (at key \"term_days\")",
                "\(bad)")
        }
    }

    @Test func aUnicodeEscapeIsExactlyFourHexDigitsAndSurrogatesComeInPairs() throws {
        // \u+041 was read as \u0041 (UInt32(_:radix:) takes a sign): RFC 8259 § 7 wants four hex digits.
        for bad in [#"\u+041"#, #"\u-041"#, #"\u 041"#, #"\u004"#, #"\u00G1"#] {
            #expect(
                failure(#"{"id":""# + bad + #""}"#)
                    == #"bad \u escape at byte 9: expected four hex digits (at key "id")"#, "\(bad)")
        }
        // A surrogate alone is no character: U+D83D without its low half, U+DE00 without its high half.
        #expect(
            failure(#"{"id":"\ud83d"}"#)
                == #"bad \u escape at byte 9: a high surrogate not followed by a low one (at key "id")"#)
        #expect(
            failure(#"{"id":"\ud83dx"}"#)
                == #"bad \u escape at byte 9: a high surrogate not followed by a low one (at key "id")"#)
        #expect(
            failure(#"{"id":"\ud83d\u0041"}"#)
                == #"bad \u escape at byte 9: a high surrogate not followed by a low one (at key "id")"#)
        #expect(
            failure(#"{"id":"\ude00"}"#)
                == #"bad \u escape at byte 9: a low surrogate without a high one (at key "id")"#)
        // The pair itself is U+1F600; uppercase hex digits are hex digits too.
        #expect(try read(#"{"id":"\uD83D\uDE00\u00C9"}"#) == [.id: "😀É"])
    }

    @Test func onlyTheEscapesOfJSONAreRead() {
        // RFC 8259 § 7: \" \\ \/ \b \f \n \r \t \uXXXX; anything else (\q, \', \x41) is an error, not the letter.
        for bad in ["q", "'", "x41", "a"] {
            #expect(
                failure(#"{"id":"\"# + bad + #""}"#)
                    == #"bad escape at byte 9: expected \" \\ \/ \b \f \n \r \t or \uXXXX (at key "id")"#, "\(bad)")
        }
    }

    @Test func aValueOfTheWrongJSONTypeIsRefusedNamingItsKey() throws {
        // Day counts are numbers or digits in quotes (exports converted from CSV quote every value);
        // a boolean (once read as 1 day) is refused.
        #expect(try read(#"{"term_days":"30"}"#) == [.termDays: "30"])
        #expect(
            failure(#"{"Срок":true}"#) == #"Срок=true: a JSON boolean; expected a whole number of days (30 or "30")"#)
        #expect(
            failure(#"{"extension_days":false}"#)
                == #"extension_days=false: a JSON boolean; expected a whole number of days (30 or "30")"#)
        // 2.5 is a JSON number: the reader keeps it, and the row parser refuses it as no whole number.
        #expect(try read(#"{"term_days":2.5}"#) == [.termDays: "2.5"])
        // A fast-track is a number (quoted or not), or да/нет as a word or a boolean.
        #expect(try read(#"{"fast_track_days":"3"}"#) == [.fastTrackDays: "3"])
        #expect(try read(#"{"fast_track_days":"да"}"#) == [.fastTrackDays: "да"])
        #expect(try read(#"{"fast_track_days":false}"#) == [.fastTrackDays: "false"])
        // Dates and times are strings.
        for key in ["registered_at", "stage_entered_at", "postponed_until", "closed_at"] {
            #expect(
                failure("{\"\(key)\":20240301}")
                    == "\(key)=20240301: a JSON number; expected a JSON string with a date or time")
            #expect(
                failure("{\"\(key)\":true}")
                    == "\(key)=true: a JSON boolean; expected a JSON string with a date or time")
        }
        // Texts are strings (or numbers: codes), never booleans.
        #expect(failure(#"{"id":true}"#) == "id=true: a JSON boolean; expected a JSON string")
        #expect(failure(#"{"organisation":false}"#) == "organisation=false: a JSON boolean; expected a JSON string")
        // null is an absent value whatever the column; unknown keys are not checked.
        #expect(try read(#"{"term_days":null,"registered_at":null,"note":true}"#) == [:])
    }

    @Test func spacesAroundTokensAndAnEmptyObject() throws {
        #expect(try read("  { \"id\" :\t\"x\" , \"term_days\" : 5 }  ") == [.id: "x", .termDays: "5"])
        #expect(try read("{}") == [:])
    }

    @Test func errorsSayWhatAndWhereNamingTheKey() {
        #expect(failure(#"[1,2]"#) == "a JSON Lines record must be an object {…}")
        #expect(
            failure(#"{"id":{"a":1}}"#)
                == #"unexpected value '{"a":1'; nested objects and arrays are not read (at key "id")"#)
        #expect(
            failure(#"{"term_days":[1]}"#)
                == #"unexpected value '[1]'; nested objects and arrays are not read (at key "term_days")"#)
        #expect(failure(#"{"id" "x"}"#) == #"expected ':' at byte 7 (at key "id")"#)
        #expect(failure(#"{"id":}"#) == #"unexpected value ''; nested objects and arrays are not read (at key "id")"#)
        #expect(failure(#"{"id":"#) == #"missing value (at key "id")"#)
        #expect(failure(#"{"tz":"Europe/Moscow"#) == #"unterminated string (at key "tz")"#)
        #expect(failure(#"{"id":"\uZZZZ"}"#) == #"bad \u escape at byte 9: expected four hex digits (at key "id")"#)
        #expect(failure(#"{"id":"x" "#) == "unterminated object")
        #expect(failure(#"{"id":"x";"#) == "expected ',' or '}' at byte 10")
        #expect(failure(#"{"id":"x"} y"#) == "text after the object at byte 12")
        #expect(failure(#"{id:"x"}"#) == "expected a string at byte 2")
    }
}
