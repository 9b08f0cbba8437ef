import CSrok
import SrokCore

extension srok_due_result {
    /// The C result of a schedule: instants in seconds since the epoch, dates local to `zone`.
    init(_ s: MessageSchedule, regime: Regime, zone: ZoneRules) {
        func plan(_ stage: Stage) -> srok_stage_plan {
            srok_stage_plan(due: s.stageDue[stage].secondsSinceEpoch, budget_minutes: Int64(s.budgetMinutes[stage]))
        }
        let roll: srok_roll = s.roll.map { $0.reversed ? SROK_ROLL_REVERSED : SROK_ROLL_ROLLED } ?? SROK_ROLL_NONE
        let unit: srok_term_unit =
            switch s.term.unit {
            case .calendarDays: SROK_TERM_CALENDAR_DAYS
            case .workingDays: SROK_TERM_WORKING_DAYS
            case .hours: SROK_TERM_HOURS
            case .workingHours: SROK_TERM_WORKING_HOURS
            }
        self.init(
            registered: s.registered.secondsSinceEpoch, due: s.due.secondsSinceEpoch,
            due_date: srok_date(s.dueDate), unrolled_date: srok_date(s.roll?.from ?? s.dueDate),
            due_utc_offset: Int32(zone.offset(at: s.due)), roll: Int32(roll.rawValue),
            term_amount: Int32(s.term.amount), term_unit: Int32(unit.rawValue),
            regime: Int32(regime == .appeal ? SROK_REGIME_APPEAL.rawValue : SROK_REGIME_MESSAGE.rawValue),
            provisional: s.isProvisional ? 1 : 0,
            stages: (
                plan(.moderation), plan(.coordination), plan(.execution), plan(.approval), plan(.finalApproval)
            ))
    }
}

extension srok_date {
    /// A civil date as days since 1970-01-01 and year, month, day.
    init(_ d: CivilDate) {
        let c = d.components
        self.init(days: d.daysSinceEpoch, year: Int32(c.year), month: Int32(c.month), day: Int32(c.day))
    }
}
