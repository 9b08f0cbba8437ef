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
        self.stage = stage; self.at = at; self.isRedirectApproval = isRedirectApproval
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
    /// «Отложено»: the dates consideration was postponed to. At most one is allowed
    /// (seed 004 разд. 3: «не более 1 раза»); a second is an error.
    public var postponements: [CivilDate]
    /// A 59-ФЗ extension in days (ст. 12 ч. 2: once, at most 30 days).
    public var extensionDays: Int?
    /// When the message was redirected to another organisation (59-ФЗ ст. 8 ч. 3: within 7 days).
    public var redirectedAt: Instant?
    /// When an appeal was received, before registration (59-ФЗ ст. 8 ч. 2: registration within 3 days).
    public var receivedAt: Instant?
    /// When the answer was sent (the message is closed).
    public var closedAt: Instant?

    /// Creates a history.
    public init(registered: Instant, regime: Regime = .message, term: Term = .days(30), entries: [StageEntry] = [],
                takenIntoWork: Instant? = nil, postponements: [CivilDate] = [], extensionDays: Int? = nil,
                redirectedAt: Instant? = nil, receivedAt: Instant? = nil, closedAt: Instant? = nil) {
        self.registered = registered; self.regime = regime; self.term = term; self.entries = entries
        self.takenIntoWork = takenIntoWork; self.postponements = postponements; self.extensionDays = extensionDays
        self.redirectedAt = redirectedAt; self.receivedAt = receivedAt; self.closedAt = closedAt
    }
}

/// Where a message or stage stands.
public enum SLAState: String, Sendable, CaseIterable {
    /// Within its term, below the warning threshold.
    case ok
    /// At or past the warning threshold (default 75 % used), not yet late.
    case approaching
    /// Past its due time.
    case overdue
    /// Closed (answered); see `overdueMinutes` for whether it was late.
    case closed
}

/// The status of one stage.
public struct StageStatus: Hashable, Sendable {
    /// The budget, in the basis's minutes.
    public var budgetMinutes: Int
    /// Minutes used over all visits.
    public var usedMinutes: Int
    /// Minutes used in the current (open) visit; 0 when the stage is not current.
    public var currentVisitMinutes: Int
    /// Visits so far.
    public var visits: Int
    /// Budget minus used (negative when over).
    public var remainingMinutes: Int { budgetMinutes - usedMinutes }
    /// How far over the budget (0 when within).
    public var overdueMinutes: Int { max(0, usedMinutes - budgetMinutes) }
    /// The state.
    public var state: SLAState
    /// For the current stage: when its remaining budget runs out (entry + budget on a first visit).
    public var dwellDue: Instant?
}

/// A checked intra-stage control point (seeds: coordinator within 3 days, executor within 3/7
/// days, redirect approval within 2 working days; 59-ФЗ redirect and registration).
public struct ControlCheck: Hashable, Sendable {
    /// Which control.
    public var kind: ControlKind
    /// The deadline.
    public var deadline: Instant
    /// When it was met, if it was.
    public var metAt: Instant?
    /// `ok` (met in time or still running in time), `overdue` (missed or running late).
    public var state: SLAState
}

/// The status of a message as of an instant.
public struct MessageStatus: Hashable, Sendable {
    /// The schedule (total and planned stage due times) the status is measured against.
    public var schedule: MessageSchedule
    /// The effective due time after a postponement or a 59-ФЗ extension.
    public var due: Instant
    /// The as-of instant.
    public var asOf: Instant
    /// The overall state.
    public var state: SLAState
    /// The current stage (nil when closed or before the first entry).
    public var currentStage: Stage?
    /// Minutes until `due` (negative when overdue).
    public var remainingMinutes: Int
    /// Minutes past `due` (0 when not late; for closed messages, how late the answer was).
    public var overdueMinutes: Int
    /// Per-stage status.
    public var stages: PerStage<StageStatus>
    /// Control points that apply (at most one per kind, the latest visit).
    public var controls: [ControlCheck]
}
