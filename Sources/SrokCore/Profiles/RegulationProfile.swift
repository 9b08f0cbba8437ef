/// A value from a regulation with the clause it comes from.
public struct Cited<Value: Sendable & Hashable>: Sendable, Hashable {
    /// The value.
    public var value: Value
    /// The clause (пункт, раздел, приложение) or where the default comes from.
    public var citation: String

    /// A cited value.
    public init(value: Value, citation: String) { self.value = value; self.citation = citation }
}

/// A fast-track catalogue entry: a category (and optionally a subcategory) with its term.
public struct FastTrackEntry: Sendable, Hashable {
    /// The category as the regulation writes it.
    public var category: String
    /// The subcategory, if the entry names one.
    public var subcategory: String?
    /// The term in calendar days.
    public var days: Int
    /// The clause.
    public var citation: String
}

/// A cell of a regulation's own stage table («4 календарных дня 13 часов 12 минут»).
public struct PublishedTableCell: Sendable, Hashable {
    /// The term column (days).
    public var days: Int
    /// The stage row.
    public var stage: Stage
    /// The cell as written.
    public var text: String
    /// The clause.
    public var citation: String
    /// Where it is in the data.
    public var location: SourceLocation
}

/// A regulation profile: one organisation's terms, fast-tracks, stage shares, conventions, region
/// and control points, each with its clause (`Data/profiles/*.srokprofile`).
public struct RegulationProfile: Sendable, Hashable {
    /// The identifier (`brasovsky`).
    public var id: String
    /// The organisation.
    public var title: String = ""
    /// The act.
    public var document: String = ""
    /// The calendar's region code (`RU-BRY`, or `RU` for the federal calendar).
    public var region: Cited<String>
    /// The organisation's zone.
    public var zone: Cited<String>
    /// The default regime.
    public var regime: Cited<Regime>
    /// The general term in calendar days.
    public var term: Cited<Int>
    /// The fast-track terms allowed.
    public var fastTrackRange: Cited<ClosedRange<Int>>
    /// Named fast-track levels (Краснодарский край: "1" → 8 days).
    public var fastTrackLevels: [String: Cited<Int>] = [:]
    /// The fast-track catalogue.
    public var fastTracks: [FastTrackEntry] = []
    /// The counting conventions (count, roll, basis, shares).
    public var conventions: SLAConventions
    /// The clause of each convention choice (`count`, `roll`, `basis`, `stage`).
    public var conventionCitations: [String: String] = [:]
    /// Control points.
    public var controls: [ControlPoint] = []
    /// How many postponements («Отложено») are allowed (default 1: seed 004 разд. 3 «не более 1 раза»).
    public var maxPostponements = Cited(value: 1, citation: "по умолчанию: «Отложено» не более 1 раза (постановление Исполкома Мамадышского МР РТ от 01.09.2025 № 334, прил. 1, разд. 3)")
    /// The regulation's own stage table, if it has one.
    public var table: [PublishedTableCell] = []
    /// Where the profile was read from.
    public var location: SourceLocation

    /// The fast-track entry for a category and subcategory: matching ignores case, extra spaces and
    /// ё/е; an entry without a subcategory matches every subcategory of its category.
    public func fastTrack(category: String, subcategory: String?) -> FastTrackEntry? {
        let c = TextKey.normalize(category)
        let s = subcategory.map(TextKey.normalize).flatMap { $0.isEmpty ? nil : $0 }
        let inCategory = fastTracks.filter { TextKey.normalize($0.category) == c }
        if let s, let exact = inCategory.first(where: { $0.subcategory.map(TextKey.normalize) == s }) { return exact }
        return inCategory.first(where: { $0.subcategory == nil })
    }

    /// The term of a message: a fast-track by category/subcategory, a named level, explicit days,
    /// or the general term. Categories that are not fast-tracks get the general term.
    /// - Throws: a fast-track outside the profile's range or an unknown level.
    public func term(fastTrackDays: Int? = nil, level: String? = nil, category: String? = nil,
                     subcategory: String? = nil) throws(SrokError) -> (term: Term, source: String) {
        if let days = fastTrackDays {
            guard fastTrackRange.value.contains(days) else {
                throw .invalidValue(field: "fast_track_days", value: String(days),
                                    expected: "\(fastTrackRange.value.lowerBound)–\(fastTrackRange.value.upperBound) days in profile \(id) (\(fastTrackRange.citation))")
            }
            return (.days(days), fastTrackRange.citation)
        }
        if let level {
            guard let l = fastTrackLevels[level] ?? fastTrackLevels[TextKey.normalize(level)] else {
                throw .unknown(kind: "fast-track level of profile \(id)", name: level, known: fastTrackLevels.keys.sorted())
            }
            return (.days(l.value), l.citation)
        }
        if let category, !category.trimmingSpaces.isEmpty {
            if let entry = fastTrack(category: category, subcategory: subcategory) {
                return (.days(entry.days), entry.citation)
            }
        }
        return (.days(term.value), term.citation)
    }
}
