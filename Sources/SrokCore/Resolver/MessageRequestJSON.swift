import Foundation

extension MessageRequest {
    /// Reads a request from a JSON object whose keys are ``Key``'s (the format of
    /// `srok status --history`, and the body of the service's and the C ABI's calls):
    ///
    /// ```json
    /// {"registered_at": "2024-03-29T10:15+03:00", "profile": "bryansk", "term_days": 30,
    ///  "entries": [{"stage": "coordination", "at": "2024-03-29T11:00+03:00"},
    ///              {"stage": "approval", "at": "2024-04-10T09:00+03:00", "redirect_approval": true}],
    ///  "taken_into_work": "2024-03-30T10:00+03:00", "postponed_until": "2024-05-15",
    ///  "outcome": "Отложено", "rejection_reason": null,
    ///  "closed_at": null, "as_of": "2024-04-20T12:00+03:00"}
    /// ```
    ///
    /// `null` is the same as a missing key; `postponed_until` takes a date or a list of dates.
    /// Every value is checked for its type: `"term_days": true` is an error, not one day. This is
    /// the same reading as ``init(from:)`` (the `Decodable` conformance) and
    /// ``init(decodingJSON:source:)``: one parser.
    /// - Parameters:
    ///   - json: the JSON text, UTF-8.
    ///   - source: names the input in errors (a file path, `request body`).
    /// - Throws: ``SrokError/invalidValue(field:value:expected:)`` naming `source`, the key and
    ///   what is accepted — for an unknown key too, listing the known ones.
    public init(json: [UInt8], source: String) throws(SrokError) {
        do {
            try self.init(decodingJSON: json, source: source)
        } catch {
            throw error.error
        }
    }

    /// Reads a request from JSON as ``init(json:source:)`` does, with the error naming the request
    /// key at fault as ``MessageFieldError/field`` (`term_days`, `entries[0].stage`, an unknown
    /// key itself; `body` when the text is not a JSON object) and its ``MessageFieldError/error``
    /// naming `source` too.
    /// - Throws: ``MessageFieldError``.
    public init(decodingJSON json: [UInt8], source: String = "request") throws(MessageFieldError) {
        // The one reading (RequestReader) over the text read byte by byte; what that path leaves
        // open, and every error, is read again through Foundation's JSONDecoder, which decides.
        if let request = Self.fastReading(json, source: source) {
            self = request
        } else {
            self = try Self.foundationReading(json, source: source)
        }
    }

    /// The request in `json` read by ``JSONValue`` and ``JSONValueDecoder`` under RequestReader;
    /// nil when that path gives up or the reading fails.
    static func fastReading(_ json: [UInt8], source: String) -> MessageRequest? {
        guard let parsed = json.withUnsafeBufferPointer({ JSONValue.parse($0) }) else { return nil }
        return JSONValueDecoder.decode(MessageRequest.self, from: parsed, userInfo: [RequestReader.sourceKey: source])
    }

    /// The request in `json` read by Foundation's `JSONDecoder` under RequestReader: the
    /// definition, and the errors.
    static func foundationReading(_ json: [UInt8], source: String) throws(MessageFieldError) -> MessageRequest {
        do {
            let decoder = JSONDecoder()
            decoder.userInfo[RequestReader.sourceKey] = source
            return try decoder.decode(MessageRequest.self, from: Data(json))
        } catch let error as MessageFieldError {
            throw error
        } catch {
            throw MessageFieldError(
                field: "body", value: RequestReader.excerpt(json),
                error: .invalidValue(
                    field: source, value: RequestReader.excerpt(json),
                    expected: LocalizedText(ru: "объект JSON с ключами ", en: "a JSON object with the keys ")
                        + Key.allCases.map(\.rawValue).joined(separator: ", ")))
        }
    }
}

extension MessageRequest: Codable {
    /// Reads a request from a keyed container with ``Key``'s names: the strict reading of
    /// ``init(json:source:)`` (unknown keys, wrong types and unparsable values are errors), from
    /// any decoder. The source named in errors is the decoder's `userInfo` value for
    /// ``sourceUserInfoKey``, else `request`.
    /// - Throws: ``MessageFieldError`` naming the key at fault; `DecodingError` when the value
    ///   is not an object.
    public init(from decoder: any Decoder) throws {
        self = try RequestReader.read(decoder)
    }

    /// The `userInfo` key of the source name (a file path, `request body`) that errors cite.
    public static let sourceUserInfoKey = RequestReader.sourceKey

    /// Writes the fields that are set, with ``Key``'s names in ``Key``'s order (no `null`s; an
    /// instant in UTC, a local time without offset, `postponed_until` as a list). Reading the
    /// text back gives an equal request.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: JSONKey.self)
        func put<T: Encodable>(_ key: Key, _ value: T?) throws {
            if let value { try c.encode(value, forKey: JSONKey(key.rawValue)) }
        }
        try put(.registeredAt, registeredAt)
        try put(.tz, tz)
        try put(.region, region)
        try put(.profile, profile)
        try put(.termDays, termDays)
        try put(.fastTrackDays, fastTrackDays)
        try put(.fastTrack, fastTrack ? true : nil)
        try put(.level, level)
        try put(.category, category)
        try put(.subcategory, subcategory)
        try put(.regime, regime)
        try put(.migration, migration ? true : nil)
        try put(.count, conventions.count)
        try put(.roll, conventions.roll)
        try put(.basis, conventions.basis)
        try put(.schedule, conventions.schedule)
        try put(.rollStages, conventions.rollStageDueTimes)
        try put(.entries, entries.isEmpty ? nil : entries)
        try put(.stage, stage)
        try put(.stageEnteredAt, stageEnteredAt)
        try put(.takenIntoWork, takenIntoWork)
        try put(.postponedUntil, postponedUntil.isEmpty ? nil : postponedUntil)
        try put(.extensionDays, extensionDays)
        try put(.redirectedAt, redirectedAt)
        try put(.receivedAt, receivedAt)
        try put(.closedAt, closedAt)
        try put(.applicantContactedAt, applicantContactedAt)
        try put(.headInformedAt, headInformedAt)
        try put(.outcome, outcome)
        try put(.rejectionReason, rejectionReason)
        try put(.asOf, asOf)
    }
}

extension MessageRequest.Entry: Codable {
    /// The keys of an entry.
    static let keys = ["stage", "at", "redirect_approval"]

    /// Reads `{"stage": "execution", "at": "2024-04-01T09:00+03:00", "redirect_approval": false}`
    /// strictly, as ``MessageRequest/init(from:)`` reads the whole request.
    /// - Throws: ``MessageFieldError`` naming the entry (`entries[0]`) or its key.
    public init(from decoder: any Decoder) throws {
        self = try RequestReader.entry(decoder)
    }

    /// Writes `stage` (its code), `at` and `redirect_approval`.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: JSONKey.self)
        try c.encode(stage, forKey: JSONKey("stage"))
        try c.encode(at, forKey: JSONKey("at"))
        try c.encode(redirectApproval, forKey: JSONKey("redirect_approval"))
    }
}

/// The one JSON reading of ``MessageRequest``: strict keys, typed values, errors naming the key.
enum RequestReader {
    static let sourceKey = CodingUserInfoKey(rawValue: "srok.source")!

    /// The first characters of a text that is not JSON, for the error message.
    static func excerpt(_ bytes: [UInt8]) -> String {
        let text = String(decoding: bytes.prefix(60), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return bytes.count > 60 ? text + "…" : text
    }

    static let entryShape =
        LocalizedText(ru: "список вида ", en: "a list of ")
        + "{\"stage\": \"execution\", \"at\": \"2024-04-01T09:00+03:00\", \"redirect_approval\": false}"

    /// One object's values, read key by key with errors naming the key.
    struct Object {
        let container: KeyedDecodingContainer<JSONKey>
        /// The input's name, for the error's message (`history.json`).
        let source: String
        /// Where the object is in the request (`entries[0]`; empty at the top).
        let path: String
        /// The object's keys, in its order (`allKeys`, read once): a key not among them is absent
        /// without asking the container.
        let present: [String]

        init(_ decoder: any Decoder, container: KeyedDecodingContainer<JSONKey>) {
            self.container = container
            source = decoder.userInfo[RequestReader.sourceKey] as? String ?? "request"
            path = decoder.codingPath.fieldPath
            present = container.allKeys.map { $0.stringValue }
        }

        /// The key's path in the request: `term_days`, `entries[0].stage`.
        func keyPath(_ key: String) -> String { path.isEmpty ? key : path + "." + key }

        /// The key as the error's message names it: `history.json: entries[0]: stage`.
        func field(_ key: String) -> String { source + ": " + (path.isEmpty ? key : path + ": " + key) }

        /// The object itself as the error's message names it.
        var field: String { path.isEmpty ? source : source + ": " + path }

        /// An error of `key`.
        func fail(_ key: String, _ value: String, _ expected: LocalizedText) -> MessageFieldError {
            MessageFieldError(
                field: keyPath(key), value: value,
                error: .invalidValue(field: field(key), value: value, expected: expected))
        }

        /// A parser's error about `key`'s `value`.
        func fail(_ key: String, _ value: String, _ error: SrokError) -> MessageFieldError {
            MessageFieldError(field: keyPath(key), value: value, error: error)
        }

        /// The edit distance of two short texts (an unknown key and a known one).
        static func distance(_ a: String, _ b: String) -> Int {
            let a = Array(a.utf8)
            let b = Array(b.utf8)
            guard !a.isEmpty, !b.isEmpty else { return max(a.count, b.count) }
            var row = Array(0...b.count)
            for i in 1...a.count {
                var previous = row[0]
                row[0] = i
                for j in 1...b.count {
                    let current = row[j]
                    row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
                    previous = current
                }
            }
            return row[b.count]
        }

        /// Fails on a key not in `known`.
        func checkKeys(_ known: [String]) throws(MessageFieldError) {
            // The first unknown key in alphabetical order (Foundation's `allKeys` has no fixed
            // order: with two unknown keys its error named either).
            if let key = present.lazy.filter({ !known.contains($0) }).min() {
                // A key the user probably meant first (`term` → `term_days`), then every known one.
                let k = key.lowercased()
                let near = known.filter {
                    $0.hasPrefix(k) || k.hasPrefix($0) || Self.distance(k, $0) <= (k.count < 5 ? 1 : 2)
                }.joined(separator: ", ")
                let hint =
                    near.isEmpty
                    ? LocalizedText(verbatim: "")
                    : LocalizedText(ru: " (возможно, \(near)?)", en: " (did you mean \(near)?)")
                throw fail(
                    key, key,
                    LocalizedText(ru: "известный ключ", en: "a known key") + hint + ": " + known.joined(separator: ", ")
                )
            }
        }

        func value<T: Decodable>(_ key: String, _ type: T.Type, expected: LocalizedText) throws(MessageFieldError)
            -> T?
        {
            guard present.contains(key) else { return nil }
            let k = JSONKey(key)
            guard container.contains(k) else { return nil }
            do {
                if try container.decodeNil(forKey: k) { return nil }
                return try container.decode(T.self, forKey: k)
            } catch {
                throw fail(key, describe(k), expected)
            }
        }

        /// The value at `key` as JSON-ish text, for an error message.
        func describe(_ k: JSONKey) -> String {
            if let b = try? container.decode(Bool.self, forKey: k) { return String(b) }
            if let n = try? container.decode(Int.self, forKey: k) { return String(n) }
            if let n = try? container.decode(Double.self, forKey: k) { return String(n) }
            if let s = try? container.decode(String.self, forKey: k) { return s }
            if (try? container.decode([AnyValue].self, forKey: k)) != nil { return "[…]" }
            return "{…}"
        }

        /// The string at `key` read by `parse`, which is given the string and the field's name.
        func parsed<T>(
            _ key: String, expected: LocalizedText = LocalizedText(ru: "строка", en: "a string"),
            _ parse: (String, String) throws(SrokError) -> T
        ) throws(MessageFieldError) -> T? {
            guard let text = try value(key, String.self, expected: expected) else { return nil }
            do { return try parse(text, field(key)) } catch { throw fail(key, text, error) }
        }
        func parsed<T>(_ key: MessageRequest.Key, _ parse: (String, String) throws(SrokError) -> T)
            throws(MessageFieldError) -> T?
        {
            try parsed(key.rawValue, parse)
        }
        func string(_ key: MessageRequest.Key) throws(MessageFieldError) -> String? {
            try value(key.rawValue, String.self, expected: LocalizedText(ru: "строка", en: "a string"))
        }
        func int(_ key: MessageRequest.Key) throws(MessageFieldError) -> Int? {
            try value(key.rawValue, Int.self, expected: LocalizedText(ru: "целое число", en: "a whole number"))
        }
        func bool(_ key: MessageRequest.Key) throws(MessageFieldError) -> Bool? {
            try value(key.rawValue, Bool.self, expected: LocalizedText(ru: "true или false", en: "true or false"))
        }
        func timestamp(_ key: String) throws(MessageFieldError) -> Timestamp? {
            try parsed(key, expected: LocalizedText(ru: "строка: ", en: "a string: ") + Timestamp.acceptedForms) {
                (s, f) throws(SrokError) in
                try Timestamp(parsing: s, field: f)
            }
        }
        func timestamp(_ key: MessageRequest.Key) throws(MessageFieldError) -> Timestamp? {
            try timestamp(key.rawValue)
        }
    }

    /// Decodes anything (to tell a list from an object in messages).
    struct AnyValue: Decodable {
        init(from decoder: any Decoder) throws {}
    }

    /// The request in `decoder`.
    static func read(_ decoder: any Decoder) throws -> MessageRequest {
        let o = Object(decoder, container: try decoder.container(keyedBy: JSONKey.self))
        try o.checkKeys(MessageRequest.Key.allCases.map(\.rawValue))
        typealias K = MessageRequest.Key
        var r = MessageRequest(registeredAt: try o.timestamp(.registeredAt))
        r.tz = try o.string(.tz)
        r.region = try o.string(.region)
        r.profile = try o.string(.profile)
        r.termDays = try o.int(.termDays)
        r.fastTrackDays = try o.int(.fastTrackDays)
        r.fastTrack = try o.bool(.fastTrack) ?? false
        r.level = try o.string(.level)
        r.category = try o.string(.category)
        r.subcategory = try o.string(.subcategory)
        r.regime = try o.parsed(.regime) { (s, f) throws(SrokError) in try Regime(parsing: s, field: f) }
        r.migration = try o.bool(.migration) ?? false
        r.conventions.count = try o.parsed(.count) { (s, f) throws(SrokError) in
            try CountConvention(parsing: s, field: f)
        }
        r.conventions.roll = try o.parsed(.roll) { (s, f) throws(SrokError) in try RollConvention(parsing: s, field: f)
        }
        r.conventions.basis = try o.parsed(.basis) { (s, f) throws(SrokError) in try StageBasis(parsing: s, field: f) }
        r.conventions.schedule = try o.parsed(.schedule) { (s, f) throws(SrokError) in
            try WorkSchedule(parsing: s, field: f)
        }
        r.conventions.rollStageDueTimes = try o.bool(.rollStages)
        r.stage = try o.parsed(.stage) { (s, f) throws(SrokError) in try Stage(parsing: s, field: f) }
        r.stageEnteredAt = try o.timestamp(.stageEnteredAt)
        r.takenIntoWork = try o.timestamp(.takenIntoWork)
        r.extensionDays = try o.int(.extensionDays)
        r.redirectedAt = try o.timestamp(.redirectedAt)
        r.receivedAt = try o.timestamp(.receivedAt)
        r.closedAt = try o.timestamp(.closedAt)
        r.applicantContactedAt = try o.timestamp(.applicantContactedAt)
        r.headInformedAt = try o.timestamp(.headInformedAt)
        r.outcome = try o.parsed(.outcome) { (s, f) throws(SrokError) in try Outcome(parsing: s, field: f) }
        // A reason is its text, key or number: a string, or a whole number.
        if let text = try? o.value(K.rejectionReason.rawValue, String.self, expected: LocalizedText(verbatim: "")) {
            r.rejectionReason = text
        } else {
            r.rejectionReason = try o.value(
                K.rejectionReason.rawValue, Int.self,
                expected: LocalizedText(
                    ru: "строка (текст или ключ причины) или целое число (её номер в перечне акта)",
                    en: "a string (the reason's text or key) or a whole number (its number in the act's list)")
            ).map(String.init)
        }
        r.asOf = try o.timestamp(.asOf)
        r.postponedUntil = try dates(o, K.postponedUntil.rawValue)
        r.entries = try entries(o, K.entries.rawValue)
        return r
    }

    /// `postponed_until`: a date or a list of dates.
    static func dates(_ o: Object, _ key: String) throws(MessageFieldError) -> [CivilDate] {
        let expected = LocalizedText(
            ru: "дата (2024-05-15, 15.05.2024) или список дат", en: "a date (2024-05-15, 15.05.2024) or a list of dates"
        )
        let texts: [String]
        if let one = try? o.value(key, String.self, expected: expected) {
            texts = [one]
        } else {
            texts = try o.value(key, [String].self, expected: expected) ?? []
        }
        var out: [CivilDate] = []
        for t in texts {
            do { out.append(try CivilDate(parsing: t, field: o.field(key))) } catch { throw o.fail(key, t, error) }
        }
        return out
    }

    /// `entries`: a list of `{"stage": …, "at": …, "redirect_approval": true|false}`, each read by
    /// ``MessageRequest/Entry/init(from:)``.
    static func entries(_ o: Object, _ key: String) throws -> [MessageRequest.Entry] {
        let k = JSONKey(key)
        guard o.container.contains(k), !(try o.container.decodeNil(forKey: k)) else { return [] }
        guard var list = try? o.container.nestedUnkeyedContainer(forKey: k) else {
            throw o.fail(key, o.describe(k), entryShape)
        }
        var out: [MessageRequest.Entry] = []
        while !list.isAtEnd { out.append(try list.decode(MessageRequest.Entry.self)) }
        return out
    }

    /// One entry in `decoder`.
    static func entry(_ decoder: any Decoder) throws -> MessageRequest.Entry {
        guard let c = try? decoder.container(keyedBy: JSONKey.self) else {
            let source = decoder.userInfo[sourceKey] as? String ?? "request"
            let path = decoder.codingPath.fieldPath
            throw MessageFieldError(
                field: path, value: "…",
                error: .invalidValue(
                    field: path.isEmpty ? source : source + ": " + path, value: "…", expected: entryShape))
        }
        let e = Object(decoder, container: c)
        try e.checkKeys(MessageRequest.Entry.keys)
        guard
            let stage = try e.parsed(
                "stage",
                expected: LocalizedText(ru: "этап: ", en: "a stage: ")
                    + Stage.allCases.map(\.code).joined(separator: ", "),
                { (s, f) throws(SrokError) in try Stage(parsing: s, field: f) }),
            let at = try e.timestamp("at")
        else {
            throw MessageFieldError(
                field: e.path, value: "", error: .invalidValue(field: e.field, value: "", expected: entryShape))
        }
        return MessageRequest.Entry(
            stage: stage, at: at,
            redirectApproval: try e.value(
                "redirect_approval", Bool.self, expected: LocalizedText(ru: "true или false", en: "true or false"))
                ?? false)
    }
}
