/// Intra-stage control points that regulations set.
public enum ControlKind: String, Sendable, CaseIterable {
    /// The coordinator assigns or redirects within N days of receiving (seed 002 п. 9: 3 days).
    case coordinatorDecision = "coordinator-decision"
    /// The executor takes the message into work within N days (seed 003 п. 6.2: 3 days).
    case executorTake = "executor-take"
    /// A non-competent message goes back to coordination within N days (seed 003 п. 6.2: 7 days).
    case executorReturn = "executor-return"
    /// A redirect to a non-subordinate organisation is approved within N working days in total for
    /// all approvers (seed 003 п. 8.1: 2 working days).
    case redirectApproval = "redirect-approval"
    /// 59-ФЗ ст. 8 ч. 3: redirect within 7 days of registration.
    case appealRedirect = "appeal-redirect"
    /// 59-ФЗ ст. 8 ч. 2: registration within 3 days of receipt.
    case appealRegistration = "appeal-registration"
}

/// A control point with its limit.
public struct ControlPoint: Hashable, Sendable {
    /// Which control.
    public var kind: ControlKind
    /// The limit.
    public var amount: Int
    /// Whether the limit counts working days (else calendar days of 24 h).
    public var workingDays: Bool
    /// The clause.
    public var citation: String

    /// Creates a control point.
    public init(_ kind: ControlKind, _ amount: Int, workingDays: Bool = false, citation: String = "") {
        self.kind = kind; self.amount = amount; self.workingDays = workingDays; self.citation = citation
    }
}
