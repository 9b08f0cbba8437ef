/// The clauses Srok itself writes where an act is silent and a default applies (a profile's
/// file writes its own, quoted as they are): in English output they are translated, since no act
/// is being quoted.
public enum DefaultCitations {
    /// `citation` in `lang`: one of Srok's own default clauses translated, any other as written.
    public static func text(_ citation: String, _ lang: Language) -> String {
        guard lang == .en, let english = english[citation] else { return citation }
        return english
    }

    private static let english: [String: String] = [
        PostponementLimit.silentActDefault.citation:
            "the act does not limit the number of postponements; by default unlimited (each to a stated date)",
        RejectionRule.silentActDefault.citation:
            "the act does not require a reason for «Отклонено» (rejected); by default it is optional",
        RegulationProfile.defaultOutcomesCitation:
            "the act lists no outcome types; by default the POS platform's: Решено, Не решено, Отложено, Отклонено",
        RegulationProfile.defaultTableDayCitation:
            "by default a cell is read as written: a «календарный день» (calendar day) is 24 hours",
        "регламент не устанавливает": "the act does not set it",
    ]
}
