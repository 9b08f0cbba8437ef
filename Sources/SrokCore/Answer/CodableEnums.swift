// The enumerations of requests and answers encode as the codes the CLI's JSON and the batch's
// columns write (their raw values) and decode the same codes.

extension Regime: Codable {}
extension CountConvention: Codable {}
extension StageBasis: Codable {}
extension StageBudgetSource: Codable {}
extension SLAState: Codable {}
extension DueReason: Codable {}
extension ControlKind: Codable {}
extension ControlCount: Codable {}
extension Outcome: Codable {}

extension Stage: Codable {
    /// Reads a stage's code (``code``), or any name ``init(parsing:field:)`` accepts.
    public init(from decoder: any Decoder) throws {
        self = try decoder.parsedString("stage") { (s, f) throws(SrokError) in try Stage(parsing: s, field: f) }
    }

    /// Writes the stage's code: `moderation` … `final-approval`.
    public func encode(to encoder: any Encoder) throws { try encoder.encodeString(code) }
}

extension StageRule: Codable {
    /// Reads a rule's ``code``: `share`, a control kind (`coordinator-decision` …), `postponed`
    /// or `extended`.
    public init(from decoder: any Decoder) throws {
        self = try decoder.parsedString("rule") { (s, f) throws(SrokError) in try StageRule(parsing: s, field: f) }
    }

    /// Writes the rule's ``code``.
    public func encode(to encoder: any Encoder) throws { try encoder.encodeString(code) }

    /// Parses a rule's ``code``.
    /// - Throws: ``SrokError/invalidValue(field:value:expected:)`` naming `field` and the codes.
    public init(parsing text: String, field: String = "rule") throws(SrokError) {
        if text == "share" {
            self = .share
        } else if let k = ControlKind(rawValue: text) {
            self = .actTerm(k)
        } else if let r = DueReason(rawValue: text) {
            self = .effectiveDue(r)
        } else {
            throw .invalidValue(
                field: field, value: text,
                expected: LocalizedText(ru: "share, вид контроля (", en: "share, a control kind (")
                    + ControlKind.allCases.map(\.rawValue).joined(separator: ", ")
                    + LocalizedText(ru: "), postponed или extended", en: "), postponed or extended"))
        }
    }
}
