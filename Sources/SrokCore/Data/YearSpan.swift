/// The years a rule of a data file is in force: `from` through `through`, either end open when
/// `nil` (`carry-over 2013 open …`, `weekend-policy 2016 open keep …`, `holiday … from=2016 to=2020`).
/// Calendar and region files share it, and its ``contains(_:)`` is their one in-force check.
public struct YearSpan: Sendable, Hashable {
    /// The years a data file may name, in a `year` line, a span or a `from=`/`to=` option:
    /// 1900–2200. Also the last year a provisional calendar may reach
    /// (``CalendarOptions/provisionalThroughYear``).
    public static let supportedYears: ClosedRange<Int> = 1900...2200

    /// The first year (`nil`: from the start of the data).
    public var from: Int?
    /// The last year (`nil`: still in force).
    public var through: Int?

    /// The years `from` through `through` (either open when `nil`).
    public init(from: Int? = nil, through: Int? = nil) {
        self.from = from
        self.through = through
    }

    /// Whether `year` is in the span.
    public func contains(_ year: Int) -> Bool { year.isWithin(from: from, through: through) }
}

extension Comparable {
    /// Whether the value lies in `from...through`, an end being open when `nil`: the one range check
    /// of periods of validity (``YearSpan``, ``HolidayStatute``).
    func isWithin(from: Self?, through: Self?) -> Bool {
        (from.map { self >= $0 } ?? true) && (through.map { self <= $0 } ?? true)
    }
}

/// A rule of a data file that is in force over a span of years: carry-over, shortening norms,
/// weekend policies, regional holidays.
protocol YearRule {
    /// The years it is in force.
    var years: YearSpan { get }
}

extension BidirectionalCollection where Element: YearRule {
    /// The rule in force in `year`: the last one listed, since a later line overrides an earlier one.
    func inForce(in year: Int) -> Element? { last { $0.years.contains(year) } }
}
