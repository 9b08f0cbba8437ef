extension SLAEngine {
    /// The deadline of control `c` for an event at `start`, counted as ``ControlPoint/count`` says
    /// (``ControlCount``); never rolled.
    public func controlDeadline(_ c: ControlPoint, from start: Instant) throws(SrokError) -> Instant {
        try controlDeadline(ControlTerm(c), from: start)
    }

    /// ``controlDeadline(_:from:)`` of a control's term.
    func controlDeadline(_ c: ControlTerm, from start: Instant) throws(SrokError) -> Instant {
        switch c.count {
        case .clock: return start.adding(seconds: Int64(c.amount) * 86_400)
        case .days: return zone.endOfDay(zone.localDate(start).adding(days: c.amount)).adding(seconds: -1)
        case .daysInclusive:
            return zone.endOfDay(zone.localDate(start).adding(days: max(0, c.amount - 1))).adding(seconds: -1)
        case .workingDays: return try workTime.adding(minutes: c.amount * conventions.schedule.dayMinutes, to: start)
        }
    }

    /// Checks every control's limit before any arithmetic on it: it is multiplied into minutes and
    /// seconds, and added to dates.
    func checkLimits(_ controls: [ControlTerm]) throws(SrokError) {
        for c in controls where !(1...366).contains(c.amount) {
            throw .invalidValue(
                field: "control \(c.kind.rawValue)", value: String(c.amount),
                expected: LocalizedText(ru: "срок от 1 до 366 дней", en: "a limit of 1–366 days"))
        }
    }

    /// Evaluates control points on the latest relevant visit, as of `asOf` (entries and facts
    /// after it have not happened yet); their limits are checked (``checkLimits(_:)``). Allocates nothing.
    func evaluate(_ controls: [ControlTerm], history: MessageHistory, seen: Int, asOf: Instant) throws(SrokError)
        -> ControlChecks
    {
        var out = ControlChecks()
        let entries = history.entries
        let end = min(asOf, history.closedAt ?? asOf)
        @inline(__always) func happened(_ i: Instant?) -> Instant? { i.flatMap { $0 <= asOf ? $0 : nil } }
        @inline(__always) func check(_ kind: ControlKind, deadline: Instant, metAt: Instant?) -> ControlCheck {
            let late = metAt.map { $0 > deadline } ?? (end > deadline)
            return ControlCheck(kind: kind, deadline: deadline, metAt: metAt, state: late ? .overdue : .ok)
        }
        /// The latest arrival at execution at or before `fact`, else the first arrival, else registration.
        func executionArrival(before fact: Instant) -> Instant {
            var first: Instant?
            var latest: Instant?
            for i in 0..<seen where entries[i].stage == .execution {
                if first == nil { first = entries[i].at }
                if entries[i].at <= fact { latest = entries[i].at }
            }
            return latest ?? first ?? history.registered
        }
        for c in controls {
            switch c.kind {
            case .coordinatorDecision:
                guard let i = (0..<seen).last(where: { entries[$0].stage == .coordination }) else { continue }
                let start = entries[i].at
                let left =
                    i + 1 < seen ? entries[i + 1].at : happened(history.redirectedAt).flatMap { $0 >= start ? $0 : nil }
                out.set(check(c.kind, deadline: try controlDeadline(c, from: start), metAt: left))
            case .executorTake:
                guard let i = (0..<seen).last(where: { entries[$0].stage == .execution }) else { continue }
                let start = entries[i].at
                let taken = happened(history.takenIntoWork).flatMap { $0 >= start ? $0 : nil }
                let left = i + 1 < seen ? entries[i + 1].at : nil
                // A visit that ended without being taken into work is judged by when it ended.
                out.set(check(c.kind, deadline: try controlDeadline(c, from: start), metAt: taken ?? left))
            case .executorReturn:
                // The latest execution visit that ended with a return to coordination.
                guard
                    let i = (0..<seen).last(where: {
                        entries[$0].stage == .execution && $0 + 1 < seen && entries[$0 + 1].stage == .coordination
                    })
                else { continue }
                let start = entries[i].at
                out.set(
                    check(c.kind, deadline: try controlDeadline(c, from: start), metAt: entries[i + 1].at))
            case .redirectApproval:
                var minutes = 0
                var first: Instant?
                var finished: Instant?
                for i in 0..<seen where entries[i].isRedirectApproval {
                    let visitEnd = min(i + 1 < seen ? entries[i + 1].at : end, end)
                    minutes += try workTime.workingMinutes(from: entries[i].at, to: visitEnd)
                    if first == nil { first = entries[i].at }
                    finished = i + 1 < seen ? entries[i + 1].at : nil
                }
                guard let start = first else { continue }
                let deadline = try controlDeadline(c, from: start)
                if c.count == .workingDays {
                    // «суммарно для всех согласующих»: the working time of every approval visit, summed.
                    let allowed = c.amount * conventions.schedule.dayMinutes
                    out.set(
                        ControlCheck(
                            kind: c.kind, deadline: deadline, metAt: finished,
                            state: minutes > allowed ? .overdue : .ok))
                } else {
                    out.set(check(c.kind, deadline: deadline, metAt: finished))
                }
            case .appealRedirect:
                // Only a redirected appeal has this deadline to meet.
                guard history.regime == .appeal, let redirected = happened(history.redirectedAt) else { continue }
                out.set(
                    check(
                        c.kind, deadline: try controlDeadline(c, from: history.registered),
                        metAt: redirected))
            case .appealRegistration:
                guard history.regime == .appeal, let received = history.receivedAt else { continue }
                out.set(
                    check(
                        c.kind, deadline: try controlDeadline(c, from: received),
                        metAt: history.registered))
            case .applicantContact, .headInformed:
                let fact = c.kind == .applicantContact ? history.applicantContactedAt : history.headInformedAt
                guard let met = happened(fact) else { continue }
                let start = executionArrival(before: met)
                out.set(check(c.kind, deadline: try controlDeadline(c, from: start), metAt: met))
            }
        }
        return out
    }
}
