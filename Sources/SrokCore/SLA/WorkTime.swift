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
        self.calendar = calendar
        self.zone = zone
        self.schedule = schedule
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
        try from.checkSupported("from")
        try to.checkSupported("to")
        if to <= from { return 0 }
        let a = zone.local(from)
        let b = zone.local(to)
        let ma = Int(a.secondOfDay) / 60
        let mb = Int(b.secondOfDay) / 60
        return try minutesOfDays(from: a.date, before: b.date)
            - minutesBefore(a.date, minute: ma) + minutesBefore(b.date, minute: mb)
    }

    /// The instant at which `minutes` working minutes after `start` have passed. When the count
    /// ends exactly at the close of a working day, that close (e.g. 18:00) is returned.
    /// - Throws: a start outside ``Instant/supportedRange``, or an end beyond the calendar
    ///   (found before any day past the calendar is read: any `minutes` is safe).
    public func adding(minutes: Int, to start: Instant) throws(SrokError) -> Instant {
        try start.checkSupported("start")
        let s = zone.local(start)
        if minutes <= 0 { return start }
        let before = try minutesBefore(s.date, minute: Int(s.secondOfDay) / 60)
        let left = try minutesBefore(s.date, minute: 1440) - before
        var found: (day: CivilDate, within: Int)?
        let dayMinutes = schedule.dayMinutes
        if minutes <= left {
            // The same day.
            found = (s.date, before + minutes)
        } else if (minutes - left) / dayMinutes < 1000 {
            // With no shortened day on the way, the count ends on the n-th working day after the
            // start day: one lookup in the calendar's list of working days.
            let (k, rem) = (minutes - left).quotientAndRemainder(dividingBy: dayMinutes)
            if let day = try? calendar.adding(workingDays: rem == 0 ? k : k + 1, to: s.date),
                (try? calendar.shortenedDays(from: s.date.adding(days: 1), through: day)) == 0
            {
                found = (day, rem == 0 ? dayMinutes : rem)
            }
        }
        if found == nil { found = try searchDay(minutes: minutes, from: s, before: before) }
        let (day, within) = found!
        let shortened = try calendar.workingState(of: day).isShortened
        var minute = schedule.minuteOfDay(after: within, shortened: shortened)
        // Keep the seconds of the start when the result is on the same day and the same interval.
        var second = 0
        if day == s.date {
            second = Int(s.secondOfDay) % 60
            if minute * 60 + second < Int(s.secondOfDay) { minute = Int(s.secondOfDay) / 60 }
        }
        return zone.instant(LocalDateTime(date: day, secondOfDay: Int32(minute * 60 + second)))
    }

    /// The day the count of `minutes` from `s` (with `before` working minutes of its day already
    /// past) ends on, and the working minutes of that day used: the first day d whose end reaches
    /// the target, P(d + 1) ≥ target, found by galloping from the start (a term of N working days
    /// ends within a few times N calendar days), then a binary search in the bracket — for counts
    /// over shortened days or beyond the direct lookup.
    private func searchDay(minutes: Int, from s: LocalDateTime, before: Int) throws(SrokError) -> (
        day: CivilDate, within: Int
    ) {
        let base = calendar.coverage.lowerBound
        // Minutes counted from the start of the calendar to the start.
        let elapsed = try minutesOfDays(from: base, before: s.date) + before
        let (target, overflow) = elapsed.addingReportingOverflow(minutes)
        guard !overflow else { throw calendar.outOfCoverage(calendar.coverage.upperBound.adding(days: 1)) }
        let last = Int(calendar.coverage.upperBound.daysSinceEpoch)
        var lo = Int(s.date.daysSinceEpoch)
        var step = minutes / max(1, schedule.dayMinutes) + 2
        var hi: Int
        @inline(__always) func endOf(_ d: Int) throws(SrokError) -> Int {
            try minutesOfDays(from: base, before: CivilDate(daysSinceEpoch: Int32(d)).adding(days: 1))
        }
        while true {
            hi = lo + min(step, last - lo)
            if try endOf(hi) >= target { break }
            guard hi < last else { throw calendar.outOfCoverage(calendar.coverage.upperBound.adding(days: 1)) }
            lo = hi + 1
            step = step > last ? step : step * 2
        }
        while lo < hi {
            let mid = lo + (hi - lo) / 2
            if try endOf(mid) >= target { hi = mid } else { lo = mid + 1 }
        }
        let day = CivilDate(daysSinceEpoch: Int32(lo))
        return (day, target - (try minutesOfDays(from: base, before: day)))
    }
}
