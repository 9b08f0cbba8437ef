import SrokCore
/// Reads one JSON Lines record: a flat JSON object whose values are strings, numbers, booleans or
/// null. Values are copied (unescaped) into `scratch`; known keys map to ``RowFields``.
struct JSONLineReader {
    var scratch: [UInt8] = []
    var lookup: [String: InputColumn] = {
        var l: [String: InputColumn] = [:]
        for c in InputColumn.allCases { for a in c.aliases { l[a] = c } }
        return l
    }()
    var keyCache: [[UInt8]: InputColumn?] = [:]
    /// The keys of the previous line by position, with their columns.
    var lastKeys: [(bytes: [UInt8], column: InputColumn?)] = []

    /// Why a line is not a record Srok reads.
    enum Failure: Error, Equatable {
        /// What was wrong, and where (the byte, and the key whose value it was in).
        case syntax(String)

        /// The same failure, naming the key whose value it was found in.
        func at(key: [UInt8]) -> Failure {
            switch self { case .syntax(let why): .syntax(why + " (at key \"" + String(decoding: key, as: UTF8.self) + "\")") }
        }
    }

    /// Parses `b` (one line, without its line break) into `fields`.
    mutating func read(_ b: UnsafeBufferPointer<UInt8>, into fields: inout RowFields) throws(Failure) {
        scratch.removeAll(keepingCapacity: true)
        fields.clear()
        var i = 0
        let n = b.count
        func skip() { while i < n, b[i] == 0x20 || b[i] == 0x09 || b[i] == 0x0D { i += 1 } }
        func string() throws(Failure) -> Range<Int> {
            guard i < n, b[i] == 0x22 else { throw .syntax("expected a string at byte \(i + 1)") }
            i += 1
            let start = scratch.count
            while i < n, b[i] != 0x22 {
                if b[i] == 0x5C {
                    i += 1
                    guard i < n else { break }
                    switch b[i] {
                    case 0x6E: scratch.append(0x0A)
                    case 0x74: scratch.append(0x09)
                    case 0x72: scratch.append(0x0D)
                    case 0x62: scratch.append(0x08)
                    case 0x66: scratch.append(0x0C)
                    case 0x75:
                        guard i + 4 < n, let v = UInt32(String(decoding: UnsafeBufferPointer(rebasing: b[(i + 1)...(i + 4)]), as: UTF8.self), radix: 16) else {
                            throw .syntax("bad \\u escape at byte \(i + 1)")
                        }
                        i += 4
                        var cp = v
                        if (0xD800...0xDBFF).contains(v), i + 6 < n, b[i + 1] == 0x5C, b[i + 2] == 0x75,
                           let lo = UInt32(String(decoding: UnsafeBufferPointer(rebasing: b[(i + 3)...(i + 6)]), as: UTF8.self), radix: 16),
                           (0xDC00...0xDFFF).contains(lo) {
                            cp = 0x10000 + ((v - 0xD800) << 10) + (lo - 0xDC00); i += 6
                        }
                        guard let scalar = Unicode.Scalar(cp) else { throw .syntax("bad \\u escape at byte \(i + 1)") }
                        scratch.append(contentsOf: Array(String(Character(scalar)).utf8))
                    default: scratch.append(b[i])
                    }
                    i += 1
                } else { scratch.append(b[i]); i += 1 }
            }
            guard i < n else { throw .syntax("unterminated string") }
            i += 1
            return start..<scratch.count
        }
        skip()
        guard i < n, b[i] == 0x7B else { throw .syntax("a JSON Lines record must be an object {…}") }
        i += 1; skip()
        if i < n, b[i] == 0x7D {
            // An empty object: nothing may follow it either.
            i += 1; skip()
            guard i == n else { throw .syntax("text after the object at byte \(i + 1)") }
            return
        }
        var position = 0
        while true {
            skip()
            let k = try string()
            // Producers write the keys of every line in the same order: the key at this position
            // last time is checked first, byte for byte, without allocating.
            let column: InputColumn?
            if position < lastKeys.count, lastKeys[position].bytes.elementsEqual(scratch[k]) {
                column = lastKeys[position].column
            } else {
                let keyBytes = Array(scratch[k])
                if let cached = keyCache[keyBytes] { column = cached } else {
                    let name = TextKey.normalize(String(decoding: keyBytes, as: UTF8.self))
                    column = lookup[name]
                    keyCache[keyBytes] = column
                }
                if position < lastKeys.count { lastKeys[position] = (keyBytes, column) } else { lastKeys.append((keyBytes, column)) }
            }
            position += 1
            scratch.removeSubrange(k)
            // The key of this value (just stored at its position), named by any error in the value.
            let key = position - 1
            do throws(Failure) {
                skip()
                guard i < n, b[i] == 0x3A else { throw .syntax("expected ':' at byte \(i + 1)") }
                i += 1; skip()
                guard i < n else { throw .syntax("missing value") }
                var value: Range<Int>?
                if b[i] == 0x22 { value = try string() }
                else {
                    let start = i
                    while i < n, b[i] != 0x2C, b[i] != 0x7D, b[i] != 0x20 { i += 1 }
                    let raw = UnsafeBufferPointer(rebasing: b[start..<i])
                    if !raw.isEmpty, raw.count <= 18, raw.allSatisfy({ $0 &- 0x30 <= 9 }) {
                        // A plain whole number (the common case) needs no string and no Double.
                        let s = scratch.count; scratch.append(contentsOf: raw); value = s..<scratch.count
                    } else {
                        let lit = String(decoding: raw, as: UTF8.self)
                        if lit == "null" { value = nil }
                        else if lit == "true" || lit == "false" || Double(lit) != nil {
                            let s = scratch.count; scratch.append(contentsOf: Array(lit.utf8)); value = s..<scratch.count
                        } else { throw .syntax("unexpected value '\(lit)'; nested objects and arrays are not read") }
                    }
                }
                if let column { fields[column.slot] = value }
            } catch { throw error.at(key: lastKeys[key].bytes) }
            skip()
            guard i < n else { throw .syntax("unterminated object") }
            if b[i] == 0x2C { i += 1; continue }
            if b[i] == 0x7D { i += 1; break }
            throw .syntax("expected ',' or '}' at byte \(i + 1)")
        }
        skip()
        guard i == n else { throw .syntax("text after the object at byte \(i + 1)") }
    }
}
