/// How the total term is counted.
public enum CountConvention: String, Sendable, CaseIterable {
    /// The count starts the day after the registration day in the organisation's zone
    /// (ГК РФ ст. 191); the term ends at the end of its last local day (ст. 194: until 24:00).
    case days
    /// The registration day is day 1 (common in document systems; one day earlier than `days`).
    case daysInclusive = "days-inclusive"
    /// Registration instant + N × 24 h (the platform's stage clock).
    case clock

    /// Parses `days`, `days-inclusive`, `clock`.
    public init(parsing text: String, field: String = "count") throws(SrokError) {
        guard let c = CountConvention(rawValue: TextKey.normalize(text).replacingUnderscores()) else {
            throw .invalidValue(field: field, value: text, expected: .oneOf(["days", "days-inclusive", "clock"]))
        }
        self = c
    }
}

/// How stage budgets are measured.
public enum StageBasis: String, Sendable, CaseIterable {
    /// A stage budget is its share of N × 24 h of wall time.
    case clock24
    /// A stage budget is its share of N × 8 working hours, consumed only in the organisation's
    /// working time (``WorkSchedule``).
    case workday8

    /// Parses `clock24` or `workday8`.
    public init(parsing text: String, field: String = "basis") throws(SrokError) {
        guard let b = StageBasis(rawValue: TextKey.normalize(text)) else {
            throw .invalidValue(field: field, value: text, expected: .oneOf(["clock24", "workday8"]))
        }
        self = b
    }
}

/// Whether a return to an earlier stage resets that stage's budget.
public enum StageAccounting: String, Sendable, CaseIterable {
    /// Time in every visit counts against the stage's one budget (the default: the seeds give each
    /// stage one budget as a share of the term).
    case cumulative
    /// Each visit gets the full budget.
    case perVisit = "per-visit"
}

/// Stage shares in basis points (1 % = 100), validated: non-negative, summing to 100 %.
public struct StageShares: Hashable, Sendable {
    /// Basis points per stage.
    public private(set) var basisPoints: PerStage<Int>

    /// The platform's shares: moderation 5 %, coordination 5 %, execution 65 %, approval 15 %,
    /// final approval 10 % (Приложение 1 к Регламенту работы в ПОС, Брасовский район, 2024).
    public static let platform = try! StageShares(percent: [5, 5, 65, 15, 10])

    /// Shares from percentages in stage order.
    /// - Throws: when a share is negative or the sum is not 100 %.
    public init(percent: [Double]) throws(SrokError) {
        guard percent.count == 5 else {
            throw .invalidValue(
                field: "stage shares", value: percent.map { String($0) }.joined(separator: ","),
                expected: LocalizedText(
                    ru: "пять долей (модерация, координация, исполнение, согласование, утверждение)",
                    en: "five shares (moderation, coordination, execution, approval, final approval)"))
        }
        var bp = PerStage(repeating: 0)
        for s in Stage.allCases {
            let p = percent[s.rawValue]
            guard p >= 0, p <= 100 else {
                throw .invalidValue(
                    field: "share of \(s.code)", value: String(p),
                    expected: LocalizedText(ru: "процент от 0 до 100", en: "a percentage from 0 to 100"))
            }
            bp[s] = Int((p * 100).rounded())
        }
        try self.init(basisPoints: bp)
    }

    /// Shares in basis points.
    public init(basisPoints: PerStage<Int>) throws(SrokError) {
        // Each share is bounded before they are summed, so no sum overflows.
        let bounded = Stage.allCases.allSatisfy { (0...10_000).contains(basisPoints[$0]) }
        let sum = bounded ? Stage.allCases.reduce(0) { $0 + basisPoints[$1] } : -1
        guard sum == 10_000 else {
            throw .invalidValue(
                field: "stage shares",
                value: Stage.allCases.map { "\(basisPoints[$0] / 100)" }.joined(separator: "+")
                    + (bounded ? " = \(Double(sum) / 100) %" : ""),
                expected: LocalizedText(
                    ru: "доли от 0 до 100 %, в сумме 100 %", en: "shares from 0 to 100 % that sum to 100 %"))
        }
        self.basisPoints = basisPoints
        var running = 0
        cumulativeBasisPoints = PerStage { s in
            running += basisPoints[s]
            return running
        }
    }

    /// Basis points of each stage and all before it (computed once: the schedule needs them per message).
    public let cumulativeBasisPoints: PerStage<Int>

    /// The share of `stage` in percent.
    public func percent(_ stage: Stage) -> Double { Double(basisPoints[stage]) / 100 }

    /// Basis points of all stages up to and including `stage`.
    @inlinable public func cumulative(through stage: Stage) -> Int { cumulativeBasisPoints[stage] }
}

/// The organisation's working time, for the `workday8` basis and working-hour terms.
/// Default Mon–Fri (the calendar's working days) 09:00–13:00 and 14:00–18:00; a shortened
/// pre-holiday day ends an hour earlier (ТК РФ ст. 95).
public struct WorkSchedule: Hashable, Sendable {
    /// Working intervals of a day in minutes after midnight, ascending, not overlapping.
    public private(set) var intervals: [ClosedRange<Int>]
    /// Minutes cut from the end of a shortened day.
    public var shortenedCut: Int

    /// 09:00–13:00, 14:00–18:00, shortened days end at 17:00.
    public static let standard = try! WorkSchedule(parsing: "09:00-13:00,14:00-18:00")

    /// Minutes of work in a full day.
    public var dayMinutes: Int { intervals.reduce(0) { $0 + $1.upperBound - $1.lowerBound } }

    /// Parses `HH:MM-HH:MM[,HH:MM-HH:MM…]`.
    public init(parsing text: String, shortenedCut: Int = 60, field: String = "schedule") throws(SrokError) {
        let expected = LocalizedText(
            ru: "рабочие интервалы вида 09:00-13:00,14:00-18:00 (по возрастанию, в пределах суток)",
            en: "working intervals like 09:00-13:00,14:00-18:00 (ascending, within one day)")
        var result: [ClosedRange<Int>] = []
        for part in text.split(separator: ",") {
            let ends = part.split(separator: "-")
            guard ends.count == 2 else { throw .invalidValue(field: field, value: text, expected: expected) }
            func minutes(_ s: Substring) -> Int? {
                let hm = s.trimmingSpaces.split(separator: ":")
                guard hm.count == 2, let h = Int(hm[0]), let m = Int(hm[1]), (0...24).contains(h), (0..<60).contains(m)
                else { return nil }
                return h * 60 + m
            }
            guard let a = minutes(ends[0]), let b = minutes(ends[1]), a < b, b <= 1440,
                result.last.map({ $0.upperBound <= a }) ?? true
            else {
                throw .invalidValue(field: field, value: text, expected: expected)
            }
            result.append(a...b)
        }
        guard !result.isEmpty else { throw .invalidValue(field: field, value: text, expected: expected) }
        intervals = result
        self.shortenedCut = shortenedCut
        guard shortenedCut >= 0, dayMinutes > shortenedCut else {
            throw .invalidValue(
                field: field, value: text,
                expected: LocalizedText(
                    ru: "рабочий день длиннее сокращения предпраздничного дня (\(shortenedCut) мин., не меньше 0)",
                    en: "a day longer than the shortened-day cut (\(shortenedCut) minutes, at least 0)"))
        }
    }

    /// Working minutes of a day that has `isShortened` before minute-of-day `t` (0…1440).
    func minutesBefore(_ t: Int, shortened: Bool) -> Int {
        var end = 1440
        if shortened { end = cutoff }
        var sum = 0
        for r in intervals {
            let hi = min(r.upperBound, t, end)
            if hi > r.lowerBound { sum += hi - r.lowerBound }
        }
        return sum
    }

    /// The minute of day at which `m` working minutes of the day have passed (the earliest).
    func minuteOfDay(after m: Int, shortened: Bool) -> Int {
        var left = m
        let end = shortened ? cutoff : 1440
        for r in intervals {
            let hi = min(r.upperBound, end)
            guard hi > r.lowerBound else { continue }
            let len = hi - r.lowerBound
            if left <= len { return r.lowerBound + left }
            left -= len
        }
        return min(intervals.last!.upperBound, end)
    }

    /// The minute a shortened day ends.
    var cutoff: Int {
        // Cut `shortenedCut` minutes of work from the end.
        var left = shortenedCut
        for r in intervals.reversed() {
            let len = r.upperBound - r.lowerBound
            if left < len { return r.upperBound - left }
            left -= len
        }
        return intervals[0].lowerBound
    }
}

/// Every counting choice for one organisation, each named, with the documented default.
public struct SLAConventions: Hashable, Sendable {
    /// How the total is counted (default `days`, ГК РФ ст. 191).
    public var count: CountConvention = .days
    /// What a non-working last day does (default `preceding`, the ПОС rule of seed 001 п. 10).
    public var roll: RollConvention = .preceding
    /// How stage budgets are measured (default `clock24`).
    public var basis: StageBasis = .clock24
    /// Stage shares (default the platform's 5/5/65/15/10).
    public var shares: StageShares = .platform
    /// Where stage budgets come from (default `shares`; `published`: the act's own table for the
    /// terms it publishes, ``publishedBudgets``).
    public var budgets: StageBudgetSource = .shares
    /// The act's published stage table in minutes of the basis, one column per term it publishes
    /// (used when ``budgets`` is `published`).
    public var publishedBudgets: [PublishedBudgetColumn] = []
    /// Working time for `workday8` and working-hour terms.
    public var schedule: WorkSchedule = .standard
    /// Whether planned stage due times that fall on non-working days are rolled too (default no:
    /// only the total).
    public var rollStageDueTimes = false
    /// A stage or message is `approaching` once this share of its budget is used (default 75 %).
    public var warningPercent = 75
    /// Whether returns reset a stage's budget (default `cumulative`: they do not).
    public var stageAccounting: StageAccounting = .cumulative
    /// How many days after the registration day a postponement («Отложено») may reach (default 366).
    /// No act sets a limit: seed 003 п. 6.3 and seed 004 разд. 3 only require «указать дату, до
    /// которой отложено рассмотрение». A date further out (9999-12-31) is refused as a typing
    /// error instead of leaving a message «в срок» for millennia; raise it for longer deferrals.
    public var postponementHorizonDays = 366

    /// The defaults.
    public init() {}
}

extension String {
    func replacingUnderscores() -> String { String(map { $0 == "_" ? "-" : $0 }) }
}
