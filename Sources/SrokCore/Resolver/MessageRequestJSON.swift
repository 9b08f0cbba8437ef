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
    /// Every value is checked for its type: `"term_days": true` is an error, not one day.
    /// - Parameter source: names the input in errors (a file path, `request body`).
    /// - Throws: ``SrokError/invalidValue(field:value:expected:)`` naming `source`, the key and
    ///   what is accepted — for an unknown key too, listing the known ones.
    public init(json: [UInt8], source: String) throws(SrokError) {
        do {
            let decoder = JSONDecoder()
            decoder.userInfo[RequestJSON.sourceKey] = source
            self = try decoder.decode(RequestJSON.self, from: Data(json)).request
        } catch let error as SrokError {
            throw error
        } catch {
            throw .invalidValue(
                field: source, value: RequestJSON.excerpt(json),
                expected: LocalizedText(ru: "объект JSON с ключами ", en: "a JSON object with the keys ")
                    + Key.allCases.map(\.rawValue).joined(separator: ", "))
        }
    }
}

/// The JSON reading of ``MessageRequest``: strict keys, typed values, errors naming the key.
struct RequestJSON: Decodable {
    static let sourceKey = CodingUserInfoKey(rawValue: "srok.source")!
    var request = MessageRequest()

    /// Any key, so unknown ones can be named.
    struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// The first characters of a text that is not JSON, for the error message.
    static func excerpt(_ bytes: [UInt8]) -> String {
        let text = String(decoding: bytes.prefix(60), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return bytes.count > 60 ? text + "…" : text
    }

    /// One object's values, read key by key with errors naming the key.
    struct Object {
        let container: KeyedDecodingContainer<AnyKey>
        let source: String

        func field(_ key: String) -> String { "\(source): \(key)" }

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
        func checkKeys(_ known: [String]) throws(SrokError) {
            for key in container.allKeys where !known.contains(key.stringValue) {
                // A key the user probably meant first (`term` → `term_days`), then every known one.
                let k = key.stringValue.lowercased()
                let near = known.filter {
                    $0.hasPrefix(k) || k.hasPrefix($0) || Self.distance(k, $0) <= (k.count < 5 ? 1 : 2)
                }.joined(separator: ", ")
                let hint =
                    near.isEmpty
                    ? LocalizedText(verbatim: "")
                    : LocalizedText(ru: " (возможно, \(near)?)", en: " (did you mean \(near)?)")
                throw .invalidValue(
                    field: field(key.stringValue), value: key.stringValue,
                    expected: LocalizedText(ru: "известный ключ", en: "a known key") + hint + ": "
                        + known.joined(separator: ", "))
            }
        }

        func value<T: Decodable>(_ key: String, _ type: T.Type, expected: LocalizedText) throws(SrokError) -> T? {
            let k = AnyKey(stringValue: key)
            guard container.contains(k) else { return nil }
            do {
                if try container.decodeNil(forKey: k) { return nil }
                return try container.decode(T.self, forKey: k)
            } catch {
                throw .invalidValue(field: field(key), value: describe(k), expected: expected)
            }
        }

        /// The value at `key` as JSON-ish text, for an error message.
        func describe(_ k: AnyKey) -> String {
            if let b = try? container.decode(Bool.self, forKey: k) { return String(b) }
            if let n = try? container.decode(Int.self, forKey: k) { return String(n) }
            if let n = try? container.decode(Double.self, forKey: k) { return String(n) }
            if let s = try? container.decode(String.self, forKey: k) { return s }
            if (try? container.decode([JSONAny].self, forKey: k)) != nil { return "[…]" }
            return "{…}"
        }

        /// The string at `key` read by `parse`, which is given the string and the field's name.
        func parsed<T>(
            _ key: MessageRequest.Key, _ parse: (String, String) throws(SrokError) -> T
        ) throws(SrokError) -> T? {
            guard let text = try string(key) else { return nil }
            return try parse(text, field(key.rawValue))
        }
        func string(_ key: MessageRequest.Key) throws(SrokError) -> String? {
            try value(key.rawValue, String.self, expected: LocalizedText(ru: "строка", en: "a string"))
        }
        func int(_ key: MessageRequest.Key) throws(SrokError) -> Int? {
            try value(key.rawValue, Int.self, expected: LocalizedText(ru: "целое число", en: "a whole number"))
        }
        func bool(_ key: MessageRequest.Key) throws(SrokError) -> Bool? {
            try value(key.rawValue, Bool.self, expected: LocalizedText(ru: "true или false", en: "true or false"))
        }
        func timestamp(_ key: String) throws(SrokError) -> Timestamp? {
            guard
                let s = try value(
                    key, String.self,
                    expected: LocalizedText(ru: "строка: ", en: "a string: ") + Timestamp.acceptedForms)
            else {
                return nil
            }
            return try Timestamp(parsing: s, field: field(key))
        }
        func timestamp(_ key: MessageRequest.Key) throws(SrokError) -> Timestamp? { try timestamp(key.rawValue) }
    }

    /// Decodes anything (to tell a list from an object in messages).
    struct JSONAny: Decodable {
        init(from decoder: any Decoder) throws {}
    }

    init(from decoder: any Decoder) throws {
        let source = decoder.userInfo[Self.sourceKey] as? String ?? "request"
        let o = Object(container: try decoder.container(keyedBy: AnyKey.self), source: source)
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
        r.postponedUntil = try Self.dates(o, K.postponedUntil.rawValue)
        r.entries = try Self.entries(decoder, o, K.entries.rawValue)
        request = r
    }

    /// `postponed_until`: a date or a list of dates.
    static func dates(_ o: Object, _ key: String) throws(SrokError) -> [CivilDate] {
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
        for t in texts { out.append(try CivilDate(parsing: t, field: o.field(key))) }
        return out
    }

    /// `entries`: a list of `{"stage": …, "at": …, "redirect_approval": true|false}`.
    static func entries(_ decoder: any Decoder, _ o: Object, _ key: String) throws -> [MessageRequest.Entry] {
        let k = AnyKey(stringValue: key)
        guard o.container.contains(k), !(try o.container.decodeNil(forKey: k)) else { return [] }
        let shape =
            LocalizedText(ru: "список вида ", en: "a list of ")
            + "{\"stage\": \"execution\", \"at\": \"2024-04-01T09:00+03:00\", \"redirect_approval\": false}"
        guard var list = try? o.container.nestedUnkeyedContainer(forKey: k) else {
            throw SrokError.invalidValue(field: o.field(key), value: o.describe(k), expected: shape)
        }
        var out: [MessageRequest.Entry] = []
        while !list.isAtEnd {
            let i = list.currentIndex
            guard let c = try? list.nestedContainer(keyedBy: AnyKey.self) else {
                throw SrokError.invalidValue(field: o.field("\(key)[\(i)]"), value: "…", expected: shape)
            }
            let e = Object(container: c, source: o.field("\(key)[\(i)]"))
            try e.checkKeys(["stage", "at", "redirect_approval"])
            guard
                let stage = try e.value(
                    "stage", String.self,
                    expected: LocalizedText(ru: "этап: ", en: "a stage: ")
                        + Stage.allCases.map(\.code).joined(separator: ", ")),
                let at = try e.timestamp("at")
            else {
                throw SrokError.invalidValue(field: o.field("\(key)[\(i)]"), value: "", expected: shape)
            }
            out.append(
                MessageRequest.Entry(
                    stage: try Stage(parsing: stage, field: e.field("stage")), at: at,
                    redirectApproval: try e.value(
                        "redirect_approval", Bool.self,
                        expected: LocalizedText(ru: "true или false", en: "true or false"))
                        ?? false))
        }
        return out
    }
}
