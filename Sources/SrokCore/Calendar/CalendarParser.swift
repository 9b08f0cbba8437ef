extension CalendarDefinition {
    /// Parses calendar files (the grammar of `Data/FORMAT.md`) into definitions by id.
    ///
    /// Several files may contribute to one calendar; a `year` block that appears again (e.g. in
    /// a user file loaded after the embedded data) replaces the earlier one.
    ///
    /// - Parameters:
    ///   - files: (name, text) pairs in load order.
    ///   - base: definitions to extend (e.g. the embedded ones when loading a user file).
    /// - Throws: ``SrokError/data(location:message:)`` naming the file, line and accepted form.
    public static func parse(
        files: [(name: String, text: String)],
        extending base: [String: CalendarDefinition] = [:]
    ) throws(SrokError) -> [String: CalendarDefinition] {
        var defs = base
        for (name, text) in files {
            var current: String?
            var statute: Int?
            var year: Int?
            func def(_ line: DataLine) throws(SrokError) -> String {
                guard let c = current else {
                    throw line.fail(
                        ru: "«\(line.keyword)» до первой строки «calendar ID»",
                        en: "'\(line.keyword)' before any 'calendar ID' line")
                }
                return c
            }
            for line in DataLine.lines(of: text, file: name) {
                switch line.keyword {
                case "calendar":
                    let id = try line.field(0, LocalizedText(ru: "идентификатор календаря", en: "a calendar id"))
                    current = id
                    if defs[id] == nil { defs[id] = CalendarDefinition(id: id) }
                    statute = nil
                    year = nil
                case "title":
                    defs[try def(line)]!.title = line.rest
                case "data-version":
                    defs[try def(line)]!.dataVersion = line.rest
                case "statute":
                    let id = try def(line)
                    let from = try line.date(0)
                    let toText = try line.field(
                        1, LocalizedText(ru: "дата окончания или «open»", en: "an end date or 'open'"))
                    let to: CivilDate? = toText == "open" ? nil : try line.date(1)
                    defs[id]!.statutes.append(
                        HolidayStatute(
                            validFrom: from, validThrough: to,
                            citation: try line.requiredCitation(), holidays: []))
                    statute = defs[id]!.statutes.count - 1
                    year = nil
                case "holiday":
                    let id = try def(line)
                    guard let s = statute else {
                        throw line.fail(ru: "«holiday» вне блока «statute»", en: "'holiday' outside a 'statute' block")
                    }
                    let md = try line.field(0, LocalizedText(ru: "месяц и день ММ-ДД", en: "a month-day MM-DD")).split(
                        separator: "-")
                    guard md.count == 2, let m = Int(md[0]), let d = Int(md[1]), (1...12).contains(m),
                        d >= 1, d <= CivilDate.daysIn(month: m, year: 2000)
                    else {
                        throw line.fail(
                            ru: "«\(line.fields[0])» — не месяц и день; ожидается ММ-ДД",
                            en: "'\(line.fields[0])' is not a month-day; expected MM-DD")
                    }
                    let name = line.text(after: 1)
                    guard !name.isEmpty else {
                        throw line.fail(
                            ru: "у «holiday» нужно название после ММ-ДД", en: "'holiday' needs a name after MM-DD")
                    }
                    defs[id]!.statutes[s].holidays.append(
                        StatutoryHoliday(
                            month: m, day: d, name: name, citation: line.citation ?? defs[id]!.statutes[s].citation))
                case "carry-over":
                    let id = try def(line)
                    let years = try line.yearSpan(0)
                    let modeText = try line.field(2, LocalizedText(ru: "режим", en: "a mode"))
                    guard let mode = CarryOverRule.Mode(rawValue: modeText) else {
                        throw line.fail(
                            ru: "неизвестный режим переноса «\(modeText)»; ожидается «all» или «except-january»",
                            en: "unknown carry-over mode '\(modeText)'; expected 'all' or 'except-january'")
                    }
                    defs[id]!.carryOverRules.append(
                        CarryOverRule(years: years, mode: mode, citation: try line.requiredCitation()))
                case "shortening-norms":
                    let id = try def(line)
                    let years = try line.yearSpan(0)
                    let norms = try line.field(
                        2, LocalizedText(ru: "сокращаемые нормы: 40 или 40,36,24", en: "the norms cut: 40 or 40,36,24"))
                    guard norms == "40" || norms == "40,36,24" else {
                        throw line.fail(
                            ru: "«\(norms)» — не список норм; ожидается 40 или 40,36,24",
                            en: "'\(norms)' is not a norms list; expected 40 or 40,36,24")
                    }
                    defs[id]!.shorteningNorms.append(
                        ShorteningNormsRule(
                            years: years, cutsReducedWeeks: norms != "40", citation: try line.requiredCitation()))
                case "year":
                    let id = try def(line)
                    let y = try line.year(0)
                    defs[id]!.years[y] = CalendarYear(year: y, location: line.location)
                    year = y
                    statute = nil
                default:
                    let id = try def(line)
                    guard let y = year else {
                        throw line.fail(
                            ru:
                                "неизвестная директива «\(line.keyword)» здесь; ожидается calendar, title, data-version, statute, holiday, carry-over, shortening-norms или year",
                            en:
                                "unknown directive '\(line.keyword)' here; expected calendar, title, data-version, statute, holiday, carry-over, shortening-norms or year"
                        )
                    }
                    try parseYearLine(line, into: &defs[id]!.years[y]!)
                }
            }
        }
        for def in defs.values { try def.validate() }
        return defs
    }

    private static func parseYearLine(_ line: DataLine, into y: inout CalendarYear) throws(SrokError) {
        switch line.keyword {
        case "decree":
            guard !line.rest.isEmpty else {
                throw line.fail(
                    ru: "у «decree» нужны название акта, дата и номер",
                    en: "'decree' needs the act's name, date and number")
            }
            y.decrees.append(line.rest)
        case "transfer":
            // The weekend day a day off comes from may lie in the year before or after.
            let from = try line.date(0, inYear: y.year, orAdjacent: true)
            let to = try line.date(1, inYear: y.year)
            y.transfers.append(DayTransfer(from: from, to: to, citation: try line.requiredCitation()))
        case "shortened":
            let d = try line.date(0, inYear: y.year)
            y.shortened.append(CitedDay(date: d, name: line.text(after: 1), citation: try line.requiredCitation()))
        case "dayoff", "nonworking":
            let d = try line.date(0, inYear: y.year)
            let name = line.text(after: 1)
            guard !name.isEmpty else {
                throw line.fail(
                    ru: "у «\(line.keyword)» нужно название после даты",
                    en: "'\(line.keyword)' needs a name after the date")
            }
            let day = CitedDay(date: d, name: name, citation: try line.requiredCitation())
            if line.keyword == "dayoff" { y.daysOff.append(day) } else { y.presidentialDays.append(day) }
        case "totals":
            var values: [String: Int] = [:]
            for f in line.fields {
                let kv = f.split(separator: "=", maxSplits: 1)
                guard kv.count == 2, let key = totalsKeys.first(where: { $0.key == kv[0] }) else {
                    throw line.fail(
                        ru: "«\(f)» — не КЛЮЧ=ЧИСЛО; ожидается working=, off=, hours40=, hours36=, hours24=",
                        en: "'\(f)' is not KEY=NUMBER; expected working=, off=, hours40=, hours36=, hours24=")
                }
                // Bounded before any arithmetic: a year has at most 366 days and 366 × 24 hours.
                guard let tenths = parseTenths(kv[1], max: key.isDays ? 366 : 8784, fraction: !key.isDays) else {
                    throw line.fail(
                        key.isDays
                            ? LocalizedText(
                                ru: "\(f): ожидается целое число дней от 0 до 366",
                                en: "\(f): expected a whole number of days from 0 to 366")
                            : LocalizedText(
                                ru: "\(f): ожидаются часы от 0 до 8784, не более одного знака после точки (1780.4)",
                                en: "\(f): expected hours from 0 to 8784, with at most one decimal (1780.4)"))
                }
                values[key.key] = tenths
            }
            for (key, _) in totalsKeys where values[key] == nil {
                throw line.fail(ru: "у «totals» нужно \(key)=", en: "'totals' needs \(key)=")
            }
            y.totals = PublishedTotals(
                workingDays: values["working"]! / 10, daysOff: values["off"]! / 10,
                hours40Tenths: values["hours40"]!, hours36Tenths: values["hours36"]!,
                hours24Tenths: values["hours24"]!, citation: try line.requiredCitation())
        case "verified":
            guard !line.rest.isEmpty else {
                throw line.fail(ru: "у «verified» нужно название источника", en: "'verified' needs the source's name")
            }
            y.verifiedAgainst.append(line.rest)
        default:
            throw line.fail(
                ru:
                    "неизвестная директива «\(line.keyword)» в блоке года; ожидается decree, transfer, shortened, dayoff, nonworking, totals или verified",
                en:
                    "unknown directive '\(line.keyword)' in a year block; expected decree, transfer, shortened, dayoff, nonworking, totals or verified"
            )
        }
    }

    /// The keys of a `totals` line, in order: days (whole numbers), then hour norms (tenths).
    private static let totalsKeys: [(key: String, isDays: Bool)] = [
        ("working", true), ("off", true), ("hours40", false), ("hours36", false), ("hours24", false),
    ]

    /// "1979" → 19790, "1780.4" → 17804; `nil` for anything else, a whole part over `max` or (without
    /// `fraction`) a decimal. The whole part is compared before it is multiplied: no value traps.
    private static func parseTenths(_ s: Substring, max: Int, fraction: Bool) -> Int? {
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        guard let whole = Int(parts[0]), whole >= 0, whole <= max else { return nil }
        if parts.count == 1 { return whole * 10 }
        guard fraction, parts.count == 2, parts[1].count == 1, let frac = Int(parts[1]), frac >= 0 else { return nil }
        return whole * 10 + frac
    }

    /// Checks internal consistency (not the totals: see ``WorkingCalendar/totalsMismatches()``).
    func validate() throws(SrokError) {
        for y in years.values {
            var targets = Set<CivilDate>()
            for t in y.transfers {
                guard targets.insert(t.to).inserted else {
                    throw .data(
                        location: y.location,
                        message: LocalizedText(
                            ru: "\(y.year) год: два переноса на \(t.to.russian)",
                            en: "year \(y.year): two transfers to \(t.to)"))
                }
                guard t.from.weekday.isWeekend else {
                    throw .data(
                        location: y.location,
                        message: LocalizedText(
                            ru:
                                "\(y.year) год: перенос с \(t.from.russian) (\(t.from.weekday.russianName)); выходной можно перенести только с субботы или воскресенья",
                            en:
                                "year \(y.year): transfer from \(t.from), a \(t.from.weekday.englishName); a day off can only be moved from a Saturday or Sunday"
                        )
                    )
                }
            }
        }
    }
}
