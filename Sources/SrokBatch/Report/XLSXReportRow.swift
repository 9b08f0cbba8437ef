import SrokCore

/// Writes one evaluated message as an encoded report row (``XLSXRowEncoding``): the input's fields
/// as text, then Srok's columns as typed cells — due dates and times as date cells in the
/// organisation's local time (the row's zone), minutes as numbers with their duration as text
/// beside them, codes as words of the report's language. A worker calls it for each good row
/// (``BatchWorker``), so the encoding of a whole report is spread over the workers.
///
/// The highlight (README, "Excel report"): a row is red when the message is overdue or any of its
/// controls is, amber when it is `approaching` — SrokCore's own status: the profile's
/// `warningPercent` (75 % by default) of the time from registration to the due time has passed
/// (``SLAConventions/warningPercent``) — and the overdue controls' cells are a stronger red.
enum XLSXReportRow {
    /// The highlight of a message's row.
    @inline(__always) static func highlight(_ st: MessageStatus) -> XLSXRowHighlight {
        if st.state == .overdue || st.controls.overdueCount > 0 { return .overdue }
        return st.state == .approaching ? .approaching : .none
    }

    /// Writes Srok's `columns` of one message (after the row's mark and its input fields).
    static func write(
        _ st: MessageStatus, _ e: ResolvedEngine, _ p: ParsedRow, columns: [OutputColumn], texts: XLSXReportTexts,
        warnings: MessageWarnings = [], into o: inout ByteWriter
    ) {
        let lang = texts.language
        let zone = e.engine.zone
        let s = st.schedule
        @inline(__always) func time(_ i: Instant, overdue: Bool = false) {
            XLSXRowEncoder.dateTime(zone.local(i), overdue: overdue, into: &o)
        }
        @inline(__always) func empty() { XLSXRowEncoder.empty(into: &o) }
        @inline(__always) func text(_ t: String, overdue: Bool = false) {
            XLSXRowEncoder.text(t, overdue: overdue, into: &o)
        }
        for c in columns {
            switch c {
            case .id: XLSXRowEncoder.text(p.id, into: &o)
            case .dueDate: XLSXRowEncoder.date(st.dueDate, into: &o)
            case .due: time(st.due)
            case .originalDue: if st.dueReason != nil { time(s.due) } else { empty() }
            case .originalDueDate:
                if st.dueReason != nil, s.dueDate != st.dueDate {
                    XLSXRowEncoder.date(s.dueDate, into: &o)
                } else {
                    empty()
                }
            case .dueReason: if let r = st.dueReason { text(texts.dueReason(r)) } else { empty() }
            case .nextControl: if let n = st.controls.next { text(texts.control(n.kind)) } else { empty() }
            case .nextControlDue:
                if let n = st.controls.next { time(n.deadline, overdue: n.state == .overdue) } else { empty() }
            case .overdueControls:
                if st.controls.overdueCount > 0 {
                    var names: [String] = []
                    for k in st.controls where k.state == .overdue { names.append(texts.control(k.kind)) }
                    text(names.joined(separator: "; "), overdue: true)
                } else {
                    empty()
                }
            case .controlsOverdueCount:
                XLSXRowEncoder.integer(st.controls.overdueCount, overdue: st.controls.overdueCount > 0, into: &o)
            case .controls:
                var items: [String] = []
                for k in st.controls {
                    items.append(texts.control(k.kind) + ": " + texts.state(k.state, control: true))
                }
                text(items.joined(separator: "; "))
            case .posPlannedDate: if let d = p.posPlannedDate { XLSXRowEncoder.date(d, into: &o) } else { empty() }
            case .plannedDiffDays:
                if let d = p.posPlannedDate {
                    XLSXRowEncoder.integer(d.distance(to: st.dueDate), into: &o)
                } else {
                    empty()
                }
            case .plannedCheck:
                if let d = p.posPlannedDate {
                    text(texts.plannedCheck(PlannedCheck(diffDays: d.distance(to: st.dueDate))))
                } else {
                    empty()
                }
            case .moderationDue: time(s.stageDue.moderation)
            case .coordinationDue: time(s.stageDue.coordination)
            case .executionDue: time(s.stageDue.execution)
            case .approvalDue: time(s.stageDue.approval)
            case .finalApprovalDue: time(s.stageDue.finalApproval)
            case .stage: if let stage = st.currentStage { text(texts.stage(stage)) } else { empty() }
            case .stageDue:
                if let stage = st.currentStage, let d = st.stages[stage].dwellDue { time(d) } else { empty() }
            case .stageStatus:
                if let stage = st.currentStage {
                    text(texts.state(st.stages[stage].state, control: false))
                } else {
                    empty()
                }
            case .stageUsedMinutes:
                if let stage = st.currentStage {
                    let used = st.stages[stage].usedMinutes
                    XLSXRowEncoder.integer(used, into: &o)
                    XLSXRowEncoder.duration(used, .plain, into: &o)
                } else {
                    empty()
                    empty()
                }
            case .status: text(texts.status(st.state))
            case .remainingMinutes:
                XLSXRowEncoder.integer(st.remainingMinutes, into: &o)
                XLSXRowEncoder.duration(st.remainingMinutes, .remaining, into: &o)
            case .overdueMinutes:
                XLSXRowEncoder.integer(st.overdueMinutes, into: &o)
                if st.overdueMinutes > 0 {
                    XLSXRowEncoder.duration(st.overdueMinutes, .plain, into: &o)
                } else {
                    empty()
                }
            case .rolled:
                if let roll = s.roll {
                    text(texts.roll(roll) + ": " + russian(roll.from) + " → " + russian(roll.to))
                } else {
                    empty()
                }
            case .term: XLSXRowEncoder.integer(s.term.amount, into: &o)
            case .profile: text(e.profile.id)
            case .region: text(e.engine.calendar.id)
            case .tz: text(zone.identifier)
            case .registeredAt: time(s.registered)
            case .provisional: text(texts.yes(s.isProvisional))
            case .organisation:
                if let org = p.organisation { XLSXRowEncoder.text(org, into: &o) } else { empty() }
            case .warnings: if warnings.isEmpty { empty() } else { text(texts.warnings(warnings)) }
            // The words of the CSV's `*_text` columns.
            case .warningsText: if warnings.isEmpty { empty() } else { text(warnings.text(lang)) }
            case .statusText: text(st.state.text(lang))
            case .stageText: if let stage = st.currentStage { text(stage.name(lang)) } else { empty() }
            case .stageStatusText:
                if let stage = st.currentStage { text(st.stages[stage].state.text(lang)) } else { empty() }
            case .rolledText: if let roll = s.roll { text(roll.summary(lang)) } else { empty() }
            case .dueReasonText: if let r = st.dueReason { text(r.text(lang)) } else { empty() }
            case .nextControlText: if let n = st.controls.next { text(n.kind.name(lang)) } else { empty() }
            case .overdueControlsText:
                if st.controls.overdueCount > 0 {
                    text(st.controls.filter { $0.state == .overdue }.map { $0.kind.name(lang) }.joined(separator: "; "))
                } else {
                    empty()
                }
            case .plannedCheckText:
                if let d = p.posPlannedDate {
                    text(PlannedCheck(diffDays: d.distance(to: st.dueDate)).text(lang))
                } else {
                    empty()
                }
            }
        }
    }

    /// `dd.mm.yyyy`.
    static func russian(_ d: CivilDate) -> String { XLSXReportWriter.russian(d) }
}
