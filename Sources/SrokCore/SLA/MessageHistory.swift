/// One entry of a message's stage history: it entered `stage` at `at`.
public struct StageEntry: Hashable, Sendable {
    /// The stage entered.
    public var stage: Stage
    /// When.
    public var at: Instant
    /// Whether this visit (to approval or final approval) approves a redirect to a
    /// non-subordinate organisation (counted against the 2-working-day control, seed 003 п. 8.1).
    public var isRedirectApproval: Bool

    /// Creates an entry.
    public init(_ stage: Stage, at: Instant, isRedirectApproval: Bool = false) {
        self.stage = stage
        self.at = at
        self.isRedirectApproval = isRedirectApproval
    }
}

/// Everything known about a message that its status depends on.
public struct MessageHistory: Hashable, Sendable {
    /// Registration on the platform.
    public var registered: Instant
    /// The regime (ПОС message or 59-ФЗ appeal).
    public var regime: Regime
    /// The term (30 days, a fast-track, 20 days for migration-law appeals …).
    public var term: Term
    /// Stage entries in time order, returns and redirect approvals included.
    public var entries: [StageEntry]
    /// When the executor took the message into work (seed 003 п. 6.2), if recorded.
    public var takenIntoWork: Instant?
    /// «Отложено»: the dates consideration was postponed to, in order. How many are allowed is the
    /// profile's (``StatusRules/postponements``: seed 004 раздел 3 «не более 1 раза», seed 003
    /// no limit); one more is an error naming the clause.
    public var postponements: [CivilDate]
    /// A 59-ФЗ extension in days (ст. 12 ч. 2: once, at most 30 days).
    public var extensionDays: Int?
    /// When the message was redirected to another organisation (59-ФЗ ст. 8 ч. 3: within 7 days).
    public var redirectedAt: Instant?
    /// When an appeal was received, before registration (59-ФЗ ст. 8 ч. 2: registration within 3 days).
    public var receivedAt: Instant?
    /// When the answer was sent (the message is closed).
    public var closedAt: Instant?
    /// When the executor contacted the applicant to clarify missing information (seed 003 п. 6.3:
    /// on the day the message arrives), if recorded.
    public var applicantContactedAt: Instant?
    /// When the executor informed the head (seed 004 раздел 2: within one working day of
    /// receipt), if recorded.
    public var headInformedAt: Instant?
    /// The type of answer chosen («Тип решения»), if known.
    public var outcome: Outcome?
    /// The reason given for «Отклонено» (a number, key or text of the act's list, or free text).
    public var rejectionReason: String?

    /// Creates a history.
    public init(
        registered: Instant, regime: Regime = .message, term: Term = .days(30), entries: [StageEntry] = [],
        takenIntoWork: Instant? = nil, postponements: [CivilDate] = [], extensionDays: Int? = nil,
        redirectedAt: Instant? = nil, receivedAt: Instant? = nil, closedAt: Instant? = nil,
        applicantContactedAt: Instant? = nil, headInformedAt: Instant? = nil, outcome: Outcome? = nil,
        rejectionReason: String? = nil
    ) {
        self.registered = registered
        self.regime = regime
        self.term = term
        self.entries = entries
        self.takenIntoWork = takenIntoWork
        self.postponements = postponements
        self.extensionDays = extensionDays
        self.redirectedAt = redirectedAt
        self.receivedAt = receivedAt
        self.closedAt = closedAt
        self.applicantContactedAt = applicantContactedAt
        self.headInformedAt = headInformedAt
        self.outcome = outcome
        self.rejectionReason = rejectionReason
    }
}
