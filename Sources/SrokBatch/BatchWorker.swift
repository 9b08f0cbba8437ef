import SrokCore

/// A rejected input row.
struct RejectedRow: Sendable, Hashable {
    /// 1-based line of the input where the row starts (the header is line 1).
    var line: Int
    /// The row's id, when it could be read.
    var id: String?
    /// The column.
    var column: String
    /// The value.
    var value: String
    /// What was wrong and what is accepted.
    var reason: String
}

/// The input and output formats of a batch.
struct BatchFormat: Sendable {
    /// The input format.
    enum Input: Sendable, Equatable {
        /// CSV with this delimiter.
        case csv(delimiter: UInt8)
        /// JSON Lines.
        case jsonl
    }
    /// The output format.
    enum Output: Sendable, Equatable {
        /// CSV with this delimiter.
        case csv(delimiter: UInt8)
        /// JSON Lines.
        case jsonl
        /// Encoded rows of an Excel report (``XLSXRowEncoding``), written by ``XLSXReportSink``.
        case xlsx
    }
    /// Input.
    var input: Input
    /// Output.
    var output: Output
    /// Output columns in order.
    var columns: [OutputColumn]
    /// The longest record read (``BatchRunOptions/maxRecordBytes``).
    var maxRecordBytes = BatchLimits.defaultMaxRecordBytes
    /// Whether input text in CSV output and in the rejects is guarded (``FormulaGuard``).
    var formulaEscape = true
    /// The language of reject reasons and of the `*_text` columns.
    var language = Language.ru
    /// The words of an Excel report's cells (output ``Output/xlsx``).
    var reportTexts = XLSXReportTexts(.ru)
    /// The delimiter when the output is CSV with the default columns (written by a straight-line path).
    var defaultCSVDelimiter: UInt8? { defaultCSV?.delimiter }
    /// The delimiter when the output is CSV with the default columns, with or without the audit's
    /// (written by a straight-line path).
    var defaultCSV: (delimiter: UInt8, audit: Bool)? {
        guard case .csv(let d) = output else { return nil }
        if columns == OutputColumn.defaults { return (d, false) }
        if columns == OutputColumn.defaults + OutputColumn.audit { return (d, true) }
        return nil
    }
}

/// What one segment of input produced (its output rows go to the task's buffer).
struct SegmentResult: Sendable {
    var rejects: [RejectedRow] = []
    var stats = BatchStats()
    /// Line breaks in the segment (to number the next segment's lines).
    var lines = 0
}

/// Processes segments of input: tokenizes, evaluates, formats. One per worker thread, a local of
/// the thread's loop (see ``WorkerPool``), reused across blocks so its caches stay warm; a
/// non-copyable struct, so its hot state needs no dynamic exclusivity checks.
struct BatchWorker: ~Copyable {
    let evaluator: BatchEvaluator
    let format: BatchFormat
    let schema: InputSchema?
    var tokenizer: CSVTokenizer
    var json = JSONLineReader()
    var fields = RowFields()
    /// Counts of the rows written in the current segment.
    var counters = RowCounters()
    /// Input field index → column slot in `fields`.
    let slotOfField: [Int?]
    /// The input fields that hold a known column, with the column's slot in `fields`.
    let knownFields: [(field: Int, slot: Int)]
    /// `evaluator.resolver`, unretained (the evaluator owns it): borrowed per row without
    /// reference counting.
    let resolver: Unmanaged<MessageResolver>
    /// See ``BatchFormat/defaultCSV``.
    let defaultCSV: (delimiter: UInt8, audit: Bool)?
    /// The day texts for dates in the output (fetched once: no lazy-initialisation check per date).
    let days = DayTexts.shared
    /// The evaluator's as-of instant, read once (the evaluator is shared by the workers).
    let asOf: Instant

    init(evaluator: BatchEvaluator, format: BatchFormat, schema: InputSchema?, headers: [String]) {
        self.evaluator = evaluator
        resolver = Unmanaged.passUnretained(evaluator.resolver)
        self.format = format
        self.schema = schema
        if case .csv(let d) = format.input {
            tokenizer = CSVTokenizer(delimiter: d)
        } else {
            tokenizer = CSVTokenizer(delimiter: 0x2C)
        }
        var slots: [Int?] = Array(repeating: nil, count: schema?.fieldCount ?? 0)
        if let schema {
            for (c, i) in schema.index {
                slots[i] = c.slot
                fields.names[c.slot] = headers[i]
            }
        }
        slotOfField = slots
        knownFields = slots.enumerated().compactMap { k, slot in slot.map { (k, $0) } }
        defaultCSV = format.defaultCSV
        asOf = evaluator.asOf
    }

    /// Processes `b` (whole records) into `out` (emptied first); rejects are numbered relative to
    /// the segment (1 = its first line, or the first line of `skipped`, a record the reader
    /// skipped just before it).
    mutating func process(_ b: UnsafeBufferPointer<UInt8>, skipped: SkippedRecord? = nil, into out: inout ByteSink)
        -> SegmentResult
    {
        var r = SegmentResult()
        out.removeAll()
        var i = 0
        var line = 1
        let maxRecord = format.maxRecordBytes
        if let s = skipped {
            r.stats.read += 1
            reject(
                &r, 1, nil, "row", s.preview,
                OversizedRecord.reason(bytes: s.bytes, unclosedQuote: s.unclosedQuote, limit: maxRecord))
            line += s.lines
        }
        // The ends of rejected multi-line records whose lines are being read again: reading stays
        // inside them, so that what a segment yields never depends on where the segment ends.
        var limits: [Int] = []
        while i < b.count {
            while let l = limits.last, i >= l { limits.removeLast() }
            let end = limits.last ?? b.count
            let startLine = line
            let recordStart = i
            switch format.input {
            case .jsonl:
                var j = i
                while j < b.count, b[j] != LineEnds.lf, b[j] != LineEnds.cr { j += 1 }
                let lineBytes = UnsafeBufferPointer(rebasing: b[i..<j])
                i = j < b.count ? LineEnds.next(b, after: j, end: b.count) : j
                line += 1
                if i - recordStart > maxRecord {
                    rejectOversized(&r, startLine, b, recordStart, i, unclosedQuote: false)
                    continue
                }
                if lineBytes.allSatisfy({ $0 == 0x20 || $0 == 0x0D || $0 == 0x09 }) { continue }
                r.stats.read += 1
                guard UTF8Check.isValid(lineBytes) else {
                    reject(
                        &r, startLine, nil, "row", "",
                        LocalizedText(ru: "в строке недопустимый UTF-8", en: "invalid UTF-8 in the line"))
                    continue
                }
                do { try json.read(lineBytes, into: &fields) } catch {
                    switch error {
                    case .syntax(let why):
                        reject(
                            &r, startLine, nil, "row", String(decoding: lineBytes.prefix(80), as: UTF8.self),
                            LocalizedText(ru: "не объект JSON: ", en: "not a JSON object: ") + why)
                    case .type(let key, let value, let why): reject(&r, startLine, nil, key, value, why)
                    }
                    continue
                }
                json.scratch.withUnsafeBufferPointer { evaluate(&r, startLine, bytes: $0, into: &out) }
            case .csv:
                let outcome = tokenizer.read(b, from: i, end: end)
                switch outcome {
                case .record(let next, let lines):
                    i = next
                    line += lines
                    if next - recordStart > maxRecord {
                        rejectOversized(&r, startLine, b, recordStart, next, unclosedQuote: false)
                        continue
                    }
                    if tokenizer.count == 1, tokenizer.ends[0] == 0 { continue }  // an empty line
                    r.stats.read += 1
                    guard tokenizer.count == schema!.fieldCount else {
                        if lines > 1 {
                            // A quote that opened a field and closed lines later, giving a ragged record.
                            limits.append(next)
                            rejectUnbalanced(&r, startLine, b, recordStart, &i, &line)
                        } else {
                            reject(
                                &r, startLine, nil, "row", "",
                                LocalizedText(
                                    ru: "неровная строка: полей \(tokenizer.count), в заголовке \(schema!.fieldCount)",
                                    en: "ragged row: \(tokenizer.count) fields, the header has \(schema!.fieldCount)"))
                        }
                        continue
                    }
                    let record = tokenizer.record
                    if !tokenizer.isASCII && !UTF8Check.isValid(record) {
                        var bad = "row"
                        for k in 0..<tokenizer.count
                        where !UTF8Check.isValid(UnsafeBufferPointer(rebasing: record[tokenizer.range(k)])) {
                            bad = slotOfField[k].map { fields.names[$0] } ?? "field \(k + 1)"
                            break
                        }
                        reject(
                            &r, startLine, nil, bad, "",
                            LocalizedText(
                                ru:
                                    "недопустимый UTF-8 (вход прочитан как UTF-8; для текста в Windows-1251 или UTF-16 укажите --encoding)",
                                en:
                                    "invalid UTF-8 (the input was read as UTF-8; for Windows-1251 or UTF-16 text give --encoding)"
                            ))
                        continue
                    }
                    // Every known column is set on every row (a row with another number of fields
                    // is rejected above): nothing of an earlier row is left, no clearing needed.
                    let ends = tokenizer.ends.base
                    for (k, slot) in knownFields { fields[slot] = Range(uncheckedBounds: (ends[k &- 1] &+ 1, ends[k])) }
                    evaluate(&r, startLine, bytes: record, into: &out)
                case .unbalancedQuote(let next):
                    if end - recordStart > maxRecord {
                        // The record runs to the end of the input (where the planner put it):
                        // one reject, as when the reader skips it (``SkippedRecord``).
                        i = end
                        line += LineEnds.count(b, from: recordStart, to: end)
                        rejectOversized(&r, startLine, b, recordStart, end, unclosedQuote: true)
                        continue
                    }
                    r.stats.read += 1
                    reject(
                        &r, startLine, nil, "row", "",
                        LocalizedText(
                            ru: "непарная кавычка: поле в кавычках не закрыто",
                            en: "unbalanced quote: a quoted field is never closed"))
                    i = next
                    line += 1
                case .junkAfterQuote(let next, let lines):
                    if next - recordStart > maxRecord {
                        i = next
                        line += lines
                        rejectOversized(&r, startLine, b, recordStart, next, unclosedQuote: false)
                        continue
                    }
                    r.stats.read += 1
                    if lines > 1 {
                        // The quote that "closed" was on a later line.
                        limits.append(next)
                        rejectUnbalanced(&r, startLine, b, recordStart, &i, &line)
                    } else {
                        reject(
                            &r, startLine, nil, "row", "",
                            LocalizedText(
                                ru: "текст после закрывающей кавычки (кавычку внутри поля нужно удвоить: \"\")",
                                en: "text after a closing quote (a quote inside a field must be doubled: \"\")"))
                        i = next
                        line += lines
                    }
                }
            }
        }
        r.lines = line - 1
        counters.fold(into: &r.stats, profileName: evaluator.resolver.profileName)
        return r
    }

    /// A record that went wrong after running over line breaks: its first line had an
    /// unbalanced quote. Reject that line and read on from the next one, so that no good row after
    /// it is lost (the caller keeps that reading inside the record's own end).
    private mutating func rejectUnbalanced(
        _ r: inout SegmentResult, _ startLine: Int, _ b: UnsafeBufferPointer<UInt8>,
        _ recordStart: Int, _ i: inout Int, _ line: inout Int
    ) {
        reject(
            &r, startLine, nil, "row", "",
            LocalizedText(
                ru: "непарная кавычка: поле в кавычках, открытое в этой строке, в ней не закрыто",
                en: "unbalanced quote: a quoted field opened on this line is not closed on it"))
        i = tokenizer.nextLine(b, after: recordStart, end: b.count)
        line = startLine + 1
    }

    /// A record longer than the limit, `b[start..<end]`: one reject (see ``OversizedRecord``).
    private mutating func rejectOversized(
        _ r: inout SegmentResult, _ line: Int, _ b: UnsafeBufferPointer<UInt8>,
        _ start: Int, _ end: Int, unclosedQuote: Bool
    ) {
        r.stats.read += 1
        reject(
            &r, line, nil, "row", OversizedRecord.preview(UnsafeBufferPointer(rebasing: b[start..<end])),
            OversizedRecord.reason(bytes: end - start, unclosedQuote: unclosedQuote, limit: format.maxRecordBytes))
    }

    /// Records a rejected row with the reason in the run's language.
    private mutating func reject(
        _ r: inout SegmentResult, _ line: Int, _ id: String?, _ column: String, _ value: String,
        _ reason: LocalizedText
    ) {
        reject(&r, line, id, column, value, reason: reason(format.language))
    }

    /// Records a rejected row for the resolver's error, its message rendered in the run's language
    /// only (a row with a bad value costs one message, not two), and once for a run of rows with
    /// the same error (the last one's rendering is kept).
    private mutating func reject(
        _ r: inout SegmentResult, _ line: Int, _ id: String?, _ column: String, _ value: String, _ error: SrokError
    ) {
        let reason: String
        if let last = lastRefusal, last.error == error {
            reason = last.reason
        } else {
            reason = error.message(format.language)
            lastRefusal = (error, reason)
        }
        reject(&r, line, id, column, value, reason: reason)
    }

    /// The last resolver's error rejected and its message.
    private var lastRefusal: (error: SrokError, reason: String)?

    /// Records a rejected row, its texts as the input had them (the rejects file guards them,
    /// ``FormulaGuard``; the Excel report's sheet of rejected rows shows them as they are).
    private mutating func reject(
        _ r: inout SegmentResult, _ line: Int, _ id: String?, _ column: String, _ value: String, reason: String
    ) {
        r.stats.rejected += 1
        r.rejects.append(RejectedRow(line: line, id: id, column: column, value: value, reason: reason))
    }

    /// Reused for every row (its arrays keep their storage).
    private var history = MessageHistory(registered: Instant(secondsSinceEpoch: 0))
    /// The row's status, written in place for every row and read in place by the counters and
    /// the writer (half a kilobyte: a stored property passed on was copied twice per row).
    private let status: UnsafeMutablePointer<MessageStatus> = {
        let p = UnsafeMutablePointer<MessageStatus>.allocate(capacity: 1)
        p.initialize(to: .placeholder)
        return p
    }()

    deinit {
        status.deinitialize(count: 1)
        status.deallocate()
    }

    private mutating func evaluate(
        _ r: inout SegmentResult, _ line: Int, bytes: UnsafeBufferPointer<UInt8>, into out: inout ByteSink
    ) {
        let p: ParsedRow
        do { p = try RowParser.parse(fields, bytes: bytes) } catch {
            reject(&r, line, idText(bytes), error.column, error.value, error.reason)
            return
        }
        let engine: Unmanaged<ResolvedEngine>
        do { engine = try resolveEngine(p) } catch {
            rejectUnresolved(&r, line, p, bytes: bytes, error)
            return
        }
        // The engine is kept alive by `ownedEngines`, the resolver by `evaluator`: both borrowed
        // for the row, no reference counting.
        engine._withUnsafeGuaranteedRef { e in
            resolver._withUnsafeGuaranteedRef {
                evaluate(&r, line, p, bytes: bytes, engine: e, resolver: $0, into: &out)
            }
        }
    }

    /// Evaluates and writes a parsed row with its engine.
    private mutating func evaluate(
        _ r: inout SegmentResult, _ line: Int, _ p: ParsedRow, bytes: UnsafeBufferPointer<UInt8>,
        engine: ResolvedEngine, resolver: MessageResolver, into out: inout ByteSink
    ) {
        // Everything for a computed row stays inside the `do`: the status is then built where it is
        // used (assigning it to a variable declared outside copied it once more per row).
        do {
            let term = try resolveTerm(p, engine)
            // The row's facts; the resolver sets the rest and applies the profile's rules (controls,
            // the limit of «Отложено», the reason of «Отклонено»). Fields that stay empty row after
            // row are not assigned again (no release of the old value).
            // Emptied only when not empty: on the shared empty array, removeAll(keepingCapacity:)
            // goes through replaceSubrange and asks for a new buffer on every row.
            if !history.postponements.isEmpty { history.postponements.removeAll(keepingCapacity: true) }
            RowParser.postponements(p.postponements, into: &history.postponements)
            history.extensionDays = p.extensionDays
            history.closedAt = p.closedAt.map { t in
                if case .instant(let i) = t { return i }
                return t.resolve(in: engine.engine.zone)
            }
            history.takenIntoWork = nil
            history.redirectedAt = nil
            history.receivedAt = nil
            history.applicantContactedAt = nil
            history.headInformedAt = nil
            history.outcome = p.outcome
            if p.rejectionReason != nil || history.rejectionReason != nil {
                history.rejectionReason = p.rejectionReason.map { String(decoding: $0, as: UTF8.self) }
            }
            try MessageResolver.status(
                registered: p.registered, term: term, termField: p.termDays != nil ? "term_days" : "fast_track_days",
                regime: p.regime, stage: p.stage, stageEnteredAt: p.stageEnteredAt, asOf: asOf,
                engine: engine, prepared: &history, into: &status.pointee)
            // Only rows marked «Фаст-трек: Да» without days can be flagged: one test for the others.
            var warnings: MessageWarnings = []
            if p.fastTrackMarked && p.termDays == nil && p.fastTrackDays == nil {
                warnings = try resolveWarnings(p, engine)
            }
            counters.count(
                status, profileIndex: engine.profileIndex, organisation: p.organisation, planned: p.posPlannedDate,
                warnings: warnings)
            if let d = defaultCSV {
                RowWriter.writeDefaultCSV(
                    status: status, engine, p, delimiter: d.delimiter, audit: d.audit,
                    formulaGuard: format.formulaEscape, warnings: warnings, days: days, into: &out)
            } else if format.output == .xlsx {
                // The input's fields as they were (CSV), then Srok's columns.
                let csv = format.input != .jsonl
                out.withWriter { o in
                    XLSXRowEncoder.row(XLSXReportRow.highlight(status.pointee), into: &o)
                    if csv {
                        for k in 0..<tokenizer.count {
                            XLSXRowEncoder.text(UnsafeBufferPointer(rebasing: bytes[tokenizer.range(k)]), into: &o)
                        }
                    }
                    XLSXReportRow.write(
                        status.pointee, engine, p, columns: format.columns, texts: format.reportTexts,
                        warnings: warnings, into: &o)
                }
            } else {
                RowWriter.write(status.pointee, engine, p, format: format, warnings: warnings, days: days, into: &out)
            }
        } catch {
            rejectUnresolved(&r, line, p, bytes: bytes, error)
        }
    }

    /// A row the resolver refused: the column as the input named it («Тип решения» for
    /// `outcome`), and its value as the input wrote it (not the resolver's reading of it:
    /// `2031-06-01` for `01.06.2031 10:00`).
    private mutating func rejectUnresolved(
        _ r: inout SegmentResult, _ line: Int, _ p: ParsedRow, bytes: UnsafeBufferPointer<UInt8>,
        _ error: MessageFieldError
    ) {
        let column = InputColumn(rawValue: error.field)
        let name = column.map { fields.names[$0.slot] } ?? error.field
        var value = error.value
        if let c = column, let range = fields[c.slot] {
            // Trimmed of spaces and TABs as RowParser reads it.
            var lo = range.lowerBound
            var hi = range.upperBound
            while lo < hi, bytes[lo] == 0x20 || bytes[lo] == 0x09 { lo += 1 }
            while hi > lo, bytes[hi - 1] == 0x20 || bytes[hi - 1] == 0x09 { hi -= 1 }
            if lo < hi { value = String(decoding: UnsafeBufferPointer(rebasing: bytes[lo..<hi]), as: UTF8.self) }
        }
        reject(&r, line, String(decoding: p.id, as: UTF8.self), name, value, error.error)
    }

    /// The warnings of a row marked fast-track without days (``MessageResolver/termWarnings(fastTrack:explicitTerm:category:subcategory:profile:)``),
    /// by the bytes of (profile, category, subcategory).
    private var warningsByCategory = ByteKeyCache<MessageWarnings>()

    private mutating func resolveWarnings(_ p: ParsedRow, _ e: ResolvedEngine) throws(MessageFieldError)
        -> MessageWarnings
    {
        if let w = warningsByCategory.get(p.profile, p.category, p.subcategory) { return w }
        let w = try evaluator.resolver.termWarnings(
            fastTrack: true, explicitTerm: false,
            category: p.category.map { String(decoding: $0, as: UTF8.self) },
            subcategory: p.subcategory.map { String(decoding: $0, as: UTF8.self) }, profile: e.profile)
        warningsByCategory.set(p.profile, p.category, p.subcategory, w)
        return w
    }

    /// Engines by the bytes of (profile, region, tz): no strings, no lock per row. The cache holds
    /// them unretained (a row borrows its engine without reference counting): `ownedEngines` owns them.
    private var engines = ByteKeyCache<Unmanaged<ResolvedEngine>>()
    /// Terms by the bytes of (profile, category, subcategory).
    private var terms = ByteKeyCache<Term>()
    /// Fast-track days outside the engine's fast range, by profile index and days (1–366): the
    /// term, or the resolver's refusal.
    private var fastTrackTerms: [Int: Result<Term, MessageFieldError>] = [:]

    /// The owner of every engine the rows use, by the resolver's shared engine: the shared one (kept
    /// alive, so that its identifier names no other engine) and the one the rows use, this worker's
    /// copy (``ResolvedEngine/privateCopy()``) for the first 256, then the shared one itself. Never
    /// emptied: an engine outlives every row that borrows it, cached in `engines` or not (a full
    /// cache). As many entries as the resolver has engines (it caches each).
    private var ownedEngines: [ObjectIdentifier: (shared: ResolvedEngine, used: ResolvedEngine)] = [:]

    @inline(__always) private mutating func resolveEngine(_ p: ParsedRow) throws(MessageFieldError)
        -> Unmanaged<ResolvedEngine>
    {
        if let e = engines.get(p.profile, p.region, p.tz) { return e }
        return try makeEngine(p)
    }

    /// The engine of a row whose (profile, region, tz) is not cached, from the resolver.
    private mutating func makeEngine(_ p: ParsedRow) throws(MessageFieldError) -> Unmanaged<ResolvedEngine> {
        func text(_ b: UnsafeBufferPointer<UInt8>?) -> String? { b.map { String(decoding: $0, as: UTF8.self) } }
        let shared = try evaluator.resolver.engine(profile: text(p.profile), region: text(p.region), tz: text(p.tz))
        let e: ResolvedEngine
        if let owned = ownedEngines[ObjectIdentifier(shared)] {
            e = owned.used
        } else {
            e = ownedEngines.count < 256 ? shared.privateCopy() : shared
            ownedEngines[ObjectIdentifier(shared)] = (shared, e)
        }
        engines.set(p.profile, p.region, p.tz, Unmanaged.passUnretained(e))
        return Unmanaged.passUnretained(e)
    }

    private mutating func resolveTerm(_ p: ParsedRow, _ e: ResolvedEngine) throws(MessageFieldError) -> Term {
        // The common cases from the engine's copies of the profile's values; errors from the full path.
        if let d = p.termDays { return .days(d) }
        if let d = p.fastTrackDays, e.fastTrackRange.contains(d) { return .days(d) }
        if p.fastTrackDays == nil && p.category == nil { return e.generalTerm }
        if let d = p.fastTrackDays {
            // Days the fast range does not take: the act's list decides, once per profile and days
            // (a refused term is the same error on every row that gives it).
            let key = e.profileIndex &<< 10 | d
            if let known = fastTrackTerms[key] { return try known.get() }
            let result: Result<Term, MessageFieldError>
            do {
                result = .success(
                    try evaluator.resolver.term(
                        days: nil, fastTrackDays: d, category: nil, subcategory: nil, regime: e.regime,
                        profile: e.profile
                    ).0)
            } catch {
                result = .failure(error)
            }
            if fastTrackTerms.count < 4096 { fastTrackTerms[key] = result }
            return try result.get()
        }
        if let t = terms.get(p.profile, p.category, p.subcategory) { return t }
        let t = try evaluator.resolver.term(
            days: nil, fastTrackDays: nil,
            category: p.category.map { String(decoding: $0, as: UTF8.self) },
            subcategory: p.subcategory.map { String(decoding: $0, as: UTF8.self) },
            regime: e.regime, profile: e.profile
        ).0
        terms.set(p.profile, p.category, p.subcategory, t)
        return t
    }

    private func idText(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard let range = fields[InputColumn.id.slot], !range.isEmpty else { return nil }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }
}
