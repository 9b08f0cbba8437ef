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
                    if shares.allSatisfy({ $0 < 0 }) { shares = [5, 5, 65, 15, 10] } else {
                        throw .data(location: p.location, message: "profile \(p.id): every stage needs a 'stage' share, or none (the platform's 5/5/65/15/10)")
                    }
                }
                do { p.conventions.shares = try StageShares(percent: shares) } catch {
                    throw .data(location: p.location, message: "profile \(p.id): \(error.description)")
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
                        id: id, region: Cited(value: "RU", citation: fallback), zone: Cited(value: "Europe/Moscow", citation: fallback),
                        regime: Cited(value: .message, citation: fallback), term: Cited(value: 30, citation: fallback),
                        fastTrackRange: Cited(value: 1...30, citation: fallback), conventions: SLAConventions(),
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

    private static func apply(_ line: DataLine, to p: inout RegulationProfile, shares: inout [Double]) throws(SrokError) {
        func cite() throws(SrokError) -> String { try line.requiredCitation() }
        func days(_ i: Int, _ what: String) throws(SrokError) -> Int { try line.int(i, what, in: 1...366) }
        switch line.keyword {
        case "title": p.title = line.rest
        case "document": p.document = line.rest
        case "region": p.region = Cited(value: try line.field(0, "a region code"), citation: try cite())
        case "zone": p.zone = Cited(value: try line.field(0, "an IANA zone"), citation: try cite())
        case "regime":
            do { p.regime = Cited(value: try Regime(parsing: try line.field(0, "message or appeal")), citation: try cite()) }
            catch { throw line.fail(error.description) }
        case "term": p.term = Cited(value: try days(0, "a term in days"), citation: try cite())
        case "fast-track-range":
            let a = try days(0, "the shortest fast-track"), b = try days(1, "the longest fast-track")
            guard a <= b else { throw line.fail("fast-track range \(a)…\(b) is empty") }
            p.fastTrackRange = Cited(value: a...b, citation: try cite())
        case "fast-track-level":
            p.fastTrackLevels[try line.field(0, "a level name")] = Cited(value: try days(1, "the level's days"), citation: try cite())
        case "fast-track":
            let d = try days(0, "the fast-track's days")
            let names = line.text(after: 1)
            let parts = names.split(separator: "/", maxSplits: 1).map { $0.trimmingSpaces }
            guard let category = parts.first, !category.isEmpty else { throw line.fail("'fast-track' needs DAYS CATEGORY [/ SUBCATEGORY]") }
            p.fastTracks.append(FastTrackEntry(category: category, subcategory: parts.count > 1 ? parts[1] : nil, days: d, citation: try cite()))
        case "count":
            do { p.conventions.count = try CountConvention(parsing: try line.field(0, "a count convention")) } catch { throw line.fail(error.description) }
            p.conventionCitations["count"] = try cite()
        case "roll":
            do { p.conventions.roll = try RollConvention(parsing: try line.field(0, "a roll convention")) } catch { throw line.fail(error.description) }
            p.conventionCitations["roll"] = try cite()
        case "basis":
            do { p.conventions.basis = try StageBasis(parsing: try line.field(0, "a basis")) } catch { throw line.fail(error.description) }
            p.conventionCitations["basis"] = try cite()
        case "stage":
            let stage: Stage
            do { stage = try Stage(parsing: try line.field(0, "a stage")) } catch { throw line.fail(error.description) }
            guard let pct = Double(try line.field(1, "a percentage")), pct >= 0 else { throw line.fail("'\(line.fields[1])' is not a percentage") }
            shares[stage.rawValue] = pct
            p.conventionCitations["stage." + stage.code] = try cite()
        case "control":
            let kindText = try line.field(0, "a control kind")
            if kindText == "postponements" {
                p.maxPostponements = Cited(value: try line.int(1, "the maximum number of postponements", in: 0...10), citation: try cite())
                return
            }
            guard let kind = ControlKind(rawValue: kindText) else {
                throw line.fail("unknown control '\(kindText)'; expected \(ControlKind.allCases.map(\.rawValue).joined(separator: ", ")) or postponements")
            }
            let amount = try line.int(1, "the control's limit", in: 1...366)
            let unit = try line.field(2, "days or working-days")
            guard unit == "days" || unit == "working-days" else { throw line.fail("'\(unit)' is not a unit; expected days or working-days") }
            p.controls.append(ControlPoint(kind, amount, workingDays: unit == "working-days", citation: try cite()))
        case "table":
            let d = try days(0, "the table column's days")
            let stage: Stage
            do { stage = try Stage(parsing: try line.field(1, "a stage")) } catch { throw line.fail(error.description) }
            let text = line.text(after: 2)
            guard !text.isEmpty else { throw line.fail("'table' needs the cell text") }
            // A text that is no duration is kept (the check reports it as matching neither basis);
            // a number too large for any stage is an error here, before the check multiplies it.
            if case .tooLarge(let number) = DurationText.read(text) {
                throw line.fail("'\(number)' in the cell «\(text)» is too large: a stage budget has at most \(DurationText.maxPart) of any unit (the minutes of 366 days)")
            }
            p.table.append(PublishedTableCell(days: d, stage: stage, text: text, citation: try cite(), location: line.location))
        default:
            throw line.fail("unknown directive '\(line.keyword)'; expected title, document, region, zone, regime, term, fast-track-range, fast-track-level, fast-track, count, roll, basis, stage, control or table")
        }
    }
}
