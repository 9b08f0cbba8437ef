import SrokCore

/// The batch input columns Srok reads, found by header name (case-insensitive) or by the ПОС
/// export's Russian names.
public enum InputColumn: String, Sendable, CaseIterable {
    /// The message's identifier (Номер). Required.
    case id
    /// Registration (Дата поступления). Required.
    case registeredAt = "registered_at"
    /// The organisation's IANA zone.
    case tz
    /// Region code or name (the calendar).
    case region
    /// Regulation profile id.
    case profile
    /// An explicit term in days.
    case termDays = "term_days"
    /// A fast-track term in days, or да/нет (Фаст-трек).
    case fastTrackDays = "fast_track_days"
    /// Category (Категория).
    case category
    /// Subcategory (Подкатегория).
    case subcategory
    /// message or appeal (ФЗ: «Обычное сообщение» or a 59-ФЗ label; also message/appeal, да/нет).
    case regime
    /// The current stage (Стадия).
    case stage
    /// When the current stage was entered.
    case stageEnteredAt = "stage_entered_at"
    /// «Отложено» until.
    case postponedUntil = "postponed_until"
    /// A 59-ФЗ extension in days.
    case extensionDays = "extension_days"
    /// When the answer was sent.
    case closedAt = "closed_at"
    /// The organisation (for the summary).
    case organisation
    /// Whether the applicant chose 59-ФЗ (Заявитель выбрал подачу по 59-ФЗ: Да/Нет). Combined with
    /// ``regime``: the row is an appeal when either says 59-ФЗ.
    case appealChosen = "appeal_chosen"
    /// The type of answer (Тип решения: Решено, Не решено, Отложено, Отклонено).
    case outcome
    /// The reason of «Отклонено» (Причина отклонения).
    case rejectionReason = "rejection_reason"
    /// The platform's planned date (Дата планируемого завершения работ), audited against the act.
    case posPlannedDate = "pos_planned_date"

    /// The column's slot in ``RowFields`` (declaration order).
    @inline(__always) var slot: Int {
        switch self {
        case .id: 0
        case .registeredAt: 1
        case .tz: 2
        case .region: 3
        case .profile: 4
        case .termDays: 5
        case .fastTrackDays: 6
        case .category: 7
        case .subcategory: 8
        case .regime: 9
        case .stage: 10
        case .stageEnteredAt: 11
        case .postponedUntil: 12
        case .extensionDays: 13
        case .closedAt: 14
        case .organisation: 15
        case .appealChosen: 16
        case .outcome: 17
        case .rejectionReason: 18
        case .posPlannedDate: 19
        }
    }

    /// Header names accepted for the column, as they are written (the English name first, then
    /// the ПОС export's Russian name and other spellings). A header matches ignoring case, ё/е
    /// and runs of white space (``aliases``).
    public var headerNames: [String] {
        switch self {
        case .id: ["id", "Номер", "Номер сообщения"]
        case .registeredAt: ["registered_at", "Дата поступления", "Дата регистрации", "registered"]
        case .tz: ["tz", "timezone", "Часовой пояс"]
        case .region: ["region", "Регион", "Субъект РФ"]
        case .profile: ["profile", "Профиль", "Регламент"]
        case .termDays: ["term_days", "Срок", "Срок, дней", "Срок рассмотрения"]
        case .fastTrackDays: ["fast_track_days", "Фаст-трек", "Фаст трек", "fast_track"]
        case .category: ["category", "Категория"]
        case .subcategory: ["subcategory", "Подкатегория"]
        case .regime: ["regime", "ФЗ", "59-ФЗ"]
        case .stage: ["stage", "Стадия", "Этап"]
        case .stageEnteredAt: ["stage_entered_at", "Дата перехода на стадию", "Дата поступления на этап"]
        case .postponedUntil: ["postponed_until", "Отложено до"]
        case .extensionDays: ["extension_days", "Продление, дней"]
        case .closedAt: ["closed_at", "Дата фактического завершения работ", "Дата ответа"]
        case .organisation:
            ["organisation", "organization", "Организация", "Организация, в которую поступило сообщение"]
        case .appealChosen: ["appeal_chosen", "Заявитель выбрал подачу по 59-ФЗ"]
        case .outcome: ["outcome", "Тип решения", "Результат рассмотрения"]
        case .rejectionReason: ["rejection_reason", "Причина отклонения"]
        case .posPlannedDate: ["pos_planned_date", "Дата планируемого завершения работ"]
        }
    }

    /// Header names accepted for the column (normalised: lower case, ё→е, single spaces): the
    /// ``headerNames`` as ``TextKey`` normalises them, written out as literals (the batch's header
    /// and key lookups compare with them; a test checks the two lists agree).
    public var aliases: [String] {
        switch self {
        case .id: ["id", "номер", "номер сообщения"]
        case .registeredAt: ["registered_at", "дата поступления", "дата регистрации", "registered"]
        case .tz: ["tz", "timezone", "часовой пояс"]
        case .region: ["region", "регион", "субъект рф"]
        case .profile: ["profile", "профиль", "регламент"]
        case .termDays: ["term_days", "срок", "срок, дней", "срок рассмотрения"]
        case .fastTrackDays: ["fast_track_days", "фаст-трек", "фаст трек", "fast_track"]
        case .category: ["category", "категория"]
        case .subcategory: ["subcategory", "подкатегория"]
        case .regime: ["regime", "фз", "59-фз"]
        case .stage: ["stage", "стадия", "этап"]
        case .stageEnteredAt: ["stage_entered_at", "дата перехода на стадию", "дата поступления на этап"]
        case .postponedUntil: ["postponed_until", "отложено до"]
        case .extensionDays: ["extension_days", "продление, дней"]
        case .closedAt: ["closed_at", "дата фактического завершения работ", "дата ответа"]
        case .organisation:
            ["organisation", "organization", "организация", "организация, в которую поступило сообщение"]
        case .appealChosen: ["appeal_chosen", "заявитель выбрал подачу по 59-фз"]
        case .outcome: ["outcome", "тип решения", "результат рассмотрения"]
        case .rejectionReason: ["rejection_reason", "причина отклонения"]
        case .posPlannedDate: ["pos_planned_date", "дата планируемого завершения работ"]
        }
    }

    /// Columns of the ПОС export (and their English names) that Srok recognises but does not
    /// compute with: read past without a warning (an XLSX report carries them as they are). The
    /// platform's own «Статус» and «Просрочено» are its opinion, not an input of the computation.
    public static let passThroughNames: [String] = [
        "epgu_number", "Номер ЕПГУ", "source", "Источник", "fact", "Факт", "status", "Статус", "overdue",
        "Просрочено", "rating", "Оценка ответа заявителем", "reconsideration", "Повторное рассмотрение",
        "executor", "Исполнитель", "municipality", "Муниципалитет", "address", "Адрес", "text", "Текст сообщения",
        "comment", "Комментарий",
    ]

    /// Every header name Srok recognises (the columns' names and ``passThroughNames``), as written.
    public static var allHeaderNames: [String] { allCases.flatMap(\.headerNames) + passThroughNames }
}

/// A header the batch does not recognise: neither a column it reads nor a known column of the ПОС
/// export. It is read past (its values are carried, not used), and reported once: on standard
/// error and in the summary (``BatchRunReport/unknownColumns``), or as a fatal error with
/// ``BatchRunOptions/strictColumns``.
public struct UnknownInputColumn: Sendable, Hashable {
    /// The header as the input wrote it.
    public var name: String
    /// Its 1-based position in the header row.
    public var position: Int
    /// Recognised names it resembles (by edit distance), closest first; at most three.
    public var similar: [String]
    /// For a recognised name given a second time: the position of the first, which is the one read.
    public var duplicateOf: Int?

    /// A one-line report in `lang`: «столбец «Стадя» не распознан; похожие: «Стадия»».
    public func message(_ lang: Language) -> String {
        switch lang {
        case .ru:
            if let first = duplicateOf {
                return "столбец «\(name)» (\(position)-й) повторяет \(first)-й и не используется"
            }
            let base = "столбец «\(name)» не распознан"
            return similar.isEmpty ? base : base + "; похожие: " + similar.map { "«\($0)»" }.joined(separator: ", ")
        case .en:
            if let first = duplicateOf {
                return "column '\(name)' (#\(position)) repeats column #\(first) and is not used"
            }
            let base = "column '\(name)' not recognised"
            return similar.isEmpty ? base : base + "; similar: " + similar.map { "'\($0)'" }.joined(separator: ", ")
        }
    }

    /// The summary's entry: `{"name": …, "position": …, "similar": […]}` (`duplicate_of` for a repeat).
    var json: JSONObject {
        var o = JSONObject()
        o.add("name", name)
        o.add("position", position)
        o.add("similar", strings: similar)
        if let duplicateOf { o.add("duplicate_of", duplicateOf) }
        return o
    }

    /// The recognised names within a few edits of `header` (or containing it, or contained in
    /// it), closest first, at most three.
    static func similar(to header: String) -> [String] {
        let key = Array(TextKey.normalize(header))
        guard !key.isEmpty else { return [] }
        let limit = max(1, min(3, key.count / 3))
        var scored: [(distance: Int, name: String)] = []
        var seen: Set<String> = []
        for name in InputColumn.allHeaderNames {
            let k = TextKey.normalize(name)
            guard seen.insert(k).inserted else { continue }
            let candidate = Array(k)
            var d = editDistance(key, candidate, limit: limit)
            if d == nil, min(key.count, candidate.count) >= 5,
                k.contains(String(key)) || String(key).contains(k)
            {
                d = limit + 1
            }
            if let d { scored.append((d, name)) }
        }
        scored.sort { $0.distance != $1.distance ? $0.distance < $1.distance : $0.name < $1.name }
        return scored.prefix(3).map(\.name)
    }

    /// The Levenshtein distance of `a` and `b`, or nil when it exceeds `limit`.
    static func editDistance(_ a: [Character], _ b: [Character], limit: Int) -> Int? {
        guard abs(a.count - b.count) <= limit else { return nil }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...a.count {
            current[0] = i
            var best = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                best = min(best, current[j])
            }
            if best > limit { return nil }
            swap(&previous, &current)
        }
        return previous[b.count] <= limit ? previous[b.count] : nil
    }
}

/// Which field index holds each known column in a header row.
struct InputSchema: Sendable {
    /// Field index per column (nil: absent).
    private(set) var index: [InputColumn: Int] = [:]
    /// The number of header fields (every record must have as many).
    let fieldCount: Int
    /// Headers that matched no column read (reported or known, ignored).
    private(set) var ignored: [String] = []
    /// Headers that are neither a column read nor a known export column, and recognised names
    /// given a second time (reported once; fatal with ``BatchRunOptions/strictColumns``).
    private(set) var unknown: [UnknownInputColumn] = []

    /// Whether the header has `column`.
    func has(_ column: InputColumn) -> Bool { index[column] != nil }

    /// Maps a header row. A BOM on the first name is dropped. An empty name is no column (a
    /// trailing delimiter) and is not reported.
    /// - Throws: when `id` or `registered_at` is missing, naming the accepted headers and echoing
    ///   the header as written (its names joined by the input's `delimiter`).
    init(headers: [String], delimiter: UInt8 = 0x2C) throws(SrokError) {
        fieldCount = headers.count
        var lookup: [String: InputColumn] = [:]
        for c in InputColumn.allCases { for a in c.aliases { lookup[a] = c } }
        var passThrough: Set<String>?  // made when a header matches no column read
        for (i, raw) in headers.enumerated() {
            var h = raw
            if i == 0, h.hasPrefix("\u{FEFF}") { h.removeFirst() }
            let key = TextKey.normalize(h)
            if let c = lookup[key], index[c] == nil {
                index[c] = i
                continue
            }
            ignored.append(raw)
            if key.isEmpty { continue }
            if let first = lookup[key].flatMap({ index[$0] }) {
                unknown.append(UnknownInputColumn(name: h, position: i + 1, similar: [], duplicateOf: first + 1))
            } else {
                let carried = passThrough ?? Set(InputColumn.passThroughNames.map(TextKey.normalize))
                passThrough = carried
                if !carried.contains(key) {
                    unknown.append(
                        UnknownInputColumn(name: h, position: i + 1, similar: UnknownInputColumn.similar(to: h)))
                }
            }
        }
        for required in [InputColumn.id, .registeredAt] where index[required] == nil {
            let aliases = required.headerNames.dropFirst().map { "«\($0)»" }.joined(separator: ", ")
            throw .invalidValue(
                field: "header", value: BatchLimits.echo(headers.joined(separator: String(UnicodeScalar(delimiter)))),
                expected: LocalizedText(
                    ru: "заголовок со столбцом «\(required.rawValue)» (или \(aliases))",
                    en: "a header with '\(required.rawValue)' (or \(aliases))")
            )
        }
    }
}
