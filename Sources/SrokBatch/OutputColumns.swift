import SrokCore
/// The batch output columns, selectable and orderable with `--columns`.
public enum OutputColumn: String, Sendable, CaseIterable {
    /// The input's id.
    case id
    /// The last day of the term (YYYY-MM-DD, local).
    case dueDate = "due_date"
    /// The due time (ISO 8601 with offset).
    case due
    /// Planned due time of moderation.
    case moderationDue = "moderation_due"
    /// Planned due time of coordination.
    case coordinationDue = "coordination_due"
    /// Planned due time of execution.
    case executionDue = "execution_due"
    /// Planned due time of approval.
    case approvalDue = "approval_due"
    /// Planned due time of final approval (the total).
    case finalApprovalDue = "final_approval_due"
    /// The current stage.
    case stage
    /// When the current stage's budget runs out.
    case stageDue = "stage_due"
    /// ok, approaching, overdue or closed.
    case status
    /// Minutes until the due time (negative when late).
    case remainingMinutes = "remaining_minutes"
    /// Minutes past the due time.
    case overdueMinutes = "overdue_minutes"
    /// How the last day was moved (`preceding:2024-04-29>2024-04-27`), empty if not.
    case rolled
    /// The term in days.
    case term
    /// The profile used.
    case profile
    /// The calendar used.
    case region
    /// The zone used.
    case tz
    /// Registration, normalised.
    case registeredAt = "registered_at"
    /// The current stage's state.
    case stageStatus = "stage_status"
    /// Minutes used in the current stage.
    case stageUsedMinutes = "stage_used_minutes"
    /// Whether the dates rest on provisional calendar data.
    case provisional
    /// The organisation.
    case organisation

    /// The default selection.
    public static let defaults: [OutputColumn] = [.id, .dueDate, .due, .moderationDue, .coordinationDue, .executionDue,
                                                  .approvalDue, .finalApprovalDue, .stage, .stageDue, .status,
                                                  .remainingMinutes, .overdueMinutes, .rolled]

    /// Parses `id,due_date,…`.
    public static func parse(_ text: String) throws(SrokError) -> [OutputColumn] {
        var out: [OutputColumn] = []
        for name in text.split(separator: ",") {
            guard let c = OutputColumn(rawValue: name.trimmingSpaces) else {
                throw .invalidValue(field: "--columns", value: String(name), expected: "column names from: " + allCases.map(\.rawValue).joined(separator: ", "))
            }
            out.append(c)
        }
        guard !out.isEmpty else { throw .invalidValue(field: "--columns", value: text, expected: "at least one column") }
        return out
    }
}
