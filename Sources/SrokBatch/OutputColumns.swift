import SrokCore

/// The batch output columns, selectable and orderable with `--columns`.
public enum OutputColumn: String, Sendable, CaseIterable {
    /// The input's id.
    case id
    /// The effective last day (YYYY-MM-DD, local): the term's, or the postponed or extended one.
    case dueDate = "due_date"
    /// The effective due time (ISO 8601 with offset): the term's, or later after «Отложено» or a
    /// 59-ФЗ extension (``MessageStatus/due``).
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
    /// The term's own due time when the effective one differs (empty otherwise).
    case originalDue = "original_due"
    /// The term's own last day when the effective one differs (empty otherwise).
    case originalDueDate = "original_due_date"
    /// Why the due time moved: `postponed` or `extended` (empty otherwise).
    case dueReason = "due_reason"
    /// The kind code of the open control with the nearest deadline (`executor-take` …).
    case nextControl = "next_control"
    /// That control's deadline.
    case nextControlDue = "next_control_due"
    /// The kind codes of the overdue controls, `;`-separated.
    case overdueControls = "overdue_controls"
    /// How many controls are overdue.
    case controlsOverdueCount = "controls_overdue_count"
    /// Every control that applies: in JSON Lines an array of {control, deadline, met_at, status};
    /// in CSV `control:status` items, `;`-separated.
    case controls
    /// The platform's planned date (Дата планируемого завершения работ), as read.
    case posPlannedDate = "pos_planned_date"
    /// ``dueDate`` minus ``posPlannedDate``, in days (positive: the platform plans earlier than the act allows).
    case plannedDiffDays = "planned_diff_days"
    /// `agrees`, `platform-later` (the platform's date is after Srok's) or `platform-earlier`.
    case plannedCheck = "planned_check"
    /// What was doubtful but computed: ``MessageWarnings`` codes, `;`-separated
    /// (`fast-track-without-category`, `category-not-in-profile`); empty for most rows.
    case warnings
    /// ``warnings`` in words, in the run's language.
    case warningsText = "warnings_text"
    /// ``status`` in words («в срок», «срок подходит», «просрочено», «закрыто», «ещё не поступило»).
    case statusText = "status_text"
    /// ``stage`` in words («исполнение» …).
    case stageText = "stage_text"
    /// ``stageStatus`` in words.
    case stageStatusText = "stage_status_text"
    /// ``rolled`` in words («28.04.2024 → 27.04.2024, перенос на предшествующий рабочий день»).
    case rolledText = "rolled_text"
    /// ``dueReason`` in words («отложено», «продлено …»).
    case dueReasonText = "due_reason_text"
    /// ``nextControl`` in words («исполнитель берёт в работу» …).
    case nextControlText = "next_control_text"
    /// ``overdueControls`` in words, `; `-separated.
    case overdueControlsText = "overdue_controls_text"
    /// ``plannedCheck`` in words («совпадает», «у платформы позже», «у платформы раньше»).
    case plannedCheckText = "planned_check_text"

    /// The default selection.
    public static let defaults: [OutputColumn] = [
        .id, .dueDate, .due, .moderationDue, .coordinationDue, .executionDue,
        .approvalDue, .finalApprovalDue, .stage, .stageDue, .status,
        .remainingMinutes, .overdueMinutes, .rolled,
        .originalDue, .dueReason,
        .nextControl, .nextControlDue, .overdueControls, .controlsOverdueCount, .warnings,
    ]

    /// The audit columns, added to the defaults when the input has «Дата планируемого завершения работ».
    public static let audit: [OutputColumn] = [.posPlannedDate, .plannedDiffDays, .plannedCheck]

    /// The columns of a run that asked for none: the defaults, with ``controls`` in JSON Lines
    /// output and the ``audit`` columns when the input carries the platform's planned date.
    public static func defaults(jsonOutput: Bool, audit withAudit: Bool) -> [OutputColumn] {
        defaults + (jsonOutput ? [.controls] : []) + (withAudit ? audit : [])
    }

    /// Parses `id,due_date,…`.
    public static func parse(_ text: String) throws(SrokError) -> [OutputColumn] {
        var out: [OutputColumn] = []
        for name in text.split(separator: ",") {
            guard let c = OutputColumn(rawValue: name.trimmingSpaces) else {
                throw .invalidValue(
                    field: "--columns", value: String(name),
                    expected: LocalizedText(ru: "имена столбцов из списка: ", en: "column names from: ")
                        + allCases.map(\.rawValue).joined(separator: ", "))
            }
            out.append(c)
        }
        guard !out.isEmpty else {
            throw .invalidValue(
                field: "--columns", value: text,
                expected: LocalizedText(ru: "хотя бы один столбец", en: "at least one column"))
        }
        return out
    }
}
