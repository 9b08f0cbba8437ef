/// A rejected input row.
public struct RejectedRow: Sendable, Hashable {
    /// 1-based line of the input where the row starts (the header is line 1).
    public var line: Int
    /// The row's id, when it could be read.
    public var id: String?
    /// The column.
    public var column: String
    /// The value.
    public var value: String
    /// What was wrong and what is accepted.
    public var reason: String
}

/// The input and output formats of a batch.
public struct BatchFormat: Sendable {
    /// The input format.
    public enum Input: Sendable, Equatable {
        /// CSV with this delimiter.
        case csv(delimiter: UInt8)
        /// JSON Lines.
        case jsonl
    }
    /// The output format.
    public enum Output: Sendable, Equatable {
        /// CSV with this delimiter.
        case csv(delimiter: UInt8)
        /// JSON Lines.
        case jsonl
    }
    /// Input.
    public var input: Input
    /// Output.
    public var output: Output
    /// Output columns in order.
    public var columns: [OutputColumn]
}

/// What one segment of input produced (its output rows go to the task's buffer).
struct SegmentResult: Sendable {
    var rejects: [RejectedRow] = []
    var stats = BatchStats()
    /// Line breaks in the segment (to number the next segment's lines).
    var lines = 0
}

/// Processes segments of input: tokenizes, evaluates, formats. One per thread; reused across
/// chunks so its buffers stay warm. A non-copyable struct reached through a pointer (see
/// ``WorkerSlots``), so its hot state needs no dynamic exclusivity checks.
struct BatchWorker: ~Copyable {
    let evaluator: BatchEvaluator
    let format: BatchFormat
    let schema: InputSchema?
    var tokenizer: CSVTokenizer
    var json = JSONLineReader()
    var fields = RowFields()
    /// Input field index → column slot in `fields`.
    let slotOfField: [Int?]

    init(evaluator: BatchEvaluator, format: BatchFormat, schema: InputSchema?, headers: [String]) {
        self.evaluator = evaluator; self.format = format; self.schema = schema
        if case .csv(let d) = format.input { tokenizer = CSVTokenizer(delimiter: d) } else { tokenizer = CSVTokenizer(delimiter: 0x2C) }
        var slots: [Int?] = Array(repeating: nil, count: schema?.fieldCount ?? 0)
        if let schema {
            for (c, i) in schema.index { slots[i] = c.slot; fields.names[c.slot] = headers[i] }
        }
        slotOfField = slots
    }

    /// Processes `b` (whole records) into `out` (emptied first); rejects are numbered relative to
    /// the segment (1 = its first line).
    mutating func process(_ b: UnsafeBufferPointer<UInt8>, into out: inout ByteSink) -> SegmentResult {
        var r = SegmentResult()
        out.removeAll()
        var i = 0
        var line = 1
        while i < b.count {
            let startLine = line
            let recordStart = i
            switch format.input {
            case .jsonl:
                var j = i
                while j < b.count, b[j] != 0x0A { j += 1 }
                let lineBytes = UnsafeBufferPointer(rebasing: b[i..<j])
                i = j < b.count ? j + 1 : j
                line += 1
                if lineBytes.allSatisfy({ $0 == 0x20 || $0 == 0x0D || $0 == 0x09 }) { continue }
                r.stats.read += 1
                guard UTF8Check.isValid(lineBytes) else { reject(&r, startLine, nil, "row", "", "invalid UTF-8 in the line"); continue }
                do { try json.read(lineBytes, into: &fields) } catch {
                    if case .syntax(let why) = error { reject(&r, startLine, nil, "row", String(decoding: lineBytes.prefix(80), as: UTF8.self), "not a JSON object: \(why)") }
                    continue
                }
                json.scratch.withUnsafeBufferPointer { evaluate(&r, startLine, bytes: $0, into: &out) }
            case .csv:
                let outcome = tokenizer.read(b, from: i, end: b.count)
                switch outcome {
                case let .record(next, lines):
                    i = next; line += lines
                    if tokenizer.count == 1, tokenizer.ends[0] == 0 { continue }   // an empty line
                    r.stats.read += 1
                    guard tokenizer.count == schema!.fieldCount else {
                        if lines > 1 {
                            // A quote that opened a field and closed lines later, giving a ragged record.
                            rejectUnbalanced(&r, startLine, b, recordStart, &i, &line)
                        } else {
                            reject(&r, startLine, nil, "row", "", "ragged row: \(tokenizer.count) fields, the header has \(schema!.fieldCount)")
                        }
                        continue
                    }
                    let record = tokenizer.record
                    if !UTF8Check.isValid(record) {
                        var bad = "row"
                        for k in 0..<tokenizer.count where !UTF8Check.isValid(UnsafeBufferPointer(rebasing: record[tokenizer.range(k)])) {
                            bad = slotOfField[k].map { fields.names[$0] } ?? "field \(k + 1)"; break
                        }
                        reject(&r, startLine, nil, bad, "", "invalid UTF-8 (the input must be UTF-8)")
                        continue
                    }
                    fields.clear()
                    for k in 0..<tokenizer.count { if let s = slotOfField[k] { fields[s] = tokenizer.range(k) } }
                    evaluate(&r, startLine, bytes: record, into: &out)
                case let .unbalancedQuote(next):
                    r.stats.read += 1
                    reject(&r, startLine, nil, "row", "", "unbalanced quote: a quoted field is never closed")
                    i = next; line += 1
                case let .junkAfterQuote(next, lines):
                    r.stats.read += 1
                    if lines > 1 {
                        // The quote that "closed" was on a later line.
                        rejectUnbalanced(&r, startLine, b, recordStart, &i, &line)
                    } else {
                        reject(&r, startLine, nil, "row", "", "text after a closing quote (a quote inside a field must be doubled: \"\")")
                        i = next; line += lines
                    }
                }
            }
        }
        r.lines = line - 1
        return r
    }

    /// A record that went wrong after running over line breaks: its first line had an
    /// unbalanced quote. Reject that line and read on from the next one, so that no good row after
    /// it is lost.
    private mutating func rejectUnbalanced(_ r: inout SegmentResult, _ startLine: Int, _ b: UnsafeBufferPointer<UInt8>,
                                           _ recordStart: Int, _ i: inout Int, _ line: inout Int) {
        reject(&r, startLine, nil, "row", "", "unbalanced quote: a quoted field opened on this line is not closed on it")
        i = tokenizer.nextLine(b, after: recordStart, end: b.count)
        line = startLine + 1
    }

    private mutating func reject(_ r: inout SegmentResult, _ line: Int, _ id: String?, _ column: String, _ value: String, _ reason: String) {
        r.stats.rejected += 1
        r.rejects.append(RejectedRow(line: line, id: id, column: column, value: value, reason: reason))
    }

    /// Reused for every row (its arrays keep their storage).
    private var history = MessageHistory(registered: Instant(secondsSinceEpoch: 0))

    private mutating func evaluate(_ r: inout SegmentResult, _ line: Int, bytes: UnsafeBufferPointer<UInt8>, into out: inout ByteSink) {
        let p: ParsedRow
        do { p = try RowParser.parse(fields, bytes: bytes) } catch {
            reject(&r, line, idText(bytes), error.column, error.value, error.reason); return
        }
        let status: MessageStatus
        let engine: BatchEvaluator.ResolvedEngine
        do {
            engine = try resolveEngine(p)
            status = try evaluator.evaluate(registered: p.registered, term: try resolveTerm(p, engine), termFromDays: p.termDays != nil,
                                            regime: p.regime, stage: p.stage, stageEnteredAt: p.stageEnteredAt,
                                            postponedUntil: p.postponedUntil, extensionDays: p.extensionDays, closedAt: p.closedAt,
                                            engine: engine, history: &history)
        } catch {
            reject(&r, line, String(decoding: p.id, as: UTF8.self), error.column, error.value, error.reason); return
        }
        let organisation = p.organisation.map { String(decoding: $0, as: UTF8.self) }
        r.stats.count(status, profile: engine.profile.id, organisation: organisation)
        Self.write(status, engine, p, format: format, into: &out)
    }

    /// Engines by the bytes of (profile, region, tz): no strings, no lock per row.
    private var engines = ByteKeyCache<BatchEvaluator.ResolvedEngine>()
    /// Terms by the bytes of (profile, category, subcategory).
    private var terms = ByteKeyCache<Term>()

    private mutating func resolveEngine(_ p: ParsedRow) throws(BatchRowError) -> BatchEvaluator.ResolvedEngine {
        if let e = engines.get(p.profile, p.region, p.tz) { return e }
        func text(_ b: UnsafeBufferPointer<UInt8>?) -> String? { b.map { String(decoding: $0, as: UTF8.self) } }
        let e = try evaluator.engine(profile: text(p.profile), region: text(p.region), tz: text(p.tz))
        engines.set(p.profile, p.region, p.tz, e)
        return e
    }

    private mutating func resolveTerm(_ p: ParsedRow, _ e: BatchEvaluator.ResolvedEngine) throws(BatchRowError) -> Term {
        if p.termDays != nil || p.fastTrackDays != nil || p.category == nil {
            return try BatchEvaluator.term(termDays: p.termDays, fastTrackDays: p.fastTrackDays, category: nil, subcategory: nil, profile: e.profile)
        }
        if let t = terms.get(p.profile, p.category, p.subcategory) { return t }
        let t = try BatchEvaluator.term(termDays: nil, fastTrackDays: nil,
                                        category: p.category.map { String(decoding: $0, as: UTF8.self) },
                                        subcategory: p.subcategory.map { String(decoding: $0, as: UTF8.self) }, profile: e.profile,
                                        strict: evaluator.defaults.strictCategories)
        terms.set(p.profile, p.category, p.subcategory, t)
        return t
    }

    private func idText(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard let range = fields[InputColumn.id.slot], !range.isEmpty else { return nil }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    /// Writes one output row.
    private static func write(_ st: MessageStatus, _ e: BatchEvaluator.ResolvedEngine, _ p: ParsedRow, format: BatchFormat, into o: inout ByteSink) {
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
            case .dueDate: quoted(json, &o) { ByteFormat.date(s.dueDate, into: &$0) }
            case .due: instant(s.due, zone, json, &o)
            case .moderationDue: instant(s.stageDue.moderation, zone, json, &o)
            case .coordinationDue: instant(s.stageDue.coordination, zone, json, &o)
            case .executionDue: instant(s.stageDue.execution, zone, json, &o)
            case .approvalDue: instant(s.stageDue.approval, zone, json, &o)
            case .finalApprovalDue: instant(s.stageDue.finalApproval, zone, json, &o)
            case .stage: if let stage = st.currentStage { quoted(json, &o) { $0.append(stage.code) } } else { null(json, &o) }
            case .stageDue:
                if let stage = st.currentStage, let d = st.stages[stage].dwellDue { instant(d, zone, json, &o) } else { null(json, &o) }
            case .stageStatus: if let stage = st.currentStage { quoted(json, &o) { $0.append(st.stages[stage].state.rawValue) } } else { null(json, &o) }
            case .stageUsedMinutes: if let stage = st.currentStage { ByteFormat.int(st.stages[stage].usedMinutes, into: &o) } else { null(json, &o) }
            case .status: quoted(json, &o) { $0.append(st.state.rawValue) }
            case .remainingMinutes: ByteFormat.int(st.remainingMinutes, into: &o)
            case .overdueMinutes: ByteFormat.int(st.overdueMinutes, into: &o)
            case .rolled:
                if let roll = s.roll {
                    quoted(json, &o) { o in
                        o.append(roll.reversed ? "following(reversed)" : roll.convention.rawValue)
                        o.reserve(1); o.append(0x3A); ByteFormat.date(roll.from, into: &o)
                        o.reserve(1); o.append(0x3E); ByteFormat.date(roll.to, into: &o)
                    }
                } else { null(json, &o) }
            case .term: quoted(json, &o) { ByteFormat.int(s.term.amount, into: &$0) }
            case .profile: ByteFormat.text(e.profile.id, csvDelimiter: csvDelimiter, into: &o)
            case .region: ByteFormat.text(e.engine.calendar.id, csvDelimiter: csvDelimiter, into: &o)
            case .tz: ByteFormat.text(zone.identifier, csvDelimiter: csvDelimiter, into: &o)
            case .registeredAt: instant(s.registered, zone, json, &o)
            case .provisional: if json { o.append(s.isProvisional ? "true" : "false") } else { o.append(s.isProvisional ? 0x31 : 0x30) }
            case .organisation: if let org = p.organisation { ByteFormat.text(org, csvDelimiter: csvDelimiter, into: &o) } else { null(json, &o) }
            }
        }
        o.reserve(2)
        if json { o.append(0x7D) }
        o.append(0x0A)
    }

    /// An instant, in quotes for JSON.
    @inline(__always) private static func instant(_ i: Instant, _ zone: ZoneRules, _ json: Bool, _ o: inout ByteSink) {
        if json { o.append(0x22) }
        ByteFormat.instant(i, zone: zone, into: &o)
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
}
