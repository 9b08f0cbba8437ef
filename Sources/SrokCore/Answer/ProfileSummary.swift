/// A regulation profile as `srok profiles --format json` lists it and the service's
/// `GET /v1/profiles` answers: its act, defaults, fast-tracks, levels and control points. `Codable`
/// with the keys of ``CodingKeys`` in declaration order (with ``OrderedJSONEncoder``).
public struct ProfileSummary: Hashable, Sendable, Codable {
    /// The profile id.
    public var id: String
    /// The title (the organisation, in Russian).
    public var title: String
    /// The organisation in English, when the profile gives it (`title RUSSIAN || ENGLISH`).
    public var titleEn: String?
    /// The act.
    public var document: String
    /// The default region (calendar).
    public var region: String
    /// The default zone.
    public var zone: String
    /// The default regime.
    public var regime: Regime
    /// The general term in days.
    public var termDays: Int
    /// Its clause.
    public var termSource: String
    /// The shortest fast-track term accepted.
    public var fastTrackMin: Int
    /// The longest.
    public var fastTrackMax: Int
    /// The fast-track terms accepted (`3 5 7 10`, `1–30`).
    public var fastTrackTerms: String
    /// Their clause.
    public var fastTrackSource: String
    /// How the term is counted.
    public var count: CountConvention
    /// How a non-working last day is rolled.
    public var roll: RollConvention
    /// How stage budgets are measured.
    public var basis: StageBasis
    /// Where stage budgets come from.
    public var budgets: StageBudgetSource
    /// How many «Отложено» the act allows.
    public var postponements: String
    /// Its clause.
    public var postponementsSource: String
    /// Whether «Отклонено» needs a reason.
    public var rejectionReasonRequired: Bool
    /// The fast-track catalogue.
    public var fastTracks: [FastTrack]
    /// The named fast-track levels, by name.
    public var levels: [Level]
    /// The control points.
    public var controls: [Control]

    /// The JSON keys, in order.
    public enum CodingKeys: String, CodingKey, CaseIterable, Sendable {
        /// ``ProfileSummary/id``.
        case id
        /// ``ProfileSummary/title``.
        case title
        /// ``ProfileSummary/titleEn``.
        case titleEn = "title_en"
        /// ``ProfileSummary/document``.
        case document
        /// ``ProfileSummary/region``.
        case region
        /// ``ProfileSummary/zone``.
        case zone
        /// ``ProfileSummary/regime``.
        case regime
        /// ``ProfileSummary/termDays``.
        case termDays = "term_days"
        /// ``ProfileSummary/termSource``.
        case termSource = "term_source"
        /// ``ProfileSummary/fastTrackMin``.
        case fastTrackMin = "fast_track_min"
        /// ``ProfileSummary/fastTrackMax``.
        case fastTrackMax = "fast_track_max"
        /// ``ProfileSummary/fastTrackTerms``.
        case fastTrackTerms = "fast_track_terms"
        /// ``ProfileSummary/fastTrackSource``.
        case fastTrackSource = "fast_track_source"
        /// ``ProfileSummary/count``.
        case count
        /// ``ProfileSummary/roll``.
        case roll
        /// ``ProfileSummary/basis``.
        case basis
        /// ``ProfileSummary/budgets``.
        case budgets
        /// ``ProfileSummary/postponements``.
        case postponements
        /// ``ProfileSummary/postponementsSource``.
        case postponementsSource = "postponements_source"
        /// ``ProfileSummary/rejectionReasonRequired``.
        case rejectionReasonRequired = "rejection_reason_required"
        /// ``ProfileSummary/fastTracks``.
        case fastTracks = "fast_tracks"
        /// ``ProfileSummary/levels``.
        case levels
        /// ``ProfileSummary/controls``.
        case controls
    }

    /// A fast-track catalogue entry.
    public struct FastTrack: Hashable, Sendable, Codable {
        /// The category.
        public var category: String
        /// The subcategory (`null` when the whole category is fast-tracked).
        public var subcategory: String?
        /// The term in days.
        public var days: Int
        /// The clause.
        public var source: String

        /// Writes every key, `subcategory` `null` when empty.
        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: JSONKey.self)
            try c.encode(category, forKey: JSONKey("category"))
            try c.encode(subcategory, forKey: JSONKey("subcategory"))
            try c.encode(days, forKey: JSONKey("days"))
            try c.encode(source, forKey: JSONKey("source"))
        }
    }

    /// A named fast-track level.
    public struct Level: Hashable, Sendable, Codable {
        /// The level's name (`1`, `2`).
        public var level: String
        /// The term in days.
        public var days: Int
        /// The clause.
        public var source: String
    }

    /// A control point.
    public struct Control: Hashable, Sendable, Codable {
        /// Which control.
        public var control: ControlKind
        /// The limit.
        public var amount: Int
        /// How the limit is counted.
        public var count: ControlCount
        /// The clause.
        public var source: String
    }

    /// The summary of `p`.
    public init(_ p: RegulationProfile) {
        id = p.id
        title = p.title
        titleEn = p.englishTitle
        document = p.document
        region = p.region.value
        zone = p.zone.value
        regime = p.regime.value
        termDays = p.term.value
        termSource = p.term.citation
        fastTrackMin = p.fastTrackTerms.value.shortest
        fastTrackMax = p.fastTrackTerms.value.longest
        fastTrackTerms = p.fastTrackTerms.value.description
        fastTrackSource = p.fastTrackTerms.citation
        count = p.conventions.count
        roll = p.conventions.roll
        basis = p.conventions.basis
        budgets = p.conventions.budgets
        postponements = p.postponements.value.description
        postponementsSource = p.postponements.citation
        rejectionReasonRequired = p.rejection.required
        fastTracks = p.fastTracks.map {
            FastTrack(category: $0.category, subcategory: $0.subcategory, days: $0.days, source: $0.citation)
        }
        levels = p.fastTrackLevels.sorted(by: { $0.key < $1.key }).map {
            Level(level: $0.key, days: $0.value.value, source: $0.value.citation)
        }
        controls = p.controls.map { Control(control: $0.kind, amount: $0.amount, count: $0.count, source: $0.citation) }
    }
}

/// A profile's explanation (`srok profiles --explain P --format json`): every rule of its act,
/// the clause and what Srok does with it.
public struct ProfileExplanation: Hashable, Sendable, Codable {
    /// The profile id.
    public var id: String
    /// The title in the explanation's language (the Russian one when the profile gives no English).
    public var title: String
    /// The act.
    public var document: String
    /// The rows (``RegulationProfile/explanation(_:)``).
    public var rules: [ProfileRuleRow]

    /// The explanation of `p` in `lang`.
    public init(_ p: RegulationProfile, lang: Language) {
        id = p.id
        title = p.title(lang)
        document = p.document
        rules = p.explanation(lang)
    }
}

extension ProfileRuleRow: Codable {
    /// Reads `rule`, `clause`, `engine` and `default`.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: JSONKey.self)
        self.init(
            rule: try c.decode(String.self, forKey: JSONKey("rule")),
            clause: try c.decode(String.self, forKey: JSONKey("clause")),
            engine: try c.decode(String.self, forKey: JSONKey("engine")),
            isDefault: try c.decode(Bool.self, forKey: JSONKey("default")))
    }

    /// Writes `rule`, `clause`, `engine` and `default` (``isDefault``).
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: JSONKey.self)
        try c.encode(rule, forKey: JSONKey("rule"))
        try c.encode(clause, forKey: JSONKey("clause"))
        try c.encode(engine, forKey: JSONKey("engine"))
        try c.encode(isDefault, forKey: JSONKey("default"))
    }
}
