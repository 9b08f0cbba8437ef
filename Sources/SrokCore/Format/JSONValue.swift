/// A JSON text read byte by byte (RFC 8259), for ``JSONValueDecoder``: the fast path of
/// ``MessageRequest/init(decodingJSON:source:)``. It reads only what it is sure of — UTF-8
/// without a BOM, no duplicate keys, no raw control characters in strings, no lone surrogates,
/// at most 64 levels deep — and is nil for anything else, which Foundation's `JSONDecoder` then
/// reads (and names the error of).
enum JSONValue {
    case null
    case bool(Bool)
    /// A number: its value when the literal is an integer that fits an `Int` (`-12`), else nil
    /// (`1.5`, `1e3`, a longer literal).
    case number(Int?)
    case string(String)
    case array([JSONValue])
    case object([(key: String, value: JSONValue)])

    /// The value of `bytes` (one value, whitespace around it), or nil.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> JSONValue? {
        var p = JSONParser(bytes: bytes)
        p.skipSpace()
        guard let v = p.value(depth: 0) else { return nil }
        p.skipSpace()
        return p.i == bytes.count ? v : nil
    }

    /// A short name of the value's kind, for a type mismatch.
    var kind: String {
        switch self {
        case .null: return "null"
        case .bool: return "a boolean"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }
}

/// The reader behind ``JSONValue/parse(_:)``.
private struct JSONParser {
    let bytes: UnsafeBufferPointer<UInt8>
    var i = 0

    init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    mutating func skipSpace() {
        while i < bytes.count {
            switch bytes[i] {
            case 0x20, 0x09, 0x0A, 0x0D: i += 1
            default: return
            }
        }
    }

    mutating func value(depth: Int) -> JSONValue? {
        guard i < bytes.count, depth < 64 else { return nil }
        switch bytes[i] {
        case UInt8(ascii: "{"): return object(depth: depth)
        case UInt8(ascii: "["): return array(depth: depth)
        case UInt8(ascii: "\""): return string().map(JSONValue.string)
        case UInt8(ascii: "t"): return literal("true") ? .bool(true) : nil
        case UInt8(ascii: "f"): return literal("false") ? .bool(false) : nil
        case UInt8(ascii: "n"): return literal("null") ? .null : nil
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return number()
        default: return nil
        }
    }

    mutating func literal(_ word: StaticString) -> Bool {
        let n = word.utf8CodeUnitCount
        guard bytes.count - i >= n else { return false }
        for k in 0..<n where bytes[i + k] != word.utf8Start[k] { return false }
        i += n
        return true
    }

    mutating func object(depth: Int) -> JSONValue? {
        i += 1
        var members: [(key: String, value: JSONValue)] = []
        skipSpace()
        if i < bytes.count, bytes[i] == UInt8(ascii: "}") {
            i += 1
            return .object(members)
        }
        while true {
            skipSpace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: "\""), let key = string() else { return nil }
            // A key given twice: Foundation's reading decides which one counts.
            if members.contains(where: { $0.key == key }) { return nil }
            skipSpace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { return nil }
            i += 1
            skipSpace()
            guard let v = value(depth: depth + 1) else { return nil }
            members.append((key, v))
            skipSpace()
            guard i < bytes.count else { return nil }
            if bytes[i] == UInt8(ascii: ",") {
                i += 1
                continue
            }
            guard bytes[i] == UInt8(ascii: "}") else { return nil }
            i += 1
            return .object(members)
        }
    }

    mutating func array(depth: Int) -> JSONValue? {
        i += 1
        var elements: [JSONValue] = []
        skipSpace()
        if i < bytes.count, bytes[i] == UInt8(ascii: "]") {
            i += 1
            return .array(elements)
        }
        while true {
            skipSpace()
            guard let v = value(depth: depth + 1) else { return nil }
            elements.append(v)
            skipSpace()
            guard i < bytes.count else { return nil }
            if bytes[i] == UInt8(ascii: ",") {
                i += 1
                continue
            }
            guard bytes[i] == UInt8(ascii: "]") else { return nil }
            i += 1
            return .array(elements)
        }
    }

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`; its value when it is an integer
    /// that fits an `Int`.
    mutating func number() -> JSONValue? {
        var negative = false
        if bytes[i] == UInt8(ascii: "-") {
            negative = true
            i += 1
        }
        func digits() -> Int {
            var n = 0
            while i + n < bytes.count, bytes[i + n] >= 0x30, bytes[i + n] <= 0x39 { n += 1 }
            return n
        }
        let whole = digits()
        guard whole > 0, !(whole > 1 && bytes[i] == 0x30) else { return nil }
        var value = 0
        var fits = whole <= 18
        if fits {
            for k in 0..<whole { value = value * 10 + Int(bytes[i + k] - 0x30) }
        }
        i += whole
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            i += 1
            let n = digits()
            guard n > 0 else { return nil }
            i += n
            fits = false
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            i += 1
            if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
            let n = digits()
            guard n > 0 else { return nil }
            i += n
            fits = false
        }
        return .number(fits ? (negative ? -value : value) : nil)
    }

    /// A string at `i` (its opening quote), unescaped; nil for a raw control character, a bad
    /// escape, a lone surrogate or bytes that are not UTF-8.
    mutating func string() -> String? {
        i += 1
        let start = i
        // No escape: the bytes themselves.
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x22 {
                defer { i += 1 }
                return String(validating: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
            }
            if b == 0x5C { break }
            if b < 0x20 { return nil }
            i += 1
        }
        guard i < bytes.count else { return nil }
        var out = Array(UnsafeBufferPointer(rebasing: bytes[start..<i]))
        while i < bytes.count {
            let b = bytes[i]
            switch b {
            case 0x22:
                i += 1
                return String(validating: out, as: UTF8.self)
            case 0x5C:
                i += 1
                guard i < bytes.count else { return nil }
                let e = bytes[i]
                i += 1
                switch e {
                case 0x22, 0x5C, 0x2F: out.append(e)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"):
                    guard var scalar = hex4() else { return nil }
                    if scalar >= 0xD800 && scalar < 0xDC00 {
                        // A high surrogate: its low half must follow as \uDC00–\uDFFF.
                        guard bytes.count - i >= 6, bytes[i] == 0x5C, bytes[i + 1] == UInt8(ascii: "u") else {
                            return nil
                        }
                        i += 2
                        guard let low = hex4(), low >= 0xDC00, low < 0xE000 else { return nil }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    } else if scalar >= 0xDC00 && scalar < 0xE000 {
                        return nil
                    }
                    guard let u = Unicode.Scalar(scalar) else { return nil }
                    out.append(contentsOf: UTF8.encode(u)!)
                default: return nil
                }
            default:
                if b < 0x20 { return nil }
                out.append(b)
                i += 1
            }
        }
        return nil
    }

    /// Four hex digits at `i`.
    mutating func hex4() -> UInt32? {
        guard bytes.count - i >= 4 else { return nil }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let b = bytes[i]
            let d: UInt8
            switch b {
            case 0x30...0x39: d = b - 0x30
            case 0x41...0x46: d = b - 0x41 + 10
            case 0x61...0x66: d = b - 0x61 + 10
            default: return nil
            }
            v = v << 4 | UInt32(d)
            i += 1
        }
        return v
    }
}
