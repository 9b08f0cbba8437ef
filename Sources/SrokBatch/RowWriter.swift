import SrokCore
/// Formats output rows: any selection of columns as CSV or JSON Lines, with a straight-line
/// path for the default CSV columns (the nightly job's shape). The texts that come from the
/// input (id, organisation) go through ``FormulaGuard`` in CSV; computed values never do.
enum RowWriter {
    /// Writes one output row.
    static func write(_ st: MessageStatus, _ e: ResolvedEngine, _ p: ParsedRow, format: BatchFormat, days: DayTexts,
                      into sink: inout ByteSink) {
        sink.withWriter { o in write(st, e, p, format: format, days: days, into: &o) }
    }

    /// Writes one output row (see above).
    private static func write(_ st: MessageStatus, _ e: ResolvedEngine, _ p: ParsedRow, format: BatchFormat, days: DayTexts,
                              into o: inout ByteWriter) {
        let zone = e.engine.zone
        let s = st.schedule
        let json: Bool
        let separator: UInt8
        if case .csv(let d) = format.output { json = false; separator = d } else { json = true; separator = 0x2C }
        let csvDelimiter: UInt8? = json ? nil : separator
        if json { o.append(0x7B) }
        for (k, c) in format.columns.enumerated() {
            if k > 0 { o.append(separator) }
            if json { o.append(0x22); o.append(c.rawValue); o.append(0x22); o.append(0x3A) }
            switch c {
            case .id: ByteFormat.text(p.id, csvDelimiter: csvDelimiter, formulaGuard: format.formulaEscape, into: &o)
            case .dueDate: quoted(json, &o) { ByteFormat.date(s.dueDate, days: days, into: &$0) }
            case .due: instant(s.due, zone, json, days, &o)
            case .moderationDue: instant(s.stageDue.moderation, zone, json, days, &o)
            case .coordinationDue: instant(s.stageDue.coordination, zone, json, days, &o)
            case .executionDue: instant(s.stageDue.execution, zone, json, days, &o)
            case .approvalDue: instant(s.stageDue.approval, zone, json, days, &o)
            case .finalApprovalDue: instant(s.stageDue.finalApproval, zone, json, days, &o)
            case .stage: if let stage = st.currentStage { quoted(json, &o) { $0.append(stage.code) } } else { null(json, &o) }
            case .stageDue:
                if let stage = st.currentStage, let d = st.stages[stage].dwellDue { instant(d, zone, json, days, &o) } else { null(json, &o) }
            case .stageStatus: if let stage = st.currentStage { quoted(json, &o) { $0.append(st.stages[stage].state.rawValue) } } else { null(json, &o) }
            case .stageUsedMinutes: if let stage = st.currentStage { ByteFormat.int(st.stages[stage].usedMinutes, into: &o) } else { null(json, &o) }
            case .status: quoted(json, &o) { $0.append(st.state.rawValue) }
            case .remainingMinutes: ByteFormat.int(st.remainingMinutes, into: &o)
            case .overdueMinutes: ByteFormat.int(st.overdueMinutes, into: &o)
            case .rolled:
                if let roll = s.roll {
                    quoted(json, &o) { o in
                        o.append(roll.label)
                        o.append(0x3A); ByteFormat.date(roll.from, days: days, into: &o)
                        o.append(0x3E); ByteFormat.date(roll.to, days: days, into: &o)
                    }
                } else { null(json, &o) }
            case .term: quoted(json, &o) { ByteFormat.int(s.term.amount, into: &$0) }
            case .profile: ByteFormat.text(e.profile.id, csvDelimiter: csvDelimiter, into: &o)
            case .region: ByteFormat.text(e.engine.calendar.id, csvDelimiter: csvDelimiter, into: &o)
            case .tz: ByteFormat.text(zone.identifier, csvDelimiter: csvDelimiter, into: &o)
            case .registeredAt: instant(s.registered, zone, json, days, &o)
            case .provisional: if json { o.append(s.isProvisional ? "true" : "false") } else { o.append(s.isProvisional ? 0x31 : 0x30) }
            case .organisation:
                if let org = p.organisation { ByteFormat.text(org, csvDelimiter: csvDelimiter, formulaGuard: format.formulaEscape, into: &o) } else { null(json, &o) }
            }
        }
        if json { o.append(0x7D) }
        o.append(0x0A)
    }

    /// An instant, in quotes for JSON.
    @inline(__always) private static func instant(_ i: Instant, _ zone: ZoneRules, _ json: Bool, _ days: DayTexts, _ o: inout ByteWriter) {
        if json { o.append(0x22) }
        ByteFormat.instant(i, zone: zone, days: days, into: &o)
        if json { o.append(0x22) }
    }

    /// A text value, in quotes for JSON.
    @inline(__always) private static func quoted(_ json: Bool, _ o: inout ByteWriter, _ body: (inout ByteWriter) -> Void) {
        if json { o.append(0x22) }
        body(&o)
        if json { o.append(0x22) }
    }

    /// JSON `null`; an empty CSV field.
    @inline(__always) private static func null(_ json: Bool, _ o: inout ByteWriter) {
        if json { o.append(ascii: "null") }
    }

    /// The default columns as CSV, field by field without the general writer's per-column
    /// dispatch (each append makes its own room).
    static func writeDefaultCSV(_ st: MessageStatus, _ e: ResolvedEngine, _ p: ParsedRow, delimiter d: UInt8, formulaGuard: Bool,
                                days: DayTexts, into sink: inout ByteSink) {
        sink.withWriter { o in writeDefaultCSV(st, e, p, delimiter: d, formulaGuard: formulaGuard, days: days, into: &o) }
    }

    /// Writes the default columns as CSV (see above).
    private static func writeDefaultCSV(_ st: MessageStatus, _ e: ResolvedEngine, _ p: ParsedRow, delimiter d: UInt8, formulaGuard: Bool,
                                        days: DayTexts, into o: inout ByteWriter) {
        let s = st.schedule
        ByteFormat.text(p.id, csvDelimiter: d, formulaGuard: formulaGuard, into: &o)
        ByteFormat.date(s.dueDate, days: days, after: d, into: &o)
        @inline(__always) func instant(_ i: Instant) {
            ByteFormat.instant(i, offset: e.engine.zone.offset(at: i), days: days, after: d, into: &o)
        }
        instant(s.due)
        instant(s.stageDue.moderation); instant(s.stageDue.coordination); instant(s.stageDue.execution)
        instant(s.stageDue.approval); instant(s.stageDue.finalApproval)
        o.append(d)
        if let stage = st.currentStage { o.append(stage.code) }
        if let stage = st.currentStage, let due = st.stages[stage].dwellDue { instant(due) } else { o.append(d) }
        o.append(d)
        o.append(st.state.rawValue)
        ByteFormat.int(st.remainingMinutes, after: d, into: &o)
        ByteFormat.int(st.overdueMinutes, after: d, into: &o)
        o.append(d)
        if let roll = s.roll {
            o.append(roll.label)
            ByteFormat.date(roll.from, days: days, after: 0x3A, into: &o)
            ByteFormat.date(roll.to, days: days, after: 0x3E, into: &o)
        }
        o.append(0x0A)
    }
}
