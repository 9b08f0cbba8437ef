extension SLAEngine {
    /// Evaluates a message's status as of `asOf`: per stage and overall time used, remaining,
    /// state (`ok | approaching | overdue | closed`) and how late; the profile's control points;
    /// the effective due time.
    ///
    /// Rules (each documented on its type): stage time is cumulative over visits (or per visit,
    /// ``SLAConventions/stageAccounting``); a postponement («Отложено») moves the due time to the
    /// end of its date, as many times as ``StatusRules/postponements`` allows; a 59-ФЗ extension
    /// (appeals only, once, ≤ 30 days) adds calendar days to the last day and is rolled again.
    /// A stage is judged late by its share budget, except where the act sets a term for the
    /// stage's action (``ControlKind/governedStage``) and, after a postponement or extension, for
    /// execution and the stages after it, which are due with the answer (``StageRule``).
    ///
    /// Evaluating a history allocates nothing (the controls are held inline).
    ///
    /// - Throws: ``SrokError/invalidValue(field:value:expected:)`` for a postponement beyond the
    ///   limit, an extension of a message or beyond 30 days, entries out of time order or before
    ///   registration, «Отклонено» without a reason the rules require, an instant outside
    ///   ``Instant/supportedRange``, a postponement date outside ``CivilDate/supportedYears``, a
    ///   control limit outside 1–366 days or a warning percentage outside 0–100 — each checked
    ///   before any arithmetic on it.
    public func status(of history: MessageHistory, asOf: Instant, rules: StatusRules = StatusRules()) throws(SrokError)
        -> MessageStatus
    {
        try SLAEngine.validate(history.term, regime: history.regime)
        try asOf.checkSupported("as_of")
        try history.takenIntoWork?.checkSupported("taken_into_work_at")
        try history.redirectedAt?.checkSupported("redirected_at")
        try history.receivedAt?.checkSupported("received_at")
        try history.closedAt?.checkSupported("closed_at")
        try history.applicantContactedAt?.checkSupported("applicant_contacted_at")
        try history.headInformedAt?.checkSupported("head_informed_at")
        guard (0...100).contains(conventions.warningPercent) else {
            throw .invalidValue(
                field: "warningPercent", value: String(conventions.warningPercent),
                expected: LocalizedText(ru: "процент от 0 до 100", en: "a percentage from 0 to 100"))
        }
        let schedule = try self.schedule(registered: history.registered, term: history.term)
        return try status(of: history, schedule: schedule, asOf: asOf, rules: rules)
    }

    /// ``status(of:asOf:rules:)`` with these control points and the other rules at their
    /// defaults for a silent act (postponements unlimited, no rejection reason required).
    public func status(of history: MessageHistory, asOf: Instant, controls: [ControlPoint]) throws(SrokError)
        -> MessageStatus
    {
        try status(of: history, asOf: asOf, rules: StatusRules(controls: controls))
    }

    /// ``status(of:asOf:rules:)`` with the term already validated and the schedule already
    /// computed (`schedule` must be the schedule of `history`'s registration and term): callers
    /// that needed the plan first do not compute it twice.
    package func status(
        of history: MessageHistory, schedule: MessageSchedule, asOf: Instant,
        rules: StatusRules
    ) throws(SrokError) -> MessageStatus {
        var out = MessageStatus(schedule: schedule)
        try status(of: history, asOf: asOf, rules: rules, into: &out)
        return out
    }

    /// ``status(of:schedule:asOf:rules:)`` written in place: `out.schedule` must already hold the
    /// schedule of `history`'s registration and term; every other field of `out` is set here
    /// (a status is over half a kilobyte: the batch keeps one per worker instead of copying it
    /// out of each call).
    package func status(
        of history: MessageHistory, asOf: Instant, rules: StatusRules, into out: inout MessageStatus
    ) throws(SrokError) {
        let controls = rules.terms
        let hasControls = !controls.isEmpty
        if hasControls && !rules.limitsChecked { try checkLimits(controls) }
        let budgetMinutes = out.schedule.budgetMinutes
        // Most messages are neither postponed nor extended nor rejected: those checks are skipped.
        let effective =
            history.postponements.isEmpty && history.extensionDays == nil
            ? EffectiveDue(due: out.schedule.due, dueDate: out.schedule.dueDate, reason: nil)
            : try effectiveDue(of: history, schedule: out.schedule, postponements: rules.postponements)
        if history.outcome == .rejected {
            try rules.rejection.check(outcome: history.outcome, reason: history.rejectionReason)
        }
        let due = effective.due
        var previous = history.registered
        for e in history.entries {
            try e.at.checkSupported("stage_entered_at")
            guard e.at >= previous else {
                throw .invalidValue(
                    field: "stage_entered_at", value: e.at.description,
                    expected: LocalizedText(
                        ru: "записи по порядку времени, не раньше регистрации (\(zone.iso8601(history.registered)))",
                        en: "entries in time order, none before registration (\(zone.iso8601(history.registered)))"))
            }
            previous = e.at
        }
        if let closed = history.closedAt, closed < history.registered {
            throw .invalidValue(
                field: "closed_at", value: zone.iso8601(closed),
                expected: LocalizedText(
                    ru: "момент не раньше регистрации (\(zone.iso8601(history.registered)))",
                    en: "an instant on or after registration (\(zone.iso8601(history.registered)))"))
        }
        let end = min(asOf, history.closedAt ?? asOf)

        // Per-stage time used.
        var used = PerStage(repeating: 0)
        var visits = PerStage(repeating: 0)
        var usedBefore = PerStage(repeating: 0)
        var current: Stage?
        var currentEntry: Instant?
        // Entries after the as-of instant have not happened yet at that instant.
        let seen = seenEntries(history, asOf: asOf)
        for i in 0..<seen {
            let e = history.entries[i]
            let visitEnd = min(i + 1 < seen ? history.entries[i + 1].at : end, end)
            let minutes = try self.used(from: e.at, to: visitEnd)
            if i == seen - 1, history.closedAt == nil || history.closedAt! > asOf {
                current = e.stage
                currentEntry = e.at
                usedBefore[e.stage] = used[e.stage]
            }
            if conventions.stageAccounting == .perVisit { used[e.stage] = minutes } else { used[e.stage] += minutes }
            visits[e.stage] += 1
        }
        let closed = history.closedAt.map { $0 <= asOf } ?? false
        let warning = conventions.warningPercent
        // Every stage by its share budget; the open visit's planned end afterwards (the only part
        // that can throw), so the per-stage closure is plain and inlined.
        @inline(__always) func share(_ s: Stage) -> StageStatus {
            let u = used[s]
            var state = SLAEngine.state(used: u, budget: budgetMinutes[s], warningPercent: warning)
            if closed && state != .overdue { state = .closed }
            return StageStatus(
                budgetMinutes: budgetMinutes[s], usedMinutes: u, currentVisitMinutes: 0, visits: visits[s],
                state: state, dwellDue: nil)
        }
        out.stages.moderation = share(.moderation)
        out.stages.coordination = share(.coordination)
        out.stages.execution = share(.execution)
        out.stages.approval = share(.approval)
        out.stages.finalApproval = share(.finalApproval)
        if let s = current, let entry = currentEntry {
            let before = conventions.stageAccounting == .perVisit ? 0 : usedBefore[s]
            out.stages[s].currentVisitMinutes = used[s] - before
            out.stages[s].dwellDue = try after(entry, minutes: max(0, budgetMinutes[s] - before))
        }

        // An act's own term for a stage's action decides that stage's lateness.
        if hasControls {
            for c in controls {
                guard let stage = c.kind.governedStage, visits[stage] > 0 else { continue }
                try judge(
                    &out.stages[stage], stage: stage, by: .actTerm(c.kind), history: history, seen: seen, asOf: asOf,
                    end: end,
                    current: current == stage, closed: closed
                ) { (start) throws(SrokError) in try controlDeadline(c, from: start) }
            }
        }
        // After «Отложено» or an extension, execution and the stages after it are due with the answer.
        if let reason = effective.reason {
            for raw in Stage.execution.rawValue...Stage.finalApproval.rawValue {
                let stage = Stage(rawValue: raw)!
                guard visits[stage] > 0 else { continue }
                try judge(
                    &out.stages[stage], stage: stage, by: .effectiveDue(reason), history: history, seen: seen,
                    asOf: asOf,
                    end: end,
                    current: current == stage, closed: closed
                ) { _ in due }
            }
        }

        // Overall.
        let remainingSeconds = asOf.seconds(to: due)
        var state: SLAState
        var overdue = 0
        if asOf < history.registered {
            // Registered after the as-of instant: nothing of the term is used yet.
            state = .notYetRegistered
        } else if closed, let c = history.closedAt {
            state = .closed
            overdue = c > due ? Int((due.seconds(to: c) + 59) / 60) : 0
        } else if asOf > due {
            state = .overdue
            overdue = Int((due.seconds(to: asOf) + 59) / 60)
        } else {
            let span = max(1, history.registered.seconds(to: due))
            let elapsed = history.registered.seconds(to: asOf)
            state = elapsed * 100 >= span * Int64(warning) ? .approaching : .ok
        }

        out.controls =
            hasControls ? try evaluate(controls, history: history, seen: seen, asOf: asOf) : ControlChecks()
        out.due = due
        out.dueDate = effective.dueDate
        out.dueReason = effective.reason
        out.asOf = asOf
        out.state = state
        out.currentStage = closed ? nil : current
        out.remainingMinutes = Int(
            remainingSeconds >= 0 ? remainingSeconds / 60 : -((-remainingSeconds + 59) / 60))
        out.overdueMinutes = overdue
    }

    /// How many of `history`'s entries happened by `asOf` (they are in time order).
    @inline(__always) func seenEntries(_ history: MessageHistory, asOf: Instant) -> Int {
        history.entries.last.map { $0.at <= asOf } ?? true
            ? history.entries.count : history.entries.firstIndex { $0.at > asOf }!
    }

    /// Judges `stage` by a deadline per visit instead of its share budget: late when any visit
    /// ran past its deadline (the next entry, the redirect for the coordinator, or — for the
    /// open visit — the as-of instant or the closing); approaching when the open visit has used
    /// the warning share of its span.
    private func judge(
        _ st: inout StageStatus, stage: Stage, by rule: StageRule, history: MessageHistory, seen: Int,
        asOf: Instant, end: Instant, current: Bool, closed: Bool,
        deadline: (Instant) throws(SrokError) -> Instant
    ) throws(SrokError) {
        var late = false
        var approaching = false
        var governing: Instant?
        // The coordinator's visit also ends when the message is redirected (seed 002 п. 9).
        let endsAtRedirect = rule == .actTerm(.coordinatorDecision)
        let entries = history.entries
        for i in 0..<seen where entries[i].stage == stage {
            let start = entries[i].at
            let limit = try deadline(start)
            var visitEnd: Instant? = i + 1 < seen ? entries[i + 1].at : nil
            if visitEnd == nil, endsAtRedirect, let r = history.redirectedAt, r >= start, r <= asOf { visitEnd = r }
            if let v = visitEnd {
                if v > limit { late = true }
            } else {
                if end > limit { late = true }
                if current {
                    governing = limit
                    let span = max(1, start.seconds(to: limit))
                    approaching = start.seconds(to: asOf) * 100 >= span * Int64(conventions.warningPercent)
                }
            }
        }
        st.rule = rule
        st.governingDeadline = governing
        st.state = late ? .overdue : closed ? .closed : approaching ? .approaching : .ok
    }

    /// `ok`, `approaching` (≥ warning % of the budget used) or `overdue` (over the budget).
    @inlinable @inline(__always) static func state(used: Int, budget: Int, warningPercent: Int) -> SLAState {
        if used > budget { return .overdue }
        if budget > 0, used * 100 >= budget * warningPercent { return .approaching }
        if budget == 0, used > 0 { return .overdue }
        return .ok
    }
}
