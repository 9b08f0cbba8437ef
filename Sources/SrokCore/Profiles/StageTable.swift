/// A stage table like the regulations' own (seed 000, Приложение 1): for each term and stage, the
/// stage's budget on a basis, written as the regulation writes it.
public struct StageTableRow: Sendable, Hashable {
    /// The term in days.
    public var days: Int
    /// The stage.
    public var stage: Stage
    /// The stage's share in percent.
    public var sharePercent: Double
    /// The budget in minutes (wall minutes for clock24, working minutes for workday8).
    public var budgetMinutes: Int
    /// The basis.
    public var basis: StageBasis
}

/// Builds stage tables and checks a regulation's published table against the model.
public enum StageTable {
    /// The rows for terms `days` on `basis` with `shares`.
    /// - Throws: ``SrokError/invalidValue(field:value:expected:)`` for a term outside 1–366 days
    ///   (checked before it is multiplied into minutes).
    public static func rows(
        days: [Int], basis: StageBasis, shares: StageShares = .platform,
        schedule: WorkSchedule = .standard
    ) throws(SrokError) -> [StageTableRow] {
        var out: [StageTableRow] = []
        for n in days {
            guard (1...366).contains(n) else {
                throw .invalidValue(
                    field: "days", value: String(n),
                    expected: LocalizedText(ru: "сроки от 1 до 366 дней", en: "terms of 1–366 days"))
            }
            let total = n * (basis == .clock24 ? 1440 : schedule.dayMinutes)
            for s in Stage.allCases {
                out.append(
                    StageTableRow(
                        days: n, stage: s, sharePercent: shares.percent(s),
                        budgetMinutes: total * shares.basisPoints[s] / 10_000, basis: basis))
            }
        }
        return out
    }

    /// The text of a budget on a basis: calendar days of 24 h (clock24) or 8-hour working days
    /// (workday8).
    public static func text(
        _ row: StageTableRow, schedule: WorkSchedule = .standard, lang: Language, plural: RussianText
    ) -> String {
        let dayMinutes = row.basis == .clock24 ? 1440 : schedule.dayMinutes
        return lang == .ru
            ? DurationText.russian(
                row.budgetMinutes, dayMinutes: dayMinutes, working: row.basis == .workday8, plural: plural)
            : DurationText.english(row.budgetMinutes, dayMinutes: dayMinutes, working: row.basis == .workday8)
    }
}

/// The comparison of one published cell with the model on both bases.
public struct TableCellCheck: Sendable, Hashable {
    /// The published cell.
    public var cell: PublishedTableCell
    /// What the cell says in minutes read with 24-hour days, if it parses.
    public var publishedClock24Minutes: Int?
    /// What the cell says in minutes read with 8-hour days, if it parses.
    public var publishedWorkday8Minutes: Int?
    /// The model's budget on clock24.
    public var modelClock24Minutes: Int
    /// The model's budget on workday8.
    public var modelWorkday8Minutes: Int
    /// The bases the cell matches (empty: it matches none).
    public var matches: [StageBasis]
}

extension RegulationProfile {
    /// Compares every cell of the profile's published table with the model on both bases.
    public func checkTable() -> [TableCellCheck] {
        let schedule = conventions.schedule
        return table.map { cell in
            let parsed = DurationText.parse(cell.text)
            let p24 = parsed.map { $0.days * 1440 + $0.hours * 60 + $0.minutes }
            let p8 = parsed.map { $0.days * schedule.dayMinutes + $0.hours * 60 + $0.minutes }
            let bp = conventions.shares.basisPoints[cell.stage]
            let m24 = cell.days * 1440 * bp / 10_000
            let m8 = cell.days * schedule.dayMinutes * bp / 10_000
            var matches: [StageBasis] = []
            if p24 == m24 { matches.append(.clock24) }
            if p8 == m8 { matches.append(.workday8) }
            return TableCellCheck(
                cell: cell, publishedClock24Minutes: p24, publishedWorkday8Minutes: p8,
                modelClock24Minutes: m24, modelWorkday8Minutes: m8, matches: matches)
        }
    }
}
