extension WorkingCalendar {
    /// Compiles a calendar definition (plus an optional overlay of regional days) into flat tables.
    ///
    /// Order of application, per the acts: Saturdays and Sundays are days off; statutory
    /// holidays in force on each date; decree transfers (the target becomes a day off, an
    /// ordinary weekend source becomes a worked weekend day); carry-over of holidays on weekends to
    /// the next working day after the holiday (ст. 112 ч. 2), unless a transfer already moved that
    /// holiday; other act-made days off; presidential non-working days; the overlay; shortened days
    /// (published lists for data years, ст. 95's rule for provisional years).
    ///
    /// - Parameters:
    ///   - definition: the base calendar.
    ///   - overlay: regional days laid over the base.
    ///   - overlayName: the resulting calendar's id when an overlay is given (e.g. `RU-TA`).
    ///   - overlayTitle: the resulting calendar's display name when an overlay is given.
    ///   - options: see ``CalendarOptions``.
    ///   - refusedYears: years the strict regional option refuses (no act for them in the data).
    /// - Throws: ``SrokError/data(location:message:)`` when the definition has no years.
    public static func compile(
        _ definition: CalendarDefinition, overlay: [OverlayDay] = [],
        overlayName: String? = nil, overlayTitle: String? = nil,
        options: CalendarOptions = CalendarOptions(),
        refusedYears: Set<Int> = []
    ) throws(SrokError) -> WorkingCalendar {
        let dataYears = definition.dataYears
        guard let firstYear = dataYears.first, let lastDataYear = dataYears.last else {
            throw .data(
                location: SourceLocation(file: definition.id, line: 0),
                message: LocalizedText(
                    ru: "в календаре \(definition.id) нет данных ни за один год",
                    en: "calendar \(definition.id) has no year data"))
        }
        for (a, b) in zip(dataYears, dataYears.dropFirst()) where b != a + 1 {
            throw .data(
                location: definition.years[b]!.location,
                message: LocalizedText(
                    ru: "календарь \(definition.id): нет данных за \(a + 1)–\(b - 1) годы; годы должны идти подряд",
                    en: "calendar \(definition.id): years \(a + 1)…\(b - 1) are missing; the data must be contiguous"))
        }
        if let p = options.provisionalThroughYear, !YearSpan.supportedYears.contains(p) {
            throw .invalidValue(
                field: "--provisional", value: String(p), expected: YearSpan.acceptedYears)
        }
        let lastYear = max(lastDataYear, options.provisionalThroughYear ?? lastDataYear)
        let start = try CivilDate.firstOfYear(firstYear)
        let endExclusive = try CivilDate.firstOfYear(lastYear + 1)
        let count = start.distance(to: endExclusive)
        let provisionalFrom: CivilDate? = lastYear > lastDataYear ? try CivilDate.firstOfYear(lastDataYear + 1) : nil

        var kinds = [DayKind](repeating: .working, count: count)
        var notes: [CivilDate: DayNote] = [:]
        func idx(_ d: CivilDate) -> Int? {
            let i = start.distance(to: d)
            return i >= 0 && i < count ? i : nil
        }
        for i in 0..<count where start.adding(days: i).weekday.isWeekend { kinds[i] = .weekend }

        // Statutory holidays.
        var holidays: [(date: CivilDate, holiday: StatutoryHoliday)] = []
        for year in firstYear...lastYear {
            for statute in definition.statutes {
                for h in statute.holidays {
                    guard let d = CivilDate(year: year, month: h.month, day: h.day), statute.isInForce(on: d),
                        let i = idx(d)
                    else { continue }
                    kinds[i] = .holiday
                    notes[d] = DayNote(
                        name: LocalizedText(verbatim: h.name), source: LocalizedText(verbatim: h.citation),
                        isProvisional: year > lastDataYear)
                    holidays.append((d, h))
                }
            }
        }

        // Decree transfers.
        var transferredHolidays = Set<CivilDate>()
        for year in dataYears {
            for t in definition.years[year]!.transfers {
                guard let to = idx(t.to) else { continue }
                // Name the day off after the holiday it comes from (not after a plain weekend).
                let fromName = idx(t.from).flatMap { kinds[$0] == .holiday ? notes[t.from]?.name : nil }
                if let from = idx(t.from) {
                    if kinds[from] == .holiday {
                        transferredHolidays.insert(t.from)
                    } else if kinds[from] == .weekend {
                        kinds[from] = .workedWeekend
                        notes[t.from] = DayNote(
                            name: LocalizedText(
                                ru: "выходной перенесён на \(t.to.russian)", en: "its day off moved to \(t.to.iso)"),
                            movedFrom: nil, source: LocalizedText(verbatim: t.citation))
                    }
                }
                kinds[to] = .transferredDayOff
                let moved = LocalizedText(ru: "перенос с \(t.from.russian)", en: "moved from \(t.from.iso)")
                notes[t.to] = DayNote(
                    name: fromName.map { moved + LocalizedText(ru: " (\($0.ru))", en: " (\($0.en))") } ?? moved,
                    movedFrom: t.from, source: LocalizedText(verbatim: t.citation))
            }
        }

        // Carry-over of holidays on weekends.
        for (d, h) in holidays.sorted(by: { $0.date < $1.date })
        where d.weekday.isWeekend && !transferredHolidays.contains(d) {
            guard let rule = definition.carryOverRules.first(where: { $0.applies(to: d) }) else { continue }
            var j = d.adding(days: 1)
            while let i = idx(j), kinds[i] != .working { j = j.adding(days: 1) }
            guard let i = idx(j) else { continue }
            kinds[i] = .carriedOverDayOff
            notes[j] = DayNote(
                name: LocalizedText(
                    ru: "перенос с \(d.russian) (\(h.name))", en: "carried over from \(d.iso) (\(h.name))"),
                movedFrom: d, source: LocalizedText(verbatim: rule.citation),
                isProvisional: d.year > lastDataYear)
        }

        // Other act-made days off and presidential days.
        for year in dataYears {
            let y = definition.years[year]!
            for off in y.daysOff {
                guard let i = idx(off.date) else { continue }
                kinds[i] = .otherDayOff
                notes[off.date] = DayNote(
                    name: LocalizedText(verbatim: off.name), source: LocalizedText(verbatim: off.citation))
            }
            for p in y.presidentialDays {
                guard let i = idx(p.date), kinds[i] == .working else { continue }
                kinds[i] = .presidentialNonWorking
                notes[p.date] = DayNote(
                    name: LocalizedText(verbatim: p.name), source: LocalizedText(verbatim: p.citation))
            }
        }

        // Overlay (regional days).
        var eveShortening: [CivilDate] = []
        for o in overlay {
            guard let i = idx(o.date) else { continue }
            switch o.effect {
            case .dayOff:
                // A regional holiday on a plain weekend is shown as such (it may move the day off).
                if kinds[i] == .working || kinds[i] == .workedWeekend || kinds[i] == .presidentialNonWorking
                    || kinds[i] == .weekend
                {
                    kinds[i] = .otherDayOff
                }
                if o.shortensEve { eveShortening.append(o.date) }
            case .workedDay:
                kinds[i] = .workedWeekend
            }
            // A regional day on a day that is already off keeps the federal reason too.
            let existing = notes[o.date]
            let keepsFederal = o.effect == .dayOff && kinds[i] != .otherDayOff
            let name = existing?.name.map { keepsFederal ? $0 + "; " + o.name : o.name } ?? o.name
            let source = existing?.source.map { keepsFederal ? $0 + "; " + o.source : o.source } ?? o.source
            notes[o.date] = DayNote(
                name: name, movedFrom: existing?.movedFrom, source: source, isProvisional: o.isProvisional)
        }

        // Working bit and shortened days.
        var flags = [UInt8](repeating: 0, count: count)
        for i in 0..<count {
            var f = kinds[i].rawValue
            switch kinds[i] {
            case .working, .workedWeekend: f |= CalendarTables.workingBit
            case .presidentialNonWorking where options.presidentialDaysAreWorking: f |= CalendarTables.workingBit
            default: break
            }
            flags[i] = f
        }
        func shorten(_ d: CivilDate, _ source: LocalizedText) {
            guard let i = idx(d), flags[i] & CalendarTables.workingBit != 0 else { return }
            flags[i] |= CalendarTables.shortenedBit
            if notes[d] == nil {
                notes[d] = DayNote(
                    name: LocalizedText(
                        ru: "предпраздничный день (сокращённый на 1 час)", en: "pre-holiday day (one hour shorter)"),
                    source: source)
            }
        }
        for year in dataYears {
            for s in definition.years[year]!.shortened { shorten(s.date, LocalizedText(verbatim: s.citation)) }
        }
        // Provisional years: ст. 95 — the working day right before a holiday, across ordinary weekends.
        if provisionalFrom != nil {
            for (d, _) in holidays where d.year > lastDataYear {
                var e = d.adding(days: -1)
                while let i = idx(e), kinds[i] == .weekend { e = e.adding(days: -1) }
                if let i = idx(e), kinds[i] == .working {
                    shorten(
                        e,
                        LocalizedText(
                            ru: "ТК РФ ст. 95 (по правилу, без данных постановления)",
                            en: "Labour Code art. 95 (by the rule, no decree in the data)"))
                }
            }
        }
        for d in eveShortening {
            let e = d.adding(days: -1)
            if let i = idx(e), kinds[i] == .working || kinds[i] == .workedWeekend {
                shorten(e, LocalizedText(ru: "ТК РФ ст. 95", en: "Labour Code art. 95"))
            }
        }

        // Only the covered years have days to mark (the year is compared before any date arithmetic).
        for year in refusedYears where (firstYear...lastYear).contains(year) {
            let from = try CivilDate.firstOfYear(year)
            for d in 0..<from.distance(to: try CivilDate.firstOfYear(year + 1)) {
                if let i = idx(from.adding(days: d)) { flags[i] |= CalendarTables.refusedBit }
            }
        }
        let tables = CalendarTables(
            id: overlayName ?? definition.id,
            title: overlayTitle ?? definition.title,
            dataVersion: definition.dataVersion, options: options, start: start,
            provisionalFrom: provisionalFrom, flags: flags, notes: notes, refusedYears: refusedYears,
            years: definition.years,
            shorteningCutsReducedWeeks: { [definition] in definition.shorteningCutsReducedWeeks(in: $0) })
        return WorkingCalendar(tables: tables)
    }
}
