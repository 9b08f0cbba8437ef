/// The JSON-in, JSON-out calls every surface that is not Swift makes (the C ABI's
/// `srok_due_json`/`srok_status_json`, the service's `POST /v1/due` and `POST /v1/status`): a
/// ``MessageRequest`` as JSON in (read by the one strict reader,
/// ``MessageRequest/init(decodingJSON:source:)``), the ``DueAnswer`` or ``StatusAnswer`` as
/// compact JSON out (``OrderedJSONEncoder``: the keys and values of `srok due`/`srok status
/// --format json`). Errors are ``MessageFieldError``s naming the request key at fault;
/// ``MessageFieldError/json`` is their JSON. Thread-safe: share one per set of defaults.
///
/// SrokCore reads no clock: `now` (the as-of instant when the request names none) is the
/// caller's; `import Srok` adds overloads that take the current time.
public struct MessageJSONCall: Sendable {
    /// The resolver every request goes through.
    public let resolver: MessageResolver
    /// ``DueAnswer/termSource`` of an explicit term (`term_days`), in both languages.
    public var explicitTermSource = DueAnswer.requestTermSource
    /// The language of the answers' texts (`term_source`, the `*_text` keys) and of the errors'
    /// messages: Russian by default.
    public var language = Language.ru
    /// The name of the input in error messages.
    public var source = "request"

    /// Calls over `resolver` (its context and defaults).
    public init(resolver: MessageResolver) { self.resolver = resolver }

    /// Calls over `context` with `defaults`.
    public init(context: SrokContext, defaults: MessageDefaults = MessageDefaults()) {
        self.init(resolver: MessageResolver(context: context, defaults: defaults))
    }

    /// The request in `json`, resolved.
    /// - Throws: ``MessageFieldError`` naming the key at fault.
    public func resolve(_ json: [UInt8], now: Instant) throws(MessageFieldError) -> ResolvedMessage {
        try resolver.resolve(try MessageRequest(decodingJSON: json, source: source), now: now)
    }

    /// The ``DueAnswer`` of the request in `json`.
    /// - Throws: ``MessageFieldError`` naming the key at fault.
    public func dueAnswer(_ json: [UInt8], now: Instant) throws(MessageFieldError) -> DueAnswer {
        try resolve(json, now: now).dueAnswer(explicitTermSource: explicitTermSource, language: language)
    }

    /// The ``StatusAnswer`` of the request in `json`.
    /// - Throws: ``MessageFieldError`` naming the key at fault.
    public func statusAnswer(_ json: [UInt8], now: Instant) throws(MessageFieldError) -> StatusAnswer {
        try resolve(json, now: now).statusAnswer(explicitTermSource: explicitTermSource, language: language)
    }

    /// The ``DueAnswer`` of the request in `json`, as compact JSON (UTF-8).
    /// - Throws: ``MessageFieldError`` naming the key at fault.
    public func due(_ json: [UInt8], now: Instant) throws(MessageFieldError) -> [UInt8] {
        try dueAnswer(json, now: now).json
    }

    /// The ``StatusAnswer`` of the request in `json`, as compact JSON (UTF-8).
    /// - Throws: ``MessageFieldError`` naming the key at fault.
    public func status(_ json: [UInt8], now: Instant) throws(MessageFieldError) -> [UInt8] {
        Self.encode(try statusAnswer(json, now: now))
    }

    /// An answer's JSON. Srok's answers encode strings, whole numbers, booleans and `null` only,
    /// which cannot fail.
    static func encode<T: Encodable>(_ answer: T) -> [UInt8] {
        // swift-format-ignore: NeverUseForceTry
        try! OrderedJSONEncoder().encode(answer)
    }
}

extension MessageFieldError: Encodable {
    /// Writes `{"field": …, "value": …, "message": …}`: the request key at fault, the value as
    /// given, and what was wrong and what is accepted (``description``, in Russian; see
    /// ``json(_:)`` for English).
    public func encode(to encoder: any Encoder) throws {
        try LocalizedError(error: self, language: .ru).encode(to: encoder)
    }

    /// The error as compact JSON (UTF-8), ``encode(to:)``'s keys in that order, the message in Russian.
    public var json: [UInt8] { json(.ru) }

    /// The error as compact JSON (UTF-8), the message in `lang`.
    public func json(_ lang: Language) -> [UInt8] {
        MessageJSONCall.encode(LocalizedError(error: self, language: lang))
    }

    /// The error with the language of its message.
    private struct LocalizedError: Encodable {
        let error: MessageFieldError
        let language: Language

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: JSONKey.self)
            try c.encode(error.field, forKey: JSONKey("field"))
            try c.encode(error.value, forKey: JSONKey("value"))
            try c.encode(error.error.message(language), forKey: JSONKey("message"))
        }
    }
}
