extension Term: Codable {
    /// Reads ``description``'s form, `30 calendar-days` (or a bare number of calendar days).
    public init(from decoder: any Decoder) throws {
        self = try decoder.parsedString("term") { (s, f) throws(SrokError) in try Term(parsing: s, field: f) }
    }

    /// Writes ``description``, `30 calendar-days`: the CLI's `term`.
    public func encode(to encoder: any Encoder) throws { try encoder.encodeString(description) }

    /// Parses `N UNIT` (``Unit``'s raw values: `30 calendar-days`, `10 working-days`, `24 hours`,
    /// `8 working-hours`) or a bare `N` (calendar days).
    /// - Throws: ``SrokError/invalidValue(field:value:expected:)`` naming `field`.
    public init(parsing text: String, field: String = "term") throws(SrokError) {
        let parts = text.split(separator: " ", omittingEmptySubsequences: true)
        guard (1...2).contains(parts.count), let amount = Int(parts[0]),
            let unit = parts.count == 2 ? Unit(rawValue: String(parts[1])) : .calendarDays
        else {
            throw .invalidValue(
                field: field, value: text,
                expected: LocalizedText(ru: "целое число и единица (", en: "a whole number and a unit (")
                    + Unit.allCases.map(\.rawValue).joined(separator: ", ")
                    + LocalizedText(ru: "), например 30 calendar-days", en: "), e.g. 30 calendar-days"))
        }
        self.init(amount, unit)
    }
}

extension WorkSchedule: Codable, CustomStringConvertible {
    /// `09:00-13:00,14:00-18:00`: the form ``init(parsing:shortenedCut:field:)`` reads.
    public var description: String {
        func hm(_ m: Int) -> String {
            let h = m / 60
            let mm = m % 60
            return (h < 10 ? "0" : "") + String(h) + ":" + (mm < 10 ? "0" : "") + String(mm)
        }
        return intervals.map { hm($0.lowerBound) + "-" + hm($0.upperBound) }.joined(separator: ",")
    }

    /// Reads `09:00-13:00,14:00-18:00` (a shortened day ends an hour earlier).
    public init(from decoder: any Decoder) throws {
        self = try decoder.parsedString("schedule") { (s, f) throws(SrokError) in
            try WorkSchedule(parsing: s, field: f)
        }
    }

    /// Writes ``description`` (the shortened-day cut is not written: it reads back as 60 minutes).
    public func encode(to encoder: any Encoder) throws { try encoder.encodeString(description) }
}
