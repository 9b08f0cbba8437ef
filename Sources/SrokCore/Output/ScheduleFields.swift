/// The named output fields of a schedule and a status, shared by `srok due`, `srok status` and
/// the batch evaluator so that CSV and JSON use the same names everywhere.
package enum OutputField {
    /// The schedule fields, in order. `due_date`/`due` are the **effective** due (after
    /// «Отложено» or a 59-ФЗ extension); `original_due_date`/`original_due` the term's own and
    /// `due_reason` (`postponed`, `extended`) are set only when it differs.
    package static let scheduleNames: [String] = [
        "registered_at", "term", "due_date", "due", "rolled",
        "moderation_due", "coordination_due", "execution_due", "approval_due", "final_approval_due",
        "moderation_budget_minutes", "coordination_budget_minutes", "execution_budget_minutes",
        "approval_budget_minutes", "final_approval_budget_minutes", "basis", "provisional",
        "original_due_date", "original_due", "due_reason", "budgets",
    ]

    /// The values of ``scheduleNames`` for a schedule in `zone`, with the effective due time
    /// (nil: the schedule's own).
    package static func scheduleValues(_ s: MessageSchedule, zone: ZoneRules, effective: EffectiveDue? = nil)
        -> [String]
    {
        let moved = effective.flatMap { $0.reason != nil ? $0 : nil }
        var v = [
            zone.iso8601(s.registered), s.term.description, (moved?.dueDate ?? s.dueDate).iso,
            zone.iso8601(moved?.due ?? s.due),
            s.roll?.code ?? "",
        ]
        for stage in Stage.allCases { v.append(zone.iso8601(s.stageDue[stage])) }
        for stage in Stage.allCases { v.append(String(s.budgetMinutes[stage])) }
        v.append(s.basis.rawValue)
        v.append(s.isProvisional ? "1" : "0")
        v.append(moved != nil ? s.dueDate.iso : "")
        v.append(moved != nil ? zone.iso8601(s.due) : "")
        v.append(moved?.reason?.rawValue ?? "")
        v.append(s.budgetSource.rawValue)
        return v
    }

    /// The status fields, in order. `stage_due` is the current stage's planned time (its share);
    /// `stage_deadline` the deadline that judges it when an act term or the effective due does
    /// (`stage_rule`: `share`, a control kind, `postponed`, `extended`); `stage_late_by` the rule
    /// that made it late. `effective_due` repeats `due` (kept for older readers). The control
    /// fields are those the batch gives: `next_control`, `next_control_due`, `overdue_controls`
    /// (kinds, `;`-separated), `controls_overdue_count`.
    package static let statusNames: [String] = [
        "stage", "stage_due", "stage_used_minutes", "stage_budget_minutes", "stage_status",
        "status", "remaining_minutes", "overdue_minutes", "effective_due", "as_of",
        "stage_rule", "stage_deadline", "stage_late_by", "stage_budget_status",
        "next_control", "next_control_due", "overdue_controls", "controls_overdue_count",
    ]

    /// The values of ``statusNames``.
    package static func statusValues(_ st: MessageStatus, zone: ZoneRules) -> [String] {
        let stage = st.currentStage
        let ss = stage.map { st.stages[$0] }
        let next = st.controls.next
        return [
            stage?.code ?? "", ss?.dwellDue.map(zone.iso8601) ?? "", ss.map { String($0.usedMinutes) } ?? "",
            ss.map { String($0.budgetMinutes) } ?? "", ss?.state.rawValue ?? "", st.state.rawValue,
            String(st.remainingMinutes), String(st.overdueMinutes), zone.iso8601(st.due), zone.iso8601(st.asOf),
            ss?.rule.code ?? "", ss?.governingDeadline.map(zone.iso8601) ?? "", ss?.lateBy?.code ?? "",
            ss?.budgetState.rawValue ?? "",
            next?.kind.rawValue ?? "", next.map { zone.iso8601($0.deadline) } ?? "",
            st.controls.filter { $0.state == .overdue }.map(\.kind.rawValue).joined(separator: ";"),
            String(st.controls.overdueCount),
        ]
    }
}
