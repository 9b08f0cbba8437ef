extension RegulationProfile {
    /// Parses profile files (grammar: `Data/FORMAT.md`, «Regulation profiles»).
    /// - Throws: ``SrokError/data(location:message:)`` with the file, line and accepted form.
    public static func parse(files: [(name: String, text: String)]) throws(SrokError) -> [String: RegulationProfile] {
        var out: [String: RegulationProfile] = [:]
        for (name, text) in files {
            var current: RegulationProfile?
            var shares: [Double] = Array(repeating: -1, count: 5)
            func finish() throws(SrokError) {
                guard var p = current else { return }
                if shares.contains(where: { $0 < 0 }) {
                    if shares.allSatisfy({ $0 < 0 }) {
                        shares = [5, 5, 65, 15, 10]
                    } else {
                        throw .data(
                            location: p.location,
                            message: LocalizedText(
                                ru:
                                    "профиль \(p.id): долю «stage» нужно указать для каждого этапа или ни для одного (тогда доли платформы 5/5/65/15/10)",
                                en:
                                    "profile \(p.id): every stage needs a 'stage' share, or none (the platform's 5/5/65/15/10)"
                            )
                        )
                    }
                }
                do { p.conventions.shares = try StageShares(percent: shares) } catch {
                    throw .data(
                        location: p.location, message: LocalizedText(verbatim: "\(p.id): ") + error.localized)
                }
                p.conventions.publishedBudgets = try publishedColumns(p)
                if p.conventions.budgets == .published && p.conventions.publishedBudgets.isEmpty {
                    throw .data(
                        location: p.location,
                        message: LocalizedText(
                            ru: "профиль \(p.id): для «budgets published» нужны ячейки акта в строках «table»",
                            en: "profile \(p.id): 'budgets published' needs the act's cells as 'table' lines"))
                }
                out[p.id] = p
                current = nil
            }
            for line in DataLine.lines(of: text, file: name) {
                if line.keyword == "profile" {
                    try finish()
                    let id = try line.field(0, LocalizedText(ru: "идентификатор профиля", en: "a profile id"))
                    shares = Array(repeating: -1, count: 5)
                    let fallback = "регламент не устанавливает"
                    current = RegulationProfile(
                        id: id, region: Cited(value: "RU", citation: fallback),
                        zone: Cited(value: "Europe/Moscow", citation: fallback),
                        regime: Cited(value: .message, citation: fallback), term: Cited(value: 30, citation: fallback),
                        fastTrackTerms: Cited(value: .range(1...30), citation: fallback), conventions: SLAConventions(),
                        location: line.location)
                    continue
                }
                guard current != nil else {
                    throw line.fail(
                        ru: "«\(line.keyword)» до первой строки «profile ID»",
                        en: "'\(line.keyword)' before any 'profile ID' line")
                }
                try apply(line, to: &current!, shares: &shares)
            }
            try finish()
        }
        return out
    }

    private static func apply(_ line: DataLine, to p: inout RegulationProfile, shares: inout [Double]) throws(SrokError)
    {
        func cite() throws(SrokError) -> String { try line.requiredCitation() }
        func days(_ i: Int, _ ru: String, _ en: String) throws(SrokError) -> Int {
            try line.int(i, LocalizedText(ru: ru, en: en), in: 1...366)
        }
        switch line.keyword {
        case "title":
            // `title RUSSIAN || ENGLISH`.
            if let bar = line.rest.range(of: " || ") {
                p.title = line.rest[..<bar.lowerBound].trimmingSpaces
                p.englishTitle = line.rest[bar.upperBound...].trimmingSpaces
            } else {
                p.title = line.rest
            }
        case "document": p.document = line.rest
        case "region":
            p.region = Cited(
                value: try line.field(0, LocalizedText(ru: "код региона", en: "a region code")), citation: try cite())
        case "zone":
            p.zone = Cited(
                value: try line.field(0, LocalizedText(ru: "часовой пояс IANA", en: "an IANA zone")),
                citation: try cite())
        case "regime":
            do {
                p.regime = Cited(
                    value: try Regime(
                        parsing: try line.field(0, LocalizedText(ru: "message или appeal", en: "message or appeal"))),
                    citation: try cite())
            } catch { throw line.fail(error) }
        case "term": p.term = Cited(value: try days(0, "срок в днях", "a term in days"), citation: try cite())
        case "fast-track-range":
            let a = try days(0, "самый короткий фаст-трек", "the shortest fast-track")
            let b = try days(1, "самый длинный фаст-трек", "the longest fast-track")
            guard a <= b else {
                throw line.fail(ru: "диапазон фаст-трека \(a)–\(b) пуст", en: "fast-track range \(a)…\(b) is empty")
            }
            p.fastTrackTerms = Cited(value: .range(a...b), citation: try cite())
        case "fast-track-terms":
            guard !line.fields.isEmpty else {
                throw line.fail(
                    ru: "у «fast-track-terms» нужны допустимые сроки в днях (3 5 7 10)",
                    en: "'fast-track-terms' needs the allowed terms in days (3 5 7 10)")
            }
            var list: [Int] = []
            for i in line.fields.indices {
                list.append(try days(i, "срок фаст-трека в днях", "a fast-track term in days"))
            }
            list = Array(Set(list)).sorted()
            p.fastTrackTerms = Cited(value: .list(list), citation: try cite())
        case "fast-track-level":
            p.fastTrackLevels[try line.field(0, LocalizedText(ru: "название уровня", en: "a level name"))] = Cited(
                value: try days(1, "дни уровня", "the level's days"), citation: try cite())
        case "fast-track":
            let d = try days(0, "дни фаст-трека", "the fast-track's days")
            let names = line.text(after: 1)
            let parts = names.split(separator: "/", maxSplits: 1).map { $0.trimmingSpaces }
            guard let category = parts.first, !category.isEmpty else {
                throw line.fail(
                    ru: "у «fast-track» нужно ДНИ КАТЕГОРИЯ [/ ПОДКАТЕГОРИЯ]",
                    en: "'fast-track' needs DAYS CATEGORY [/ SUBCATEGORY]")
            }
            p.fastTracks.append(
                FastTrackEntry(
                    category: category, subcategory: parts.count > 1 ? parts[1] : nil, days: d, citation: try cite()))
        case "count":
            do {
                p.conventions.count = try CountConvention(
                    parsing: try line.field(0, LocalizedText(ru: "способ счёта", en: "a count convention")))
            } catch {
                throw line.fail(error)
            }
            p.conventionCitations["count"] = try cite()
        case "roll":
            do {
                p.conventions.roll = try RollConvention(
                    parsing: try line.field(0, LocalizedText(ru: "правило переноса", en: "a roll convention")))
            } catch {
                throw line.fail(error)
            }
            p.conventionCitations["roll"] = try cite()
        case "basis":
            do {
                p.conventions.basis = try StageBasis(
                    parsing: try line.field(0, LocalizedText(ru: "основа бюджетов этапов", en: "a basis")))
            } catch {
                throw line.fail(error)
            }
            p.conventionCitations["basis"] = try cite()
        case "stage":
            let stage: Stage
            do { stage = try Stage(parsing: try line.field(0, LocalizedText(ru: "этап", en: "a stage"))) } catch {
                throw line.fail(error)
            }
            guard let pct = Double(try line.field(1, LocalizedText(ru: "процент", en: "a percentage"))), pct >= 0 else {
                throw line.fail(
                    ru: "«\(line.fields[1])» — не процент", en: "'\(line.fields[1])' is not a percentage")
            }
            shares[stage.rawValue] = pct
            p.conventionCitations["stage." + stage.code] = try cite()
        case "control":
            let kindText = try line.field(0, LocalizedText(ru: "вид контроля", en: "a control kind"))
            if kindText == "postponements" {
                let text = try line.field(
                    1,
                    LocalizedText(
                        ru: "наибольшее число отложений или «unlimited»",
                        en: "the maximum number of postponements or 'unlimited'"))
                let limit: PostponementLimit =
                    text == "unlimited"
                    ? .unlimited
                    : .atMost(
                        try line.int(
                            1,
                            LocalizedText(ru: "наибольшее число отложений", en: "the maximum number of postponements"),
                            in: 0...10))
                p.postponements = Cited(value: limit, citation: try cite())
                return
            }
            guard let kind = ControlKind(rawValue: kindText) else {
                let kinds = ControlKind.allCases.map(\.rawValue).joined(separator: ", ")
                throw line.fail(
                    ru: "неизвестный контроль «\(kindText)»; ожидается \(kinds) или postponements",
                    en: "unknown control '\(kindText)'; expected \(kinds) or postponements")
            }
            guard !p.controls.contains(where: { $0.kind == kind }) else {
                throw line.fail(
                    ru: "контроль «\(kindText)» указан дважды", en: "control '\(kindText)' is given twice")
            }
            let amount = try line.int(1, LocalizedText(ru: "срок контроля", en: "the control's limit"), in: 1...366)
            var count: ControlCount?
            if line.fields.count > 2 {
                do { count = try ControlCount(parsing: line.fields[2]) } catch {
                    throw line.fail(
                        ru:
                            "«\(line.fields[2])» — не способ счёта; ожидается days, days-inclusive, clock или working-days",
                        en: "'\(line.fields[2])' is not a count; expected days, days-inclusive, clock or working-days")
                }
            }
            p.controls.append(ControlPoint(kind, amount, count: count, citation: try cite()))
        case "budgets":
            do {
                p.conventions.budgets = try StageBudgetSource(
                    parsing: try line.field(0, LocalizedText(ru: "shares или published", en: "shares or published")))
            } catch { throw line.fail(error) }
            p.conventionCitations["budgets"] = try cite()
        case "table-day":
            do {
                p.tableDay = Cited(
                    value: try TableDayLength(
                        parsing: try line.field(0, LocalizedText(ru: "24h или 8h", en: "24h or 8h"))),
                    citation: try cite())
            } catch { throw line.fail(error) }
        case "outcomes":
            guard !line.rest.isEmpty else {
                throw line.fail(
                    ru: "у «outcomes» нужны типы решения: resolved not-resolved postponed rejected",
                    en: "'outcomes' needs the outcome types: resolved not-resolved postponed rejected")
            }
            var list: [Outcome] = []
            for f in line.fields {
                do { list.append(try Outcome(parsing: f)) } catch { throw line.fail(error) }
            }
            p.outcomes = Cited(value: Outcome.allCases.filter(list.contains), citation: try cite())
        case "rejection":
            let text = try line.field(0, LocalizedText(ru: "required или optional", en: "required or optional"))
            guard text == "required" || text == "optional" else {
                throw line.fail(
                    ru: "«\(text)» — не required и не optional", en: "'\(text)' is not required or optional")
            }
            p.rejection.required = text == "required"
            p.rejection.citation = try cite()
        case "rejection-reason":
            let key = try line.field(0, LocalizedText(ru: "короткий ключ причины", en: "a short key for the reason"))
            let text = line.text(after: 1)
            guard !text.isEmpty else {
                throw line.fail(
                    ru: "у «rejection-reason» нужно КЛЮЧ ТЕКСТ (причина так, как её пишет акт)",
                    en: "'rejection-reason' needs KEY TEXT (the reason as the act writes it)")
            }
            guard !p.rejection.reasons.contains(where: { $0.key == key }) else {
                throw line.fail(
                    ru: "причина отклонения «\(key)» указана дважды", en: "rejection reason '\(key)' is given twice")
            }
            p.rejection.reasons.append(
                RejectionReason(number: p.rejection.reasons.count + 1, key: key, text: text, citation: try cite()))
            p.rejection.required = true
        case "note":
            // `note RUSSIAN || ENGLISH | citation`.
            var text = line.rest
            var english: String?
            if let bar = text.range(of: " || ") {
                english = text[bar.upperBound...].trimmingSpaces
                text = text[..<bar.lowerBound].trimmingSpaces
            }
            guard !text.isEmpty else {
                throw line.fail(ru: "у «note» нужен текст правила", en: "'note' needs the rule's text")
            }
            p.notes.append(ProfileNote(text: text, english: english, citation: try cite()))
        case "table":
            let d = try days(0, "дни столбца таблицы", "the table column's days")
            let stage: Stage
            do { stage = try Stage(parsing: try line.field(1, LocalizedText(ru: "этап", en: "a stage"))) } catch {
                throw line.fail(error)
            }
            let text = line.text(after: 2)
            guard !text.isEmpty else {
                throw line.fail(ru: "у «table» нужен текст ячейки", en: "'table' needs the cell text")
            }
            // A text that is no duration is kept (the check reports it as matching neither basis);
            // a number too large for any stage is an error here, before the check multiplies it.
            if case .tooLarge(let number) = DurationText.read(text) {
                throw line.fail(
                    ru:
                        "«\(number)» в ячейке «\(text)» слишком велико: в бюджете этапа не больше \(DurationText.maxPart) единиц любого вида (минут в 366 днях)",
                    en:
                        "'\(number)' in the cell «\(text)» is too large: a stage budget has at most \(DurationText.maxPart) of any unit (the minutes of 366 days)"
                )
            }
            p.table.append(
                PublishedTableCell(days: d, stage: stage, text: text, citation: try cite(), location: line.location))
        default:
            let known =
                "title, document, region, zone, regime, term, fast-track-range, fast-track-terms, fast-track-level, fast-track, count, roll, basis, stage, budgets, table-day, control, outcomes, rejection, rejection-reason, table"
            throw line.fail(
                ru: "неизвестная директива «\(line.keyword)»; ожидается \(known) или note",
                en: "unknown directive '\(line.keyword)'; expected \(known) or note")
        }
    }

    /// The published table's columns in minutes (a cell's day as ``RegulationProfile/tableDay``
    /// says). A column is kept only when it has all five stages; a cell that does not parse is an
    /// error only when the profile uses the published budgets.
    private static func publishedColumns(_ p: RegulationProfile) throws(SrokError) -> [PublishedBudgetColumn] {
        var columns: [PublishedBudgetColumn] = []
        let dayMinutes = p.tableDay.value.minutes
        for days in Set(p.table.map(\.days)).sorted() {
            var minutes = PerStage(repeating: -1)
            for cell in p.table where cell.days == days {
                guard let d = DurationText.parse(cell.text) else {
                    guard p.conventions.budgets == .published else { continue }
                    throw .data(
                        location: cell.location,
                        message: LocalizedText(
                            ru:
                                "ячейка таблицы «\(cell.text)» — не длительность вида «4 календарных дня 13 часов 12 минут»",
                            en: "table cell '\(cell.text)' is not a duration like «4 календарных дня 13 часов 12 минут»"
                        ))
                }
                minutes[cell.stage] = d.days * dayMinutes + d.hours * 60 + d.minutes
            }
            if Stage.allCases.allSatisfy({ minutes[$0] >= 0 }) {
                columns.append(PublishedBudgetColumn(days: days, minutes: minutes))
            }
        }
        return columns
    }
}
