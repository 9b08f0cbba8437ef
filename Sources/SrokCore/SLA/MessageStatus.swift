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
    /// Registered after the as-of instant: the message had not come in yet at that instant, so
    /// no time of its term was used («ещё не поступило»). Only a message's overall state.
    case notYetRegistered = "not-yet-registered"

    /// The state in words: «в срок», «срок подходит», «просрочено», «закрыто», «ещё не поступило»
    /// (the machine-readable value is `rawValue`).
    public func text(_ lang: Language) -> String {
        switch (self, lang) {
        case (.ok, .ru): "в срок"
        case (.ok, .en): "on time"
        case (.approaching, .ru): "срок подходит"
        case (.approaching, .en): "approaching"
        case (.overdue, .ru): "просрочено"
        case (.overdue, .en): "overdue"
        case (.closed, .ru): "закрыто"
        case (.closed, .en): "closed"
        case (.notYetRegistered, .ru): "ещё не поступило"
        case (.notYetRegistered, .en): "not yet registered"
        }
    }
}

/// Why the effective due time differs from the term's own.
public enum DueReason: String, Sendable, CaseIterable {
    /// «Отложено» to a later date (seed 003 п. 6.3, seed 004 раздел 2).
    case postponed
    /// A 59-ФЗ extension (ст. 12 ч. 2).
    case extended
}

/// Which rule decides whether a stage is late.
public enum StageRule: Hashable, Sendable {
    /// The stage's share budget (the planned time; the acts call it recommended or give no
    /// figures, and the platform's shares fill in).
    case share
    /// An explicit term of the act for the stage's action (seed 002 п. 9: the coordinator decides
    /// within 3 days): each visit is judged by it; the share stays the planned time.
    case actTerm(ControlKind)
    /// The stage is stretched to the effective due time: after «Отложено» (seed 003 п. 6.3: «До
    /// этой даты должны быть выполнены все действия … включая его утверждение») or a 59-ФЗ
    /// extension, execution and the stages after it are due with the answer.
    case effectiveDue(DueReason)

    /// `share`, `coordinator-decision`, `postponed`, `extended`.
    public var code: String {
        switch self {
        case .share: "share"
        case .actTerm(let k): k.rawValue
        case .effectiveDue(let r): r.rawValue
        }
    }
}

/// The status of one stage.
public struct StageStatus: Hashable, Sendable {
    // 64 bytes a stage: the status is copied once per message.
    /// The planned budget (the stage's share or the act's published cell), in the basis's minutes.
    public var budgetMinutes: Int
    /// Minutes used over all visits.
    public var usedMinutes: Int
    /// Minutes used in the current (open) visit; 0 when the stage is not current.
    public var currentVisitMinutes: Int
    /// Visits so far.
    public var visits: Int
    /// For the current stage: when its remaining planned budget runs out (entry + budget on a
    /// first visit). The planned time, whatever rule decides lateness.
    public var dwellDue: Instant?
    /// The verdict, by ``rule``: `ok`, `approaching`, `overdue`, or `closed` when the message is
    /// closed and the stage was not late.
    public var state: SLAState
    /// The state against the planned budget alone (informational where ``rule`` is not `share`).
    public var budgetState: SLAState
    /// What decides ``state``.
    public var rule: StageRule
    /// For the current stage judged by an act term or stretched to the effective due: the deadline
    /// that judges its current visit (nil when the share budget decides: see ``dwellDue``).
    public var governingDeadline: Instant?
    /// Budget minus used (negative when over).
    public var remainingMinutes: Int { budgetMinutes - usedMinutes }
    /// How far over the planned budget (0 when within).
    public var overdueMinutes: Int { max(0, usedMinutes - budgetMinutes) }

    /// The rule that made the stage late (nil when it is not late).
    public var lateBy: StageRule? { state == .overdue ? rule : nil }

    /// Creates a stage status judged by its share budget.
    public init(
        budgetMinutes: Int, usedMinutes: Int, currentVisitMinutes: Int, visits: Int, state: SLAState, dwellDue: Instant?
    ) {
        self.budgetMinutes = budgetMinutes
        self.usedMinutes = usedMinutes
        self.currentVisitMinutes = currentVisitMinutes
        self.visits = visits
        self.state = state
        self.dwellDue = dwellDue
        budgetState = state
        rule = .share
        governingDeadline = nil
    }
}

/// The status of a message as of an instant.
public struct MessageStatus: Hashable, Sendable {
    /// The schedule (the term's own total and planned stage due times).
    public var schedule: MessageSchedule
    /// The effective due time: the term's, or later after a postponement or a 59-ФЗ extension.
    public var due: Instant
    /// The effective due date (the local last day of ``due``).
    public var dueDate: CivilDate
    /// Why ``due`` differs from the term's own (nil when it does not).
    public var dueReason: DueReason?
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
    /// Control points that apply (at most one per kind, the latest visit); inline, no allocation.
    public var controls: ControlChecks

    /// The term's own due time, before any postponement or extension.
    public var originalDue: Instant { schedule.due }
    /// The term's own due date.
    public var originalDueDate: CivilDate { schedule.dueDate }
    /// The effective due time, date and reason together.
    public var effectiveDue: EffectiveDue { EffectiveDue(due: due, dueDate: dueDate, reason: dueReason) }
}

extension MessageStatus {
    /// A status of `schedule` with nothing evaluated yet (due as planned, every stage unused): the
    /// storage ``SLAEngine/status(of:asOf:rules:into:)`` writes over.
    package init(schedule: MessageSchedule) {
        let unused = StageStatus(
            budgetMinutes: 0, usedMinutes: 0, currentVisitMinutes: 0, visits: 0, state: .ok, dwellDue: nil)
        self.init(
            schedule: schedule, due: schedule.due, dueDate: schedule.dueDate, dueReason: nil, asOf: schedule.registered,
            state: .ok, currentStage: nil, remainingMinutes: 0, overdueMinutes: 0, stages: PerStage(repeating: unused),
            controls: ControlChecks())
    }

    /// A placeholder (a one-day term registered at the epoch, nothing evaluated) for storage that
    /// a status is written into.
    package static var placeholder: MessageStatus {
        let epoch = Instant(secondsSinceEpoch: 0)
        return MessageStatus(
            schedule: MessageSchedule(
                registered: epoch, term: .days(1), dueDate: CivilDate(daysSinceEpoch: 0), due: epoch, roll: nil,
                budgetMinutes: PerStage(repeating: 0), stageDue: PerStage(repeating: epoch), basis: .clock24,
                budgetSource: .shares, isProvisional: false))
    }
}
