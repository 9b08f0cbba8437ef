/// Coding-path helpers shared by Srok's `Codable` conformances.
extension Array where Element == any CodingKey {
    /// The path as a field name: `entries[0].stage`, `due`, or empty at the top.
    package var fieldPath: String {
        var out = ""
        for key in self {
            if let i = key.intValue {
                out += "[\(i)]"
            } else {
                out += (out.isEmpty ? "" : ".") + key.stringValue
            }
        }
        return out
    }
}

extension Decoder {
    /// A string value read by `parse`, which gets the text and the field's name (the coding path,
    /// or `fallback` at the top); a parse error becomes `DecodingError.dataCorrupted` with the
    /// parser's message (what was wrong and what is accepted).
    package func parsedString<T>(
        _ fallback: String, _ parse: (String, String) throws(SrokError) -> T
    ) throws -> T {
        let c = try singleValueContainer()
        let text = try c.decode(String.self)
        let path = codingPath.fieldPath
        do {
            return try parse(text, path.isEmpty ? fallback : path)
        } catch {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: error.description)
        }
    }
}

extension Encoder {
    /// Encodes `text` as a single string value.
    package func encodeString(_ text: String) throws {
        var c = singleValueContainer()
        try c.encode(text)
    }
}
