import SrokCore

/// One message for the bulk API: what a nightly export row holds.
public struct BatchMessage: Sendable, Hashable {
    /// The message's identifier (Номер).
    public var id: String
    /// Registration (Дата поступления): an instant, or a local time read in the row's zone.
    public var registeredAt: Timestamp
    /// IANA zone (default from ``BatchDefaults``, else the profile's).
    public var tz: String?
    /// Region code or name (default from ``BatchDefaults``, else the profile's).
    public var region: String?
    /// Profile id (default from ``BatchDefaults``).
    public var profile: String?
    /// An explicit term in days.
    public var termDays: Int?
    /// A fast-track term in days.
    public var fastTrackDays: Int?
    /// Marked fast-track without days («Фаст-трек: Да»): the catalogue gives the term by category;
    /// without an entry the general term applies, flagged (``BatchResult/warnings``).
    public var fastTrack = false
    /// Category and subcategory for the fast-track catalogue.
    public var category: String?
    /// Subcategory.
    public var subcategory: String?
    /// Regime (default the profile's).
    public var regime: Regime?
    /// The current stage.
    public var stage: Stage?
    /// When it entered the current stage (default: registration).
    public var stageEnteredAt: Timestamp?
    /// «Отложено» until.
    public var postponedUntil: CivilDate?
    /// A 59-ФЗ extension.
    public var extensionDays: Int?
    /// When the answer was sent.
    public var closedAt: Timestamp?
    /// The organisation (for the summary).
    public var organisation: String?

    /// Creates a message; only the id and registration are required.
    public init(
        id: String, registeredAt: Timestamp, tz: String? = nil, region: String? = nil, profile: String? = nil,
        termDays: Int? = nil, fastTrackDays: Int? = nil, category: String? = nil, subcategory: String? = nil,
        regime: Regime? = nil, stage: Stage? = nil, stageEnteredAt: Timestamp? = nil, postponedUntil: CivilDate? = nil,
        extensionDays: Int? = nil, closedAt: Timestamp? = nil, organisation: String? = nil, fastTrack: Bool = false
    ) {
        self.fastTrack = fastTrack
        self.id = id
        self.registeredAt = registeredAt
        self.tz = tz
        self.region = region
        self.profile = profile
        self.termDays = termDays
        self.fastTrackDays = fastTrackDays
        self.category = category
        self.subcategory = subcategory
        self.regime = regime
        self.stage = stage
        self.stageEnteredAt = stageEnteredAt
        self.postponedUntil = postponedUntil
        self.extensionDays = extensionDays
        self.closedAt = closedAt
        self.organisation = organisation
    }
}

/// Defaults and overrides for a batch: what a row that leaves a column empty gets (the
/// resolver's ``MessageDefaults``; its `asOf` is the instant of every status).
public typealias BatchDefaults = MessageDefaults

/// A row that could not be evaluated: which column, its value, and why.
public struct BatchRowError: Error, Sendable, Hashable {
    /// The column (input header name).
    public var column: String
    /// The offending value.
    public var value: String
    /// What was wrong and what is accepted, in both languages.
    public var reason: LocalizedText

    /// An error of `column`.
    public init(column: String, value: String, reason: LocalizedText) {
        self.column = column
        self.value = value
        self.reason = reason
    }

    /// The resolver's error as a row error: the request key is the column.
    public init(_ error: MessageFieldError) {
        self.init(column: error.field, value: error.value, reason: error.error.localized)
    }
}

/// The result for one message.
public struct BatchResult: Sendable, Hashable {
    /// The status as of the batch's as-of instant (its ``MessageStatus/schedule`` is the schedule).
    public var status: MessageStatus
    /// The profile used.
    public var profile: String
    /// The calendar used (`RU`, `RU-TA` …).
    public var calendar: String
    /// The zone used.
    public var zone: ZoneRules
    /// What was doubtful but computed (a fast-track mark without a catalogue entry …).
    public var warnings: MessageWarnings = []

    /// The schedule (the status's: one copy per result).
    public var schedule: MessageSchedule { status.schedule }

    /// The result of `status` evaluated with `engine`.
    init(status: MessageStatus, engine: ResolvedEngine, warnings: MessageWarnings = []) {
        self.status = status
        profile = engine.profile.id
        calendar = engine.engine.calendar.id
        zone = engine.engine.zone
        self.warnings = warnings
    }
}
