/// The language of human-readable output: Russian by default, English on request.
public enum Language: String, Sendable, CaseIterable {
    /// Русский.
    case ru
    /// English.
    case en

    /// The `userInfo` key of a `Codable` value's language (an encoder's: the language of the texts
    /// it writes; a ``Language`` value, Russian when absent).
    public static let userInfoKey = CodingUserInfoKey(rawValue: "srok.language")!
}

extension DayInfo {
    /// A one-paragraph explanation of the day: its kind, why (holiday name, «перенос с …», the
    /// decree), working hours, and whether it is provisional.
    public func explanation(_ lang: Language) -> String {
        let english = date.weekday.englishName
        let weekdayName = lang == .ru ? date.weekday.russianName : english.prefix(1).uppercased() + english.dropFirst()
        var s =
            (lang == .ru ? date.russian : date.iso) + " (" + weekdayName + ") — "
            + (lang == .ru ? kind.russian : kind.english)
        if isShortened {
            s += lang == .ru ? ", сокращённый на 1 час (ТК РФ ст. 95)" : ", shortened by one hour (Labour Code art. 95)"
        }
        if let name = name(lang), !name.isEmpty { s += ": \(name)" }
        s += "."
        if isWorking {
            let h = workingMinutes / 60
            s += lang == .ru ? " Рабочих часов: \(h) (40-часовая неделя)." : " Working hours: \(h) (40-hour week)."
        }
        if kind == .presidentialNonWorking {
            s +=
                isWorking
                ? (lang == .ru
                    ? " Считается рабочим днём, как в официальном производственном календаре."
                    : " Counted as a working day, as official production calendars do.")
                : (lang == .ru ? " Считается нерабочим (по выбору)." : " Counted as non-working (as chosen).")
        }
        if let source = source(lang) { s += lang == .ru ? " Основание: \(source)." : " Source: \(source)." }
        if isProvisional {
            s +=
                lang == .ru
                ? " ПРЕДВАРИТЕЛЬНО: рассчитано по правилам закона без постановления о переносе."
                : " PROVISIONAL: computed from the statutory rules alone, no transfer decree in the data."
        }
        return s
    }
}
