extension WorkingCalendar {
    /// Compiles a regional calendar: `base` (the federal definition) plus the region's overlay.
    ///
    /// For each year from the region's first year: when the data has the year's acts, they are the
    /// authority (declared days off, swaps, transfers); otherwise each holiday rule in force is
    /// evaluated through ICU and its dates are marked provisional (refused instead under
    /// ``CalendarOptions/strictRegionalDates``). A regional holiday on a Saturday, Sunday or
    /// federal day off moves to the next working day when the region's policy is `next-working`
    /// (unless the year's act already moves it); with `keep` or `per-act` it does not. Days bind
    /// the calendar's employer kind (``CalendarOptions/employer``); «recommended» days bind nobody.
    /// The eve of a regional holiday is shortened (ТК РФ ст. 95).
    public static func compileRegion(
        _ region: RegionDefinition, base: CalendarDefinition,
        options: CalendarOptions = CalendarOptions()
    ) throws(SrokError) -> WorkingCalendar {
        let federal = try compile(base, options: options)
        guard region.hasOwnDays else {
            return try compile(
                base, overlay: [], overlayName: region.code,
                overlayTitle: region.name.isEmpty
                    ? nil : "\(region.name) (федеральный календарь: своих нерабочих дней нет)",
                options: options)
        }
        // The whole federal range: a year without the region's acts gets the ICU forecast of the
        // rules in force (marked provisional), before the first act as after the last.
        let start = federal.coverage.lowerBound.year
        let lastFederal = federal.coverage.upperBound.year
        let evaluator = try HolidayRuleEvaluator(islamicCalendar: options.islamicCalendar)
        var overlay: [OverlayDay] = []
        var refused = Set<Int>()
        var off = Set<CivilDate>()
        func federalOff(_ d: CivilDate) -> Bool { (try? federal.isWorkingDay(d)).map { !$0 } ?? false }
        func carry(_ d: CivilDate, name: String, source: String, provisional: Bool) {
            var j = d.adding(days: 1)
            while federal.coverage.contains(j), federalOff(j) || off.contains(j) { j = j.adding(days: 1) }
            guard federal.coverage.contains(j) else { return }
            off.insert(j)
            overlay.append(
                OverlayDay(
                    date: j, effect: .dayOff,
                    name: LocalizedText(ru: "перенос с \(d.russian) (\(name))", en: "moved from \(d.iso) (\(name))"),
                    source: LocalizedText(verbatim: source), isProvisional: provisional))
        }
        for year in start...lastFederal {
            let policy = region.weekendPolicy(in: year)
            if let acts = region.years[year] {
                let actText = acts.acts.isEmpty ? "" : " (\(acts.acts.joined(separator: "; ")))"
                for day in acts.daysOff where options.employer.isBound(by: day.scope) {
                    off.insert(day.date)
                    overlay.append(
                        OverlayDay(
                            date: day.date, effect: .dayOff, name: LocalizedText(verbatim: day.name),
                            source: LocalizedText(verbatim: day.citation), shortensEve: true))
                }
                for s in acts.swaps {
                    overlay.append(
                        OverlayDay(
                            date: s.from, effect: .workedDay,
                            name: LocalizedText(
                                ru: "рабочий день (выходной перенесён на \(s.to.russian))",
                                en: "a working day (its day off moved to \(s.to.iso))"),
                            source: LocalizedText(verbatim: s.citation)))
                    off.insert(s.to)
                    overlay.append(
                        OverlayDay(
                            date: s.to, effect: .dayOff,
                            name: LocalizedText(ru: "перенос с \(s.from.russian)", en: "moved from \(s.from.iso)"),
                            source: LocalizedText(verbatim: s.citation)))
                }
                for t in acts.transfers {
                    let origin = acts.daysOff.first { $0.date == t.from }
                    // The move of a day that does not bind this employer does not bind it either.
                    if let origin, !options.employer.isBound(by: origin.scope) { continue }
                    off.insert(t.to)
                    let name = origin?.name
                    overlay.append(
                        OverlayDay(
                            date: t.to, effect: .dayOff,
                            name: LocalizedText(ru: "перенос с \(t.from.russian)", en: "moved from \(t.from.iso)")
                                + (name.map { " (\($0))" } ?? ""),
                            source: LocalizedText(verbatim: t.citation)))
                }
                if policy == .nextWorking {
                    for day in acts.daysOff
                    where options.employer.isBound(by: day.scope) && day.date.weekday.isWeekend
                        && !acts.transfers.contains(where: { $0.from == day.date })
                    {
                        carry(
                            day.date, name: day.name,
                            source: (region.weekendPolicyRule(in: year)?.citation ?? "") + actText, provisional: false)
                    }
                }
            } else if options.strictRegionalDates {
                refused.insert(year)
            } else {
                for rule in region.rules where rule.isInForce(year) && options.employer.isBound(by: rule.scope) {
                    for first in try evaluator.dates(of: rule, in: year) {
                        for k in 0..<rule.span {
                            let d = first.adding(days: k)
                            off.insert(d)
                            overlay.append(
                                OverlayDay(
                                    date: d, effect: .dayOff, name: LocalizedText(verbatim: rule.name),
                                    source: LocalizedText(verbatim: rule.citation)
                                        + LocalizedText(
                                            ru: "; дата — прогноз по правилу (ICU), акта на \(year) год в данных нет",
                                            en:
                                                "; the date is a forecast by the rule (ICU), no act for \(year) in the data"
                                        ),
                                    isProvisional: rule.kind != .fixed, shortensEve: true))
                            if policy == .nextWorking, d.weekday.isWeekend {
                                carry(
                                    d, name: rule.name, source: region.weekendPolicyRule(in: year)?.citation ?? "",
                                    provisional: true)
                            }
                        }
                    }
                }
            }
        }
        return try compile(
            base, overlay: overlay, overlayName: region.code,
            overlayTitle: region.name.isEmpty ? region.code : region.name, options: options, refusedYears: refused)
    }
}

/// The regions Srok knows (`Data/regions/`): codes, names and aliases, and their definitions.
public struct RegionCatalog: Sendable {
    /// Definitions by ISO 3166-2 code.
    public let regions: [String: RegionDefinition]

    /// Parses the embedded region files plus user files.
    public init(userFiles: [(name: String, text: String)] = []) throws(SrokError) {
        let embedded = EmbeddedData.files.filter { $0.path.hasPrefix("regions/") }.map {
            (name: "<embedded>/" + $0.path, text: $0.text)
        }
        regions = try RegionDefinition.parse(files: embedded + userFiles)
    }

    /// The code for a code or a name (`RU-TA`, `ru-ta`, `Татарстан`, `Республика Татарстан`,
    /// `Tatarstan`); `RU` is the federal calendar.
    /// - Throws: ``SrokError/unknown(kind:name:known:hint:)`` with the ``suggestions(for:limit:)``
    ///   (`Казань` → `RU-TA (Республика Татарстан, центр — Казань)`), or the codes with days of
    ///   their own when nothing is close.
    public func resolve(_ text: String) throws(SrokError) -> String {
        let key = TextKey.normalize(text)
        if key == "ru" || key == "рф" || key == "россия" || key.isEmpty { return "RU" }
        if let r = regions[text.uppercased()] { return r.code }
        for r in regions.values
        where TextKey.normalize(r.name) == key || r.aliases.contains(where: { TextKey.normalize($0) == key }) {
            return r.code
        }
        let close = suggestions(for: text)
        throw .unknown(
            kind: LocalizedText(ru: "регион", en: "region"), name: text,
            known: close.isEmpty ? ["RU"] + regions.values.filter(\.hasOwnDays).map(\.code).sorted() : [],
            hint: close.isEmpty
                ? LocalizedText(
                    ru: "(или любой другой код ISO 3166-2:RU либо название субъекта)",
                    en: "(or any other ISO 3166-2:RU code or subject's name)")
                : LocalizedText(ru: "возможно, имелся в виду ", en: "perhaps you meant ")
                    + LocalizedText.join(close.map(\.localized), separator: ", "))
    }
}
