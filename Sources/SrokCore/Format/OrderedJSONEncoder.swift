/// Encodes `Encodable` values as compact JSON with the keys in the order each type encodes them —
/// the order of the CLI's `--format json`, the service's bodies and the C ABI's JSON calls.
/// Foundation's `JSONEncoder` on Linux orders keys by hash (or sorts them); Srok's answer types
/// encode the same keys either way, and this encoder keeps them in their documented order.
///
/// Strings are escaped as the CLI's `JSONObject` does (`"`, `\`, control characters; `/` and non-ASCII
/// text are written as they are); `nil` written with `encodeNil` or as an `Optional` is `null`.
public struct OrderedJSONEncoder: Sendable {
    /// An encoder.
    public init() {}

    /// The compact JSON text of `value`, as UTF-8.
    /// - Throws: whatever `value`'s `encode(to:)` throws; `EncodingError.invalidValue` for a
    ///   value that encodes nothing.
    public func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        // Written as `encode(to:)` runs when its shape allows (JSONStream: the same bytes), else
        // through the tree below, which is the definition.
        let stream = JSONStream()
        if (try? stream.encodeRoot(value)) != nil, !stream.failed { return stream.out }
        return try treeEncode(value)
    }

    /// `value` encoded through a tree of ``JSONNode``s: the definition of the output.
    func treeEncode<T: Encodable>(_ value: T) throws -> [UInt8] {
        let root = JSONNode()
        try root.encode(value, path: [])
        var out: [UInt8] = []
        out.reserveCapacity(1024)
        try root.write(into: &out, path: [])
        return out
    }

    /// The compact JSON text of `value`.
    public func text<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try encode(value), as: UTF8.self)
    }
}

/// One value of the tree being encoded: a class so containers handed out earlier keep writing
/// into it (a type that asks for its keyed container twice gets the same object).
final class JSONNode {
    enum Value {
        case unset
        case null
        case literal(String)
        case string(String)
        case object([(String, JSONNode)])
        case array([JSONNode])
    }
    var value = Value.unset

    /// Encodes `value` into this node: the common scalars directly, anything else through its
    /// `encode(to:)`.
    func encode<T: Encodable>(_ v: T, path: [any CodingKey]) throws {
        // By static type (a dynamic cast could bridge a Bool to a number); Optional and every
        // other type go through their `encode(to:)`.
        if T.self == String.self, let s = v as? String {
            value = .string(s)
        } else if T.self == Int.self, let i = v as? Int {
            value = .literal(String(i))
        } else if T.self == Bool.self, let b = v as? Bool {
            value = .literal(b ? "true" : "false")
        } else {
            try v.encode(to: NodeEncoder(node: self, codingPath: path))
        }
    }

    /// Makes this node an object (if it is not one already).
    func makeObject() {
        if case .object = value { return }
        value = .object([])
    }

    /// Makes this node an array (if it is not one already).
    func makeArray() {
        if case .array = value { return }
        value = .array([])
    }

    /// Adds a member to this object and returns its (unset) value.
    func member(_ key: String) -> JSONNode {
        let child = JSONNode()
        guard case .object(var members) = value else { return child }
        value = .unset
        members.append((key, child))
        value = .object(members)
        return child
    }

    /// Adds an element to this array and returns it (unset).
    func element() -> JSONNode {
        let child = JSONNode()
        guard case .array(var elements) = value else { return child }
        value = .unset
        elements.append(child)
        value = .array(elements)
        return child
    }

    /// How many elements this array has.
    var count: Int {
        if case .array(let e) = value { return e.count }
        if case .object(let m) = value { return m.count }
        return 0
    }

    /// Appends the JSON text.
    func write(into out: inout [UInt8], path: [any CodingKey]) throws {
        switch value {
        case .unset:
            throw EncodingError.invalidValue(
                "", EncodingError.Context(codingPath: path, debugDescription: "a value that encodes nothing"))
        case .null: out.append(contentsOf: "null".utf8)
        case .literal(let text): out.append(contentsOf: text.utf8)
        case .string(let s): out.append(contentsOf: JSONObject.quote(s).utf8)
        case .object(let members):
            out.append(UInt8(ascii: "{"))
            for (i, (key, node)) in members.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                out.append(contentsOf: JSONObject.quote(key).utf8)
                out.append(UInt8(ascii: ":"))
                try node.write(into: &out, path: path + [JSONKey(key)])
            }
            out.append(UInt8(ascii: "}"))
        case .array(let elements):
            out.append(UInt8(ascii: "["))
            for (i, node) in elements.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                try node.write(into: &out, path: path + [JSONKey(index: i)])
            }
            out.append(UInt8(ascii: "]"))
        }
    }
}

/// A coding key of any name or index (Srok's `Codable` conformances write their keys with it).
package struct JSONKey: CodingKey, Sendable {
    /// The key's name.
    package var stringValue: String
    /// The index, for a list element.
    package var intValue: Int?
    /// The key `s`.
    package init(_ s: String) { stringValue = s }
    /// The key of list element `index`.
    package init(index: Int) {
        stringValue = String(index)
        intValue = index
    }
    /// The key `stringValue`.
    package init?(stringValue: String) { self.stringValue = stringValue }
    /// The key of list element `intValue`.
    package init?(intValue: Int) { self.init(index: intValue) }
}

/// The `Encoder` handed to `encode(to:)`: every container writes into `node`.
private struct NodeEncoder: Encoder {
    let node: JSONNode
    var codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        node.makeObject()
        return KeyedEncodingContainer(Keyed<Key>(node: node, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        node.makeArray()
        return Unkeyed(node: node, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { Single(node: node, codingPath: codingPath) }
}

private struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: JSONNode
    var codingPath: [any CodingKey]

    mutating func encodeNil(forKey key: Key) throws { node.member(key.stringValue).value = .null }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try node.member(key.stringValue).encode(value, path: codingPath + [key])
    }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
        -> KeyedEncodingContainer<NestedKey>
    {
        NodeEncoder(node: node.member(key.stringValue), codingPath: codingPath + [key]).container(keyedBy: keyType)
    }
    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        NodeEncoder(node: node.member(key.stringValue), codingPath: codingPath + [key]).unkeyedContainer()
    }
    mutating func superEncoder() -> any Encoder {
        NodeEncoder(node: node.member("super"), codingPath: codingPath + [JSONKey("super")])
    }
    mutating func superEncoder(forKey key: Key) -> any Encoder {
        NodeEncoder(node: node.member(key.stringValue), codingPath: codingPath + [key])
    }
}

private struct Unkeyed: UnkeyedEncodingContainer {
    let node: JSONNode
    var codingPath: [any CodingKey]
    var count: Int { node.count }

    mutating func encodeNil() throws { node.element().value = .null }
    mutating func encode<T: Encodable>(_ value: T) throws {
        let key = JSONKey(index: count)
        try node.element().encode(value, path: codingPath + [key])
    }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type)
        -> KeyedEncodingContainer<NestedKey>
    {
        let key = JSONKey(index: count)
        return NodeEncoder(node: node.element(), codingPath: codingPath + [key]).container(keyedBy: keyType)
    }
    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let key = JSONKey(index: count)
        return NodeEncoder(node: node.element(), codingPath: codingPath + [key]).unkeyedContainer()
    }
    mutating func superEncoder() -> any Encoder {
        let key = JSONKey(index: count)
        return NodeEncoder(node: node.element(), codingPath: codingPath + [key])
    }
}

private struct Single: SingleValueEncodingContainer {
    let node: JSONNode
    var codingPath: [any CodingKey]

    mutating func encodeNil() throws { node.value = .null }
    mutating func encode(_ value: Bool) throws { node.value = .literal(value ? "true" : "false") }
    mutating func encode(_ value: String) throws { node.value = .string(value) }
    mutating func encode(_ value: Double) throws {
        guard value.isFinite else {
            throw EncodingError.invalidValue(
                value, EncodingError.Context(codingPath: codingPath, debugDescription: "JSON has no \(value)"))
        }
        node.value = .literal(String(value))
    }
    mutating func encode(_ value: Float) throws { try encode(Double(value)) }
    mutating func encode(_ value: Int) throws { node.value = .literal(String(value)) }
    mutating func encode(_ value: Int8) throws { node.value = .literal(String(value)) }
    mutating func encode(_ value: Int16) throws { node.value = .literal(String(value)) }
    mutating func encode(_ value: Int32) throws { node.value = .literal(String(value)) }
    mutating func encode(_ value: Int64) throws { node.value = .literal(String(value)) }
    mutating func encode(_ value: UInt) throws { node.value = .literal(String(value)) }
    mutating func encode(_ value: UInt8) throws { node.value = .literal(String(value)) }
    mutating func encode(_ value: UInt16) throws { node.value = .literal(String(value)) }
    mutating func encode(_ value: UInt32) throws { node.value = .literal(String(value)) }
    mutating func encode(_ value: UInt64) throws { node.value = .literal(String(value)) }
    mutating func encode<T: Encodable>(_ value: T) throws { try node.encode(value, path: codingPath) }
}
