/// A text a person reads, in both output languages: the Russian (the default) and the English.
/// Errors, reasons and explanations carry one and are rendered in the language asked for, so no
/// message is ever half in one language and half in the other.
public struct LocalizedText: Hashable, Sendable, CustomStringConvertible {
    /// The Russian text.
    public var ru: String
    /// The English text.
    public var en: String

    /// A text in both languages.
    public init(ru: String, en: String) {
        self.ru = ru
        self.en = en
    }

    /// A text that reads the same in both languages: a code, a number, a value as given, a clause
    /// of a Russian act (cited as written in either language).
    public init(verbatim text: String) {
        ru = text
        en = text
    }

    /// The text in `lang`.
    @inlinable public func callAsFunction(_ lang: Language) -> String { lang == .ru ? ru : en }

    /// The text in `lang` (the same as calling the text).
    @inlinable public func text(_ lang: Language) -> String { lang == .ru ? ru : en }

    /// The Russian text (the default language).
    public var description: String { ru }

    /// Whether both texts are empty.
    public var isEmpty: Bool { ru.isEmpty && en.isEmpty }

    /// The two texts joined, language by language.
    public static func + (a: LocalizedText, b: LocalizedText) -> LocalizedText {
        LocalizedText(ru: a.ru + b.ru, en: a.en + b.en)
    }

    /// A text followed by the same words in both languages (a code, a number, a list of values).
    public static func + (a: LocalizedText, b: String) -> LocalizedText {
        LocalizedText(ru: a.ru + b, en: a.en + b)
    }

    /// The texts joined by `separator`, language by language.
    public static func join(_ parts: [LocalizedText], separator: String) -> LocalizedText {
        LocalizedText(
            ru: parts.map(\.ru).joined(separator: separator), en: parts.map(\.en).joined(separator: separator))
    }
}

extension Language {
    /// `ru` or `en` as a command line or request writes it (`--lang`), ignoring case; nil for others.
    public init?(code: String) {
        switch code.lowercased() {
        case "ru", "rus", "russian", "русский": self = .ru
        case "en", "eng", "english": self = .en
        default: return nil
        }
    }
}

/// Russian plural forms by the CLDR rules ICU applies (one: 1, 21, 101…; few: 2–4, 22–24…; many:
/// the rest), for texts built where no ICU formatter is at hand (errors, summaries). Agrees with
/// ``RussianText/pluralCategory(_:)`` (tested).
public enum RussianPlural {
    /// The form of the noun that goes with `n`: `form(5, "день", "дня", "дней")` → «дней».
    @inlinable public static func form(_ n: Int, _ one: String, _ few: String, _ many: String) -> String {
        let a = n < 0 ? -(n % 100) : n % 100
        if a % 10 == 1 && a != 11 { return one }
        if (2...4).contains(a % 10) && !(12...14).contains(a) { return few }
        return many
    }

    /// `n` with its noun: `count(3, "день", "дня", "дней")` → «3 дня».
    @inlinable public static func count(_ n: Int, _ one: String, _ few: String, _ many: String) -> String {
        "\(n) " + form(n, one, few, many)
    }

    /// «N дней» (calendar days, no adjective).
    public static func days(_ n: Int) -> String { count(n, "день", "дня", "дней") }
    /// «N рабочих дней» with the adjective agreeing (1 рабочий день, 2 рабочих дня, 5 рабочих дней).
    public static func workingDays(_ n: Int) -> String {
        "\(n) " + form(n, "рабочий день", "рабочих дня", "рабочих дней")
    }
    /// «N календарных дней» with the adjective agreeing.
    public static func calendarDays(_ n: Int) -> String {
        "\(n) " + form(n, "календарный день", "календарных дня", "календарных дней")
    }
    /// «N раз».
    public static func times(_ n: Int) -> String { count(n, "раз", "раза", "раз") }
    /// «N строк».
    public static func rows(_ n: Int) -> String { count(n, "строка", "строки", "строк") }
}

/// English plural of a regular noun: `count(1, "day")` → «1 day», `count(3, "day")` → «3 days».
public enum EnglishPlural {
    /// `n` with `noun`, adding `s` unless `n` is 1.
    public static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
}
