import Foundation
import PropertyBased
import Testing

@testable import SrokCore

/// The request reader's fast path (JSONValue read byte by byte, JSONValueDecoder under the same
/// RequestReader) against Foundation's `JSONDecoder` under it (the definition): every text the
/// fast path reads, Foundation reads to the same request; every other text, and every error, is
/// Foundation's answer.
@Suite("Message request: the byte-level reading")
struct JSONValueDecoderTests {
    /// Foundation's reading of `text`: the request, or the error's field, value and message.
    func foundation(_ text: [UInt8]) -> Result<MessageRequest, Failure> {
        do { return .success(try MessageRequest.foundationReading(text, source: "t")) } catch {
            return .failure(Failure(error))
        }
    }

    /// What `MessageRequest(decodingJSON:)` answers (the fast path, else Foundation).
    func reading(_ text: [UInt8]) -> Result<MessageRequest, Failure> {
        do { return .success(try MessageRequest(decodingJSON: text, source: "t")) } catch {
            return .failure(Failure(error))
        }
    }

    struct Failure: Error, Equatable {
        var field: String
        var value: String
        var message: String
        init(_ e: MessageFieldError) {
            field = e.field
            value = e.value
            message = e.description
        }
    }

    /// The fast path reads `text` as Foundation does, or leaves it to Foundation.
    func agree(_ text: [UInt8], sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let reference = foundation(text)
        if let fast = MessageRequest.fastReading(text, source: "t") {
            #expect(
                reference == .success(fast), "\(String(decoding: text, as: UTF8.self))", sourceLocation: sourceLocation)
        }
        #expect(reading(text) == reference, "\(String(decoding: text, as: UTF8.self))", sourceLocation: sourceLocation)
    }

    @Test func everyRequestsJSONIsReadByTheFastPath() async {
        await propertyCheck(count: 300, input: Gen.int(in: 0...Int.max)) { seed in
            let r = RequestCodingTests.request(seed)
            for text in [try OrderedJSONEncoder().encode(r), Array(try JSONEncoder().encode(r))] {
                #expect(MessageRequest.fastReading(text, source: "t") == r, "\(String(decoding: text, as: UTF8.self))")
                agree(text)
            }
        }
    }

    /// Edits of a request's text: values of other kinds, numbers Foundation converts, escapes,
    /// whitespace, duplicate and unknown keys, a byte removed or added.
    static func mutate(_ text: String, _ g: inout RequestCodingTests.SplitMix) -> String {
        var s = text
        let values = [
            "1", "-0", "30.0", "3e1", "1.5", "99999999999999999999", "true", "null", "\"x\"", "[]", "{}",
            "[\"2024-05-15\"]", "\"2024-02-30\"", "\"\\u0031\"", "\"\\ud83d\\ude00\"", "\"\\ud83d\"", "[1,2]",
            "{\"stage\":\"x\"}",
        ]
        for _ in 0..<(1 + Int(g.next() % 3)) {
            let chars = Array(s.unicodeScalars)
            guard !chars.isEmpty else { break }
            let at = Int(g.next() % UInt64(chars.count))
            switch g.next() % 8 {
            case 0:
                // A value after a colon replaced.
                if let colon = chars[at...].firstIndex(of: ":") {
                    var end = colon + 1
                    var depth = 0
                    var inString = false
                    while end < chars.count {
                        let c = chars[end]
                        if inString {
                            if c == "\\" { end += 1 } else if c == "\"" { inString = false }
                        } else if c == "\"" {
                            inString = true
                        } else if c == "[" || c == "{" {
                            depth += 1
                        } else if c == "]" || c == "}" {
                            if depth == 0 { break }
                            depth -= 1
                        } else if c == "," && depth == 0 {
                            break
                        }
                        end += 1
                    }
                    let v = values[Int(g.next() % UInt64(values.count))]
                    var u = String.UnicodeScalarView(chars[..<(colon + 1)])
                    u.append(contentsOf: v.unicodeScalars)
                    u.append(contentsOf: chars[end...])
                    s = String(u)
                }
            case 1: s = s.replacingOccurrences(of: ",", with: " ,\n\t")
            case 2: s = s.replacingOccurrences(of: "\"profile\"", with: "\"pro\\u0066ile\"")
            case 3: s = s.replacingOccurrences(of: "{", with: "{\"term_days\":5,")
            case 4: s = s.replacingOccurrences(of: "{", with: "{\"unknown\":1,")
            case 5:
                var u = String.UnicodeScalarView(chars)
                u.remove(at: u.index(u.startIndex, offsetBy: at))
                s = String(u)
            case 6:
                var u = String.UnicodeScalarView(chars)
                let extra: [Unicode.Scalar] = ["\"", "\\", ",", "}", "\u{1}", "é"]
                u.insert(extra[Int(g.next() % 6)], at: u.index(u.startIndex, offsetBy: at))
                s = String(u)
            default: s = " \r\n" + s + "\n "
            }
        }
        return s
    }

    @Test func editedTextsAreReadAsFoundationReadsThem() async {
        await propertyCheck(count: 600, input: Gen.int(in: 0...Int.max)) { seed in
            var g = RequestCodingTests.SplitMix(seed: UInt64(seed))
            let r = RequestCodingTests.request(seed)
            let text = String(decoding: try OrderedJSONEncoder().encode(r), as: UTF8.self)
            agree(Array(Self.mutate(text, &g).utf8))
        }
    }

    @Test func textsTheFastPathLeavesToFoundation() {
        let left = [
            #"{"term_days": 30.0}"#,  // Foundation converts a whole 30.0
            #"{"term_days": 3e1}"#,
            #"{"term_days": 99999999999999999999}"#,  // too long for an Int: Foundation's error
            #"{"profile": "a", "profile": "b"}"#,  // a key twice
            "\u{FEFF}{\"profile\": \"a\"}",  // a BOM
            #"{"profile": "\ud83d"}"#,  // a lone surrogate
            "{\"profile\": \"a\u{1}b\"}",  // a raw control character
            #"{"profile": "a"} x"#,  // text after the object
            #"[{"profile": "a"}]"#,  // not an object: a reading error
            #"{"term_days": "30"}"#,  // a string term: RequestReader's error
            "",
        ]
        for text in left {
            #expect(MessageRequest.fastReading(Array(text.utf8), source: "t") == nil, "\(text)")
            agree(Array(text.utf8))
        }
        // Invalid UTF-8.
        let bytes: [UInt8] = Array(#"{"profile": ""#.utf8) + [0xFF] + Array(#""}"#.utf8)
        #expect(MessageRequest.fastReading(bytes, source: "t") == nil)
        agree(bytes)
    }

    @Test func escapesAndNumbersTheFastPathReads() throws {
        // \u0066 is «f», \u0451 «ё», \ud83d\ude00 U+1F600; -0 is the whole number 0.
        let text = #"{"pro\u0066ile": "\u0451 \"q\" \\ \/ \ud83d\ude00", "term_days": -0, "fast_track_days": 5}"#
        let r = try #require(MessageRequest.fastReading(Array(text.utf8), source: "t"))
        #expect(r.profile == "ё \"q\" \\ / 😀")
        #expect(r.termDays == 0 && r.fastTrackDays == 5)
        agree(Array(text.utf8))
    }
}
