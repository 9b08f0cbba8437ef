import ArgumentParser
import Srok

/// `srok calendar YEAR`: a production-calendar year view, or one record per day.
struct CalendarCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calendar",
        abstract: tr(
            "Производственный календарь на год: таблица года (text) или запись на каждый день (csv, json, ics).",
            "A production-calendar year view (text) or one record per day (csv, json, ics).")
    )

    @Argument(help: help("Год.", "The year.")) var year: Int
    @Option(name: .long, help: help("Таблица года или запись на каждый день.", "The year view, or one record per day."))
    var format: CalendarFormat = .text
    @Option(
        name: .long,
        help: help(
            "Разделитель для --format csv, можно записать , ; или \\t (по умолчанию запятая).",
            "The delimiter of --format csv, also written , ; or \\t (default: a comma)."))
    var delimiter: CSVDelimiter?
    @OptionGroup var common: CalendarOptionsGroup

    func validate() throws {
        if let delimiter, format != .csv {
            throw ValidationError(
                tr(
                    "--delimiter \(delimiter.rawValue) относится только к --format csv",
                    "--delimiter \(delimiter.rawValue) applies to --format csv only"))
        }
    }

    func run() throws {
        let lang = common.lang
        let calendar = try common.calendar()
        let span = try calendar.days(ofYear: year)
        let first = span.lowerBound
        let last = span.upperBound
        var days: [DayInfo] = []
        var d = first
        while d <= last {
            days.append(try calendar.info(for: d))
            d = d.adding(days: 1)
        }
        switch format {
        case .text: print(try YearView(calendar: calendar, year: year, days: days, lang: lang).render())
        case .csv:
            let d = (delimiter ?? .comma).character
            print(CSVText.record(DayRecord.csvHeader, delimiter: d))
            for day in days { print(CSVText.record(DayRecord(day, lang: lang).csvFields, delimiter: d)) }
        case .json:
            var o = JSONObject()
            o.add("calendar", calendar.id)
            o.add("year", year)
            o.add("data_version", calendar.dataVersion)
            o.add("provisional", calendar.isProvisional(first))
            if let y = calendar.yearData(year) { o.add("decrees", strings: y.decrees) }
            let t = try calendar.totals(year: year)
            o.add("totals", totalsJSON(t))
            o.add("days", days.map { DayRecord($0, lang: lang).json })
            print(o.text)
        case .ics: print(ics(days, calendar: calendar, lang: lang))
        }
    }

    func totalsJSON(_ t: PeriodTotals) -> JSONObject {
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

    /// One all-day VEVENT per day (RFC 5545), the kind as SUMMARY and the source as DESCRIPTION.
    func ics(_ days: [DayInfo], calendar: WorkingCalendar, lang: Language) -> String {
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
