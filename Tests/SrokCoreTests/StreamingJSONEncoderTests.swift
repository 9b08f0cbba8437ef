import Foundation
import PropertyBased
import Testing

@testable import SrokCore

/// The ordered encoder's fast path (JSONStream, bytes written as `encode(to:)` runs) against its
/// tree (the definition): the same bytes wherever the fast path takes a value, and a fallback to
/// the tree — so again the same bytes, or the same error — wherever it does not.
@Suite("Ordered JSON encoder: the streaming path")
struct StreamingJSONEncoderTests {
    /// The stream's bytes, or nil when it gave up (or threw).
    func streamed<T: Encodable>(_ value: T) -> [UInt8]? {
        let stream = JSONStream()
        guard (try? stream.encodeRoot(value)) != nil, !stream.failed else { return nil }
        return stream.out
    }

    func tree<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try OrderedJSONEncoder().treeEncode(value), as: UTF8.self)
    }

    /// `value` taken by the stream (`streams`) or not, and the encoder's answer the tree's.
    func check<T: Encodable>(_ value: T, streams: Bool, sourceLocation: Testing.SourceLocation = #_sourceLocation)
        throws
    {
        let s = streamed(value)
        #expect((s != nil) == streams, sourceLocation: sourceLocation)
        let t = try tree(value)
        if let s { #expect(String(decoding: s, as: UTF8.self) == t, sourceLocation: sourceLocation) }
        #expect(try OrderedJSONEncoder().text(value) == t, sourceLocation: sourceLocation)
    }

    @Test func requestsAreWrittenAsTheTreeWritesThem() async {
        await propertyCheck(count: 300, input: Gen.int(in: 0...Int.max)) { seed in
            let r = RequestCodingTests.request(seed)
            let s = try #require(streamed(r))
            #expect(String(decoding: s, as: UTF8.self) == (try tree(r)))
        }
    }

    @Test(arguments: [Language.ru, .en])
    func answersAreWrittenAsTheTreeWritesThem(_ lang: Language) throws {
        // Answers of every shape: profile terms, explicit terms, postponed, closed, with history,
        // with a warning; the texts (`*_text`, `term_source`) in `lang`.
        var call = MessageJSONCall(context: try SrokContext())
        call.language = lang
        let now = Instant(secondsSinceEpoch: 1_717_200_000)
        let requests = [
            #"{"registered_at":"2024-03-29T10:15+03:00","profile":"bryansk","term_days":30}"#,
            #"{"registered_at":"2024-12-28T17:00+03:00","term_days":7,"postponed_until":["2025-02-10"]}"#,
            #"{"registered_at":"2025-03-28T10:00+03:00","profile":"krasnodar-krai","level":"1","entries":[{"stage":"coordination","at":"2025-03-28T10:30+03:00"}],"as_of":"2025-03-29T10:00+03:00"}"#,
            #"{"registered_at":"2024-03-29T10:15+03:00","closed_at":"2024-04-10T12:00+03:00","outcome":"Решено","as_of":"2024-04-20T12:00+03:00"}"#,
            #"{"registered_at":"2024-03-30T10:15+03:00","term_days":30,"regime":"appeal","as_of":"2024-06-01T00:00+03:00"}"#,
            #"{"registered_at":"2024-04-15T10:00+03:00","profile":"brasovsky","fast_track":true}"#,
        ]
        for json in requests {
            let due = try call.dueAnswer(Array(json.utf8), now: now)
            let status = try call.statusAnswer(Array(json.utf8), now: now)
            try check(due, streams: true)
            try check(status, streams: true)
            try check([due], streams: true)
            // The stream and the byte writer agree with the tree in either language.
            #expect(String(decoding: due.json, as: UTF8.self) == (try tree(due)))
        }
    }

    @Test func quotingIsTheCLIsWriter() async {
        // Random texts over the characters that matter: controls, quote, backslash, slash, ASCII,
        // Cyrillic, a four-byte emoji.
        let alphabet: [Character] = [
            "\u{0}", "\u{1}", "\u{1F}", "\t", "\n", "\r", "\"", "\\", "/", "a", "Z", " ",
            "ё", "Щ", "«", "😀", "\u{7F}",
        ]
        await propertyCheck(count: 500, input: Gen.int(in: 0...Int.max)) { seed in
            var g = RequestCodingTests.SplitMix(seed: UInt64(seed))
            let text = String((0..<Int(g.next() % 24)).map { _ in alphabet[Int(g.next() % UInt64(alphabet.count))] })
            var out: [UInt8] = []
            JSONObject.appendQuoted(text, to: &out)
            #expect(String(decoding: out, as: UTF8.self) == JSONObject.quote(text))
        }
    }

    struct Scalars: Encodable {
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: JSONKey.self)
            try c.encode("text \"q\"", forKey: JSONKey("s"))
            try c.encode(-12, forKey: JSONKey("i"))
            try c.encode(7, forKey: JSONKey("digit"))
            try c.encode(false, forKey: JSONKey("b"))
            try c.encode(Int8(-3), forKey: JSONKey("i8"))
            try c.encode(UInt64.max, forKey: JSONKey("u64"))
            try c.encode(2.5, forKey: JSONKey("d"))
            try c.encodeNil(forKey: JSONKey("n"))
            try c.encode(String?.none, forKey: JSONKey("none"))
            try c.encodeIfPresent(String?.none, forKey: JSONKey("absent"))
            try c.encode([[1, 2], [], [3]], forKey: JSONKey("lists"))
            try c.encode([String: Int](), forKey: JSONKey("empty"))
            try c.encode(1, forKey: JSONKey("s"))  // a key written twice is written twice
        }
    }

    @Test func scalarsAndNestingStream() throws {
        try check(Scalars(), streams: true)
        #expect(try tree(Scalars()).hasPrefix(#"{"s":"text \"q\"","i":-12,"digit":7,"b":false,"i8":-3,"#))
        try check("root", streams: true)
        try check(42, streams: true)
        try check(true, streams: true)
        try check([Int?.none], streams: true)
    }

    /// Nested containers finished before the parent is written to again, and a second request
    /// for the same keyed container: the shapes the stream takes.
    struct Nested: Encodable {
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: JSONKey.self)
            var inner = c.nestedContainer(keyedBy: JSONKey.self, forKey: JSONKey("inner"))
            try inner.encode(1, forKey: JSONKey("a"))
            var list = inner.nestedUnkeyedContainer(forKey: JSONKey("list"))
            try list.encode("x")
            var deep = list.nestedContainer(keyedBy: JSONKey.self)
            try deep.encode(true, forKey: JSONKey("deep"))
            try c.encode(2, forKey: JSONKey("after"))
            var again = encoder.container(keyedBy: JSONKey.self)
            try again.encode(3, forKey: JSONKey("again"))
        }
    }

    @Test func nestedContainersInOrderStream() throws {
        try check(Nested(), streams: true)
        #expect(try tree(Nested()) == #"{"inner":{"a":1,"list":["x",{"deep":true}]},"after":2,"again":3}"#)
    }

    /// A nested container written to after its parent moved on: the tree keeps its members in the
    /// object where they were created.
    struct LateNested: Encodable {
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: JSONKey.self)
            var inner = c.nestedContainer(keyedBy: JSONKey.self, forKey: JSONKey("inner"))
            try c.encode(1, forKey: JSONKey("next"))
            try inner.encode(2, forKey: JSONKey("late"))
        }
    }

    /// A single value set twice: the tree keeps the last.
    struct Twice: Encodable {
        func encode(to encoder: any Encoder) throws {
            var c = encoder.singleValueContainer()
            try c.encode("first")
            try c.encode("second")
        }
    }

    /// An array's container, then an object's on the same encoder: the tree makes it an object.
    struct Switch: Encodable {
        func encode(to encoder: any Encoder) throws {
            var list = encoder.unkeyedContainer()
            try list.encode(1)
            var c = encoder.container(keyedBy: JSONKey.self)
            try c.encode(2, forKey: JSONKey("k"))
        }
    }

    /// A super encoder.
    struct Super: Encodable {
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: JSONKey.self)
            try "base".encode(to: c.superEncoder())
            try c.encode(1, forKey: JSONKey("own"))
        }
    }

    @Test func otherShapesFallBackToTheTree() throws {
        try check(LateNested(), streams: false)
        #expect(try tree(LateNested()) == #"{"inner":{"late":2},"next":1}"#)
        try check(Twice(), streams: false)
        #expect(try tree(Twice()) == #""second""#)
        try check(Switch(), streams: false)
        try check(Super(), streams: false)
        #expect(try tree(Super()) == #"{"super":"base","own":1}"#)
    }

    struct Nothing: Encodable {
        func encode(to encoder: any Encoder) throws {}
    }

    @Test func errorsAreTheTreesErrors() {
        #expect(streamed(Nothing()) == nil)
        #expect(throws: EncodingError.self) { try OrderedJSONEncoder().encode(Nothing()) }
        #expect(throws: EncodingError.self) { try OrderedJSONEncoder().encode(["k": Double.infinity]) }
    }
}
