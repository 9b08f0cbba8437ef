/// Computes schedules and statuses of messages for one organisation: a working-day calendar, a
/// time zone and the counting conventions. Immutable and `Sendable`: build it once and use it from
/// any thread. A class, so that millions of evaluations share one instance instead of copying
/// (and retaining) its tables.
public final class SLAEngine: Sendable {
    /// The working-day calendar (federal or regional).
    public let calendar: WorkingCalendar
    /// The organisation's zone.
    public let zone: ZoneRules
    /// The counting conventions.
    public let conventions: SLAConventions
    /// Working-time arithmetic for `workday8` and working-hour terms.
    public let workTime: WorkTime

    /// Creates an engine.
    public init(calendar: WorkingCalendar, zone: ZoneRules, conventions: SLAConventions = SLAConventions()) {
        self.calendar = calendar
        self.zone = zone
        self.conventions = conventions
        self.workTime = WorkTime(calendar: calendar, zone: zone, schedule: conventions.schedule)
    }

    /// Checks a term against the regime: a message takes 1–30 calendar days (ПОС fast-track up to
    /// 30); any term must be positive.
    public static func validate(_ term: Term, regime: Regime) throws(SrokError) {
        try checkBounds(term)
        if regime == .message, term.unit == .calendarDays, term.amount > 30 {
            throw .invalidValue(
                field: "term", value: String(term.amount),
                expected: LocalizedText(
                    ru: "1–30 календарных дней для сообщения ПОС (фаст-трек 1–30)",
                    en: "1–30 calendar days for a message of the POS platform (fast-track 1–30)"))
        }
    }

    /// The bounds of any term, whatever the regime: 1–366 days or 1–8784 (366 × 24) hours. Every
    /// computation on a term's amount comes after this check, so no amount traps.
    static func checkBounds(_ term: Term) throws(SrokError) {
        let hours = term.unit == .hours || term.unit == .workingHours
        let limit = hours ? 24 * 366 : 366
        guard term.amount >= 1, term.amount <= limit else {
            throw .invalidValue(
                field: "term", value: String(term.amount),
                expected: LocalizedText(
                    ru: "положительный срок не больше \(limit) \(hours ? "часов" : "дней")",
                    en: "a positive term of at most \(limit) \(hours ? "hours" : "days")"))
        }
    }

    /// The total due time of `term` from `registered` (no stages).
    /// - Throws: a term out of bounds (1–366 days, 1–8784 hours), a registration outside
    ///   ``Instant/supportedRange``, or a date outside the calendar.
    public func totalDue(registered: Instant, term: Term) throws(SrokError) -> (
        due: Instant, dueDate: CivilDate, roll: RollOutcome?
    ) {
        try SLAEngine.checkBounds(term)
        try registered.checkSupported("registered_at")
        let local = zone.local(registered)
        switch term.unit {
        case .hours:
            let due = registered.adding(seconds: Int64(term.amount) * 3600)
            return (due, zone.localDate(due), nil)
        case .workingHours:
            let due = try workTime.adding(minutes: term.amount * 60, to: registered)
            return (due, zone.localDate(due), nil)
        case .calendarDays, .workingDays:
            var date: CivilDate
            if term.unit == .calendarDays {
                date = local.date.adding(days: conventions.count == .daysInclusive ? term.amount - 1 : term.amount)
            } else {
                let startIsWorking = try calendar.isWorkingDay(local.date)
                let inclusiveStart = conventions.count == .daysInclusive && startIsWorking
                date = try calendar.adding(workingDays: inclusiveStart ? term.amount - 1 : term.amount, to: local.date)
            }
            if conventions.count == .clock && term.unit == .calendarDays {
                // N × 24 h of wall time (not N local days: a zone change inside the term counts).
                let due = registered.adding(seconds: Int64(term.amount) * 86_400)
                let last = zone.local(due)
                let rolled = try rollLastDay(last.date, registered: registered, earliest: nil) {
                    zone.instant(LocalDateTime(date: $0, secondOfDay: last.secondOfDay))
                }
                return rolled.map { ($0.due, $0.outcome.to, $0.outcome) } ?? (due, last.date, nil)
            }
            let clock = conventions.count == .clock
            func instant(_ d: CivilDate) -> Instant {
                clock
                    ? zone.instant(LocalDateTime(date: d, secondOfDay: local.secondOfDay))
                    : zone.endOfDay(d).adding(seconds: -1)
            }
            // With `days` the last day must come after the registration day (ГК РФ ст. 191), with
            // `days-inclusive` not before it.
            let earliest = conventions.count == .daysInclusive ? local.date : local.date.adding(days: 1)
            let rolled = try rollLastDay(date, registered: registered, earliest: earliest, instant: instant)
            return rolled.map { ($0.due, $0.outcome.to, $0.outcome) } ?? (instant(date), date, nil)
        }
    }

    /// Rolls the last day of a term by the convention (``SLAConventions/roll``); `nil` when the day
    /// stays. A roll may not end the term before it starts: when the rolled due time
    /// (`instant(rolled)`) is at or before `registered`, or the rolled day before `earliest`, the
    /// day is rolled `following` instead and the outcome is marked reversed.
    @inline(__always)
    private func rollLastDay(
        _ date: CivilDate, registered: Instant, earliest: CivilDate?,
        instant: (CivilDate) -> Instant
    ) throws(SrokError) -> (due: Instant, outcome: RollOutcome)? {
        let rolled = try calendar.roll(date, conventions.roll)
        if rolled == date { return nil }
        let due = instant(rolled)
        if due <= registered || earliest.map({ rolled < $0 }) ?? false {
            let forward = try calendar.roll(date, .following)
            return (
                instant(forward), RollOutcome(from: date, to: forward, convention: conventions.roll, reversed: true)
            )
        }
        return (due, RollOutcome(from: date, to: rolled, convention: conventions.roll, reversed: false))
    }

    /// Budget of the whole term in the basis's minutes: N × 24 h (clock24) or N × 8 h (workday8)
    /// for day terms; N hours for hour terms. The term must be within bounds (``schedule(registered:term:)``
    /// checks it first).
    package func totalBudgetMinutes(_ term: Term) -> Int {
        switch term.unit {
        case .calendarDays, .workingDays:
            return term.amount * (conventions.basis == .clock24 ? 1440 : conventions.schedule.dayMinutes)
        case .hours, .workingHours:
            return term.amount * 60
        }
    }

    /// The full schedule of a message: total due time, stage budgets and planned stage due times.
    /// Budgets are the stages' shares of the term, or the act's published cells for a term its
    /// table publishes when ``SLAConventions/budgets`` is `published`.
    /// - Throws: see ``totalDue(registered:term:)``.
    public func schedule(registered: Instant, term: Term) throws(SrokError) -> MessageSchedule {
        let (due, dueDate, roll) = try totalDue(registered: registered, term: term)
        let total = totalBudgetMinutes(term)
        let shares = conventions.shares
        var published: PerStage<Int>?
        if conventions.budgets == .published, term.unit == .calendarDays {
            for column in conventions.publishedBudgets where column.days == term.amount {
                published = column.minutes
                break
            }
        }
        var previous = registered
        var allotted = 0
        // Stage by stage, in order (the initialiser calls its closure moderation … final approval).
        let budgets = PerStage<Int> { stage in
            if let published { return published[stage] }
            // The last stage takes what rounding left, so that the budgets add up to the term.
            let b = stage == .finalApproval ? total - allotted : total * shares.basisPoints[stage] / 10_000
            allotted += b
            return b
        }
        var running = 0
        let stageDue = try PerStage<Instant> { (stage) throws(SrokError) -> Instant in
            if stage == .finalApproval { return due }
            let cumulative: Int
            if published != nil {
                running += budgets[stage]
                cumulative = running
            } else {
                cumulative = total * shares.cumulative(through: stage) / 10_000
            }
            var t: Instant
            switch conventions.basis {
            case .clock24: t = registered.adding(minutes: Int64(cumulative))
            case .workday8: t = try workTime.adding(minutes: cumulative, to: registered)
            }
            if conventions.rollStageDueTimes {
                let d = zone.localDate(t)
                let r = try calendar.roll(d, conventions.roll)
                if r != d { t = zone.instant(LocalDateTime(date: r, secondOfDay: zone.local(t).secondOfDay)) }
            }
            t = min(max(t, previous), due)
            previous = t
            return t
        }
        let provisional = calendar.provisionalFrom.map { dueDate >= $0 } ?? false
        return MessageSchedule(
            registered: registered, term: term, dueDate: dueDate, due: due, roll: roll,
            budgetMinutes: budgets, stageDue: stageDue, basis: conventions.basis,
            budgetSource: published != nil ? .published : .shares, isProvisional: provisional)
    }

    /// Time used between two instants in the basis's minutes.
    /// - Throws: an instant outside ``Instant/supportedRange`` or a date outside the calendar.
    public func used(from: Instant, to: Instant) throws(SrokError) -> Int {
        try from.checkSupported("from")
        try to.checkSupported("to")
        switch conventions.basis {
        case .clock24: return to > from ? Int(from.seconds(to: to) / 60) : 0
        case .workday8: return try workTime.workingMinutes(from: from, to: to)
        }
    }

    /// The instant `minutes` of the basis after `start`.
    /// - Throws: a start outside ``Instant/supportedRange``, more minutes than that range holds,
    ///   or a date outside the calendar.
    public func after(_ start: Instant, minutes: Int) throws(SrokError) -> Instant {
        try start.checkSupported("start")
        guard minutes.magnitude <= Instant.supportedMinutes else {
            throw .invalidValue(
                field: "minutes", value: String(minutes),
                expected: LocalizedText(
                    ru: "не больше \(Instant.supportedMinutes) минут в любую сторону",
                    en: "at most \(Instant.supportedMinutes) minutes either way"))
        }
        switch conventions.basis {
        case .clock24: return start.adding(minutes: Int64(minutes))
        case .workday8: return try workTime.adding(minutes: minutes, to: start)
        }
    }
}
