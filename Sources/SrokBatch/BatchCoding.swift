import SrokCore

// The bulk API's types as JSON: messages with the batch's input column names, results with its
// output column names (a result encodes as `srok batch --output-format jsonl` writes the row,
// without `id`), errors as the rejects file's columns. Texts in words (the `*_text` columns, a
// reject's reason) are in the coder's ``Language/userInfoKey`` language, Russian by default.

extension BatchMessage: Codable {
    /// The JSON keys: the batch's input column names, in this order.
    public static let keys = [
        "id", "registered_at", "tz", "region", "profile", "term_days", "fast_track_days", "category", "subcategory",
        "regime", "stage", "stage_entered_at", "postponed_until", "extension_days", "closed_at", "organisation",
    ]

    /// Reads a message strictly: ``keys`` only (another key is an error naming it and the known
    /// ones), `null` the same as a missing key, each value of its type and form (`regime`, `stage`
    /// and the timestamps as the batch reads them). `id` may be a string or a whole number;
    /// `fast_track_days` a number of days, or `true` / «да» for a fast-track mark without days
    /// (``BatchMessage/fastTrack``: the catalogue gives the term by category).
    /// - Throws: ``BatchRowError`` naming the key.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: JSONKey.self)
        for key in c.allKeys where !Self.keys.contains(key.stringValue) {
            throw BatchRowError(
                column: key.stringValue, value: key.stringValue,
                reason: LocalizedText(ru: "неизвестный ключ; известны: ", en: "an unknown key; known: ")
                    + Self.keys.joined(separator: ", "))
        }
        let aString = LocalizedText(ru: "строка", en: "a string")
        let aNumber = LocalizedText(ru: "целое число", en: "a whole number")
        func value<T: Decodable>(_ key: String, _ type: T.Type, _ expected: LocalizedText) throws -> T? {
            let k = JSONKey(key)
            guard c.contains(k), !(try c.decodeNil(forKey: k)) else { return nil }
            do { return try c.decode(T.self, forKey: k) } catch {
                throw BatchRowError(
                    column: key, value: "", reason: LocalizedText(ru: "ожидается ", en: "expected ") + expected)
            }
        }
        func parsed<T>(_ key: String, _ parse: (String, String) throws(SrokError) -> T) throws -> T? {
            guard let text = try value(key, String.self, aString) else { return nil }
            do { return try parse(text, key) } catch {
                throw BatchRowError(column: key, value: text, reason: error.localized)
            }
        }
        func timestamp(_ key: String) throws -> Timestamp? {
            try parsed(key) { (s, f) throws(SrokError) in try Timestamp(parsing: s, field: f) }
        }
        let id: String
        if let n = try? value("id", Int.self, aNumber) {
            id = String(n)
        } else {
            id =
                try value(
                    "id", String.self, LocalizedText(ru: "строка или целое число", en: "a string or a whole number"))
                ?? ""
        }
        guard let registered = try timestamp("registered_at") else {
            throw BatchRowError(
                column: "registered_at", value: "",
                reason: LocalizedText(ru: "не указано; ожидается ", en: "missing; expected ") + Timestamp.acceptedForms)
        }
        self.init(id: id, registeredAt: registered)
        tz = try value("tz", String.self, aString)
        region = try value("region", String.self, aString)
        profile = try value("profile", String.self, aString)
        termDays = try value("term_days", Int.self, aNumber)
        let fastTrackExpected = LocalizedText(
            ru: "число дней, true/false или да/нет", en: "a number of days, true/false or да/нет")
        if let days = try? value("fast_track_days", Int.self, fastTrackExpected) {
            fastTrackDays = days
        } else if let mark = try? value("fast_track_days", Bool.self, fastTrackExpected) {
            fastTrack = mark
        } else if let text = try value("fast_track_days", String.self, fastTrackExpected) {
            switch TextKey.normalize(text) {
            case "да", "yes", "true": fastTrack = true
            case "нет", "no", "false", "-": break
            default:
                throw BatchRowError(
                    column: "fast_track_days", value: text,
                    reason: LocalizedText(ru: "ожидается ", en: "expected ") + fastTrackExpected)
            }
        }
        category = try value("category", String.self, aString)
        subcategory = try value("subcategory", String.self, aString)
        regime = try parsed("regime") { (s, f) throws(SrokError) in try Regime(parsing: s, field: f) }
        stage = try parsed("stage") { (s, f) throws(SrokError) in try Stage(parsing: s, field: f) }
        stageEnteredAt = try timestamp("stage_entered_at")
        postponedUntil = try parsed("postponed_until") { (s, f) throws(SrokError) in try CivilDate(parsing: s, field: f)
        }
        extensionDays = try value("extension_days", Int.self, aNumber)
        closedAt = try timestamp("closed_at")
        organisation = try value("organisation", String.self, aString)
    }

    /// Writes the fields that are set, with ``keys``' names in that order (no `null`s); a
    /// fast-track mark without days as `"fast_track_days": true`.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: JSONKey.self)
        func put<T: Encodable>(_ key: String, _ value: T?) throws {
            if let value { try c.encode(value, forKey: JSONKey(key)) }
        }
        try put("id", id)
        try put("registered_at", registeredAt)
        try put("tz", tz)
        try put("region", region)
        try put("profile", profile)
        try put("term_days", termDays)
        if let fastTrackDays {
            try put("fast_track_days", fastTrackDays)
        } else if fastTrack {
            try put("fast_track_days", true)
        }
        try put("category", category)
        try put("subcategory", subcategory)
        try put("regime", regime)
        try put("stage", stage)
        try put("stage_entered_at", stageEnteredAt)
        try put("postponed_until", postponedUntil)
        try put("extension_days", extensionDays)
        try put("closed_at", closedAt)
        try put("organisation", organisation)
    }
}

extension BatchResult: Encodable {
    /// The output columns a result answers, in the order it encodes them: every column of
    /// ``OutputColumn`` but those that echo the input (`id`, `organisation`, the audit's).
    public static let columns: [OutputColumn] = OutputColumn.allCases.filter {
        ![.id, .organisation, .posPlannedDate, .plannedDiffDays, .plannedCheck, .plannedCheckText].contains($0)
    }

    /// Writes ``columns`` with the values `srok batch --output-format jsonl` writes for them:
    /// instants ISO 8601 with the organisation's offset, `null` for the empty ones, `controls` as a
    /// list of `{control, deadline, met_at, status}`, `warnings` the codes `;`-separated, the
    /// `*_text` columns in the encoder's ``Language/userInfoKey`` language (Russian by default).
    /// Not `Decodable`: a result holds the engine's whole ``MessageStatus``, of which the columns
    /// are a view (``StatusAnswer`` is the full answer as JSON).
    public func encode(to encoder: any Encoder) throws {
        let lang = encoder.userInfo[Language.userInfoKey] as? Language ?? .ru
        var c = encoder.container(keyedBy: JSONKey.self)
        let st = status
        let s = st.schedule
        let current = st.currentStage.map { st.stages[$0] }
        func at(_ i: Instant) -> OffsetInstant { OffsetInstant(i, in: zone) }
        for column in Self.columns {
            let key = JSONKey(column.rawValue)
            switch column {
            case .dueDate: try c.encode(st.dueDate, forKey: key)
            case .due: try c.encode(at(st.due), forKey: key)
            case .moderationDue: try c.encode(at(s.stageDue.moderation), forKey: key)
            case .coordinationDue: try c.encode(at(s.stageDue.coordination), forKey: key)
            case .executionDue: try c.encode(at(s.stageDue.execution), forKey: key)
            case .approvalDue: try c.encode(at(s.stageDue.approval), forKey: key)
            case .finalApprovalDue: try c.encode(at(s.stageDue.finalApproval), forKey: key)
            case .stage: try c.encode(st.currentStage, forKey: key)
            case .stageDue: try c.encode(current?.dwellDue.map(at), forKey: key)
            case .status: try c.encode(st.state, forKey: key)
            case .remainingMinutes: try c.encode(st.remainingMinutes, forKey: key)
            case .overdueMinutes: try c.encode(st.overdueMinutes, forKey: key)
            case .rolled: try c.encode(s.roll?.code, forKey: key)
            case .term: try c.encode(String(s.term.amount), forKey: key)
            case .profile: try c.encode(profile, forKey: key)
            case .region: try c.encode(calendar, forKey: key)
            case .tz: try c.encode(zone.identifier, forKey: key)
            case .registeredAt: try c.encode(at(s.registered), forKey: key)
            case .stageStatus: try c.encode(current?.state, forKey: key)
            case .stageUsedMinutes: try c.encode(current?.usedMinutes, forKey: key)
            case .provisional: try c.encode(s.isProvisional, forKey: key)
            case .originalDue: try c.encode(st.dueReason != nil ? at(s.due) : nil, forKey: key)
            case .originalDueDate: try c.encode(st.dueReason != nil ? s.dueDate : nil, forKey: key)
            case .dueReason: try c.encode(st.dueReason, forKey: key)
            case .nextControl: try c.encode(st.controls.next?.kind, forKey: key)
            case .nextControlDue: try c.encode(st.controls.next.map { at($0.deadline) }, forKey: key)
            case .overdueControls:
                let codes = st.controls.filter { $0.state == .overdue }.map(\.kind.rawValue)
                try c.encode(codes.isEmpty ? nil : codes.joined(separator: ";"), forKey: key)
            case .controlsOverdueCount: try c.encode(st.controls.overdueCount, forKey: key)
            case .controls:
                var list = c.nestedUnkeyedContainer(forKey: key)
                for check in st.controls {
                    var o = list.nestedContainer(keyedBy: JSONKey.self)
                    try o.encode(check.kind, forKey: JSONKey("control"))
                    try o.encode(at(check.deadline), forKey: JSONKey("deadline"))
                    try o.encode(check.metAt.map(at), forKey: JSONKey("met_at"))
                    try o.encode(check.state, forKey: JSONKey("status"))
                }
            case .warnings:
                try c.encode(warnings.isEmpty ? nil : warnings.codes.joined(separator: ";"), forKey: key)
            case .warningsText: try c.encode(warnings.isEmpty ? nil : warnings.text(lang), forKey: key)
            case .statusText: try c.encode(st.state.text(lang), forKey: key)
            case .stageText: try c.encode(st.currentStage?.name(lang), forKey: key)
            case .stageStatusText: try c.encode(current?.state.text(lang), forKey: key)
            case .rolledText: try c.encode(s.roll?.summary(lang), forKey: key)
            case .dueReasonText: try c.encode(st.dueReason?.text(lang), forKey: key)
            case .nextControlText: try c.encode(st.controls.next?.kind.name(lang), forKey: key)
            case .overdueControlsText:
                let names = st.controls.filter { $0.state == .overdue }.map { $0.kind.name(lang) }
                try c.encode(names.isEmpty ? nil : names.joined(separator: "; "), forKey: key)
            case .id, .organisation, .posPlannedDate, .plannedDiffDays, .plannedCheck, .plannedCheckText: break
            }
        }
    }
}

extension BatchRowError: Codable {
    /// Reads `{"column": …, "value": …, "reason": …}`; the reason, in one language, reads the same
    /// in both.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: JSONKey.self)
        self.init(
            column: try c.decode(String.self, forKey: JSONKey("column")),
            value: try c.decode(String.self, forKey: JSONKey("value")),
            reason: LocalizedText(verbatim: try c.decode(String.self, forKey: JSONKey("reason"))))
    }

    /// Writes `column`, `value` and `reason` (the rejects file's columns), the reason in the
    /// encoder's ``Language/userInfoKey`` language (Russian by default).
    public func encode(to encoder: any Encoder) throws {
        let lang = encoder.userInfo[Language.userInfoKey] as? Language ?? .ru
        var c = encoder.container(keyedBy: JSONKey.self)
        try c.encode(column, forKey: JSONKey("column"))
        try c.encode(value, forKey: JSONKey("value"))
        try c.encode(reason(lang), forKey: JSONKey("reason"))
    }
}
