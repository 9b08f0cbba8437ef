/// The computed schedule of one message: the total due time and every stage's budget and planned
/// due time.
public struct MessageSchedule: Hashable, Sendable {
    /// When the message was registered.
    public var registered: Instant
    /// The term applied.
    public var term: Term
    /// The local last day of the term (after any roll), in the organisation's zone.
    public var dueDate: CivilDate
    /// The due time: for day-based terms counted `days`/`days-inclusive`, the last second of
    /// `dueDate` (ГК РФ ст. 194: until 24:00); otherwise the exact instant. Overdue means later.
    public var due: Instant
    /// The roll of the last day, if it was moved.
    public var roll: RollOutcome?
    /// Stage budgets in minutes: wall minutes for `clock24`, working minutes for `workday8`.
    public var budgetMinutes: PerStage<Int>
    /// Planned stage due times: registration + cumulative shares, never after `due`; the last
    /// stage's equals `due`.
    public var stageDue: PerStage<Instant>
    /// The basis the budgets are measured in.
    public var basis: StageBasis
    /// Where the budgets came from: the shares, or the act's published table for this term.
    public var budgetSource: StageBudgetSource
    /// Whether any date used rests on provisional calendar data.
    public var isProvisional: Bool
}
