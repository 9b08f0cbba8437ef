/// Where stage budgets come from.
public enum StageBudgetSource: String, Sendable, CaseIterable {
    /// The stages' shares of the term (``StageShares``) — the default.
    case shares
    /// The act's published stage table (seed 000 Приложение 1) for the terms it publishes, the
    /// shares for the others.
    case published

    /// Parses `shares` or `published`.
    public init(parsing text: String, field: String = "budgets") throws(SrokError) {
        guard let b = StageBudgetSource(rawValue: TextKey.normalize(text)) else {
            throw .invalidValue(field: field, value: text, expected: .oneOf(["shares", "published"]))
        }
        self = b
    }
}

/// How long a «(календарный) день» of a published table cell is.
///
/// Seed 000's Приложение 1 writes «6 календарных дней 4 часа» for execution in the 10-day column:
/// the cells of its 10- and 30-day columns are exact shares of N × 8 h (the authors counted a day
/// as 8 hours), those of the 1-, 7- and 15-day columns shares of N × 24 h.
public enum TableDayLength: String, Sendable, CaseIterable {
    /// A day of a cell is 24 hours of wall time: the cell is read as it is written (the default;
    /// every published column then fits inside its term).
    case hours24 = "24h"
    /// A day of a cell is 8 hours, as the authors computed the 10- and 30-day columns; with
    /// `basis clock24` these are 8 hours of wall time, with `basis workday8` 8 working hours.
    case hours8 = "8h"

    /// Minutes in one day of a cell.
    public var minutes: Int { self == .hours24 ? 1440 : 480 }

    /// Parses `24h` or `8h`.
    public init(parsing text: String, field: String = "table-day") throws(SrokError) {
        guard let d = TableDayLength(rawValue: TextKey.normalize(text)) else {
            throw .invalidValue(field: field, value: text, expected: .oneOf(["24h", "8h"]))
        }
        self = d
    }
}

/// One column of an act's published stage table, converted to minutes of the stage basis.
public struct PublishedBudgetColumn: Hashable, Sendable {
    /// The term the column is for, in days.
    public var days: Int
    /// Each stage's budget in minutes.
    public var minutes: PerStage<Int>

    /// Creates a column.
    public init(days: Int, minutes: PerStage<Int>) {
        self.days = days
        self.minutes = minutes
    }
}
