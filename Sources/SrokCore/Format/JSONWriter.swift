/// A small ordered JSON writer: fields appear in the order they are written (Foundation's
/// encoder reorders or needs Codable types). Used by the CLI and the batch output.
package struct JSONObject: Sendable {
    private var parts: [String] = []

    /// An empty object.
    package init() {}

    /// Adds a string field (`nil` writes `null`).
    package mutating func add(_ key: String, _ value: String?) {
        parts.append(JSONObject.quote(key) + ":" + (value.map(JSONObject.quote) ?? "null"))
    }
    /// Adds an integer field.
    package mutating func add(_ key: String, _ value: Int?) {
        parts.append(JSONObject.quote(key) + ":" + (value.map { String($0) } ?? "null"))
    }
    /// Adds a boolean field.
    package mutating func add(_ key: String, _ value: Bool) {
        parts.append(JSONObject.quote(key) + ":" + (value ? "true" : "false"))
    }
    /// Adds a number written verbatim (e.g. `1780.4`).
    package mutating func addNumber(_ key: String, _ literal: String) {
        parts.append(JSONObject.quote(key) + ":" + literal)
    }
    /// Adds a nested object.
    package mutating func add(_ key: String, _ value: JSONObject) {
        parts.append(JSONObject.quote(key) + ":" + value.text)
    }
    /// Adds an array of objects.
    package mutating func add(_ key: String, _ values: [JSONObject]) {
        parts.append(JSONObject.quote(key) + ":[" + values.map(\.text).joined(separator: ",") + "]")
    }
    /// Adds an array of strings.
    package mutating func add(_ key: String, strings values: [String]) {
        parts.append(JSONObject.quote(key) + ":[" + values.map(JSONObject.quote).joined(separator: ",") + "]")
    }

    /// The compact JSON text.
    package var text: String { "{" + parts.joined(separator: ",") + "}" }

    /// A JSON string literal for `s`.
    package static func quote(_ s: String) -> String {
        // Most texts need no escape: one scan of the bytes instead of a scalar-by-scalar copy.
        if !s.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) { return "\"" + s + "\"" }
        var out = "\""
        out.reserveCapacity(s.utf8.count + 2)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}

extension JSONObject {
    /// Appends the JSON string literal for `s` to `out`: the bytes of ``quote(_:)``, written
    /// byte by byte (`"`, `\\` and control characters escaped; a multi-byte UTF-8 sequence has no
    /// byte below 0x80, so the rest is copied as it is).
    package static func appendQuoted(_ s: String, to out: inout [UInt8]) {
        out.append(0x22)
        var s = s
        s.withUTF8 { bytes in
            var start = 0
            for (i, b) in bytes.enumerated() where b < 0x20 || b == 0x22 || b == 0x5C {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<i]))
                start = i + 1
                out.append(0x5C)
                switch b {
                case 0x22, 0x5C: out.append(b)
                case 0x0A: out.append(UInt8(ascii: "n"))
                case 0x0D: out.append(UInt8(ascii: "r"))
                case 0x09: out.append(UInt8(ascii: "t"))
                default:
                    let hex: [UInt8] = Array("0123456789abcdef".utf8)
                    out.append(contentsOf: [UInt8(ascii: "u"), 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 0x0F)]])
                }
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<bytes.count]))
        }
        out.append(0x22)
    }
}

/// A byte-level writer of one flat JSON object (`{"key":value,…}`): members written in order,
/// strings quoted as ``JSONObject/quote(_:)`` quotes them, `nil` as `null`. The answers' fast
/// writers use it (``DueAnswer/json``): the bytes `OrderedJSONEncoder` writes for the same value.
package struct JSONBytesWriter {
    /// The text so far.
    package private(set) var bytes: [UInt8] = []
    private var members = 0

    /// An object opened (`{`), with room for `capacity` bytes.
    package init(capacity: Int = 1024) {
        bytes.reserveCapacity(capacity)
        bytes.append(UInt8(ascii: "{"))
    }

    /// Closes the object (`}`) and gives its text.
    package consuming func finish() -> [UInt8] {
        bytes.append(UInt8(ascii: "}"))
        return bytes
    }

    /// Starts a member: the comma, `"stem suffix":` (the key's text needs no escape).
    package mutating func key(_ stem: String, _ suffix: String = "") {
        if members > 0 { bytes.append(UInt8(ascii: ",")) }
        members += 1
        bytes.append(0x22)
        bytes.append(contentsOf: stem.utf8)
        bytes.append(contentsOf: suffix.utf8)
        bytes.append(contentsOf: [0x22, UInt8(ascii: ":")])
    }

    /// A string member (`null` for nil).
    package mutating func string(_ key: String, _ value: String?) {
        self.key(key)
        if let value { JSONObject.appendQuoted(value, to: &bytes) } else { bytes.append(contentsOf: "null".utf8) }
    }

    /// An array-of-strings member (`[]` when empty).
    package mutating func strings(_ key: String, _ values: [String]) {
        self.key(key)
        bytes.append(UInt8(ascii: "["))
        for (i, v) in values.enumerated() {
            if i > 0 { bytes.append(UInt8(ascii: ",")) }
            JSONObject.appendQuoted(v, to: &bytes)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    /// A whole-number member.
    package mutating func int(_ key: String, _ value: Int) {
        self.key(key)
        bytes.append(contentsOf: String(value).utf8)
    }

    /// A boolean member.
    package mutating func bool(_ key: String, _ value: Bool) {
        self.key(key)
        bytes.append(contentsOf: value ? "true".utf8 : "false".utf8)
    }

    /// The value of the member just started by ``key(_:_:)``: a string.
    package mutating func value(_ text: String) { JSONObject.appendQuoted(text, to: &bytes) }

    /// The value of the member just started by ``key(_:_:)``: a whole number.
    package mutating func value(_ n: Int) { bytes.append(contentsOf: String(n).utf8) }
}

/// RFC 4180 CSV helpers for small outputs (the batch evaluator has its own byte-level writer).
///
/// They work on UTF-8 bytes, not `Character`s: the delimiter, the quote and the line breaks are
/// ASCII, so no grapheme breaking is needed (with it, quoting a 300-byte Russian reject reason
/// cost ~190 000 instructions; the batch writes one per rejected row).
package enum CSVText {
    /// A field, quoted when it contains the delimiter, a quote or a line break.
    package static func field(_ s: String, delimiter: Character = ",") -> String {
        let d = delimiter.utf8
        // A non-ASCII delimiter is several bytes: it is looked for as a character instead.
        let single: UInt8 = d.count == 1 ? d.first! : 0x22
        var text = s
        return text.withUTF8 { bytes -> String in
            var quotes = 0
            var needs = false
            for b in bytes {
                if b == 0x22 { quotes += 1 }
                needs = needs || b == 0x22 || b == 0x0A || b == 0x0D || b == single
            }
            if !needs, d.count > 1, s.contains(delimiter) { needs = true }
            guard needs else { return s }
            return String(unsafeUninitializedCapacity: bytes.count + quotes + 2) { out in
                var n = 0
                out[n] = 0x22
                n += 1
                for b in bytes {
                    out[n] = b
                    n += 1
                    if b == 0x22 {
                        out[n] = 0x22
                        n += 1
                    }
                }
                out[n] = 0x22
                return n + 1
            }
        }
    }

    /// A record of fields joined by the delimiter.
    package static func record(_ fields: [String], delimiter: Character = ",") -> String {
        fields.map { field($0, delimiter: delimiter) }.joined(separator: String(delimiter))
    }
}
