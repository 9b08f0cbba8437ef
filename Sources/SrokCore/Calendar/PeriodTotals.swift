/// Totals of a period as an official production calendar prints them.
public struct PeriodTotals: Sendable, Hashable {
    /// Calendar days.
    public var calendarDays: Int
    /// Working days (presidential non-working days count as working by default).
    public var workingDays: Int
    /// Days off (weekends, holidays, moved days off).
    public var daysOff: Int
    /// Shortened pre-holiday days.
    public var shortenedDays: Int
    /// Shortened days that also cut the 36- and 24-hour norms (all of them since 01.02.2002,
    /// ТК РФ ст. 95; none under КЗоТ ст. 47).
    public var shortenedDaysReducedWeeks: Int
    /// Norm of hours for a 40-hour week, in tenths of an hour (working days × 8 − shortened).
    public var hours40Tenths: Int { workingDays * 80 - shortenedDays * 10 }
    /// Norm for a 36-hour week in tenths (working days × 7.2 − shortened).
    public var hours36Tenths: Int { workingDays * 72 - shortenedDaysReducedWeeks * 10 }
    /// Norm for a 24-hour week in tenths (working days × 4.8 − shortened).
    public var hours24Tenths: Int { workingDays * 48 - shortenedDaysReducedWeeks * 10 }

    /// Formats tenths of an hour as `1979` or `1780.4`.
    public static func hours(_ tenths: Int) -> String {
        tenths % 10 == 0 ? String(tenths / 10) : "\(tenths / 10).\(tenths % 10)"
    }
}

extension WorkingCalendar {
    /// Totals for `from...through`.
    /// - Throws: when `through` is before `from`, or either is outside the calendar's coverage.
    public func totals(from: CivilDate, through: CivilDate) throws(SrokError) -> PeriodTotals {
        guard from <= through else {
            throw .invalidValue(
                field: "through", value: through.iso,
                expected: LocalizedText(ru: "дата не раньше \(from.russian)", en: "a date on or after \(from.iso)"))
        }
        let working = try workingDays(from: from, through: through)
        let calendarDays = from.distance(to: through) + 1
        var reduced = 0
        for year in from.year...through.year where tables.shorteningCutsReducedWeeks(year) {
            let span = try days(ofYear: year)
            reduced += try shortenedDays(from: max(from, span.lowerBound), through: min(through, span.upperBound))
        }
        return PeriodTotals(
            calendarDays: calendarDays, workingDays: working, daysOff: calendarDays - working,
            shortenedDays: try shortenedDays(from: from, through: through),
            shortenedDaysReducedWeeks: reduced)
    }

    /// Totals for a whole year.
    /// - Throws: when the calendar does not cover the year (see ``days(ofYear:)``).
    public func totals(year: Int) throws(SrokError) -> PeriodTotals {
        let span = try days(ofYear: year)
        return try totals(from: span.lowerBound, through: span.upperBound)
    }

    /// Totals for a quarter (1–4) of a year.
    /// - Throws: for a quarter outside 1–4 or a year the calendar does not cover.
    public func totals(year: Int, quarter: Int) throws(SrokError) -> PeriodTotals {
        guard (1...4).contains(quarter) else {
            throw .invalidValue(field: "quarter", value: String(quarter), expected: .wholeNumber(from: 1, to: 4))
        }
        let span = try days(ofYear: year)
        let from = CivilDate(year: year, month: quarter * 3 - 2, day: 1)!
        let through =
            quarter == 4 ? span.upperBound : CivilDate(year: year, month: quarter * 3 + 1, day: 1)!.adding(days: -1)
        return try totals(from: from, through: through)
    }

    /// Totals for a month of a year.
    /// - Throws: for a month outside 1–12 or a year the calendar does not cover.
    public func totals(year: Int, month: Int) throws(SrokError) -> PeriodTotals {
        guard (1...12).contains(month) else {
            throw .invalidValue(field: "month", value: String(month), expected: .wholeNumber(from: 1, to: 12))
        }
        _ = try days(ofYear: year)
        let from = CivilDate(year: year, month: month, day: 1)!
        return try totals(from: from, through: from.adding(days: CivilDate.daysIn(month: month, year: year) - 1))
    }

    /// The years whose compiled totals differ from the officially published ones, with what differs.
    /// Empty when the data reproduces every published year (the calendar data tests require it).
    public func totalsMismatches() -> [SrokError] {
        var out: [SrokError] = []
        for (year, data) in tables.years.sorted(by: { $0.key < $1.key }) {
            guard let published = data.totals else {
                out.append(
                    .dataMismatch(
                        calendar: id, year: year,
                        message: LocalizedText(
                            ru: "в данных нет опубликованных итогов года", en: "no published totals in the data")))
                continue
            }
            guard let t = try? totals(year: year) else { continue }
            var diffs: [LocalizedText] = []
            func differ(_ ru: String, _ en: String, _ ours: String, _ theirs: String) {
                diffs.append(
                    LocalizedText(
                        ru: "\(ru) \(ours) ≠ опубликовано \(theirs)", en: "\(en) \(ours) ≠ published \(theirs)"))
            }
            if t.workingDays != published.workingDays {
                differ("рабочих дней", "working days", String(t.workingDays), String(published.workingDays))
            }
            if t.daysOff != published.daysOff {
                differ("выходных и праздничных", "days off", String(t.daysOff), String(published.daysOff))
            }
            for (ours, theirs, hours) in [
                (t.hours40Tenths, published.hours40Tenths, 40), (t.hours36Tenths, published.hours36Tenths, 36),
                (t.hours24Tenths, published.hours24Tenths, 24),
            ] where ours != theirs {
                differ(
                    "норма \(hours)-часовой недели", "\(hours)-hour norm", PeriodTotals.hours(ours),
                    PeriodTotals.hours(theirs))
            }
            if !diffs.isEmpty {
                out.append(.dataMismatch(calendar: id, year: year, message: .join(diffs, separator: "; ")))
            }
        }
        return out
    }

    /// The data of `year` (decrees, transfers, published totals, sources), if the calendar has it.
    public func yearData(_ year: Int) -> CalendarYear? { tables.years[year] }
}
