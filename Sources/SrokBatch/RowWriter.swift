import SrokCore

/// Formats output rows: any selection of columns as CSV or JSON Lines, with a straight-line
/// path for the default CSV columns (the nightly job's shape). The texts that come from the
/// input (id, organisation) go through ``FormulaGuard`` in CSV; computed values never do.
enum RowWriter {
    /// Writes one output row.
    static func write(
        _ st: MessageStatus, _ e: ResolvedEngine, _ p: ParsedRow, format: BatchFormat, warnings: MessageWarnings = [],
        days: DayTexts, into sink: inout ByteSink
    ) {
        sink.withWriter { o in write(st, e, p, format: format, warnings: warnings, days: days, into: &o) }
    }

    /// Writes one output row (see above).
    private static func write(
        _ st: MessageStatus, _ e: ResolvedEngine, _ p: ParsedRow, format: BatchFormat, warnings: MessageWarnings,
        days: DayTexts, into o: inout ByteWriter
    ) {
        let lang = format.language
        let zone = e.engine.zone
        let s = st.schedule
        let json: Bool
        let separator: UInt8
        if case .csv(let d) = format.output {
            json = false
            separator = d
        } else {
            json = true
            separator = 0x2C
        }
        let csvDelimiter: UInt8? = json ? nil : separator
        /// A text in words: quoted for JSON and as CSV needs; null (JSON) or empty (CSV) when nil.
        @inline(__always) func words(_ s: String?) {
            if let s { ByteFormat.text(s, csvDelimiter: csvDelimiter, into: &o) } else { null(json, &o) }
        }
        if json { o.append(0x7B) }
        for (k, c) in format.columns.enumerated() {
            if k > 0 { o.append(separator) }
            if json {
                o.append(0x22)
                o.append(c.rawValue)
                o.append(0x22)
                o.append(0x3A)
            }
            switch c {
            case .id: ByteFormat.text(p.id, csvDelimiter: csvDelimiter, formulaGuard: format.formulaEscape, into: &o)
            case .dueDate: quoted(json, &o) { ByteFormat.date(st.dueDate, days: days, into: &$0) }
            case .due: instant(st.due, zone, json, days, &o)
            case .originalDue: if st.dueReason != nil { instant(s.due, zone, json, days, &o) } else { null(json, &o) }
            case .originalDueDate:
                if st.dueReason != nil, s.dueDate != st.dueDate {
                    quoted(json, &o) { ByteFormat.date(s.dueDate, days: days, into: &$0) }
                } else {
                    null(json, &o)
                }
            case .dueReason:
                if let r = st.dueReason { quoted(json, &o) { $0.append(code: r) } } else { null(json, &o) }
            case .nextControl:
                if let n = st.controls.next { quoted(json, &o) { $0.append(code: n.kind) } } else { null(json, &o) }
            case .nextControlDue:
                if let n = st.controls.next { instant(n.deadline, zone, json, days, &o) } else { null(json, &o) }
            case .overdueControls:
                if st.controls.overdueCount > 0 {
                    overdueCodes(st.controls, quote: json || (separator == 0x3B && st.controls.overdueCount > 1), &o)
                } else {
                    null(json, &o)
                }
            case .controlsOverdueCount: ByteFormat.int(st.controls.overdueCount, into: &o)
            case .controls:
                if json {
                    controlsArray(st.controls, zone, days, &o)
                } else {
                    controlsList(st.controls, quote: separator == 0x3B, &o)
                }
            case .posPlannedDate:
                if let d = p.posPlannedDate {
                    quoted(json, &o) { ByteFormat.date(d, days: days, into: &$0) }
                } else {
                    null(json, &o)
                }
            case .plannedDiffDays:
                if let d = p.posPlannedDate {
                    ByteFormat.int(d.distance(to: st.dueDate), into: &o)
                } else {
                    null(json, &o)
                }
            case .plannedCheck:
                if let d = p.posPlannedDate {
                    quoted(json, &o) { $0.append(code: PlannedCheck(diffDays: d.distance(to: st.dueDate))) }
                } else {
                    null(json, &o)
                }
            case .moderationDue: instant(s.stageDue.moderation, zone, json, days, &o)
            case .coordinationDue: instant(s.stageDue.coordination, zone, json, days, &o)
            case .executionDue: instant(s.stageDue.execution, zone, json, days, &o)
            case .approvalDue: instant(s.stageDue.approval, zone, json, days, &o)
            case .finalApprovalDue: instant(s.stageDue.finalApproval, zone, json, days, &o)
            case .stage:
                if let stage = st.currentStage { quoted(json, &o) { $0.append(code: stage) } } else { null(json, &o) }
            case .stageDue:
                if let stage = st.currentStage, let d = st.stages[stage].dwellDue {
                    instant(d, zone, json, days, &o)
                } else {
                    null(json, &o)
                }
            case .stageStatus:
                if let stage = st.currentStage {
                    quoted(json, &o) { $0.append(code: st.stages[stage].state) }
                } else {
                    null(json, &o)
                }
            case .stageUsedMinutes:
                if let stage = st.currentStage {
                    ByteFormat.int(st.stages[stage].usedMinutes, into: &o)
                } else {
                    null(json, &o)
                }
            case .status: quoted(json, &o) { $0.append(code: st.state) }
            case .remainingMinutes: ByteFormat.int(st.remainingMinutes, into: &o)
            case .overdueMinutes: ByteFormat.int(st.overdueMinutes, into: &o)
            case .rolled:
                if let roll = s.roll {
                    quoted(json, &o) { o in
                        o.append(label: roll)
                        o.append(0x3A)
                        ByteFormat.date(roll.from, days: days, into: &o)
                        o.append(0x3E)
                        ByteFormat.date(roll.to, days: days, into: &o)
                    }
                } else {
                    null(json, &o)
                }
            case .term: quoted(json, &o) { ByteFormat.int(s.term.amount, into: &$0) }
            case .profile: ByteFormat.text(e.profile.id, csvDelimiter: csvDelimiter, into: &o)
            case .region: ByteFormat.text(e.engine.calendar.id, csvDelimiter: csvDelimiter, into: &o)
            case .tz: ByteFormat.text(zone.identifier, csvDelimiter: csvDelimiter, into: &o)
            case .registeredAt: instant(s.registered, zone, json, days, &o)
            case .provisional:
                if json {
                    o.append(s.isProvisional ? "true" : "false")
                } else {
                    o.append(s.isProvisional ? 0x31 : 0x30)
                }
            case .organisation:
                if let org = p.organisation {
                    ByteFormat.text(org, csvDelimiter: csvDelimiter, formulaGuard: format.formulaEscape, into: &o)
                } else {
                    null(json, &o)
                }
            case .warnings:
                if warnings.isEmpty {
                    null(json, &o)
                } else {
                    ByteFormat.text(warnings.codes.joined(separator: ";"), csvDelimiter: csvDelimiter, into: &o)
                }
            case .warningsText: words(warnings.isEmpty ? nil : warnings.text(lang))
            case .statusText: words(st.state.text(lang))
            case .stageText: words(st.currentStage?.name(lang))
            case .stageStatusText: words(st.currentStage.map { st.stages[$0].state.text(lang) })
            case .rolledText: words(s.roll?.summary(lang))
            case .dueReasonText: words(st.dueReason?.text(lang))
            case .nextControlText: words(st.controls.next?.kind.name(lang))
            case .overdueControlsText:
                words(
                    st.controls.overdueCount > 0
                        ? st.controls.filter { $0.state == .overdue }.map { $0.kind.name(lang) }.joined(separator: "; ")
                        : nil)
            case .plannedCheckText:
                words(p.posPlannedDate.map { PlannedCheck(diffDays: $0.distance(to: st.dueDate)).text(lang) })
            }
        }
        if json { o.append(0x7D) }
        o.append(0x0A)
    }

    /// An instant, in quotes for JSON.
    @inline(__always) private static func instant(
        _ i: Instant, _ zone: ZoneRules, _ json: Bool, _ days: DayTexts, _ o: inout ByteWriter
    ) {
        if json { o.append(0x22) }
        ByteFormat.instant(i, zone: zone, days: days, into: &o)
        if json { o.append(0x22) }
    }

    /// A text value, in quotes for JSON.
    @inline(__always) private static func quoted(
        _ json: Bool, _ o: inout ByteWriter, _ body: (inout ByteWriter) -> Void
    ) {
        if json { o.append(0x22) }
        body(&o)
        if json { o.append(0x22) }
    }

    /// The overdue controls' codes, `;`-separated (in quotes when `quote`: JSON, or CSV with `;`).
    @inline(__always) private static func overdueCodes(_ c: ControlChecks, quote: Bool, _ o: inout ByteWriter) {
        if quote { o.append(0x22) }
        var first = true
        for k in c where k.state == .overdue {
            if !first { o.append(0x3B) }
            first = false
            o.append(code: k.kind)
        }
        if quote { o.append(0x22) }
    }

    /// The warnings' codes, `;`-separated, in quotes when the delimiter is `;` and there are several.
    private static func warningCodes(_ w: MessageWarnings, delimiter d: UInt8, _ o: inout ByteWriter) {
        let codes = w.codes
        let quote = d == 0x3B && codes.count > 1
        if quote { o.append(0x22) }
        for (k, code) in codes.enumerated() {
            if k > 0 { o.append(0x3B) }
            o.append(code)
        }
        if quote { o.append(0x22) }
    }

    /// Every control as `code:status`, `;`-separated (CSV).
    private static func controlsList(_ c: ControlChecks, quote: Bool, _ o: inout ByteWriter) {
        guard !c.isEmpty else { return }
        if quote { o.append(0x22) }
        var first = true
        for k in c {
            if !first { o.append(0x3B) }
            first = false
            o.append(code: k.kind)
            o.append(0x3A)
            o.append(code: k.state)
        }
        if quote { o.append(0x22) }
    }

    /// Every control as a JSON array of {control, deadline, met_at, status}.
    private static func controlsArray(_ c: ControlChecks, _ zone: ZoneRules, _ days: DayTexts, _ o: inout ByteWriter) {
        o.append(0x5B)
        var first = true
        for k in c {
            if !first { o.append(0x2C) }
            first = false
            o.append(ascii: "{\"control\":\"")
            o.append(code: k.kind)
            o.append(ascii: "\",\"deadline\":")
            instant(k.deadline, zone, true, days, &o)
            o.append(ascii: ",\"met_at\":")
            if let m = k.metAt { instant(m, zone, true, days, &o) } else { o.append(ascii: "null") }
            o.append(ascii: ",\"status\":\"")
            o.append(code: k.state)
            o.append(ascii: "\"}")
        }
        o.append(0x5D)
    }

    /// JSON `null`; an empty CSV field.
    @inline(__always) private static func null(_ json: Bool, _ o: inout ByteWriter) {
        if json { o.append(ascii: "null") }
    }

    /// The default columns as CSV, field by field without the general writer's per-column
    /// dispatch (each append makes its own room).
    static func writeDefaultCSV(
        _ st: MessageStatus, _ e: ResolvedEngine, _ p: ParsedRow, delimiter d: UInt8, audit: Bool, formulaGuard: Bool,
        warnings: MessageWarnings = [], days: DayTexts, into sink: inout ByteSink
    ) {
        withUnsafePointer(to: st) {
            writeDefaultCSV(
                status: $0, e, p, delimiter: d, audit: audit, formulaGuard: formulaGuard, warnings: warnings,
                days: days, into: &sink)
        }
    }

    /// ``writeDefaultCSV(_:_:_:delimiter:audit:formulaGuard:warnings:days:into:)`` of the status at
    /// `st` (the worker's, written in place: half a kilobyte not copied per row).
    static func writeDefaultCSV(
        status st: UnsafePointer<MessageStatus>, _ e: ResolvedEngine, _ p: ParsedRow, delimiter d: UInt8,
        audit: Bool, formulaGuard: Bool, warnings: MessageWarnings = [], days: DayTexts, into sink: inout ByteSink
    ) {
        sink.withWriter { o in
            writeDefaultCSV(
                st, e, p, delimiter: d, audit: audit, formulaGuard: formulaGuard, warnings: warnings, days: days,
                into: &o)
        }
    }

    /// Writes the default columns (and the audit's when `audit`) as CSV (see above).
    private static func writeDefaultCSV(
        _ st: UnsafePointer<MessageStatus>, _ e: ResolvedEngine, _ p: ParsedRow, delimiter d: UInt8, audit: Bool,
        formulaGuard: Bool, warnings: MessageWarnings, days: DayTexts, into o: inout ByteWriter
    ) {
        // Fields are read through the pointer (`st.pointee.…`), never the whole status.
        ByteFormat.text(p.id, csvDelimiter: d, formulaGuard: formulaGuard, into: &o)
        ByteFormat.date(st.pointee.dueDate, days: days, after: d, into: &o)
        // The zone's last change, read once: a row's instants are nearly always after it (the
        // zone is not bound to a local: that copy retained its tables on every row).
        let last = e.engine.zone.lastChange
        @inline(__always) func instant(_ i: Instant) {
            let offset = i.secondsSinceEpoch >= last.seconds ? last.offset : e.engine.zone.offset(at: i)
            ByteFormat.instant(i, offset: offset, days: days, after: d, into: &o)
        }
        instant(st.pointee.due)
        instant(st.pointee.schedule.stageDue.moderation)
        instant(st.pointee.schedule.stageDue.coordination)
        instant(st.pointee.schedule.stageDue.execution)
        instant(st.pointee.schedule.stageDue.approval)
        instant(st.pointee.schedule.stageDue.finalApproval)
        o.append(d)
        if let stage = st.pointee.currentStage { o.append(code: stage) }
        if let stage = st.pointee.currentStage, let due = st.pointee.stages[stage].dwellDue {
            instant(due)
        } else {
            o.append(d)
        }
        o.append(d)
        o.append(code: st.pointee.state)
        ByteFormat.int(st.pointee.remainingMinutes, after: d, into: &o)
        ByteFormat.int(st.pointee.overdueMinutes, after: d, into: &o)
        o.append(d)
        if let roll = st.pointee.schedule.roll {
            o.append(label: roll)
            ByteFormat.date(roll.from, days: days, after: 0x3A, into: &o)
            ByteFormat.date(roll.to, days: days, after: 0x3E, into: &o)
        }
        // original_due, due_reason
        if let r = st.pointee.dueReason {
            instant(st.pointee.schedule.due)
            o.append(d)
            o.append(code: r)
        } else {
            o.append(d)
            o.append(d)
        }
        // next_control, next_control_due, overdue_controls, controls_overdue_count
        let c = st.pointee.controls
        if c.isEmpty {
            o.append(d)
            o.append(d)
            o.append(d)
            o.append(d)
            o.append(0x30)
        } else {
            o.append(d)
            if let n = c.next {
                o.append(code: n.kind)
                instant(n.deadline)
            } else {
                o.append(d)
            }
            o.append(d)
            let overdue = c.overdueCount
            if overdue > 0 { overdueCodes(c, quote: d == 0x3B && overdue > 1, &o) }
            ByteFormat.int(overdue, after: d, into: &o)
        }
        // warnings: empty for all but rows marked fast-track without a catalogue entry.
        o.append(d)
        if !warnings.isEmpty { warningCodes(warnings, delimiter: d, &o) }
        if audit {
            o.append(d)
            if let planned = p.posPlannedDate {
                let diff = planned.distance(to: st.pointee.dueDate)
                ByteFormat.date(planned, days: days, into: &o)
                ByteFormat.int(diff, after: d, into: &o)
                o.append(d)
                o.append(code: PlannedCheck(diffDays: diff))
            } else {
                o.append(d)
                o.append(d)
            }
        }
        o.append(0x0A)
    }
}

/// The audit of the platform's planned date against Srok's lawful due date.
public enum PlannedCheck: String, Sendable, CaseIterable {
    /// The same day.
    case agrees
    /// The platform's date is after the lawful one (Srok's date minus the platform's < 0).
    case platformLater = "platform-later"
    /// The platform's date is before the lawful one.
    case platformEarlier = "platform-earlier"

    /// The verdict in words: «совпадает», «у платформы позже», «у платформы раньше».
    public func text(_ lang: Language) -> String {
        switch (self, lang) {
        case (.agrees, .ru): "совпадает"
        case (.agrees, .en): "agrees"
        case (.platformLater, .ru): "у платформы позже"
        case (.platformLater, .en): "the platform's is later"
        case (.platformEarlier, .ru): "у платформы раньше"
        case (.platformEarlier, .en): "the platform's is earlier"
        }
    }

    /// The verdict for Srok's date minus the platform's, in days.
    @inline(__always) public init(diffDays: Int) {
        self = diffDays == 0 ? .agrees : diffDays < 0 ? .platformLater : .platformEarlier
    }
}
