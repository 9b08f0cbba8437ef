/// One message as a caller describes it — the single input shape of Srok. The CLI's flags, a
/// history JSON file (``init(json:source:)``), a batch row, and the service's and the C ABI's JSON
/// all become a `MessageRequest`, and ``MessageResolver`` turns it into an engine, a term and a
/// history. Every field but ``registeredAt`` may be left empty: ``MessageDefaults`` and the
/// profile fill it.
///
/// Its JSON keys (snake_case) are the batch's input column names: see ``Key``.
public struct MessageRequest: Hashable, Sendable {
    /// One stage entry of the history: the message entered `stage` at `at`.
    public struct Entry: Hashable, Sendable {
        /// The stage entered.
        public var stage: Stage
        /// When: an instant, or a local time read in the message's zone.
        public var at: Timestamp
        /// Whether this visit (to approval or final approval) approves a redirect to a
        /// non-subordinate organisation (the 2-working-day control, seed 003 п. 8.1).
        public var redirectApproval: Bool

        /// An entry.
        public init(stage: Stage, at: Timestamp, redirectApproval: Bool = false) {
            self.stage = stage
            self.at = at
            self.redirectApproval = redirectApproval
        }
    }

    /// Registration (Дата поступления): an instant, or a local time read in the message's zone.
    /// Required: resolution fails without it.
    public var registeredAt: Timestamp?
    /// The organisation's IANA zone (default: ``MessageDefaults/tz``, else the profile's).
    public var tz: String?
    /// A region code or name for the calendar (`RU-TA`, `Татарстан`; default: the profile's).
    public var region: String?
    /// A regulation profile id (default: ``MessageDefaults/profile``).
    public var profile: String?
    /// An explicit term in calendar days (overrides every other way of choosing the term).
    public var termDays: Int?
    /// A fast-track term in days, within the profile's range.
    public var fastTrackDays: Int?
    /// Marked fast-track with no term of its own («Фаст-трек: Да»): the profile's catalogue gives
    /// the term by category; without a catalogue entry the general term applies, flagged
    /// (``ResolvedMessage/warnings``).
    public var fastTrack = false
    /// A named fast-track level of the profile (`1`, `2` in krasnodar-krai).
    public var level: String?
    /// The category, for the profile's fast-track catalogue.
    public var category: String?
    /// The subcategory.
    public var subcategory: String?
    /// The regime (default: the profile's).
    public var regime: Regime?
    /// A 59-ФЗ appeal on facts of possible violations of migration law: 20 days (ст. 12 ч. 1.1).
    public var migration = false
    /// Convention overrides for this message (on top of the defaults' and the profile's).
    public var conventions = ConventionOverrides()
    /// The stage entries, in any order (they are sorted by time).
    public var entries: [Entry] = []
    /// The current stage, when only it is known (a batch row's «Стадия»); becomes an entry.
    public var stage: Stage?
    /// When the message entered ``stage``; without it, when the plan says the stage starts (the
    /// previous stage's planned due time), not later than the as-of instant.
    public var stageEnteredAt: Timestamp?
    /// When the executor took the message into work (seed 003 п. 6.2).
    public var takenIntoWork: Timestamp?
    /// «Отложено» until these dates, in order.
    public var postponedUntil: [CivilDate] = []
    /// A 59-ФЗ extension in days (appeals only, once, at most 30: ст. 12 ч. 2).
    public var extensionDays: Int?
    /// When the message was redirected to another organisation (59-ФЗ ст. 8 ч. 3).
    public var redirectedAt: Timestamp?
    /// When an appeal was received, before registration (59-ФЗ ст. 8 ч. 2).
    public var receivedAt: Timestamp?
    /// When the answer was sent.
    public var closedAt: Timestamp?
    /// When the executor contacted the applicant (seed 003 п. 6.3: on the day the message arrives).
    public var applicantContactedAt: Timestamp?
    /// When the executor informed the head (seed 004 раздел 2: within one working day).
    public var headInformedAt: Timestamp?
    /// The type of answer («Тип решения»: Решено, Не решено, Отложено, Отклонено).
    public var outcome: Outcome?
    /// The reason of «Отклонено»: a number, key or text of the act's list (seed 002 п. 12), or
    /// free text where the act requires a reason but lists none (seed 003 п. 6.3).
    public var rejectionReason: String?
    /// The instant to evaluate the status at (default: ``MessageDefaults/asOf``, else now).
    public var asOf: Timestamp?

    /// A request for a message registered at `registeredAt`; set the other fields as needed.
    public init(registeredAt: Timestamp? = nil) { self.registeredAt = registeredAt }

    /// The request's keys: the JSON keys of ``init(json:source:)`` and the batch's input column names.
    public enum Key: String, CaseIterable, Sendable {
        /// ``MessageRequest/registeredAt``.
        case registeredAt = "registered_at"
        /// ``MessageRequest/tz``.
        case tz
        /// ``MessageRequest/region``.
        case region
        /// ``MessageRequest/profile``.
        case profile
        /// ``MessageRequest/termDays``.
        case termDays = "term_days"
        /// ``MessageRequest/fastTrackDays``.
        case fastTrackDays = "fast_track_days"
        /// ``MessageRequest/fastTrack``.
        case fastTrack = "fast_track"
        /// ``MessageRequest/level``.
        case level
        /// ``MessageRequest/category``.
        case category
        /// ``MessageRequest/subcategory``.
        case subcategory
        /// ``MessageRequest/regime``.
        case regime
        /// ``MessageRequest/migration``.
        case migration
        /// ``ConventionOverrides/count``.
        case count
        /// ``ConventionOverrides/roll``.
        case roll
        /// ``ConventionOverrides/basis``.
        case basis
        /// ``ConventionOverrides/schedule``.
        case schedule
        /// ``ConventionOverrides/rollStageDueTimes``.
        case rollStages = "roll_stages"
        /// ``MessageRequest/entries``.
        case entries
        /// ``MessageRequest/stage``.
        case stage
        /// ``MessageRequest/stageEnteredAt``.
        case stageEnteredAt = "stage_entered_at"
        /// ``MessageRequest/takenIntoWork``.
        case takenIntoWork = "taken_into_work"
        /// ``MessageRequest/postponedUntil``.
        case postponedUntil = "postponed_until"
        /// ``MessageRequest/extensionDays``.
        case extensionDays = "extension_days"
        /// ``MessageRequest/redirectedAt``.
        case redirectedAt = "redirected_at"
        /// ``MessageRequest/receivedAt``.
        case receivedAt = "received_at"
        /// ``MessageRequest/closedAt``.
        case closedAt = "closed_at"
        /// ``MessageRequest/applicantContactedAt``.
        case applicantContactedAt = "applicant_contacted_at"
        /// ``MessageRequest/headInformedAt``.
        case headInformedAt = "head_informed_at"
        /// ``MessageRequest/outcome``.
        case outcome
        /// ``MessageRequest/rejectionReason``.
        case rejectionReason = "rejection_reason"
        /// ``MessageRequest/asOf``.
        case asOf = "as_of"
    }

    /// Fills every field this request leaves empty from `other` (command-line flags over a file).
    public func merged(over other: MessageRequest) -> MessageRequest {
        var m = self
        m.registeredAt = registeredAt ?? other.registeredAt
        m.tz = tz ?? other.tz
        m.region = region ?? other.region
        m.profile = profile ?? other.profile
        m.termDays = termDays ?? other.termDays
        m.fastTrackDays = fastTrackDays ?? other.fastTrackDays
        m.fastTrack = fastTrack || other.fastTrack
        m.level = level ?? other.level
        m.category = category ?? other.category
        m.subcategory = subcategory ?? other.subcategory
        m.regime = regime ?? other.regime
        m.migration = migration || other.migration
        m.conventions = conventions.merged(over: other.conventions)
        m.entries = other.entries + entries
        m.stage = stage ?? other.stage
        m.stageEnteredAt = stageEnteredAt ?? other.stageEnteredAt
        m.takenIntoWork = takenIntoWork ?? other.takenIntoWork
        m.postponedUntil = postponedUntil + other.postponedUntil
        m.extensionDays = extensionDays ?? other.extensionDays
        m.redirectedAt = redirectedAt ?? other.redirectedAt
        m.receivedAt = receivedAt ?? other.receivedAt
        m.closedAt = closedAt ?? other.closedAt
        m.applicantContactedAt = applicantContactedAt ?? other.applicantContactedAt
        m.headInformedAt = headInformedAt ?? other.headInformedAt
        m.outcome = outcome ?? other.outcome
        m.rejectionReason = rejectionReason ?? other.rejectionReason
        m.asOf = asOf ?? other.asOf
        return m
    }
}
