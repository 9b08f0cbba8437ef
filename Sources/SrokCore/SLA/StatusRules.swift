/// How many times «Отложено» may be used on one message.
public enum PostponementLimit: Hashable, Sendable, CustomStringConvertible {
    /// At most this many postponements (seed 004 раздел 3 абз. 2: «не более 1 раза»).
    case atMost(Int)
    /// Any number, each to a date (seed 003 п. 6.3).
    case unlimited

    /// The limit for an act that says nothing about the number of postponements: **unlimited**.
    /// No act among the seeds but seed 004 limits them; a limit borrowed from one district would
    /// refuse messages that are lawful under the others. Each postponement still needs a date, and
    /// ``SLAConventions/postponementHorizonDays`` still catches a mistyped one.
    public static let silentActDefault = Cited(
        value: PostponementLimit.unlimited,
        citation: "регламент не ограничивает число отложений; по умолчанию без ограничения (каждое — до указанной даты)"
    )

    /// Whether `count` postponements are allowed.
    @inlinable public func allows(_ count: Int) -> Bool {
        switch self {
        case .atMost(let n): count <= n
        case .unlimited: true
        }
    }

    /// «не более 1 раза» / "at most once", «без ограничения» / "unlimited".
    public var text: LocalizedText {
        switch self {
        case .atMost(let n):
            LocalizedText(
                // After «не более» the genitive: 1 раза, 2 раз, 5 раз, 21 раза.
                ru: "не более \(n) " + (n % 10 == 1 && n % 100 != 11 ? "раза" : "раз"),
                en: n == 1 ? "at most once" : n == 2 ? "at most twice" : "at most \(n) times")
        case .unlimited: LocalizedText(ru: "без ограничения", en: "unlimited")
        }
    }

    /// `1` or `unlimited` (the profile's grammar).
    public var description: String {
        switch self {
        case .atMost(let n): String(n)
        case .unlimited: "unlimited"
        }
    }
}

/// One reason from an act's exhaustive list of grounds for «Отклонено» (seed 002 п. 12).
public struct RejectionReason: Hashable, Sendable {
    /// Its number in the act's order, from 1.
    public var number: Int
    /// A short key (`spam`, `no-address`).
    public var key: String
    /// The text as the act writes it.
    public var text: String
    /// The clause.
    public var citation: String
    /// The text's matching key (normalised once, not per message).
    let matchKey: String

    /// Creates a reason.
    public init(number: Int, key: String, text: String, citation: String) {
        self.number = number
        self.key = key
        self.text = text
        self.citation = citation
        matchKey = RejectionRule.key(text)
    }
}

/// Whether «Отклонено» needs a reason, and from which list.
public struct RejectionRule: Hashable, Sendable {
    /// Whether a reason is required (seed 002 п. 9, seed 003 п. 6.3).
    public var required: Bool
    /// The act's exhaustive list; empty when the act gives none (any non-empty text then does).
    public var reasons: [RejectionReason]
    /// The clause.
    public var citation: String

    /// For an act that says nothing: a reason is accepted but not required.
    public static let silentActDefault = RejectionRule(
        required: false, reasons: [],
        citation: "регламент не требует указывать причину отклонения; по умолчанию причина не обязательна")

    /// Creates a rule.
    public init(required: Bool, reasons: [RejectionReason] = [], citation: String) {
        self.required = required
        self.reasons = reasons
        self.citation = citation
    }

    /// The reason that `text` names: its number (`5`), its key, its text (case, spaces, ё/е and
    /// final punctuation ignored), or the start of exactly one reason's text (at least 12
    /// characters: exports truncate long texts). Nil when it names none.
    public func reason(matching text: String) -> RejectionReason? {
        let key = Self.key(text)
        guard !key.isEmpty else { return nil }
        if let n = Int(key) { return reasons.first { $0.number == n } }
        if let r = reasons.first(where: { $0.key == key || $0.matchKey == key }) { return r }
        guard key.count >= 12 else { return nil }
        var found: RejectionReason?
        for r in reasons where r.matchKey.hasPrefix(key) {
            if found != nil { return nil }
            found = r
        }
        return found
    }

    /// Whether `text` holds nothing but spaces and punctuation (checked without allocating).
    static func isBlank(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { c in
            c == " " || c == "\t" || c == "\n" || c == "\r" || c == "\u{A0}" || c == ";" || c == "." || c == ","
        }
    }

    /// The matching key of a reason's text: normalised, without final `;`, `.`, `,`.
    static func key(_ text: String) -> String {
        var s = TextKey.normalize(text)
        while let last = s.last, last == ";" || last == "." || last == "," || last == " " { s.removeLast() }
        return s
    }

    /// Checks an outcome's reason.
    /// - Throws: ``SrokError/invalidValue(field:value:expected:)`` on `rejection_reason` when the
    ///   outcome is «Отклонено» and the reason is missing but required, or not in the act's list;
    ///   the message names the clause and the accepted reasons.
    public func check(outcome: Outcome?, reason: String?) throws(SrokError) {
        guard outcome == .rejected else { return }
        if reason.map(Self.isBlank) ?? true {
            guard required else { return }
            throw .invalidValue(
                field: "rejection_reason", value: "",
                expected: LocalizedText(
                    ru: "причина для «Отклонено» (\(citation))", en: "a reason for «Отклонено» (\(citation))")
                    + (reasons.isEmpty ? "" : ": " + listText))
        }
        guard !reasons.isEmpty else { return }
        guard self.reason(matching: reason!) != nil else {
            throw .invalidValue(
                field: "rejection_reason", value: reason!,
                expected: LocalizedText(
                    ru: "одно из оснований акта для «Отклонено» (\(citation)): номер, ключ или текст: ",
                    en: "one of the act's grounds for «Отклонено» (\(citation)), by number, key or text: ") + listText)
        }
    }

    /// `1 insults; 2 hate; …`.
    var listText: String { reasons.map { "\($0.number) \($0.key)" }.joined(separator: "; ") }
}

/// The rules a profile adds to a status beyond dates: its control points, the limit of
/// «Отложено», and the rule for the reason of «Отклонено». Build once per profile
/// (``RegulationProfile/rules``) and pass to every status.
public struct StatusRules: Hashable, Sendable {
    /// Control points to check (at most one per kind is reported).
    public var controls: [ControlPoint] {
        didSet {
            terms = controls.map(ControlTerm.init)
            limitsChecked = Self.limitsValid(terms)
        }
    }
    /// The controls without their citations: what evaluation reads, copied per message without
    /// touching a reference count.
    private(set) var terms: [ControlTerm]
    /// Whether every control's limit is within 1–366 days (checked when the controls are set, so
    /// that a status checks them again only to report the one at fault).
    private(set) var limitsChecked: Bool
    /// How many postponements are allowed, with the clause.
    public var postponements: Cited<PostponementLimit>
    /// Whether «Отклонено» needs a reason.
    public var rejection: RejectionRule

    /// Rules; the defaults are those for an act that says nothing (no controls, postponements
    /// unlimited, no reason required).
    public init(
        controls: [ControlPoint] = [], postponements: Cited<PostponementLimit> = PostponementLimit.silentActDefault,
        rejection: RejectionRule = .silentActDefault
    ) {
        self.controls = controls
        self.postponements = postponements
        self.rejection = rejection
        terms = controls.map(ControlTerm.init)
        limitsChecked = Self.limitsValid(terms)
    }

    /// Whether every limit is within 1–366 days (``SLAEngine/checkLimits(_:)`` names the one that is not).
    private static func limitsValid(_ terms: [ControlTerm]) -> Bool {
        terms.allSatisfy { (1...366).contains($0.amount) }
    }
}

/// A control point's kind, limit and count: a trivial value (no citation), for the hot path.
struct ControlTerm: Hashable, Sendable {
    var kind: ControlKind
    var amount: Int
    var count: ControlCount

    init(_ c: ControlPoint) {
        kind = c.kind
        amount = c.amount
        count = c.count
    }
}
