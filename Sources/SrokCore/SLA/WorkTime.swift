/// Working-time arithmetic on instants: a ``WorkSchedule`` laid over a ``WorkingCalendar`` in a
/// zone. Counting and adding working minutes is O(log n) in the covered days (prefix sums of the
/// compiled calendar; no day-by-day walk, no ICU).
public struct WorkTime: Sendable {
    /// The calendar of working days.
    public let calendar: WorkingCalendar
    /// The organisation's zone.
    public let zone: ZoneRules
    /// The working intervals of a day.
    public let schedule: WorkSchedule

    /// Creates working-time arithmetic.
    public init(calendar: WorkingCalendar, zone: ZoneRules, schedule: WorkSchedule = .standard) {
        self.calendar = calendar; self.zone = zone; self.schedule = schedule
    }

    /// Working minutes of whole days in `from..<to` (dates).
    func minutesOfDays(from: CivilDate, before to: CivilDate) throws(SrokError) -> Int {
        if to <= from { return 0 }
        let last = to.adding(days: -1)
        let wd = try calendar.workingDays(from: from, through: last)
        let sh = try calendar.shortenedDays(from: from, through: last)
        return wd * schedule.dayMinutes - sh * schedule.shortenedCut
    }

    /// Working minutes of `date` before minute-of-day `t`.
    func minutesBefore(_ date: CivilDate, minute t: Int) throws(SrokError) -> Int {
        let day = try calendar.workingState(of: date)
        guard day.isWorking else { return 0 }
        return schedule.minutesBefore(t, shortened: day.isShortened)
    }

    /// Working minutes between two instants (0 when `to <= from`).
    /// - Throws: an instant outside ``Instant/supportedRange`` or a date outside the calendar.
    public func workingMinutes(from: Instant, to: Instant) throws(SrokError) -> Int {
        try from.checkSupported("from"); try to.checkSupported("to")
        if to <= from { return 0 }
        let a = zone.local(from), b = zone.local(to)
        let ma = Int(a.secondOfDay) / 60, mb = Int(b.secondOfDay) / 60
        return try minutesOfDays(from: a.date, before: b.date)
            - minutesBefore(a.date, minute: ma) + minutesBefore(b.date, minute: mb)
    }

    /// The instant at which `minutes` working minutes after `start` have passed. When the count
    /// ends exactly at the close of a working day, that close (e.g. 18:00) is returned.
    /// - Throws: a start outside ``Instant/supportedRange``, or an end beyond the calendar
    ///   (checked before the count is added: any `minutes` is safe).
    public func adding(minutes: Int, to start: Instant) throws(SrokError) -> Instant {
        try start.checkSupported("start")
        let s = zone.local(start)
        let base = calendar.coverage.lowerBound
        // Minutes counted from the start of the calendar to `start`.
        let elapsed = try minutesOfDays(from: base, before: s.date) + minutesBefore(s.date, minute: Int(s.secondOfDay) / 60)
        if minutes <= 0 { return start }
        // The first day d whose end reaches the target: P(d + 1) ≥ target.
        var lo = s.date.daysSinceEpoch, hi = calendar.coverage.upperBound.daysSinceEpoch
        guard minutes <= (try minutesOfDays(from: base, before: CivilDate(daysSinceEpoch: hi).adding(days: 1))) - elapsed else {
            throw calendar.outOfCoverage(calendar.coverage.upperBound.adding(days: 1))
        }
        let target = elapsed + minutes
        while lo < hi {
            let mid = lo + (hi - lo) / 2
            if try minutesOfDays(from: base, before: CivilDate(daysSinceEpoch: mid).adding(days: 1)) >= target { hi = mid } else { lo = mid + 1 }
        }
        let day = CivilDate(daysSinceEpoch: lo)
        let within = target - (try minutesOfDays(from: base, before: day))
        let shortened = try calendar.workingState(of: day).isShortened
        var minute = schedule.minuteOfDay(after: within, shortened: shortened)
        // Keep the seconds of the start when the result is on the same day and the same interval.
        var second = 0
        if day == s.date { second = Int(s.secondOfDay) % 60; if minute * 60 + second < Int(s.secondOfDay) { minute = Int(s.secondOfDay) / 60 } }
        return zone.instant(LocalDateTime(date: day, secondOfDay: Int32(minute * 60 + second)))
    }
}
