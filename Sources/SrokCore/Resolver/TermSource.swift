/// Where a message's term came from, for explanations.
public enum TermSource: Hashable, Sendable {
    /// Given explicitly (``MessageRequest/termDays``).
    case explicit
    /// 59-ФЗ ст. 12 ч. 1.1: 20 days for facts of possible violations of migration law.
    case migrationLaw
    /// The profile: its general term, a fast-track range, level or catalogue entry, with the clause.
    case profile(citation: String)
}
