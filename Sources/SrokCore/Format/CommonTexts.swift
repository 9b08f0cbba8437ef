/// Phrases many messages share, in both languages.
extension LocalizedText {
    /// «год от A до B» / "a year from A to B".
    public static func year(from a: Int, to b: Int) -> LocalizedText {
        LocalizedText(ru: "год от \(a) до \(b)", en: "a year from \(a) to \(b)")
    }

    /// «целое число от A до B» / "a whole number from A to B".
    public static func wholeNumber(from a: Int, to b: Int) -> LocalizedText {
        LocalizedText(ru: "целое число от \(a) до \(b)", en: "a whole number from \(a) to \(b)")
    }

    /// «одно из: a, b, c» / "one of a, b, c": values that are codes the user types.
    public static func oneOf(_ values: [String]) -> LocalizedText {
        let list = values.joined(separator: ", ")
        return LocalizedText(ru: "одно из: \(list)", en: "one of \(list)")
    }
}

extension YearSpan {
    /// The years a data file and a provisional calendar may name, as an expected value.
    public static var acceptedYears: LocalizedText {
        .year(from: supportedYears.lowerBound, to: supportedYears.upperBound)
    }
}
