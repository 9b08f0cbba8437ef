/// The answer to «where does this message stand?»: its schedule (``DueAnswer``, the same keys
/// first), the status as of an instant, every stage's state and the control points, as
/// `srok status --format json` writes them and the service's `POST /v1/status` and the C ABI's
/// JSON call answer. Built from a ``ResolvedMessage`` (``ResolvedMessage/statusAnswer(explicitTermSource:language:)``).
///
/// `Codable` as one flat object: ``DueAnswer``'s keys, then ``Key``'s, then `stages` (a list of
/// ``StageAnswer``) and `controls` (a list of ``ControlAnswer``). Instants are ISO 8601 with the
/// organisation's offset; empty fields are `null`. Codes stay codes; the `*_text` keys are in the
/// answer's language.
public struct StatusAnswer: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The schedule: the effective due time, the term, the stage plan (its keys come first).
    public var schedule: DueAnswer
    /// The current stage (nil when the message is closed or before its first entry).
    public var stage: Stage?
    /// When the current stage's planned budget runs out (`stage_due`; its ``StageAnswer/dwellDue``).
    public var stageDue: OffsetInstant?
    /// Minutes used in the current stage.
    public var stageUsedMinutes: Int?
    /// The current stage's planned budget in minutes.
    public var stageBudgetMinutes: Int?
    /// The current stage's state.
    public var stageStatus: SLAState?
    /// The message's state: `ok`, `approaching`, `overdue`, `closed` or `not-yet-registered`.
    public var status: SLAState
    /// Minutes until the effective due time (negative when late).
    public var remainingMinutes: Int
    /// Minutes past the effective due time (0 when not late; for a closed message, how late).
    public var overdueMinutes: Int
    /// The effective due time (the same as ``DueAnswer/due``; kept for older readers).
    public var effectiveDue: OffsetInstant
    /// The instant the status is evaluated at.
    public var asOf: OffsetInstant
    /// What judges the current stage: `share`, a control kind, `postponed`, `extended`.
    public var stageRule: StageRule?
    /// The deadline that judges the current stage when an act term or the effective due does.
    public var stageDeadline: OffsetInstant?
    /// The rule that made the current stage late.
    public var stageLateBy: StageRule?
    /// The current stage's state against its planned budget alone.
    public var stageBudgetStatus: SLAState?
    /// The open control with the nearest deadline.
    public var nextControl: ControlKind?
    /// That control's deadline.
    public var nextControlDue: OffsetInstant?
    /// The overdue controls (`overdue_controls`: their codes `;`-separated, `null` when none).
    public var overdueControls: [ControlKind]
    /// How many controls are overdue.
    public var controlsOverdueCount: Int
    /// ``status`` in words («в срок», «ещё не поступило» …).
    public var statusText: String
    /// ``stage`` in words, nil when there is no current stage.
    public var stageText: String?
    /// ``stageStatus`` in words.
    public var stageStatusText: String?
    /// ``nextControl`` in words.
    public var nextControlText: String?
    /// Every stage, in order.
    public var stages: [StageAnswer]
    /// Every control that applies, in ``ControlKind`` order.
    public var controls: [ControlAnswer]

    /// The JSON keys after ``DueAnswer``'s, in the order they are written.
    public enum Key: String, CaseIterable, Sendable {
        /// ``StatusAnswer/stage``.
        case stage
        /// ``StatusAnswer/stageDue``.
        case stageDue = "stage_due"
        /// ``StatusAnswer/stageUsedMinutes``.
        case stageUsedMinutes = "stage_used_minutes"
        /// ``StatusAnswer/stageBudgetMinutes``.
        case stageBudgetMinutes = "stage_budget_minutes"
        /// ``StatusAnswer/stageStatus``.
        case stageStatus = "stage_status"
        /// ``StatusAnswer/status``.
        case status
        /// ``StatusAnswer/remainingMinutes``.
        case remainingMinutes = "remaining_minutes"
        /// ``StatusAnswer/overdueMinutes``.
        case overdueMinutes = "overdue_minutes"
        /// ``StatusAnswer/effectiveDue``.
        case effectiveDue = "effective_due"
        /// ``StatusAnswer/asOf``.
        case asOf = "as_of"
        /// ``StatusAnswer/stageRule``.
        case stageRule = "stage_rule"
        /// ``StatusAnswer/stageDeadline``.
        case stageDeadline = "stage_deadline"
        /// ``StatusAnswer/stageLateBy``.
        case stageLateBy = "stage_late_by"
        /// ``StatusAnswer/stageBudgetStatus``.
        case stageBudgetStatus = "stage_budget_status"
        /// ``StatusAnswer/nextControl``.
        case nextControl = "next_control"
        /// ``StatusAnswer/nextControlDue``.
        case nextControlDue = "next_control_due"
        /// ``StatusAnswer/overdueControls``.
        case overdueControls = "overdue_controls"
        /// ``StatusAnswer/controlsOverdueCount``.
        case controlsOverdueCount = "controls_overdue_count"
        /// ``StatusAnswer/statusText``.
        case statusText = "status_text"
        /// ``StatusAnswer/stageText``.
        case stageText = "stage_text"
        /// ``StatusAnswer/stageStatusText``.
        case stageStatusText = "stage_status_text"
        /// ``StatusAnswer/nextControlText``.
        case nextControlText = "next_control_text"
        /// ``StatusAnswer/stages``.
        case stages
        /// ``StatusAnswer/controls``.
        case controls
    }

    /// The answer for `message` with its evaluated `status` (``ResolvedMessage/status()``), its
    /// texts in `language`. `explicitTermSource` is as for
    /// ``DueAnswer/init(_:schedule:effective:explicitTermSource:language:)``.
    public init(
        _ message: ResolvedMessage, status st: MessageStatus,
        explicitTermSource: LocalizedText = DueAnswer.requestTermSource, language: Language = .ru
    ) {
        let zone = message.engine.zone
        func at(_ i: Instant) -> OffsetInstant { OffsetInstant(i, in: zone) }
        schedule = DueAnswer(
            message, schedule: st.schedule, effective: st.effectiveDue, explicitTermSource: explicitTermSource,
            language: language)
        let current = st.currentStage.map { st.stages[$0] }
        stage = st.currentStage
        stageDue = current?.dwellDue.map(at)
        stageUsedMinutes = current?.usedMinutes
        stageBudgetMinutes = current?.budgetMinutes
        stageStatus = current?.state
        status = st.state
        remainingMinutes = st.remainingMinutes
        overdueMinutes = st.overdueMinutes
        effectiveDue = at(st.due)
        asOf = at(st.asOf)
        stageRule = current?.rule
        stageDeadline = current?.governingDeadline.map(at)
        stageLateBy = current?.lateBy
        stageBudgetStatus = current?.budgetState
        let next = st.controls.next
        nextControl = next?.kind
        nextControlDue = next.map { at($0.deadline) }
        overdueControls = st.controls.filter { $0.state == .overdue }.map(\.kind)
        controlsOverdueCount = st.controls.overdueCount
        statusText = st.state.text(language)
        stageText = st.currentStage?.name(language)
        stageStatusText = current?.state.text(language)
        nextControlText = next?.kind.name(language)
        stages = Stage.allCases.map { StageAnswer($0, st.stages[$0], zone: zone, language: language) }
        controls = st.controls.map { c in
            ControlAnswer(
                c, point: message.profile.controls.first { $0.kind == c.kind }, zone: zone, language: language)
        }
    }

    /// Writes ``DueAnswer``'s keys, then ``Key``'s in order, `null` for the empty ones.
    public func encode(to encoder: any Encoder) throws {
        try schedule.encode(to: encoder)
        var c = encoder.container(keyedBy: JSONKey.self)
        func put<T: Encodable>(_ key: Key, _ value: T) throws { try c.encode(value, forKey: JSONKey(key.rawValue)) }
        try put(.stage, stage)
        try put(.stageDue, stageDue)
        try put(.stageUsedMinutes, stageUsedMinutes)
        try put(.stageBudgetMinutes, stageBudgetMinutes)
        try put(.stageStatus, stageStatus)
        try put(.status, status)
        try put(.remainingMinutes, remainingMinutes)
        try put(.overdueMinutes, overdueMinutes)
        try put(.effectiveDue, effectiveDue)
        try put(.asOf, asOf)
        try put(.stageRule, stageRule)
        try put(.stageDeadline, stageDeadline)
        try put(.stageLateBy, stageLateBy)
        try put(.stageBudgetStatus, stageBudgetStatus)
        try put(.nextControl, nextControl)
        try put(.nextControlDue, nextControlDue)
        try put(
            .overdueControls,
            overdueControls.isEmpty ? nil : overdueControls.map(\.rawValue).joined(separator: ";"))
        try put(.controlsOverdueCount, controlsOverdueCount)
        try put(.statusText, statusText)
        try put(.stageText, stageText)
        try put(.stageStatusText, stageStatusText)
        try put(.nextControlText, nextControlText)
        try put(.stages, stages)
        try put(.controls, controls)
    }

    /// Reads ``DueAnswer``'s keys and ``Key``'s from the same object.
    public init(from decoder: any Decoder) throws {
        schedule = try DueAnswer(from: decoder)
        let c = try decoder.container(keyedBy: JSONKey.self)
        func get<T: Decodable>(_ key: Key) throws -> T { try c.decode(T.self, forKey: JSONKey(key.rawValue)) }
        func optional<T: Decodable>(_ key: Key) throws -> T? {
            try c.decodeIfPresent(T.self, forKey: JSONKey(key.rawValue))
        }
        stage = try optional(.stage)
        stageDue = try optional(.stageDue)
        stageUsedMinutes = try optional(.stageUsedMinutes)
        stageBudgetMinutes = try optional(.stageBudgetMinutes)
        stageStatus = try optional(.stageStatus)
        status = try get(.status)
        remainingMinutes = try get(.remainingMinutes)
        overdueMinutes = try get(.overdueMinutes)
        effectiveDue = try get(.effectiveDue)
        asOf = try get(.asOf)
        stageRule = try optional(.stageRule)
        stageDeadline = try optional(.stageDeadline)
        stageLateBy = try optional(.stageLateBy)
        stageBudgetStatus = try optional(.stageBudgetStatus)
        nextControl = try optional(.nextControl)
        nextControlDue = try optional(.nextControlDue)
        let overdue: String? = try optional(.overdueControls)
        overdueControls = try (overdue ?? "").split(separator: ";").map { code in
            guard let kind = ControlKind(rawValue: String(code)) else {
                throw DecodingError.dataCorruptedError(
                    forKey: JSONKey(Key.overdueControls.rawValue), in: c,
                    debugDescription: "invalid overdue_controls: '\(code)'; expected control kinds ("
                        + ControlKind.allCases.map(\.rawValue).joined(separator: ", ") + "), ;-separated")
            }
            return kind
        }
        controlsOverdueCount = try get(.controlsOverdueCount)
        statusText = try optional(.statusText) ?? status.text(.ru)
        stageText = try optional(.stageText)
        stageStatusText = try optional(.stageStatusText)
        nextControlText = try optional(.nextControlText)
        stages = try get(.stages)
        controls = try get(.controls)
    }

    /// One line in the organisation's local time: `overdue as of 2024-04-20T12:00:00+03:00, due
    /// 2024-04-08T23:59:59+03:00 (…), stage execution`.
    public var description: String {
        var out = "\(status.rawValue) as of \(asOf), \(schedule)"
        if let stage { out += ", stage \(stage.code)" }
        if let nextControl, let nextControlDue { out += ", next control \(nextControl.rawValue) by \(nextControlDue)" }
        return out
    }
}

/// One stage of a ``StatusAnswer``: its budget, what was used, its state and the rule that judges it.
public struct StageAnswer: Hashable, Sendable, Codable {
    /// The stage.
    public var stage: Stage
    /// The planned budget in minutes.
    public var budgetMinutes: Int
    /// Minutes used over all visits.
    public var usedMinutes: Int
    /// Minutes of the current visit (0 when the stage is not current).
    public var currentVisitMinutes: Int
    /// Budget minus used (negative when over).
    public var remainingMinutes: Int
    /// How far over the budget (0 when within).
    public var overdueMinutes: Int
    /// Visits so far.
    public var visits: Int
    /// The verdict by ``rule``.
    public var status: SLAState
    /// ``status`` in words, in the answer's language.
    public var statusText: String
    /// For the current stage: when its planned budget runs out.
    public var dwellDue: OffsetInstant?
    /// What decides ``status``.
    public var rule: StageRule
    /// The state against the planned budget alone.
    public var budgetStatus: SLAState
    /// The deadline that judges the current visit when an act term or the effective due does.
    public var governingDeadline: OffsetInstant?
    /// The rule that made the stage late.
    public var lateBy: StageRule?

    /// The JSON keys, in order.
    enum CodingKeys: String, CodingKey, CaseIterable {
        case stage
        case budgetMinutes = "budget_minutes"
        case usedMinutes = "used_minutes"
        case currentVisitMinutes = "current_visit_minutes"
        case remainingMinutes = "remaining_minutes"
        case overdueMinutes = "overdue_minutes"
        case visits
        case status
        case statusText = "status_text"
        case dwellDue = "dwell_due"
        case rule
        case budgetStatus = "budget_status"
        case governingDeadline = "governing_deadline"
        case lateBy = "late_by"
    }

    /// The answer for `stage`'s status in `zone`, its text in `language`.
    public init(_ stage: Stage, _ s: StageStatus, zone: ZoneRules, language: Language = .ru) {
        self.stage = stage
        budgetMinutes = s.budgetMinutes
        usedMinutes = s.usedMinutes
        currentVisitMinutes = s.currentVisitMinutes
        remainingMinutes = s.remainingMinutes
        overdueMinutes = s.overdueMinutes
        visits = s.visits
        status = s.state
        statusText = s.state.text(language)
        dwellDue = s.dwellDue.map { OffsetInstant($0, in: zone) }
        rule = s.rule
        budgetStatus = s.budgetState
        governingDeadline = s.governingDeadline.map { OffsetInstant($0, in: zone) }
        lateBy = s.lateBy
    }

    /// Writes every key in order, `null` for the empty ones.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(stage, forKey: .stage)
        try c.encode(budgetMinutes, forKey: .budgetMinutes)
        try c.encode(usedMinutes, forKey: .usedMinutes)
        try c.encode(currentVisitMinutes, forKey: .currentVisitMinutes)
        try c.encode(remainingMinutes, forKey: .remainingMinutes)
        try c.encode(overdueMinutes, forKey: .overdueMinutes)
        try c.encode(visits, forKey: .visits)
        try c.encode(status, forKey: .status)
        try c.encode(statusText, forKey: .statusText)
        try c.encode(dwellDue, forKey: .dwellDue)
        try c.encode(rule, forKey: .rule)
        try c.encode(budgetStatus, forKey: .budgetStatus)
        try c.encode(governingDeadline, forKey: .governingDeadline)
        try c.encode(lateBy, forKey: .lateBy)
    }
}

/// One control point of a ``StatusAnswer``: its deadline, when it was met and its state, with
/// how the profile counts it and the clause.
public struct ControlAnswer: Hashable, Sendable, Codable {
    /// Which control.
    public var control: ControlKind
    /// ``control`` in words, in the answer's language.
    public var controlText: String
    /// The deadline.
    public var deadline: OffsetInstant
    /// When it was met.
    public var metAt: OffsetInstant?
    /// `ok` or `overdue`.
    public var status: SLAState
    /// ``status`` in words, in the answer's language.
    public var statusText: String
    /// How the profile counts the limit.
    public var count: ControlCount?
    /// The clause.
    public var source: String?

    /// The JSON keys, in order.
    enum CodingKeys: String, CodingKey, CaseIterable {
        case control
        case controlText = "control_text"
        case deadline
        case metAt = "met_at"
        case status
        case statusText = "status_text"
        case count
        case source
    }

    /// The answer for `check` with the profile's `point` of its kind, in `zone`, its texts in
    /// `language`.
    public init(_ check: ControlCheck, point: ControlPoint?, zone: ZoneRules, language: Language = .ru) {
        control = check.kind
        controlText = check.kind.name(language)
        deadline = OffsetInstant(check.deadline, in: zone)
        metAt = check.metAt.map { OffsetInstant($0, in: zone) }
        status = check.state
        statusText = check.state.text(language)
        count = point?.count
        source = point?.citation
    }

    /// Writes every key in order, `null` for the empty ones.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(control, forKey: .control)
        try c.encode(controlText, forKey: .controlText)
        try c.encode(deadline, forKey: .deadline)
        try c.encode(metAt, forKey: .metAt)
        try c.encode(status, forKey: .status)
        try c.encode(statusText, forKey: .statusText)
        try c.encode(count, forKey: .count)
        try c.encode(source, forKey: .source)
    }
}
