/// The fast path of ``OrderedJSONEncoder``: writes the JSON text while `encode(to:)` runs, with no
/// tree of nodes. It takes the common shape of `encode(to:)` — a container asked for, values
/// written to it in order, a nested container finished before its parent is written to again —
/// and gives up (``JSONStream/Fallback``) on anything else: a container written to after a
/// sibling was started, a value set twice, a super encoder, a value that encodes nothing, a
/// non-finite number. ``OrderedJSONEncoder`` then encodes again with its tree, which is the
/// definition; in the shapes this path takes, the two write the same bytes (the keys in the order
/// written, a key written twice written twice, the same escaping: ``JSONObject/appendQuoted(_:to:)``).
///
/// The coding paths it hands out name the same keys (their `stringValue` and `intValue`) as
/// JSONKeys rather than as the caller's own key type.
final class JSONStream {
    /// The text so far.
    var out: [UInt8] = []
    /// Open containers, innermost last.
    private var frames: [Frame] = []
    /// Values being written, innermost last.
    private var slots: [Slot] = []
    private var nextID = 1
    /// Set when the shape is not one this path takes: the tree encodes instead.
    private(set) var failed = false

    /// Thrown to stop at the first shape this path does not take.
    struct Fallback: Error {}

    /// An open object or array.
    private struct Frame {
        let id: Int
        let array: Bool
        /// Members or elements written.
        var count = 0
        /// The last member's key (for coding paths).
        var key = ""
        /// Whether it is a value's own container (closed when the value ends) rather than a
        /// nested one (closed when its parent is written to again).
        let owned: Bool
    }

    /// A value being written: empty, a scalar, or the container `frame`.
    private struct Slot {
        let id: Int
        /// How many frames were open when it began (its container, if any, is the next).
        let depth: Int
        var state = State.empty
        enum State {
            case empty, scalar
            case container(Int)
        }
    }

    init() { out.reserveCapacity(1024) }

    /// Gives up: the tree encodes instead.
    func fail() -> Fallback {
        failed = true
        return Fallback()
    }

    private func newID() -> Int {
        defer { nextID += 1 }
        return nextID
    }

    // MARK: values

    /// Encodes `value` as the whole text.
    func encodeRoot<T: Encodable>(_ value: T) throws {
        try encodeValue(value)
        guard frames.isEmpty, slots.isEmpty else { throw fail() }
    }

    /// Writes `value` where a value is due (after a key, a comma or at the start): the common
    /// scalars directly, anything else through its `encode(to:)`.
    func encodeValue<T: Encodable>(_ value: T) throws {
        if T.self == String.self, let s = value as? String {
            JSONObject.appendQuoted(s, to: &out)
        } else if T.self == Int.self, let i = value as? Int {
            appendInt(i)
        } else if T.self == Bool.self, let b = value as? Bool {
            out.append(contentsOf: b ? "true".utf8 : "false".utf8)
        } else {
            let id = newID()
            slots.append(Slot(id: id, depth: frames.count))
            try value.encode(to: StreamEncoder(stream: self, slot: id))
            try endValue(id)
        }
    }

    /// Ends the value `id`: closes its container and the containers nested in it.
    private func endValue(_ id: Int) throws {
        guard !failed, let slot = slots.last, slot.id == id else { throw fail() }
        switch slot.state {
        case .empty: throw fail()
        case .scalar: guard frames.count == slot.depth else { throw fail() }
        case .container(let frame):
            guard frames.count > slot.depth, frames[slot.depth].id == frame else { throw fail() }
            close(downTo: slot.depth)
        }
        slots.removeLast()
    }

    /// Closes every frame above the first `depth`.
    private func close(downTo depth: Int) {
        while frames.count > depth {
            out.append(frames.removeLast().array ? UInt8(ascii: "]") : UInt8(ascii: "}"))
        }
    }

    /// Appends the decimal text of `i`.
    func appendInt(_ i: Int) {
        if i >= 0 && i < 10 {
            out.append(UInt8(truncatingIfNeeded: 0x30 + i))
        } else {
            out.append(contentsOf: String(i).utf8)
        }
    }

    // MARK: scalars of a single-value container

    /// Whether value `slot` can take a scalar now: it is the innermost value and still empty.
    private func scalarDue(_ slot: Int) -> Bool {
        guard !failed, let s = slots.last, s.id == slot, case .empty = s.state, frames.count == s.depth else {
            return false
        }
        slots[slots.count - 1].state = .scalar
        return true
    }

    /// Writes the literal `text` as value `slot`.
    func scalar(_ slot: Int, literal text: String) throws {
        guard scalarDue(slot) else { throw fail() }
        out.append(contentsOf: text.utf8)
    }

    /// Writes `text` as value `slot`, quoted.
    func scalar(_ slot: Int, string text: String) throws {
        guard scalarDue(slot) else { throw fail() }
        JSONObject.appendQuoted(text, to: &out)
    }

    /// Writes `i` as value `slot`.
    func scalar(_ slot: Int, int i: Int) throws {
        guard scalarDue(slot) else { throw fail() }
        appendInt(i)
    }

    /// Encodes `value` as value `slot` itself (a single-value container's generic `encode`).
    func encodeInPlace<T: Encodable>(_ value: T, slot: Int) throws {
        if T.self == String.self, let s = value as? String {
            try scalar(slot, string: s)
        } else if T.self == Int.self, let i = value as? Int {
            try scalar(slot, int: i)
        } else if T.self == Bool.self, let b = value as? Bool {
            try scalar(slot, literal: b ? "true" : "false")
        } else {
            try value.encode(to: StreamEncoder(stream: self, slot: slot))
        }
    }

    // MARK: containers

    /// The container of value `slot` (`array` or an object), opened on the first call; 0 (no
    /// frame: every write gives up) when the shape is not one this path takes.
    func container(_ slot: Int, array: Bool) -> Int {
        if let id = openContainer(slot, array: array) { return id }
        _ = fail()
        return 0
    }

    private func openContainer(_ slot: Int, array: Bool) -> Int? {
        guard !failed, let s = slots.last, s.id == slot else { return nil }
        switch s.state {
        case .empty:
            guard frames.count == s.depth else { return nil }
            let id = newID()
            out.append(array ? UInt8(ascii: "[") : UInt8(ascii: "{"))
            frames.append(Frame(id: id, array: array, owned: true))
            slots[slots.count - 1].state = .container(id)
            return id
        case .scalar: return nil
        case .container(let id):
            // Asked for again: the same object (an array's elements the tree would drop: give up).
            guard frames.count > s.depth, frames[s.depth].id == id, frames[s.depth].array == array else { return nil }
            guard onlyNested(above: s.depth) else { return nil }
            close(downTo: s.depth + 1)
            return id
        }
    }

    /// Whether the frames above `index` are all nested containers (none is a value's own).
    private func onlyNested(above index: Int) -> Bool {
        var k = index + 1
        while k < frames.count {
            if frames[k].owned { return false }
            k += 1
        }
        return true
    }

    /// The index of open frame `id` made the innermost (nested containers above it closed) for a
    /// write; nil when it is closed or a value inside it is being written.
    private func writable(_ id: Int) -> Int? {
        guard !failed, let index = frames.lastIndex(where: { $0.id == id }) else { return nil }
        if let s = slots.last, s.depth > index { return nil }
        guard onlyNested(above: index) else { return nil }
        close(downTo: index + 1)
        return index
    }

    /// Starts member `key` of object `frame`: the comma, the key and the colon are written.
    func member(_ frame: Int, key: String) throws {
        guard let i = writable(frame), !frames[i].array else { throw fail() }
        if frames[i].count > 0 { out.append(UInt8(ascii: ",")) }
        frames[i].count += 1
        frames[i].key = key
        JSONObject.appendQuoted(key, to: &out)
        out.append(UInt8(ascii: ":"))
    }

    /// Starts the next element of array `frame` (its comma): its index.
    @discardableResult
    func element(_ frame: Int) throws -> Int {
        guard let i = writable(frame), frames[i].array else { throw fail() }
        if frames[i].count > 0 { out.append(UInt8(ascii: ",")) }
        frames[i].count += 1
        return frames[i].count - 1
    }

    /// Opens a nested container right after ``member(_:key:)`` or ``element(_:)``.
    func nested(array: Bool) -> Int {
        let id = newID()
        out.append(array ? UInt8(ascii: "[") : UInt8(ascii: "{"))
        frames.append(Frame(id: id, array: array, owned: false))
        return id
    }

    /// The elements written to array `frame` so far (0 once it is closed).
    func count(_ frame: Int) -> Int { frames.last(where: { $0.id == frame })?.count ?? 0 }

    // MARK: coding paths

    /// The coding path of a value inside the first `depth` frames: each one's current member
    /// key or element index.
    func path(depth: Int) -> [any CodingKey] {
        var out: [any CodingKey] = []
        for f in frames.prefix(depth) {
            out.append(f.array ? JSONKey(index: max(0, f.count - 1)) : JSONKey(f.key))
        }
        return out
    }

    /// The coding path of value `slot`.
    func path(slot: Int) -> [any CodingKey] {
        path(depth: slots.last(where: { $0.id == slot })?.depth ?? frames.count)
    }

    /// The coding path of the container `frame` (the path of its value).
    func path(frame: Int) -> [any CodingKey] {
        path(depth: frames.lastIndex(where: { $0.id == frame }) ?? frames.count)
    }
}

/// The `Encoder` of one value of a ``JSONStream``.
private struct StreamEncoder: Encoder {
    let stream: JSONStream
    let slot: Int
    var codingPath: [any CodingKey] { stream.path(slot: slot) }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(StreamKeyed<Key>(stream: stream, frame: stream.container(slot, array: false)))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        StreamUnkeyed(stream: stream, frame: stream.container(slot, array: true))
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { StreamSingle(stream: stream, slot: slot) }
}

/// An object's container; frame 0 is none (every write gives up).
private struct StreamKeyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let stream: JSONStream
    let frame: Int
    var codingPath: [any CodingKey] { stream.path(frame: frame) }

    mutating func encodeNil(forKey key: Key) throws {
        try stream.member(frame, key: key.stringValue)
        stream.out.append(contentsOf: "null".utf8)
    }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try stream.member(frame, key: key.stringValue)
        try stream.encodeValue(value)
    }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
        -> KeyedEncodingContainer<NestedKey>
    {
        do {
            try stream.member(frame, key: key.stringValue)
            return KeyedEncodingContainer(StreamKeyed<NestedKey>(stream: stream, frame: stream.nested(array: false)))
        } catch {
            return KeyedEncodingContainer(StreamKeyed<NestedKey>(stream: stream, frame: 0))
        }
    }
    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        do {
            try stream.member(frame, key: key.stringValue)
            return StreamUnkeyed(stream: stream, frame: stream.nested(array: true))
        } catch {
            return StreamUnkeyed(stream: stream, frame: 0)
        }
    }
    mutating func superEncoder() -> any Encoder {
        _ = stream.fail()
        return StreamEncoder(stream: stream, slot: 0)
    }
    mutating func superEncoder(forKey key: Key) -> any Encoder {
        _ = stream.fail()
        return StreamEncoder(stream: stream, slot: 0)
    }
}

/// An array's container; frame 0 is none (every write gives up).
private struct StreamUnkeyed: UnkeyedEncodingContainer {
    let stream: JSONStream
    let frame: Int
    var codingPath: [any CodingKey] { stream.path(frame: frame) }
    var count: Int { stream.count(frame) }

    mutating func encodeNil() throws {
        try stream.element(frame)
        stream.out.append(contentsOf: "null".utf8)
    }
    mutating func encode<T: Encodable>(_ value: T) throws {
        try stream.element(frame)
        try stream.encodeValue(value)
    }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type)
        -> KeyedEncodingContainer<NestedKey>
    {
        do {
            try stream.element(frame)
            return KeyedEncodingContainer(StreamKeyed<NestedKey>(stream: stream, frame: stream.nested(array: false)))
        } catch {
            return KeyedEncodingContainer(StreamKeyed<NestedKey>(stream: stream, frame: 0))
        }
    }
    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        do {
            try stream.element(frame)
            return StreamUnkeyed(stream: stream, frame: stream.nested(array: true))
        } catch {
            return StreamUnkeyed(stream: stream, frame: 0)
        }
    }
    mutating func superEncoder() -> any Encoder {
        _ = stream.fail()
        return StreamEncoder(stream: stream, slot: 0)
    }
}

/// A value's single-value container.
private struct StreamSingle: SingleValueEncodingContainer {
    let stream: JSONStream
    let slot: Int
    var codingPath: [any CodingKey] { stream.path(slot: slot) }

    mutating func encodeNil() throws { try stream.scalar(slot, literal: "null") }
    mutating func encode(_ value: Bool) throws { try stream.scalar(slot, literal: value ? "true" : "false") }
    mutating func encode(_ value: String) throws { try stream.scalar(slot, string: value) }
    mutating func encode(_ value: Double) throws {
        // The tree's error for a non-finite number.
        guard value.isFinite else { throw stream.fail() }
        try stream.scalar(slot, literal: String(value))
    }
    mutating func encode(_ value: Float) throws { try encode(Double(value)) }
    mutating func encode(_ value: Int) throws { try stream.scalar(slot, int: value) }
    mutating func encode(_ value: Int8) throws { try stream.scalar(slot, literal: String(value)) }
    mutating func encode(_ value: Int16) throws { try stream.scalar(slot, literal: String(value)) }
    mutating func encode(_ value: Int32) throws { try stream.scalar(slot, literal: String(value)) }
    mutating func encode(_ value: Int64) throws { try stream.scalar(slot, literal: String(value)) }
    mutating func encode(_ value: UInt) throws { try stream.scalar(slot, literal: String(value)) }
    mutating func encode(_ value: UInt8) throws { try stream.scalar(slot, literal: String(value)) }
    mutating func encode(_ value: UInt16) throws { try stream.scalar(slot, literal: String(value)) }
    mutating func encode(_ value: UInt32) throws { try stream.scalar(slot, literal: String(value)) }
    mutating func encode(_ value: UInt64) throws { try stream.scalar(slot, literal: String(value)) }
    mutating func encode<T: Encodable>(_ value: T) throws { try stream.encodeInPlace(value, slot: slot) }
}
