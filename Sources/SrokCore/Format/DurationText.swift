/// Durations written the way the regulations write them: «4 календарных дня 13 часов 12 минут».
package enum DurationText {
    /// Splits `minutes` into days of `dayMinutes` (1440 for calendar days, 480 for 8-hour working
    /// days), hours and minutes.
    package static func split(_ minutes: Int, dayMinutes: Int) -> (days: Int, hours: Int, minutes: Int) {
        (minutes / dayMinutes, minutes % dayMinutes / 60, minutes % 60)
    }

    /// Russian text; zero parts are left out. `dayAdjective` is `календарный` or `рабочий`.
    package static func russian(_ minutes: Int, dayMinutes: Int, working: Bool, plural: RussianText) -> String {
        let (d, h, m) = split(minutes, dayMinutes: dayMinutes)
        var parts: [String] = []
        if d > 0 {
            let adjective: String
            switch plural.pluralCategory(d) {
            case "one": adjective = working ? "рабочий" : "календарный"
            default: adjective = working ? "рабочих" : "календарных"
            }
            parts.append(
                "\(d) \(adjective) "
                    + plural.count(d, one: "день", few: "дня", many: "дней").split(separator: " ", maxSplits: 1)[1])
        }
        if h > 0 { parts.append(plural.hours(h)) }
        if m > 0 { parts.append(plural.minutes(m)) }
        return parts.isEmpty ? "0 минут" : parts.joined(separator: " ")
    }

    /// English text: `4 days 13 hours 12 minutes` (`working days` for 8-hour days).
    package static func english(_ minutes: Int, dayMinutes: Int, working: Bool) -> String {
        let (d, h, m) = split(minutes, dayMinutes: dayMinutes)
        var parts: [String] = []
        if d > 0 { parts.append("\(d) \(working ? "working " : "")day\(d == 1 ? "" : "s")") }
        if h > 0 { parts.append("\(h) hour\(h == 1 ? "" : "s")") }
        if m > 0 { parts.append("\(m) minute\(m == 1 ? "" : "s")") }
        return parts.isEmpty ? "0 minutes" : parts.joined(separator: " ")
    }

    /// The largest number a duration may have in any part, and in each part's sum: 527 040, the
    /// minutes of 366 days (no stage of a term is longer). Checked before any arithmetic.
    package static let maxPart = 527_040

    /// What a text says as a duration.
    package enum Reading: Equatable {
        /// Days, hours and minutes, each at most ``maxPart``.
        case duration(days: Int, hours: Int, minutes: Int)
        /// Not a duration (a word that is no number or unit, a number without a unit …).
        case notADuration
        /// A duration with a number (or a sum of one unit) over ``maxPart``: the number as written.
        case tooLarge(String)
    }

    /// Reads a duration as a regulation writes it («1 календарный день 4 часа», «16 часов 48
    /// минут», «2 days 6 hours»): days, hours, minutes; `nil` when the text is not a duration or
    /// a number in it is over ``maxPart`` (see ``read(_:)``).
    package static func parse(_ text: String) -> (days: Int, hours: Int, minutes: Int)? {
        guard case .duration(let d, let h, let m) = read(text) else { return nil }
        return (d, h, m)
    }

    /// Reads a duration (see ``parse(_:)``), telling a number too large from a text that is no
    /// duration at all.
    package static func read(_ text: String) -> Reading {
        var d = 0
        var h = 0
        var m = 0
        var pending: Int?
        var any = false
        for word in TextKey.normalize(text).split(whereSeparator: { $0 == " " || $0 == "," }) {
            let isDigits = word.utf8.allSatisfy { $0 &- 0x30 < 10 }
            if isDigits || Int(word) != nil {
                // Compared before it is added or multiplied: a number of any length is safe.
                guard let n = Int(word), n <= maxPart else { return .tooLarge(String(word)) }
                if n < 0 || pending != nil { return .notADuration }
                pending = n
                continue
            }
            guard let n = pending else {
                if ["календарный", "календарных", "календарного", "рабочий", "рабочих", "working", "calendar"].contains(
                    String(word))
                {
                    continue
                }
                return .notADuration
            }
            if ["календарный", "календарных", "рабочий", "рабочих", "working", "calendar"].contains(String(word)) {
                continue
            }
            if word.hasPrefix("д") || word.hasPrefix("day") || word.hasPrefix("сут") {
                d += n
            } else if word.hasPrefix("час") || word.hasPrefix("hour") {
                h += n
            } else if word.hasPrefix("мин") || word.hasPrefix("minute") {
                m += n
            } else {
                return .notADuration
            }
            guard d <= maxPart, h <= maxPart, m <= maxPart else { return .tooLarge(String(max(d, h, m))) }
            pending = nil
            any = true
        }
        return any && pending == nil ? .duration(days: d, hours: h, minutes: m) : .notADuration
    }
}
