import Srok

/// The text year view of `srok calendar`: twelve month grids, three abreast, like an official
/// production calendar, then quarter and year totals.
struct YearView {
    var calendar: WorkingCalendar
    var year: Int
    var days: [DayInfo]
    var lang: Language

    static let monthsRu = [
        "Январь", "Февраль", "Март", "Апрель", "Май", "Июнь", "Июль", "Август", "Сентябрь", "Октябрь", "Ноябрь",
        "Декабрь",
    ]
    static let monthsEn = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
        "December",
    ]

    func render() throws -> String {
        var out: [String] = []
        let ru = lang == .ru
        out.append(
            ru
                ? "Производственный календарь на \(year) год — \(calendar.title)"
                : "Production calendar \(year) — \(calendar.title)")
        if let y = calendar.yearData(year), !y.decrees.isEmpty {
            out.append((ru ? "Переносы: " : "Transfers: ") + y.decrees.joined(separator: "; "))
        }
        if calendar.isProvisional(try CivilDate.firstOfYear(year)) {
            out.append(
                ru
                    ? "ПРЕДВАРИТЕЛЬНО: постановления о переносе на этот год нет в данных; рассчитано по правилам ТК РФ."
                    : "PROVISIONAL: no transfer decree for this year in the data; computed from the Labour Code rules alone."
            )
        }
        out.append(
            ru
                ? "Обозначения: * праздник, + перенесённый выходной, ! рабочий выходной, - сокращённый день, ~ нерабочий день (указ), ? предварительно"
                : "Legend: * holiday, + moved day off, ! worked weekend, - shortened day, ~ non-working day (decree), ? provisional"
        )
        out.append("")
        for row in 0..<4 {
            let blocks = try (0..<3).map { try monthBlock(row * 3 + $0 + 1) }
            let height = blocks.map(\.count).max() ?? 0
            for line in 0..<height {
                out.append(
                    blocks.map { line < $0.count ? pad($0[line], 30) : String(repeating: " ", count: 30) }
                        .joined(separator: "  ").trimmingTrailing())
            }
            out.append("")
        }
        out.append(contentsOf: try totalsTable())
        out.append("")
        out.append(contentsOf: notableDays())
        return out.joined(separator: "\n")
    }

    /// Every day that is not an ordinary weekday or weekend, with its name and source.
    func notableDays() -> [String] {
        let ru = lang == .ru
        var lines = [ru ? "Праздники, переносы и сокращённые дни:" : "Holidays, moved days and shortened days:"]
        for d in days where d.kind != .working && d.kind != .weekend || d.isShortened {
            var line =
                "  " + (ru ? d.date.russian : d.date.iso) + " "
                + (ru ? d.date.weekday.russianShort : String(d.date.weekday.englishName.prefix(3)))
            line += " — " + (ru ? d.kind.russian : d.kind.english)
            if d.isShortened && d.kind != .working { line += ru ? ", сокращённый" : ", shortened" }
            if let n = d.name(lang), !n.isEmpty { line += ": " + n }
            if let src = d.source(lang) { line += " [" + src + "]" }
            if d.isProvisional { line += ru ? " (предварительно)" : " (provisional)" }
            lines.append(line)
        }
        return lines
    }

    func monthBlock(_ month: Int) throws -> [String] {
        let ru = lang == .ru
        var lines = [ru ? Self.monthsRu[month - 1] : Self.monthsEn[month - 1]]
        lines.append(ru ? " Пн  Вт  Ср  Чт  Пт  Сб  Вс" : " Mo  Tu  We  Th  Fr  Sa  Su")
        let first = CivilDate(year: year, month: month, day: 1)!
        let n = CivilDate.daysIn(month: month, year: year)
        var cells = Array(repeating: "    ", count: Int(first.weekday.rawValue) - 1)
        for d in 0..<n {
            let info = days[try CivilDate.firstOfYear(year).distance(to: first.adding(days: d))]
            cells.append(pad(String(d + 1), 3, left: true) + marker(info))
        }
        // Always six week rows, so that the three months of a row stay aligned.
        for _ in 0..<6 {
            lines.append(cells.prefix(7).joined())
            cells.removeFirst(min(7, cells.count))
        }
        let t = try calendar.totals(year: year, month: month)
        lines.append(
            ru
                ? "раб. \(t.workingDays), вых. \(t.daysOff), \(PeriodTotals.hours(t.hours40Tenths)) ч"
                : "work \(t.workingDays), off \(t.daysOff), \(PeriodTotals.hours(t.hours40Tenths)) h")
        return lines
    }

    func marker(_ info: DayInfo) -> String {
        if info.isProvisional && info.kind != .working && info.kind != .weekend { return "?" }
        switch info.kind {
        case .holiday: return "*"
        case .transferredDayOff, .carriedOverDayOff, .otherDayOff: return "+"
        case .workedWeekend: return "!"
        case .presidentialNonWorking: return "~"
        case .working, .weekend: return info.isShortened ? "-" : " "
        }
    }

    func totalsTable() throws -> [String] {
        let ru = lang == .ru
        var rows: [[String]] = [
            ru
                ? ["Период", "Календ.", "Рабочих", "Выходных", "Сокращ.", "40 ч", "36 ч", "24 ч"]
                : ["Period", "Calendar", "Working", "Off", "Short", "40 h", "36 h", "24 h"]
        ]
        func row(_ name: String, _ t: PeriodTotals) -> [String] {
            [
                name, String(t.calendarDays), String(t.workingDays), String(t.daysOff), String(t.shortenedDays),
                PeriodTotals.hours(t.hours40Tenths), PeriodTotals.hours(t.hours36Tenths),
                PeriodTotals.hours(t.hours24Tenths),
            ]
        }
        let quarterNames = ru ? ["I квартал", "II квартал", "III квартал", "IV квартал"] : ["Q1", "Q2", "Q3", "Q4"]
        for q in 1...4 { rows.append(row(quarterNames[q - 1], try calendar.totals(year: year, quarter: q))) }
        rows.append(
            row(
                ru ? "1-е полугодие" : "H1",
                try calendar.totals(
                    from: CivilDate(year: year, month: 1, day: 1)!, through: CivilDate(year: year, month: 6, day: 30)!))
        )
        rows.append(
            row(
                ru ? "2-е полугодие" : "H2",
                try calendar.totals(
                    from: CivilDate(year: year, month: 7, day: 1)!, through: CivilDate(year: year, month: 12, day: 31)!)
            ))
        rows.append(row(ru ? "Год" : "Year", try calendar.totals(year: year)))
        let widths = (0..<rows[0].count).map { c in rows.map { $0[c].count }.max()! }
        return rows.map { r in
            r.enumerated().map { c, v in c == 0 ? pad(v, widths[c]) : pad(v, widths[c], left: true) }.joined(
                separator: "  ")
        }
    }

    func pad(_ s: String, _ width: Int, left: Bool = false) -> String {
        let fill = String(repeating: " ", count: max(0, width - s.count))
        return left ? fill + s : s + fill
    }
}

extension String {
    func trimmingTrailing() -> String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
