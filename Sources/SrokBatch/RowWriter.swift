import SrokCore
/// Formats output rows: any selection of columns as CSV or JSON Lines, with a straight-line
/// path for the default CSV columns (the nightly job's shape).
enum RowWriter {
    /// Writes one output row.
    static func write(_ st: MessageStatus, _ e: BatchEvaluator.ResolvedEngine, _ p: ParsedRow, format: BatchFormat, days: DayTexts,
                      into o: inout ByteSink) {
        let zone = e.engine.zone
        let s = st.schedule
        let json: Bool
        let separator: UInt8
        if case .csv(let d) = format.output { json = false; separator = d } else { json = true; separator = 0x2C }
        let csvDelimiter: UInt8? = json ? nil : separator
        o.reserve(2)
        if json { o.append(0x7B) }
        for (k, c) in format.columns.enumerated() {
            // Room for the widest fixed field, a JSON key and the separators.
            o.reserve(80)
            if k > 0 { o.append(separator) }
            if json { o.append(0x22); o.append(c.rawValue); o.append(0x22); o.append(0x3A) }
            switch c {
            case .id: ByteFormat.text(p.id, csvDelimiter: csvDelimiter, into: &o)
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
                        o.reserve(1); o.append(0x3A); ByteFormat.date(roll.from, days: days, into: &o)
                        o.reserve(1); o.append(0x3E); ByteFormat.date(roll.to, days: days, into: &o)
                    }
                } else { null(json, &o) }
            case .term: quoted(json, &o) { ByteFormat.int(s.term.amount, into: &$0) }
            case .profile: ByteFormat.text(e.profile.id, csvDelimiter: csvDelimiter, into: &o)
            case .region: ByteFormat.text(e.engine.calendar.id, csvDelimiter: csvDelimiter, into: &o)
            case .tz: ByteFormat.text(zone.identifier, csvDelimiter: csvDelimiter, into: &o)
            case .registeredAt: instant(s.registered, zone, json, days, &o)
            case .provisional: if json { o.append(s.isProvisional ? "true" : "false") } else { o.append(s.isProvisional ? 0x31 : 0x30) }
            case .organisation: if let org = p.organisation { ByteFormat.text(org, csvDelimiter: csvDelimiter, into: &o) } else { null(json, &o) }
            }
        }
        o.reserve(2)
        if json { o.append(0x7D) }
        o.append(0x0A)
    }

    /// An instant, in quotes for JSON.
    @inline(__always) private static func instant(_ i: Instant, _ zone: ZoneRules, _ json: Bool, _ days: DayTexts, _ o: inout ByteSink) {
        if json { o.append(0x22) }
        ByteFormat.instant(i, zone: zone, days: days, into: &o)
        if json { o.reserve(1); o.append(0x22) }
    }

    /// A text value, in quotes for JSON.
    @inline(__always) private static func quoted(_ json: Bool, _ o: inout ByteSink, _ body: (inout ByteSink) -> Void) {
        if json { o.append(0x22) }
        body(&o)
        if json { o.reserve(1); o.append(0x22) }
    }

    /// JSON `null`; an empty CSV field.
    @inline(__always) private static func null(_ json: Bool, _ o: inout ByteSink) {
        if json { ByteFormat.ascii("null", into: &o) }
    }

    /// The default columns as CSV: one reservation, then raw stores through a cursor.
    static func writeDefaultCSV(_ st: MessageStatus, _ e: BatchEvaluator.ResolvedEngine, _ p: ParsedRow, delimiter d: UInt8,
                                days: DayTexts, into o: inout ByteSink) {
        let s = st.schedule
        ByteFormat.text(p.id, csvDelimiter: d, into: &o)
        // 13 separators, a date, 7 instants, a stage, a status, two integers, a roll and the line break.
        o.reserve(13 + 10 + 8 * 25 + 14 + 11 + 2 * 21 + 64 + 1)
        var q = o.tail
        let start = q
        q.storeBytes(of: d, as: UInt8.self); q += 1
        ByteFormat.date(s.dueDate, at: q, days: days); q += 10
        @inline(__always) func instant(_ i: Instant) {
            q.storeBytes(of: d, as: UInt8.self)
            ByteFormat.instant(i, offset: e.engine.zone.offset(at: i), at: q + 1, days: days)
            q += 26
        }
        instant(s.due)
        instant(s.stageDue.moderation); instant(s.stageDue.coordination); instant(s.stageDue.execution)
        instant(s.stageDue.approval); instant(s.stageDue.finalApproval)
        q.storeBytes(of: d, as: UInt8.self); q += 1
        if let stage = st.currentStage { q = put(stage.code, at: q) }
        q.storeBytes(of: d, as: UInt8.self); q += 1
        if let stage = st.currentStage, let due = st.stages[stage].dwellDue {
            ByteFormat.instant(due, offset: e.engine.zone.offset(at: due), at: q, days: days); q += 25
        }
        q.storeBytes(of: d, as: UInt8.self); q += 1
        q = put(st.state.rawValue, at: q)
        q.storeBytes(of: d, as: UInt8.self); q += 1
        q = ByteFormat.int(st.remainingMinutes, at: q)
        q.storeBytes(of: d, as: UInt8.self); q += 1
        q = ByteFormat.int(st.overdueMinutes, at: q)
        q.storeBytes(of: d, as: UInt8.self); q += 1
        if let roll = s.roll {
            q = put(roll.label, at: q)
            q.storeBytes(of: 0x3A, as: UInt8.self); q += 1
            ByteFormat.date(roll.from, at: q, days: days); q += 10
            q.storeBytes(of: 0x3E, as: UInt8.self); q += 1
            ByteFormat.date(roll.to, at: q, days: days); q += 10
        }
        q.storeBytes(of: 0x0A, as: UInt8.self); q += 1
        o.advance(start.distance(to: q))
    }

    /// The UTF-8 of `s` at `q`; returns the position after it (the room must be reserved).
    @inline(__always) private static func put(_ s: String, at q: UnsafeMutableRawPointer) -> UnsafeMutableRawPointer {
        var s = s
        return s.withUTF8 { u in
            q.copyMemory(from: u.baseAddress!, byteCount: u.count)
            return q + u.count
        }
    }
}
