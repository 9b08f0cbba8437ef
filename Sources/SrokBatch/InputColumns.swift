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

    /// Header names accepted for the column (normalised: lower case, ё→е, single spaces).
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
}

/// Which field index holds each known column in a header row.
struct InputSchema: Sendable {
    /// Field index per column (nil: absent).
    private(set) var index: [InputColumn: Int] = [:]
    /// The number of header fields (every record must have as many).
    let fieldCount: Int
    /// Headers that matched no known column (reported, ignored).
    private(set) var ignored: [String] = []

    /// Whether the header has `column`.
    func has(_ column: InputColumn) -> Bool { index[column] != nil }

    /// Maps a header row. A BOM on the first name is dropped.
    /// - Throws: when `id` or `registered_at` is missing, naming the accepted headers.
    init(headers: [String]) throws(SrokError) {
        fieldCount = headers.count
        var lookup: [String: InputColumn] = [:]
        for c in InputColumn.allCases { for a in c.aliases { lookup[a] = c } }
        for (i, raw) in headers.enumerated() {
            var h = raw
            if i == 0, h.hasPrefix("\u{FEFF}") { h.removeFirst() }
            if let c = lookup[TextKey.normalize(h)], index[c] == nil { index[c] = i } else { ignored.append(raw) }
        }
        for required in [InputColumn.id, .registeredAt] where index[required] == nil {
            let aliases = required.aliases.dropFirst().map { "«\($0)»" }.joined(separator: ", ")
            throw .invalidValue(
                field: "header", value: BatchLimits.echo(headers.joined(separator: ",")),
                expected: LocalizedText(
                    ru: "заголовок со столбцом «\(required.rawValue)» (или \(aliases))",
                    en: "a header with '\(required.rawValue)' (or \(aliases))")
            )
        }
    }
}
