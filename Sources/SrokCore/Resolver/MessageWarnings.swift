/// What was doubtful about a message that was still computed: the row or request gets its
/// result, flagged, instead of being refused. Stable codes for machines (``codes``), words for
/// people (``text(_:)``).
public struct MessageWarnings: OptionSet, Hashable, Sendable {
    /// The bits.
    public let rawValue: UInt8

    /// A set from its bits.
    @inlinable public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// Marked fast-track («Фаст-трек: Да») with no category to look up, or a profile with no
    /// category catalogue: its fast-track term cannot be known, so the general term applies.
    public static let fastTrackWithoutCategory = MessageWarnings(rawValue: 1)
    /// Marked fast-track with a category (or category / subcategory) the profile's catalogue does
    /// not list (misspelt, or the wrong profile): the general term applies.
    public static let categoryNotInProfile = MessageWarnings(rawValue: 2)

    /// Every warning in output order.
    public static let all: [MessageWarnings] = [.fastTrackWithoutCategory, .categoryNotInProfile]

    /// The stable code of a single warning: `fast-track-without-category`, `category-not-in-profile`.
    public var code: String {
        switch self {
        case .fastTrackWithoutCategory: "fast-track-without-category"
        case .categoryNotInProfile: "category-not-in-profile"
        default: codes.joined(separator: ";")
        }
    }

    /// The codes of the warnings set, in ``all``'s order.
    public var codes: [String] { Self.all.filter(contains).map(\.code) }

    /// A short name of the warnings set, for summaries: «фаст-трек без категории» …
    public func shortText(_ lang: Language) -> String {
        Self.all.filter(contains).map { w in
            switch (w, lang) {
            case (.fastTrackWithoutCategory, .ru): "фаст-трек без категории"
            case (.fastTrackWithoutCategory, _): "fast-track without a category"
            case (.categoryNotInProfile, .ru): "категории нет в каталоге профиля"
            default: "category not in the profile's catalogue"
            }
        }.joined(separator: "; ")
    }

    /// The warnings set in words, `; `-separated.
    public func text(_ lang: Language) -> String {
        Self.all.filter(contains).map { w in
            switch (w, lang) {
            case (.fastTrackWithoutCategory, .ru):
                "отмечен фаст-трек, но категория не указана или у профиля нет каталога категорий: применён общий срок"
            case (.fastTrackWithoutCategory, _):
                "marked fast-track, but no category is given or the profile has no category catalogue: the general term applies"
            case (.categoryNotInProfile, .ru):
                "отмечен фаст-трек, но категория (подкатегория) не входит в каталог фаст-треков профиля: применён общий срок"
            default:
                "marked fast-track, but the category (subcategory) is not in the profile's fast-track catalogue: the general term applies"
            }
        }.joined(separator: "; ")
    }
}
