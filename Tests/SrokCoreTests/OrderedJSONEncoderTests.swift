import Foundation
import Testing

@testable import SrokCore

/// The ordered encoder: keys as encoded, the CLI's escaping, explicit nulls, nesting.
@Suite("Ordered JSON encoder")
struct OrderedJSONEncoderTests {
    struct Sample: Encodable {
        var text = "x/y «ё» \u{1} \t\n\"\\"
        var none: String? = nil
        var number = -5
        var flag = true
        var list: [Int?] = [1, nil]
        var nested = ["k": 2.5]

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: JSONKey.self)
            try c.encode(text, forKey: JSONKey("zeta"))
            try c.encode(none, forKey: JSONKey("alpha"))
            try c.encode(number, forKey: JSONKey("mid"))
            try c.encode(flag, forKey: JSONKey("b"))
            try c.encode(list, forKey: JSONKey("list"))
            try c.encode(nested, forKey: JSONKey("nested"))
            // A second request for the keyed container writes into the same object.
            var again = encoder.container(keyedBy: JSONKey.self)
            try again.encode(1, forKey: JSONKey("again"))
        }
    }

    @Test func keysStayInOrderAndTextIsEscapedAsTheCLIDoes() throws {
        // `/` and non-ASCII text as they are; quote, backslash, tab, line feed by their escapes;
        // other control characters as \u00XX (JSONObject.quote, the CLI's writer).
        #expect(
            try OrderedJSONEncoder().text(Sample())
                == #"{"zeta":"x/y «ё» \u0001 \t\n\"\\","alpha":null,"mid":-5,"b":true,"list":[1,null],"#
                + #""nested":{"k":2.5},"again":1}"#)
    }

    @Test func theOutputIsJSONThatFoundationReads() throws {
        let bytes = try OrderedJSONEncoder().encode(Sample())
        let o = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        #expect(o["zeta"] as? String == Sample().text)
        #expect(o["alpha"] is NSNull)
    }

    @Test func aBoolIsNotANumber() throws {
        #expect(try OrderedJSONEncoder().text([true, false]) == "[true,false]")
        #expect(try OrderedJSONEncoder().text([1, 0]) == "[1,0]")
    }

    @Test func nonFiniteNumbersAreRefused() {
        #expect(throws: EncodingError.self) { try OrderedJSONEncoder().encode([Double.nan]) }
    }
}
