/// How the last day of a term was moved.
public struct RollOutcome: Hashable, Sendable {
    /// The unrolled last day.
    public var from: CivilDate
    /// The day it moved to.
    public var to: CivilDate
    /// The convention applied.
    public var convention: RollConvention
    /// Whether the configured roll would have moved the due time to or before registration, so the
    /// date was rolled `following` instead (the term never ends before it starts).
    public var reversed: Bool

    /// The roll applied, as the `rolled` column names it: the convention's name, or
    /// `following(reversed)` when the configured roll was reversed. The one source of the roll's
    /// name: ``code``, the batch writer and the CLI use it.
    public var label: String { Self.label(convention, reversed: reversed) }

    /// Why the day moved, in `lang`, for explanations (see ``text(_:)``).
    public func reason(_ lang: Language) -> String { text(lang) }

    /// The `rolled` column: `preceding:2024-04-28>2024-04-27`, or `following(reversed):…` when
    /// the configured roll was reversed.
    public var code: String { label + ":" + from.iso + ">" + to.iso }
}

extension RollOutcome {
    /// ``label`` of a roll by `convention`, reversed or not (without a roll at hand: the batch
    /// writer's table of codes).
    package static func label(_ convention: RollConvention, reversed: Bool) -> String {
        reversed ? "following(reversed)" : convention.rawValue
    }
}
