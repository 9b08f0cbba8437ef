extension CivilDate: Codable {
    /// Reads `YYYY-MM-DD` (or `DD.MM.YYYY`).
    public init(from decoder: any Decoder) throws {
        self = try decoder.parsedString("date") { (s, f) throws(SrokError) in try CivilDate(parsing: s, field: f) }
    }

    /// Writes ``iso``, `YYYY-MM-DD`.
    public func encode(to encoder: any Encoder) throws { try encoder.encodeString(iso) }
}
