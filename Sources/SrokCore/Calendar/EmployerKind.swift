/// The employer a calendar is built for. ПОС executors are state and municipal bodies, the default.
public enum EmployerKind: String, Sendable, CaseIterable {
    /// A state or municipal body, or a budget institution: days of scope `all` and `state` apply.
    case stateBody = "state-body"
    /// Any other employer: only days of scope `all` apply.
    case other
}
