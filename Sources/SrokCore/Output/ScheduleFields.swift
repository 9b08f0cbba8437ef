/// The named output fields of a schedule and a status, shared by `srok due`, `srok status` and
/// the batch evaluator so that CSV and JSON use the same names everywhere.
package enum OutputField {
    /// The schedule fields, in order.
    package static let scheduleNames: [String] = [
        "registered_at", "term", "due_date", "due", "rolled",
        "moderation_due", "coordination_due", "execution_due", "approval_due", "final_approval_due",
        "moderation_budget_minutes", "coordination_budget_minutes", "execution_budget_minutes",
        "approval_budget_minutes", "final_approval_budget_minutes", "basis", "provisional",
    ]

    /// The values of ``scheduleNames`` for a schedule in `zone`.
    package static func scheduleValues(_ s: MessageSchedule, zone: ZoneRules) -> [String] {
        var v = [zone.iso8601(s.registered), s.term.description, s.dueDate.iso, zone.iso8601(s.due), s.roll?.code ?? ""]
        for stage in Stage.allCases { v.append(zone.iso8601(s.stageDue[stage])) }
        for stage in Stage.allCases { v.append(String(s.budgetMinutes[stage])) }
        v.append(s.basis.rawValue)
        v.append(s.isProvisional ? "1" : "0")
        return v
    }

    /// The status fields, in order.
    package static let statusNames: [String] = [
        "stage", "stage_due", "stage_used_minutes", "stage_budget_minutes", "stage_status",
        "status", "remaining_minutes", "overdue_minutes", "effective_due", "as_of",
    ]

    /// The values of ``statusNames``.
    package static func statusValues(_ st: MessageStatus, zone: ZoneRules) -> [String] {
        let stage = st.currentStage
        let ss = stage.map { st.stages[$0] }
        return [stage?.code ?? "", ss?.dwellDue.map(zone.iso8601) ?? "", ss.map { String($0.usedMinutes) } ?? "",
                ss.map { String($0.budgetMinutes) } ?? "", ss?.state.rawValue ?? "", st.state.rawValue,
                String(st.remainingMinutes), String(st.overdueMinutes), zone.iso8601(st.due), zone.iso8601(st.asOf)]
    }
}
