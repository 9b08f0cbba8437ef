import CICUShim

/// Evaluates regional holiday rules to Gregorian dates through ICU: Islamic calendars for
/// Ураза-байрам and Курбан-байрам, the Julian calendar for Orthodox Easter, the Chinese calendar
/// for lunar New Year. Holds ICU calendars: not thread-safe, not `Sendable`; used while compiling
/// a regional calendar, never per record.
package final class HolidayRuleEvaluator {
    private let islamic: ICUCalendar
    private let julian: ICUCalendar
    private let chinese: ICUCalendar

    /// Opens the calendars. `islamicCalendar` is Umm al-Qura (default) or the tabular calendar,
    /// the two forecasts the engine offers.
    package init(islamicCalendar: IslamicCalendar = .umalqura) throws(SrokError) {
        islamic = try ICUCalendar(locale: "ru_RU@calendar=\(islamicCalendar.icuIdentifier)")
        julian = try ICUCalendar(locale: "ru_RU@calendar=gregorian", julian: true)
        chinese = try ICUCalendar(locale: "zh_CN@calendar=chinese")
    }

    /// The Gregorian date of Hijri `month`/`day` falling in Gregorian `year` (there can be two in
    /// one year for dates near its ends, rarely).
    package func islamicDates(month: Int, day: Int, gregorianYear year: Int) throws(SrokError) -> [CivilDate] {
        try HolidayRuleEvaluator.check(year: year, month: month, day: day)
        let estimate = Int((Double(year) - 621.57) * 1.030_684)
        var out: [CivilDate] = []
        for hy in (estimate - 1)...(estimate + 1) {
            islamic.clear()
            islamic.set(SROK_FIELD_EXTENDED_YEAR, hy)
            islamic.set(SROK_FIELD_MONTH, month - 1)
            islamic.set(SROK_FIELD_DAY_OF_MONTH, day)
            let d = try islamic.gregorianDate()
            if d.year == year { out.append(d) }
        }
        return out
    }

    /// Orthodox Easter of `year` as a Gregorian date: the Julian computus (Meeus) gives the Julian
    /// calendar date, which ICU's Julian calendar (Gregorian change moved to the far future) converts.
    package func orthodoxEaster(_ year: Int) throws(SrokError) -> CivilDate {
        try HolidayRuleEvaluator.check(year: year)
        let a = year % 4
        let b = year % 7
        let c = year % 19
        let d = (19 * c + 15) % 30
        let e = (2 * a + 4 * b - d + 34) % 7
        let month = (d + e + 114) / 31
        let day = (d + e + 114) % 31 + 1
        julian.clear()
        julian.set(SROK_FIELD_ERA, 1)
        julian.set(SROK_FIELD_YEAR, year)
        julian.set(SROK_FIELD_MONTH, month - 1)
        julian.set(SROK_FIELD_DAY_OF_MONTH, day)
        return try julian.gregorianDate()
    }

    /// The Gregorian date of Chinese-calendar `month`/`day` (non-leap month) of the lunar year that
    /// begins in Gregorian `year`.
    package func lunarDate(month: Int, day: Int, gregorianYear year: Int) throws(SrokError) -> CivilDate {
        try HolidayRuleEvaluator.check(year: year, month: month, day: day)
        chinese.clear()
        chinese.set(SROK_FIELD_EXTENDED_YEAR, year + 2637)
        chinese.set(SROK_FIELD_MONTH, month - 1)
        chinese.set(SROK_FIELD_IS_LEAP_MONTH, 0)
        chinese.set(SROK_FIELD_DAY_OF_MONTH, day)
        return try chinese.gregorianDate()
    }

    /// Refuses a year outside ``YearSpan/supportedYears`` or a month-day no calendar has, before the
    /// arithmetic and the ICU fields (`Int32`) see them.
    private static func check(year: Int, month: Int = 1, day: Int = 1) throws(SrokError) {
        guard YearSpan.supportedYears.contains(year) else {
            throw .invalidValue(
                field: "year", value: String(year),
                expected: YearSpan.acceptedYears)
        }
        guard (1...13).contains(month), (1...31).contains(day) else {
            throw .invalidValue(
                field: "month-day", value: "\(month)-\(day)",
                expected: LocalizedText(ru: "месяц 1–13 и день 1–31", en: "a month 1–13 and a day 1–31"))
        }
    }

    /// The first days of `rule`'s occurrences in `year` (a span's first day).
    package func dates(of rule: RegionalHolidayRule, in year: Int) throws(SrokError) -> [CivilDate] {
        switch rule.kind {
        case .fixed: return CivilDate(year: year, month: rule.month, day: rule.day).map { [$0] } ?? []
        case .islamic: return try islamicDates(month: rule.month, day: rule.day, gregorianYear: year)
        case .easter: return [try orthodoxEaster(year).adding(days: rule.offset)]
        case .lunar:
            let d = try lunarDate(month: rule.month, day: rule.day, gregorianYear: year)
            return d.year == year ? [d] : []
        }
    }
}
