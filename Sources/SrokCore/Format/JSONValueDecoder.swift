import Foundation

/// A `Decoder` over a ``JSONValue``: the fast path under `Decodable` readings such as
/// ``MessageRequest``'s (the same `init(from:)`, so the same reading). It answers only what
/// Foundation's `JSONDecoder` answers the same way — a value of another kind is a type mismatch
/// in both — and gives up on the rest (a whole number read from `30.0`, a `Double`, an `Int8`, a
/// super decoder): ``State/gaveUp`` is then set (even when the caller's `try?` swallowed the
/// error), and the caller reads the text again with Foundation.
struct JSONValueDecoder: Decoder {
    /// Whether a question was left to Foundation, shared by every decoder of one reading.
    final class State {
        private(set) var gaveUp = false
        let userInfo: [CodingUserInfoKey: Any]
        init(userInfo: [CodingUserInfoKey: Any]) { self.userInfo = userInfo }

        /// Leaves the reading to Foundation.
        func giveUp() -> GiveUp {
            gaveUp = true
            return GiveUp()
        }
    }

    /// Thrown where this decoder does not answer.
    struct GiveUp: Error {}

    let value: JSONValue
    let codingPath: [any CodingKey]
    let state: State
    var userInfo: [CodingUserInfoKey: Any] { state.userInfo }

    init(_ value: JSONValue, codingPath: [any CodingKey] = [], state: State) {
        self.value = value
        self.codingPath = codingPath
        self.state = state
    }

    /// Decodes `T` from `value` with `userInfo`; nil when the reading failed or was left to
    /// Foundation (read the text with `JSONDecoder` then: it decides, and names the error).
    static func decode<T: Decodable>(_ type: T.Type, from value: JSONValue, userInfo: [CodingUserInfoKey: Any]) -> T? {
        let state = State(userInfo: userInfo)
        guard let t = try? T(from: JSONValueDecoder(value, state: state)), !state.gaveUp else { return nil }
        return t
    }

    func giveUp() -> GiveUp { state.giveUp() }

    func mismatch<T>(_ type: T.Type) -> DecodingError {
        .typeMismatch(type, DecodingError.Context(codingPath: codingPath, debugDescription: "found \(value.kind)"))
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .object(let members) = value else { throw mismatch([String: Any].self) }
        return KeyedDecodingContainer(ValueKeyed<Key>(members: members, codingPath: codingPath, state: state))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .array(let elements) = value else { throw mismatch([Any].self) }
        return ValueUnkeyed(elements: elements, codingPath: codingPath, state: state)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { ValueSingle(decoder: self) }

    // MARK: scalars

    func decodeNil() -> Bool {
        if case .null = value { return true }
        return false
    }

    func decode(_ type: Bool.Type) throws -> Bool {
        guard case .bool(let b) = value else { throw mismatch(type) }
        return b
    }

    func decode(_ type: String.Type) throws -> String {
        guard case .string(let s) = value else { throw mismatch(type) }
        return s
    }

    func decode(_ type: Int.Type) throws -> Int {
        guard case .number(let n) = value else { throw mismatch(type) }
        // `30.0` or a long literal: Foundation's conversion decides.
        guard let n else { throw giveUp() }
        return n
    }

    /// Any other number type: Foundation's conversion decides (a mismatch of kind is certain).
    func decodeOtherNumber<T>(_ type: T.Type) throws -> T {
        guard case .number = value else { throw mismatch(type) }
        throw giveUp()
    }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        if T.self == String.self { return try decode(String.self) as! T }
        if T.self == Int.self { return try decode(Int.self) as! T }
        if T.self == Bool.self { return try decode(Bool.self) as! T }
        // Types Foundation's decoder reads in its own way rather than through `init(from:)`.
        if T.self == Double.self || T.self == Float.self { return try decodeOtherNumber(type) }
        if isSpecial(type) { throw giveUp() }
        return try T(from: self)
    }

    /// Whether Foundation reads `type` in its own way (dates, data, URLs, decimals, dictionaries
    /// keyed by strings): left to it.
    private func isSpecial<T>(_ type: T.Type) -> Bool {
        T.self == Date.self || T.self == Data.self || T.self == URL.self || T.self == Decimal.self
            || T.self is any StringKeyedDictionary.Type
    }
}

private struct ValueKeyed<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let members: [(key: String, value: JSONValue)]
    let codingPath: [any CodingKey]
    let state: JSONValueDecoder.State

    var allKeys: [Key] {
        var keys: [Key] = []
        keys.reserveCapacity(members.count)
        for m in members { if let k = Key(stringValue: m.key) { keys.append(k) } }
        return keys
    }

    func contains(_ key: Key) -> Bool { members.contains { $0.key == key.stringValue } }

    func child(_ key: Key) throws -> JSONValueDecoder {
        let name = key.stringValue
        guard let m = members.first(where: { $0.key == name }) else {
            throw DecodingError.keyNotFound(
                key, DecodingError.Context(codingPath: codingPath, debugDescription: "no key \(name)"))
        }
        return JSONValueDecoder(m.value, codingPath: codingPath + [JSONKey(name)], state: state)
    }

    func decodeNil(forKey key: Key) throws -> Bool { try child(key).decodeNil() }
    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try child(key).decode(type) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try child(key).decode(type) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try child(key).decodeOtherNumber(type) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try child(key).decodeOtherNumber(type) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try child(key).decode(type) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try child(key).decodeOtherNumber(type) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try child(key).decodeOtherNumber(type) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try child(key).decodeOtherNumber(type) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try child(key).decodeOtherNumber(type) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try child(key).decodeOtherNumber(type) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try child(key).decodeOtherNumber(type) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try child(key).decodeOtherNumber(type) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try child(key).decodeOtherNumber(type) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try child(key).decodeOtherNumber(type) }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try child(key).decode(type) }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
        -> KeyedDecodingContainer<NestedKey>
    {
        try child(key).container(keyedBy: type)
    }
    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try child(key).unkeyedContainer()
    }
    func superDecoder() throws -> any Decoder { throw state.giveUp() }
    func superDecoder(forKey key: Key) throws -> any Decoder { throw state.giveUp() }
}

/// Dictionaries keyed by strings (Foundation's decoder may convert their keys).
private protocol StringKeyedDictionary {}
extension Dictionary: StringKeyedDictionary where Key == String {}

private struct ValueUnkeyed: UnkeyedDecodingContainer {
    let elements: [JSONValue]
    let codingPath: [any CodingKey]
    let state: JSONValueDecoder.State
    var currentIndex = 0

    init(elements: [JSONValue], codingPath: [any CodingKey], state: JSONValueDecoder.State) {
        self.elements = elements
        self.codingPath = codingPath
        self.state = state
    }

    var count: Int? { elements.count }
    var isAtEnd: Bool { currentIndex >= elements.count }

    /// The next element's decoder (the index moves on only when it decodes: `JSONDecoder`'s rule).
    func next() throws -> JSONValueDecoder {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(
                JSONValue.self, DecodingError.Context(codingPath: codingPath, debugDescription: "at the end"))
        }
        return JSONValueDecoder(
            elements[currentIndex], codingPath: codingPath + [JSONKey(index: currentIndex)], state: state)
    }

    mutating func advance<T>(_ t: T) -> T {
        currentIndex += 1
        return t
    }

    mutating func decodeNil() throws -> Bool {
        let isNil = try next().decodeNil()
        if isNil { currentIndex += 1 }
        return isNil
    }
    mutating func decode(_ type: Bool.Type) throws -> Bool { advance(try next().decode(type)) }
    mutating func decode(_ type: String.Type) throws -> String { advance(try next().decode(type)) }
    mutating func decode(_ type: Double.Type) throws -> Double { advance(try next().decodeOtherNumber(type)) }
    mutating func decode(_ type: Float.Type) throws -> Float { advance(try next().decodeOtherNumber(type)) }
    mutating func decode(_ type: Int.Type) throws -> Int { advance(try next().decode(type)) }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { advance(try next().decodeOtherNumber(type)) }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { advance(try next().decodeOtherNumber(type)) }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { advance(try next().decodeOtherNumber(type)) }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { advance(try next().decodeOtherNumber(type)) }
    mutating func decode(_ type: UInt.Type) throws -> UInt { advance(try next().decodeOtherNumber(type)) }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { advance(try next().decodeOtherNumber(type)) }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { advance(try next().decodeOtherNumber(type)) }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { advance(try next().decodeOtherNumber(type)) }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { advance(try next().decodeOtherNumber(type)) }
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { advance(try next().decode(type)) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws
        -> KeyedDecodingContainer<NestedKey>
    {
        advance(try next().container(keyedBy: type))
    }
    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        advance(try next().unkeyedContainer())
    }
    mutating func superDecoder() throws -> any Decoder { throw state.giveUp() }
}

private struct ValueSingle: SingleValueDecodingContainer {
    let decoder: JSONValueDecoder
    var codingPath: [any CodingKey] { decoder.codingPath }

    func decodeNil() -> Bool { decoder.decodeNil() }
    func decode(_ type: Bool.Type) throws -> Bool { try decoder.decode(type) }
    func decode(_ type: String.Type) throws -> String { try decoder.decode(type) }
    func decode(_ type: Double.Type) throws -> Double { try decoder.decodeOtherNumber(type) }
    func decode(_ type: Float.Type) throws -> Float { try decoder.decodeOtherNumber(type) }
    func decode(_ type: Int.Type) throws -> Int { try decoder.decode(type) }
    func decode(_ type: Int8.Type) throws -> Int8 { try decoder.decodeOtherNumber(type) }
    func decode(_ type: Int16.Type) throws -> Int16 { try decoder.decodeOtherNumber(type) }
    func decode(_ type: Int32.Type) throws -> Int32 { try decoder.decodeOtherNumber(type) }
    func decode(_ type: Int64.Type) throws -> Int64 { try decoder.decodeOtherNumber(type) }
    func decode(_ type: UInt.Type) throws -> UInt { try decoder.decodeOtherNumber(type) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try decoder.decodeOtherNumber(type) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try decoder.decodeOtherNumber(type) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try decoder.decodeOtherNumber(type) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try decoder.decodeOtherNumber(type) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try decoder.decode(type) }
}
