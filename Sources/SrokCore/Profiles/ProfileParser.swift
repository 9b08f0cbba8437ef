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
                            message:
                                "profile \(p.id): every stage needs a 'stage' share, or none (the platform's 5/5/65/15/10)"
                        )
                    }
                }
                do { p.conventions.shares = try StageShares(percent: shares) } catch {
                    throw .data(location: p.location, message: "profile \(p.id): \(error.description)")
                }
                p.conventions.publishedBudgets = try publishedColumns(p)
                if p.conventions.budgets == .published && p.conventions.publishedBudgets.isEmpty {
                    throw .data(
                        location: p.location,
                        message: "profile \(p.id): 'budgets published' needs the act's cells as 'table' lines")
                }
                out[p.id] = p
                current = nil
            }
            for line in DataLine.lines(of: text, file: name) {
                if line.keyword == "profile" {
                    try finish()
                    let id = try line.field(0, "a profile id")
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
                guard current != nil else { throw line.fail("'\(line.keyword)' before any 'profile ID' line") }
                try apply(line, to: &current!, shares: &shares)
            }
            try finish()
        }
        return out
    }

    private static func apply(_ line: DataLine, to p: inout RegulationProfile, shares: inout [Double]) throws(SrokError)
    {
        func cite() throws(SrokError) -> String { try line.requiredCitation() }
        func days(_ i: Int, _ what: String) throws(SrokError) -> Int { try line.int(i, what, in: 1...366) }
        switch line.keyword {
        case "title": p.title = line.rest
        case "document": p.document = line.rest
        case "region": p.region = Cited(value: try line.field(0, "a region code"), citation: try cite())
        case "zone": p.zone = Cited(value: try line.field(0, "an IANA zone"), citation: try cite())
        case "regime":
            do {
                p.regime = Cited(
                    value: try Regime(parsing: try line.field(0, "message or appeal")), citation: try cite())
            } catch { throw line.fail(error.description) }
        case "term": p.term = Cited(value: try days(0, "a term in days"), citation: try cite())
        case "fast-track-range":
            let a = try days(0, "the shortest fast-track")
            let b = try days(1, "the longest fast-track")
            guard a <= b else { throw line.fail("fast-track range \(a)…\(b) is empty") }
            p.fastTrackTerms = Cited(value: .range(a...b), citation: try cite())
        case "fast-track-terms":
            guard !line.fields.isEmpty else {
                throw line.fail("'fast-track-terms' needs the allowed terms in days (3 5 7 10)")
            }
            var list: [Int] = []
            for i in line.fields.indices { list.append(try days(i, "a fast-track term in days")) }
            list = Array(Set(list)).sorted()
            p.fastTrackTerms = Cited(value: .list(list), citation: try cite())
        case "fast-track-level":
            p.fastTrackLevels[try line.field(0, "a level name")] = Cited(
                value: try days(1, "the level's days"), citation: try cite())
        case "fast-track":
            let d = try days(0, "the fast-track's days")
            let names = line.text(after: 1)
            let parts = names.split(separator: "/", maxSplits: 1).map { $0.trimmingSpaces }
            guard let category = parts.first, !category.isEmpty else {
                throw line.fail("'fast-track' needs DAYS CATEGORY [/ SUBCATEGORY]")
            }
            p.fastTracks.append(
                FastTrackEntry(
                    category: category, subcategory: parts.count > 1 ? parts[1] : nil, days: d, citation: try cite()))
        case "count":
            do { p.conventions.count = try CountConvention(parsing: try line.field(0, "a count convention")) } catch {
                throw line.fail(error.description)
            }
            p.conventionCitations["count"] = try cite()
        case "roll":
            do { p.conventions.roll = try RollConvention(parsing: try line.field(0, "a roll convention")) } catch {
                throw line.fail(error.description)
            }
            p.conventionCitations["roll"] = try cite()
        case "basis":
            do { p.conventions.basis = try StageBasis(parsing: try line.field(0, "a basis")) } catch {
                throw line.fail(error.description)
            }
            p.conventionCitations["basis"] = try cite()
        case "stage":
            let stage: Stage
            do { stage = try Stage(parsing: try line.field(0, "a stage")) } catch { throw line.fail(error.description) }
            guard let pct = Double(try line.field(1, "a percentage")), pct >= 0 else {
                throw line.fail("'\(line.fields[1])' is not a percentage")
            }
            shares[stage.rawValue] = pct
            p.conventionCitations["stage." + stage.code] = try cite()
        case "control":
            let kindText = try line.field(0, "a control kind")
            if kindText == "postponements" {
                let text = try line.field(1, "the maximum number of postponements or 'unlimited'")
                let limit: PostponementLimit =
                    text == "unlimited"
                    ? .unlimited : .atMost(try line.int(1, "the maximum number of postponements", in: 0...10))
                p.postponements = Cited(value: limit, citation: try cite())
                return
            }
            guard let kind = ControlKind(rawValue: kindText) else {
                throw line.fail(
                    "unknown control '\(kindText)'; expected \(ControlKind.allCases.map(\.rawValue).joined(separator: ", ")) or postponements"
                )
            }
            guard !p.controls.contains(where: { $0.kind == kind }) else {
                throw line.fail("control '\(kindText)' is given twice")
            }
            let amount = try line.int(1, "the control's limit", in: 1...366)
            var count: ControlCount?
            if line.fields.count > 2 {
                do { count = try ControlCount(parsing: line.fields[2]) } catch {
                    throw line.fail(
                        "'\(line.fields[2])' is not a count; expected days, days-inclusive, clock or working-days")
                }
            }
            p.controls.append(ControlPoint(kind, amount, count: count, citation: try cite()))
        case "budgets":
            do {
                p.conventions.budgets = try StageBudgetSource(parsing: try line.field(0, "shares or published"))
            } catch { throw line.fail(error.description) }
            p.conventionCitations["budgets"] = try cite()
        case "table-day":
            do {
                p.tableDay = Cited(
                    value: try TableDayLength(parsing: try line.field(0, "24h or 8h")), citation: try cite())
            } catch { throw line.fail(error.description) }
        case "outcomes":
            guard !line.rest.isEmpty else {
                throw line.fail("'outcomes' needs the outcome types: resolved not-resolved postponed rejected")
            }
            var list: [Outcome] = []
            for f in line.fields {
                do { list.append(try Outcome(parsing: f)) } catch { throw line.fail(error.description) }
            }
            p.outcomes = Cited(value: Outcome.allCases.filter(list.contains), citation: try cite())
        case "rejection":
            let text = try line.field(0, "required or optional")
            guard text == "required" || text == "optional" else {
                throw line.fail("'\(text)' is not required or optional")
            }
            p.rejection.required = text == "required"
            p.rejection.citation = try cite()
        case "rejection-reason":
            let key = try line.field(0, "a short key for the reason")
            let text = line.text(after: 1)
            guard !text.isEmpty else {
                throw line.fail("'rejection-reason' needs KEY TEXT (the reason as the act writes it)")
            }
            guard !p.rejection.reasons.contains(where: { $0.key == key }) else {
                throw line.fail("rejection reason '\(key)' is given twice")
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
            guard !text.isEmpty else { throw line.fail("'note' needs the rule's text") }
            p.notes.append(ProfileNote(text: text, english: english, citation: try cite()))
        case "table":
            let d = try days(0, "the table column's days")
            let stage: Stage
            do { stage = try Stage(parsing: try line.field(1, "a stage")) } catch { throw line.fail(error.description) }
            let text = line.text(after: 2)
            guard !text.isEmpty else { throw line.fail("'table' needs the cell text") }
            // A text that is no duration is kept (the check reports it as matching neither basis);
            // a number too large for any stage is an error here, before the check multiplies it.
            if case .tooLarge(let number) = DurationText.read(text) {
                throw line.fail(
                    "'\(number)' in the cell «\(text)» is too large: a stage budget has at most \(DurationText.maxPart) of any unit (the minutes of 366 days)"
                )
            }
            p.table.append(
                PublishedTableCell(days: d, stage: stage, text: text, citation: try cite(), location: line.location))
        default:
            throw line.fail(
                "unknown directive '\(line.keyword)'; expected title, document, region, zone, regime, term, fast-track-range, fast-track-terms, fast-track-level, fast-track, count, roll, basis, stage, budgets, table-day, control, outcomes, rejection, rejection-reason, table or note"
            )
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
                        message:
                            "table cell '\(cell.text)' is not a duration like «4 календарных дня 13 часов 12 минут»")
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
