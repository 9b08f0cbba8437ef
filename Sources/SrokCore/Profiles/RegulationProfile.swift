/// A value from a regulation with the clause it comes from.
public struct Cited<Value: Sendable & Hashable>: Sendable, Hashable {
    /// The value.
    public var value: Value
    /// The clause (пункт, раздел, приложение) or where the default comes from.
    public var citation: String

    /// A cited value.
    public init(value: Value, citation: String) {
        self.value = value
        self.citation = citation
    }

    /// Whether the citation says the act is silent and a default was chosen (the profiles write
    /// «регламент не устанавливает; по умолчанию …» for such values).
    public var isDefault: Bool { Cited<Int>.saysDefault(citation) }
}

extension Cited where Value == Int {
    /// Whether a citation says the act is silent and names a default.
    static func saysDefault(_ citation: String) -> Bool {
        let c = citation.lowercased()
        return c.contains("не устанавлива") || c.contains("не установлен") || c.contains("не ограничивает")
            || c.contains("не перечисля") || c.contains("не требует") || c.hasPrefix("по умолчанию")
    }
}

/// A rule of an act that sets no term the engine checks (who controls, what must be written),
/// kept so that the explanation table lists every rule of the act.
public struct ProfileNote: Sendable, Hashable {
    /// What the act says, in Russian.
    public var text: String
    /// The same in English, if the profile gives it.
    public var english: String?
    /// The clause.
    public var citation: String
}

/// A fast-track catalogue entry: a category (and optionally a subcategory) with its term.
public struct FastTrackEntry: Sendable, Hashable {
    /// The category as the regulation writes it.
    public var category: String
    /// The subcategory, if the entry names one.
    public var subcategory: String?
    /// The term in calendar days.
    public var days: Int
    /// The clause.
    public var citation: String
}

/// A cell of a regulation's own stage table («4 календарных дня 13 часов 12 минут»).
public struct PublishedTableCell: Sendable, Hashable {
    /// The term column (days).
    public var days: Int
    /// The stage row.
    public var stage: Stage
    /// The cell as written.
    public var text: String
    /// The clause.
    public var citation: String
    /// Where it is in the data.
    public var location: SourceLocation
}

/// A regulation profile: one organisation's terms, fast-tracks, stage shares, conventions, region
/// and control points, each with its clause (`Data/profiles/*.srokprofile`).
public struct RegulationProfile: Sendable, Hashable {
    /// The identifier (`brasovsky`).
    public var id: String
    /// The organisation, in Russian.
    public var title: String = ""
    /// The organisation in English, when the profile gives it (`title RUSSIAN || ENGLISH`).
    public var englishTitle: String?
    /// The act.
    public var document: String = ""
    /// The calendar's region code (`RU-BRY`, or `RU` for the federal calendar).
    public var region: Cited<String>
    /// The organisation's zone.
    public var zone: Cited<String>
    /// The default regime.
    public var regime: Cited<Regime>
    /// The general term in calendar days.
    public var term: Cited<Int>
    /// The fast-track terms the act allows: a list or a range.
    public var fastTrackTerms: Cited<FastTrackTerms>
    /// Named fast-track levels (Краснодарский край: "1" → 8 days).
    public var fastTrackLevels: [String: Cited<Int>] = [:]
    /// The fast-track catalogue.
    public var fastTracks: [FastTrackEntry] = []
    /// The counting conventions (count, roll, basis, shares).
    public var conventions: SLAConventions
    /// The clause of each convention choice (`count`, `roll`, `basis`, `stage`).
    public var conventionCitations: [String: String] = [:]
    /// Control points.
    public var controls: [ControlPoint] = []
    /// How many postponements («Отложено») are allowed (default for an act that says nothing:
    /// ``PostponementLimit/silentActDefault``, unlimited).
    public var postponements = PostponementLimit.silentActDefault
    /// The outcome types («Тип решения») the act lists (default the platform's four).
    public var outcomes = Cited(
        value: Outcome.allCases,
        citation: defaultOutcomesCitation
    )
    /// Whether «Отклонено» needs a reason, and the act's exhaustive list if it has one.
    public var rejection = RejectionRule.silentActDefault
    /// How a day of a published table cell is read (default `24h`, as written).
    public var tableDay = Cited(
        value: TableDayLength.hours24,
        citation: defaultTableDayCitation)
    /// The regulation's own stage table, if it has one.
    public var table: [PublishedTableCell] = []
    /// Rules of the act the engine does not check, for the explanation table.
    public var notes: [ProfileNote] = []
    /// Where the profile was read from.
    public var location: SourceLocation

    /// The clause of the default outcome types (an act that lists none).
    static let defaultOutcomesCitation =
        "регламент не перечисляет типы решения; по умолчанию типы ПОС: Решено, Не решено, Отложено, Отклонено"
    /// The clause of the default reading of a table cell's day.
    static let defaultTableDayCitation = "по умолчанию ячейка читается буквально: «календарный день» = 24 часа"

    /// The organisation in `lang` (the Russian title when the profile gives no English one).
    public func title(_ lang: Language) -> String { lang == .en ? englishTitle ?? title : title }

    /// The fast-track entry for a category and subcategory: matching ignores case, extra spaces and
    /// ё/е; an entry without a subcategory matches every subcategory of its category.
    public func fastTrack(category: String, subcategory: String?) -> FastTrackEntry? {
        let c = TextKey.normalize(category)
        let s = subcategory.map(TextKey.normalize).flatMap { $0.isEmpty ? nil : $0 }
        let inCategory = fastTracks.filter { TextKey.normalize($0.category) == c }
        if let s, let exact = inCategory.first(where: { $0.subcategory.map(TextKey.normalize) == s }) { return exact }
        return inCategory.first(where: { $0.subcategory == nil })
    }

    /// The rules a status of this profile's messages applies: its controls, its limit of
    /// «Отложено», its rule for the reason of «Отклонено».
    public var rules: StatusRules {
        StatusRules(controls: controls, postponements: postponements, rejection: rejection)
    }

    /// The fast-track terms accepted: the act's, or with `lenient` any term from 1 day to the
    /// act's longest (``FastTrackTerms/lenient``).
    public func acceptedFastTrackTerms(lenient: Bool = false) -> FastTrackTerms {
        lenient ? fastTrackTerms.value.lenient : fastTrackTerms.value
    }

    /// The term of a message: a fast-track by category/subcategory, a named level, explicit days,
    /// or the general term. Categories that are not fast-tracks get the general term.
    /// - Parameters:
    ///   - fastTrackDays: a fast-track term in days.
    ///   - level: a named fast-track level.
    ///   - category: the category, for the fast-track catalogue.
    ///   - subcategory: the subcategory.
    ///   - lenientFastTrack: accept a fast-track term the act does not list, from 1 day to the
    ///     act's longest (``MessageDefaults/lenientFastTrack``).
    /// - Throws: a fast-track term the act does not allow (naming the allowed ones and the clause)
    ///   or an unknown level.
    public func term(
        fastTrackDays: Int? = nil, level: String? = nil, category: String? = nil,
        subcategory: String? = nil, lenientFastTrack: Bool = false
    ) throws(SrokError) -> (term: Term, source: String) {
        if let days = fastTrackDays {
            let accepted = acceptedFastTrackTerms(lenient: lenientFastTrack)
            guard accepted.contains(days) else {
                // The shared parts made once (a batch builds this for every row it rejects).
                let list = accepted.description
                let clause = " (" + fastTrackTerms.citation + ")"
                let longest = String(fastTrackTerms.value.longest)
                throw .invalidValue(
                    field: "fast_track_days", value: String(days),
                    expected: LocalizedText(
                        ru: "срок фаст-трека профиля " + id + ": " + list + " дн." + clause
                            + (lenientFastTrack ? "" : "; с --lenient-fast-track допустимо 1–" + longest),
                        en: "a fast-track term of profile " + id + ": " + list + " days" + clause
                            + (lenientFastTrack ? "" : "; --lenient-fast-track accepts 1–" + longest)))
            }
            return (.days(days), fastTrackTerms.citation)
        }
        if let level {
            guard let l = fastTrackLevels[level] ?? fastTrackLevels[TextKey.normalize(level)] else {
                throw .unknown(
                    kind: LocalizedText(
                        ru: "уровень фаст-трека профиля \(id)", en: "fast-track level of profile \(id)"),
                    name: level, known: fastTrackLevels.keys.sorted())
            }
            return (.days(l.value), l.citation)
        }
        if let category, !category.trimmingSpaces.isEmpty {
            if let entry = fastTrack(category: category, subcategory: subcategory) {
                return (.days(entry.days), entry.citation)
            }
        }
        return (.days(term.value), term.citation)
    }
}
