/// A production-calendar year as one record per day: the CSV, JSON and iCalendar renderings that
/// `srok calendar --format csv|json|ics` prints and the service's `/v1/calendar/{year}` returns.
package struct CalendarYearOutput {
    /// The calendar.
    package let calendar: WorkingCalendar
    /// The year.
    package let year: Int
    /// Every day of the year the calendar covers, in order.
    package let days: [DayInfo]

    /// The days of `year` in `calendar` (an error when the calendar does not cover it).
    package init(calendar: WorkingCalendar, year: Int) throws(SrokError) {
        self.calendar = calendar
        self.year = year
        let span = try calendar.days(ofYear: year)
        var days: [DayInfo] = []
        var d = span.lowerBound
        while d <= span.upperBound {
            days.append(try calendar.info(for: d))
            d = d.adding(days: 1)
        }
        self.days = days
    }

    /// The header and one record per day (names and acts in `lang`), fields separated by
    /// `delimiter`, each line ending in LF.
    package func csv(delimiter: Character = ",", lang: Language) -> String {
        var out = CSVText.record(DayRecord.csvHeader, delimiter: delimiter) + "\n"
        for day in days { out += CSVText.record(DayRecord(day, lang: lang).csvFields, delimiter: delimiter) + "\n" }
        return out
    }

    /// One JSON document: the calendar, the year, its data version, decrees, totals and every day
    /// (names and acts in `lang`).
    package func json(lang: Language) throws(SrokError) -> JSONObject {
        var o = JSONObject()
        o.add("calendar", calendar.id)
        o.add("year", year)
        o.add("data_version", calendar.dataVersion)
        o.add("provisional", days.first.map { calendar.isProvisional($0.date) } ?? false)
        if let y = calendar.yearData(year) { o.add("decrees", strings: y.decrees) }
        o.add("totals", Self.totalsJSON(try calendar.totals(year: year)))
        o.add("days", days.map { DayRecord($0, lang: lang).json })
        return o
    }

    /// A year's totals as JSON (hours as decimal literals, e.g. `1973.0`).
    package static func totalsJSON(_ t: PeriodTotals) -> JSONObject {
        var o = JSONObject()
        o.add("calendar_days", t.calendarDays)
        o.add("working_days", t.workingDays)
        o.add("days_off", t.daysOff)
        o.add("shortened_days", t.shortenedDays)
        o.addNumber("hours_40", PeriodTotals.hours(t.hours40Tenths))
        o.addNumber("hours_36", PeriodTotals.hours(t.hours36Tenths))
        o.addNumber("hours_24", PeriodTotals.hours(t.hours24Tenths))
        return o
    }

    /// One all-day VEVENT per day (RFC 5545), the kind as SUMMARY and the source as DESCRIPTION;
    /// lines end in CRLF, the last without one.
    package func ics(lang: Language) -> String {
        func escape(_ s: String) -> String {
            var out = ""
            for c in s {
                switch c {
                case "\\": out += "\\\\"
                case ";": out += "\\;"
                case ",": out += "\\,"
                case "\n": out += "\\n"
                default: out.append(c)
                }
            }
            return out
        }
        func compact(_ d: CivilDate) -> String { d.iso.filter { $0 != "-" } }
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Srok//srok \(SrokVersion.string)//RU",
            "CALSCALE:GREGORIAN", "X-WR-CALNAME:\(escape(calendar.title)) \(year)",
        ]
        for day in days {
            var summary = lang == .ru ? day.kind.russian : day.kind.english
            if day.isShortened { summary += lang == .ru ? " (сокращённый)" : " (shortened)" }
            if let n = day.name(lang), !n.isEmpty { summary += ": " + n }
            lines += [
                "BEGIN:VEVENT", "UID:\(day.date.iso)-\(calendar.id)@srok", "DTSTAMP:\(compact(day.date))T000000Z",
                "DTSTART;VALUE=DATE:\(compact(day.date))", "DTEND;VALUE=DATE:\(compact(day.date.adding(days: 1)))",
                "SUMMARY:\(escape(summary))", "CATEGORIES:\(day.kind.code)",
                "TRANSP:\(day.isWorking ? "TRANSPARENT" : "OPAQUE")",
            ]
            var description = (lang == .ru ? "рабочих минут: " : "working minutes: ") + String(day.workingMinutes)
            if let s = day.source(lang) { description += "; " + s }
            if day.isProvisional { description += lang == .ru ? "; предварительно" : "; provisional" }
            lines.append("DESCRIPTION:\(escape(description))")
            lines.append("END:VEVENT")
        }
        lines.append("END:VCALENDAR")
        return lines.joined(separator: "\r\n")
    }
}
