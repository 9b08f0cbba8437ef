extension SLAEngine {
    /// Evaluates a message's status as of `asOf`: per stage and overall time used, remaining,
    /// state (`ok | approaching | overdue | closed`) and how late; and the control points given.
    ///
    /// Rules (each documented on its type): stage time is cumulative over visits (or per visit,
    /// ``SLAConventions/stageAccounting``); a postponement («Отложено») moves the due time to the end
    /// of its date and is allowed once; a 59-ФЗ extension (appeals only, once, ≤ 30 days) adds
    /// calendar days to the last day and is rolled again.
    ///
    /// - Throws: ``SrokError/invalidValue(field:value:expected:)`` for a second postponement, an
    ///   extension of a message or beyond 30 days, entries out of time order or before registration,
    ///   an instant outside ``Instant/supportedRange``, a postponement date outside
    ///   ``CivilDate/supportedYears``, a control limit outside 1–366 days or a warning percentage
    ///   outside 0–100 — each checked before any arithmetic on it.
    public func status(of history: MessageHistory, asOf: Instant, controls: [ControlPoint] = [],
                       maxPostponements: Int = 1) throws(SrokError) -> MessageStatus {
        try SLAEngine.validate(history.term, regime: history.regime)
        try asOf.checkSupported("as_of")
        try history.takenIntoWork?.checkSupported("taken_into_work_at")
        try history.redirectedAt?.checkSupported("redirected_at")
        try history.receivedAt?.checkSupported("received_at")
        try history.closedAt?.checkSupported("closed_at")
        guard (0...100).contains(conventions.warningPercent) else {
            throw .invalidValue(field: "warningPercent", value: String(conventions.warningPercent), expected: "a percentage from 0 to 100")
        }
        let schedule = try self.schedule(registered: history.registered, term: history.term)
        return try status(of: history, schedule: schedule, asOf: asOf, controls: controls, maxPostponements: maxPostponements)
    }

    /// ``status(of:asOf:controls:maxPostponements:)`` with the term already validated and the
    /// schedule already computed (`schedule` must be the schedule of `history`'s registration
    /// and term): callers that needed the plan first do not compute it twice.
    package func status(of history: MessageHistory, schedule: MessageSchedule, asOf: Instant, controls: [ControlPoint] = [],
                        maxPostponements: Int = 1) throws(SrokError) -> MessageStatus {
        var due = schedule.due
        if history.postponements.count > maxPostponements {
            throw .invalidValue(field: "postponed_until", value: history.postponements.map(\.iso).joined(separator: ", "),
                                expected: "at most \(maxPostponements) postponement(s) («Отложено» не более \(maxPostponements) раза)")
        }
        if let until = history.postponements.last {
            guard CivilDate.supportedYears.contains(until.year) else {
                throw .invalidValue(field: "postponed_until", value: until.iso, expected: "a date in years 1–9999")
            }
            let registeredDay = zone.localDate(history.registered)
            guard until >= registeredDay else {
                throw .invalidValue(field: "postponed_until", value: until.iso, expected: "a date on or after registration")
            }
            let horizon = registeredDay.adding(days: conventions.postponementHorizonDays)
            guard until <= horizon else {
                throw .invalidValue(field: "postponed_until", value: until.iso,
                                    expected: "a date at most \(conventions.postponementHorizonDays) days after registration (by \(horizon.iso)); no act sets a limit, this one catches typing errors")
            }
            // «Отложено» moves the due time later, never earlier than the term itself.
            due = max(due, zone.endOfDay(until).adding(seconds: -1))
        }
        if let ext = history.extensionDays {
            guard history.regime == .appeal else {
                throw .invalidValue(field: "extension_days", value: String(ext), expected: "no extension: only a 59-ФЗ appeal can be extended (ст. 12 ч. 2)")
            }
            guard (1...AppealLaw.maxExtensionDays).contains(ext) else {
                throw .invalidValue(field: "extension_days", value: String(ext), expected: "1–30 days (59-ФЗ ст. 12 ч. 2)")
            }
            // Extended from the term's own last day (before any roll), then rolled again.
            let extended = try calendar.roll((schedule.roll?.from ?? schedule.dueDate).adding(days: ext), conventions.roll)
            due = max(due, zone.endOfDay(extended).adding(seconds: -1))
        }
        var previous = history.registered
        for e in history.entries {
            try e.at.checkSupported("stage_entered_at")
            guard e.at >= previous else {
                throw .invalidValue(field: "stage_entered_at", value: e.at.description,
                                    expected: "entries in time order, none before registration (\(zone.iso8601(history.registered)))")
            }
            previous = e.at
        }
        if let closed = history.closedAt, closed < history.registered {
            throw .invalidValue(field: "closed_at", value: zone.iso8601(closed),
                                expected: "an instant on or after registration (\(zone.iso8601(history.registered)))")
        }
        let end = min(asOf, history.closedAt ?? asOf)

        // Per-stage time used.
        var used = PerStage(repeating: 0), visits = PerStage(repeating: 0), usedBefore = PerStage(repeating: 0)
        var current: Stage?
        var currentEntry: Instant?
        // Entries after the as-of instant have not happened yet at that instant.
        let seen = history.entries.last.map { $0.at <= asOf } ?? true
            ? history.entries.count : history.entries.firstIndex { $0.at > asOf }!
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
        let stages = try PerStage<StageStatus> { (s) throws(SrokError) -> StageStatus in
            let budget = schedule.budgetMinutes[s]
            var st = StageStatus(budgetMinutes: budget, usedMinutes: used[s], currentVisitMinutes: 0, visits: visits[s], state: .ok, dwellDue: nil)
            if s == current, let entry = currentEntry {
                st.currentVisitMinutes = used[s] - (conventions.stageAccounting == .perVisit ? 0 : usedBefore[s])
                let left = budget - (conventions.stageAccounting == .perVisit ? 0 : usedBefore[s])
                st.dwellDue = try after(entry, minutes: max(0, left))
            }
            st.state = SLAEngine.state(used: used[s], budget: budget, warningPercent: warning)
            if closed && st.state != .overdue { st.state = .closed }
            return st
        }

        // Overall.
        let remainingSeconds = asOf.seconds(to: due)
        var state: SLAState
        var overdue = 0
        if closed, let c = history.closedAt {
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

        var checks: [ControlCheck] = []
        if !controls.isEmpty { checks = try evaluate(controls, history: history, asOf: asOf) }
        return MessageStatus(schedule: schedule, due: due, asOf: asOf, state: state, currentStage: closed ? nil : current,
                             remainingMinutes: Int(remainingSeconds >= 0 ? remainingSeconds / 60 : -((-remainingSeconds + 59) / 60)), overdueMinutes: overdue,
                             stages: stages, controls: checks)
    }

    /// `ok`, `approaching` (≥ warning % of the budget used) or `overdue` (over the budget).
    @inlinable static func state(used: Int, budget: Int, warningPercent: Int) -> SLAState {
        if used > budget { return .overdue }
        if budget > 0, used * 100 >= budget * warningPercent { return .approaching }
        if budget == 0, used > 0 { return .overdue }
        return .ok
    }

    /// Evaluates control points on the latest relevant visit.
    func evaluate(_ controls: [ControlPoint], history: MessageHistory, asOf: Instant) throws(SrokError) -> [ControlCheck] {
        var out: [ControlCheck] = []
        let entries = history.entries
        let end = min(asOf, history.closedAt ?? asOf)
        func limit(_ c: ControlPoint, from start: Instant) throws(SrokError) -> Instant {
            if c.workingDays { return try workTime.adding(minutes: c.amount * conventions.schedule.dayMinutes, to: start) }
            return start.adding(seconds: Int64(c.amount) * 86_400)
        }
        func check(_ kind: ControlKind, deadline: Instant, metAt: Instant?) -> ControlCheck {
            let late = metAt.map { $0 > deadline } ?? (end > deadline)
            return ControlCheck(kind: kind, deadline: deadline, metAt: metAt, state: late ? .overdue : .ok)
        }
        for c in controls {
            // The limit is multiplied into minutes and seconds below: bounded first.
            guard (1...366).contains(c.amount) else {
                throw .invalidValue(field: "control \(c.kind.rawValue)", value: String(c.amount), expected: "a limit of 1–366 days")
            }
            switch c.kind {
            case .coordinatorDecision:
                guard let i = entries.lastIndex(where: { $0.stage == .coordination }) else { continue }
                let left = i + 1 < entries.count ? entries[i + 1].at : (history.redirectedAt.flatMap { $0 >= entries[i].at ? $0 : nil })
                out.append(check(c.kind, deadline: try limit(c, from: entries[i].at), metAt: left))
            case .executorTake:
                guard let i = entries.lastIndex(where: { $0.stage == .execution }) else { continue }
                let taken = history.takenIntoWork.flatMap { $0 >= entries[i].at ? $0 : nil }
                let left = i + 1 < entries.count ? entries[i + 1].at : nil
                // A visit that ended without being taken into work is judged by when it ended.
                out.append(check(c.kind, deadline: try limit(c, from: entries[i].at), metAt: taken ?? left))
            case .executorReturn:
                // The latest execution visit that ended with a return to coordination.
                guard let i = entries.indices.last(where: { entries[$0].stage == .execution && $0 + 1 < entries.count && entries[$0 + 1].stage == .coordination })
                else { continue }
                out.append(check(c.kind, deadline: try limit(c, from: entries[i].at), metAt: entries[i + 1].at))
            case .redirectApproval:
                var minutes = 0
                var first: Instant?
                var finished: Instant?
                for (i, e) in entries.enumerated() where e.isRedirectApproval {
                    let visitEnd = min(i + 1 < entries.count ? entries[i + 1].at : end, end)
                    minutes += try workTime.workingMinutes(from: e.at, to: visitEnd)
                    if first == nil { first = e.at }
                    finished = i + 1 < entries.count ? entries[i + 1].at : nil
                }
                guard let start = first else { continue }
                let allowed = c.amount * conventions.schedule.dayMinutes
                let deadline = try workTime.adding(minutes: allowed, to: start)
                out.append(ControlCheck(kind: c.kind, deadline: deadline, metAt: finished,
                                        state: minutes > allowed ? .overdue : .ok))
            case .appealRedirect:
                // Only a redirected appeal has this deadline to meet.
                guard history.regime == .appeal, let redirected = history.redirectedAt else { continue }
                out.append(check(c.kind, deadline: try limit(c, from: history.registered), metAt: redirected))
            case .appealRegistration:
                guard history.regime == .appeal, let received = history.receivedAt else { continue }
                out.append(check(c.kind, deadline: try limit(c, from: received), metAt: history.registered))
            }
        }
        return out
    }
}
