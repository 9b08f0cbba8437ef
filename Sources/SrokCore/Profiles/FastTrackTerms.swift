/// The fast-track terms an act allows: a list (seed 004 раздел 3 абз. 3: 3, 5, 7, 10 days; seed
/// 000 приложение № 2: 10) or any term in a range (seed 002 п. 8: «с любым сроком ответа,
/// составляющим менее 30 дней»: 1–29).
public enum FastTrackTerms: Hashable, Sendable, CustomStringConvertible {
    /// Any term from the lower to the upper bound, in days.
    case range(ClosedRange<Int>)
    /// Exactly these terms, in days (ascending, no duplicates).
    case list([Int])

    /// Whether a fast-track of `days` is allowed.
    @inlinable public func contains(_ days: Int) -> Bool {
        switch self {
        case .range(let r): r.contains(days)
        case .list(let l): l.contains(days)
        }
    }

    /// The longest allowed term.
    public var longest: Int {
        switch self {
        case .range(let r): r.upperBound
        case .list(let l): l.last ?? 0
        }
    }

    /// The shortest allowed term.
    public var shortest: Int {
        switch self {
        case .range(let r): r.lowerBound
        case .list(let l): l.first ?? 0
        }
    }

    /// What ``MessageDefaults/lenientFastTrack`` accepts instead: any term from 1 day to the
    /// longest the act allows (a shorter term only shortens the organisation's own deadline).
    public var lenient: FastTrackTerms { .range(1...max(1, longest)) }

    /// `3, 5, 7, 10` or `1–29`.
    public var description: String {
        switch self {
        case .range(let r): r.lowerBound == r.upperBound ? String(r.lowerBound) : "\(r.lowerBound)–\(r.upperBound)"
        case .list(let l): l.map(String.init).joined(separator: ", ")
        }
    }
}
