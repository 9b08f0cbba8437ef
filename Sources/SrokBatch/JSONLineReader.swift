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
        case syntax(LocalizedText)
        /// A value of a JSON type its column does not take: the key as written, the value, and
        /// what was wrong and what is accepted.
        case type(key: String, value: String, reason: LocalizedText)

        /// The same failure, naming the key whose value it was found in.
        func at(key: [UInt8]) -> Failure {
            switch self {
            case .syntax(let why):
                .syntax(
                    why
                        + LocalizedText(ru: " (в значении ключа \"", en: " (at key \"")
                        + (String(decoding: key, as: UTF8.self) + "\")"))
            case .type: self
            }
        }
    }

    /// The JSON type of a value (null is an absent value).
    enum Kind: Equatable {
        /// `"…"`.
        case string
        /// RFC 8259 § 6.
        case number
        /// `true` or `false`.
        case boolean

        /// How a message names it.
        var name: LocalizedText {
            switch self {
            case .string: LocalizedText(ru: "строка JSON", en: "a JSON string")
            case .number: LocalizedText(ru: "число JSON", en: "a JSON number")
            case .boolean: LocalizedText(ru: "логическое значение JSON", en: "a JSON boolean")
            }
        }
    }

    /// Four hex digits at `b[at..<at + 4]` (exactly four: no sign, no space), as a number.
    private static func hex4(_ b: UnsafeBufferPointer<UInt8>, at: Int) -> UInt32? {
        guard at + 4 <= b.count else { return nil }
        var v: UInt32 = 0
        for k in at..<(at + 4) {
            let c = b[k]
            let d: UInt8
            switch c {
            case 0x30...0x39: d = c - 0x30
            case 0x41...0x46: d = c - 0x41 + 10
            case 0x61...0x66: d = c - 0x61 + 10
            default: return nil
            }
            v = v << 4 | UInt32(d)
        }
        return v
    }

    /// Whether `raw` is a JSON number (RFC 8259 § 6: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`).
    static func isNumber(_ raw: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = raw.count
        var k = 0
        func digits() -> Bool {
            let from = k
            while k < n, raw[k] &- 0x30 <= 9 { k += 1 }
            return k > from
        }
        if k < n, raw[k] == 0x2D { k += 1 }
        guard k < n else { return false }
        if raw[k] == 0x30 { k += 1 } else if !digits() { return false }
        if k < n, raw[k] == 0x2E {
            k += 1
            guard digits() else { return false }
        }
        if k < n, raw[k] | 0x20 == 0x65 {
            k += 1
            if k < n, raw[k] == 0x2B || raw[k] == 0x2D { k += 1 }
            guard digits() else { return false }
        }
        return k == n
    }

    /// Parses `b` (one line, without its line break) into `fields`.
    mutating func read(_ b: UnsafeBufferPointer<UInt8>, into fields: inout RowFields) throws(Failure) {
        scratch.removeAll(keepingCapacity: true)
        fields.clear()
        var i = 0
        let n = b.count
        func skip() { while i < n, b[i] == 0x20 || b[i] == 0x09 || b[i] == 0x0D { i += 1 } }
        func string() throws(Failure) -> Range<Int> {
            guard i < n, b[i] == 0x22 else {
                throw .syntax(
                    LocalizedText(ru: "ожидается строка в байте \(i + 1)", en: "expected a string at byte \(i + 1)"))
            }
            i += 1
            let start = scratch.count
            while i < n, b[i] != 0x22 {
                if b[i] == 0x5C {
                    i += 1
                    guard i < n else { break }
                    switch b[i] {
                    case 0x22, 0x5C, 0x2F: scratch.append(b[i])
                    case 0x6E: scratch.append(0x0A)
                    case 0x74: scratch.append(0x09)
                    case 0x72: scratch.append(0x0D)
                    case 0x62: scratch.append(0x08)
                    case 0x66: scratch.append(0x0C)
                    case 0x75:
                        // RFC 8259 § 7: exactly four hex digits; a character beyond U+FFFF is a
                        // surrogate pair, and a surrogate alone is no character.
                        let at = i + 1
                        guard let v = Self.hex4(b, at: i + 1) else {
                            throw .syntax(
                                LocalizedText(
                                    ru:
                                        "неверная последовательность \\u в байте \(at): ожидаются четыре шестнадцатеричные цифры",
                                    en: "bad \\u escape at byte \(at): expected four hex digits"))
                        }
                        i += 4
                        var cp = v
                        if (0xD800...0xDBFF).contains(v) {
                            guard i + 2 < n, b[i + 1] == 0x5C, b[i + 2] == 0x75, let lo = Self.hex4(b, at: i + 3),
                                (0xDC00...0xDFFF).contains(lo)
                            else {
                                throw .syntax(
                                    LocalizedText(
                                        ru:
                                            "неверная последовательность \\u в байте \(at): за старшим суррогатом нет младшего",
                                        en: "bad \\u escape at byte \(at): a high surrogate not followed by a low one"))
                            }
                            cp = 0x10000 + ((v - 0xD800) << 10) + (lo - 0xDC00)
                            i += 6
                        } else if (0xDC00...0xDFFF).contains(v) {
                            throw .syntax(
                                LocalizedText(
                                    ru: "неверная последовательность \\u в байте \(at): младший суррогат без старшего",
                                    en: "bad \\u escape at byte \(at): a low surrogate without a high one"))
                        }
                        guard let scalar = Unicode.Scalar(cp) else {
                            throw .syntax(
                                LocalizedText(
                                    ru: "неверная последовательность \\u в байте \(at)",
                                    en: "bad \\u escape at byte \(at)"))
                        }
                        UTF8.encode(scalar) { scratch.append($0) }
                    default:
                        throw .syntax(
                            LocalizedText(
                                ru:
                                    "неверная экранированная последовательность в байте \(i + 1): ожидается \\\" \\\\ \\/ \\b \\f \\n \\r \\t или \\uXXXX",
                                en: "bad escape at byte \(i + 1): expected \\\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX"
                            ))
                    }
                    i += 1
                } else if b[i] < 0x20 {
                    // RFC 8259 § 7: control characters must be escaped inside a string.
                    let code = String(b[i], radix: 16, uppercase: true)
                    throw .syntax(
                        LocalizedText(
                            ru:
                                "управляющий символ 0x\(code) в байте \(i + 1) внутри строки; запишите его экранированным (\\t, \\n, \\u0000)",
                            en:
                                "control character 0x\(code) at byte \(i + 1) inside a string; write it escaped (\\t, \\n, \\u0000)"
                        ))
                } else {
                    scratch.append(b[i])
                    i += 1
                }
            }
            guard i < n else { throw .syntax(LocalizedText(ru: "строка не закрыта", en: "unterminated string")) }
            i += 1
            return start..<scratch.count
        }
        skip()
        guard i < n, b[i] == 0x7B else {
            throw .syntax(
                LocalizedText(
                    ru: "запись JSON Lines должна быть объектом {…}", en: "a JSON Lines record must be an object {…}"))
        }
        i += 1
        skip()
        if i < n, b[i] == 0x7D {
            // An empty object: nothing may follow it either.
            i += 1
            skip()
            guard i == n else { throw Self.textAfterObject(i + 1) }
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
                if let cached = keyCache[keyBytes] {
                    column = cached
                } else {
                    let name = TextKey.normalize(String(decoding: keyBytes, as: UTF8.self))
                    column = lookup[name]
                    keyCache[keyBytes] = column
                }
                if position < lastKeys.count {
                    lastKeys[position] = (keyBytes, column)
                } else {
                    lastKeys.append((keyBytes, column))
                }
            }
            position += 1
            scratch.removeSubrange(k)
            // The key of this value (just stored at its position), named by any error in the value.
            let key = position - 1
            do throws(Failure) {
                skip()
                guard i < n, b[i] == 0x3A else {
                    throw .syntax(
                        LocalizedText(ru: "ожидается «:» в байте \(i + 1)", en: "expected ':' at byte \(i + 1)"))
                }
                i += 1
                skip()
                guard i < n else { throw .syntax(LocalizedText(ru: "нет значения", en: "missing value")) }
                var value: Range<Int>?
                let kind: Kind
                if b[i] == 0x22 {
                    value = try string()
                    kind = .string
                } else if b[i] == 0x5B, column == .postponedUntil {
                    // A history of «Отложено»: an array of date strings, kept as `d1;d2` (the CSV form).
                    i += 1
                    skip()
                    let start = scratch.count
                    if i < n, b[i] == 0x5D {
                        i += 1
                    } else {
                        var first = true
                        while true {
                            if !first { scratch.append(0x3B) }
                            first = false
                            _ = try string()
                            skip()
                            guard i < n else {
                                throw .syntax(LocalizedText(ru: "массив не закрыт", en: "unterminated array"))
                            }
                            if b[i] == 0x2C {
                                i += 1
                                skip()
                                continue
                            }
                            if b[i] == 0x5D {
                                i += 1
                                break
                            }
                            throw .syntax(
                                LocalizedText(
                                    ru: "ожидается «,» или «]» в байте \(i + 1)",
                                    en: "expected ',' or ']' at byte \(i + 1)"))
                        }
                    }
                    value = scratch.count > start ? start..<scratch.count : nil
                    kind = .string
                } else {
                    let start = i
                    while i < n, b[i] != 0x2C, b[i] != 0x7D, b[i] != 0x20, b[i] != 0x09, b[i] != 0x0D { i += 1 }
                    let raw = UnsafeBufferPointer(rebasing: b[start..<i])
                    func keep() -> Range<Int> {
                        let s = scratch.count
                        scratch.append(contentsOf: raw)
                        return s..<scratch.count
                    }
                    if !raw.isEmpty, raw.count <= 18, raw[0] != 0x30 || raw.count == 1,
                        raw.allSatisfy({ $0 &- 0x30 <= 9 })
                    {
                        // A plain whole number (the common case).
                        value = keep()
                        kind = .number
                    } else if raw.elementsEqual("null".utf8) {
                        value = nil
                        kind = .string
                    } else if raw.elementsEqual("true".utf8) || raw.elementsEqual("false".utf8) {
                        value = keep()
                        kind = .boolean
                    } else if Self.isNumber(raw) {
                        value = keep()
                        kind = .number
                    } else {
                        let echo = BatchLimits.echo(String(decoding: raw, as: UTF8.self))
                        throw .syntax(
                            LocalizedText(
                                ru: "неожиданное значение «\(echo)»; вложенные объекты и массивы не читаются",
                                en: "unexpected value '\(echo)'; nested objects and arrays are not read"))
                    }
                }
                if let column {
                    if let value, let why = column.refusal(of: kind, scratch[value]) {
                        throw .type(
                            key: String(decoding: lastKeys[key].bytes, as: UTF8.self),
                            value: String(decoding: scratch[value], as: UTF8.self), reason: why)
                    }
                    fields[column.slot] = value
                }
            } catch { throw error.at(key: lastKeys[key].bytes) }
            skip()
            guard i < n else { throw .syntax(LocalizedText(ru: "объект не закрыт", en: "unterminated object")) }
            if b[i] == 0x2C {
                i += 1
                continue
            }
            if b[i] == 0x7D {
                i += 1
                break
            }
            throw .syntax(
                LocalizedText(ru: "ожидается «,» или «}» в байте \(i + 1)", en: "expected ',' or '}' at byte \(i + 1)"))
        }
        skip()
        guard i == n else { throw Self.textAfterObject(i + 1) }
    }

    /// Text after the record's closing brace.
    private static func textAfterObject(_ byte: Int) -> Failure {
        .syntax(LocalizedText(ru: "текст после объекта в байте \(byte)", en: "text after the object at byte \(byte)"))
    }
}

extension InputColumn {
    /// Why a JSON Lines value of `kind` (its text `text`) is refused for this column, or nil:
    /// day counts are a JSON number or a string of digits (exports converted from CSV quote every
    /// value: `"term_days": "30"` is 30), never a boolean (`true` used to be read as 1 day) — a
    /// fraction or other text is then refused by the row's own check of the number; a fast-track
    /// is also да/нет; dates and times are strings; the id is a string or a number; other texts are
    /// strings or numbers (codes), never booleans.
    func refusal(of kind: JSONLineReader.Kind, _ text: ArraySlice<UInt8>) -> LocalizedText? {
        switch self {
        case .termDays, .extensionDays:
            return kind == .boolean
                ? LocalizedText(
                    ru: "логическое значение JSON; ожидается целое число дней (30 или \"30\")",
                    en: "a JSON boolean; expected a whole number of days (30 or \"30\")") : nil
        case .fastTrackDays:
            return nil
        case .registeredAt, .stageEnteredAt, .postponedUntil, .closedAt, .posPlannedDate:
            return kind == .string
                ? nil
                : kind.name
                    + LocalizedText(
                        ru: "; ожидается строка JSON с датой или временем",
                        en: "; expected a JSON string with a date or time")
        case .appealChosen:
            return nil
        case .id, .tz, .region, .profile, .category, .subcategory, .regime, .stage, .organisation, .outcome,
            .rejectionReason:
            return kind == .boolean
                ? LocalizedText(
                    ru: "логическое значение JSON; ожидается строка JSON", en: "a JSON boolean; expected a JSON string")
                : nil
        }
    }
}
