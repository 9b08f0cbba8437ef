import CICUShim

/// Russian text through ICU: long dates («29 марта 2024 г.») and plural forms (день/дня/дней).
///
/// Holds ICU formatters, so it is not thread-safe and not `Sendable`: create one per thread
/// (opening costs microseconds) and reuse it.
public final class RussianText {
    private let longDate: OpaquePointer
    private let plural: OpaquePointer

    /// Opens the ICU formatter and plural rules for `locale` (default `ru_RU`).
    public init(locale: String = "ru_RU") throws(SrokError) {
        var e: Int32 = 0
        guard let f = srok_date_format_open_style(locale, 1, &e), e <= 0 else {
            throw .icu(operation: "udat_open(\(locale))", code: e)
        }
        guard let p = srok_plural_rules_open(locale, &e), e <= 0 else {
            srok_date_format_close(f)
            throw .icu(operation: "uplrules_open(\(locale))", code: e)
        }
        longDate = f
        plural = p
    }

    deinit {
        srok_date_format_close(longDate)
        srok_plural_rules_close(plural)
    }

    /// The long form of `date`, e.g. «29 марта 2024 г.» (ICU puts U+202F before «г.»; it is
    /// replaced by an ordinary space unless `keepNarrowSpace`).
    public func longDate(_ date: CivilDate, keepNarrowSpace: Bool = false) -> String {
        var buf = [CChar](repeating: 0, count: 128)
        let n = srok_date_format_format(longDate, Double(date.daysSinceEpoch) * 86_400_000, &buf, 128)
        guard n > 0 else { return date.russian }
        let s = String(decoding: buf.prefix(Int(n)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return keepNarrowSpace ? s : String(s.map { $0 == "\u{202F}" ? " " : $0 })
    }

    /// ICU's plural category of `n` in Russian: `one`, `few`, `many` or `other`.
    public func pluralCategory(_ n: Int) -> String {
        var buf = [CChar](repeating: 0, count: 16)
        let len = srok_plural_rules_select(plural, Double(n), &buf, 16)
        guard len > 0 else { return "other" }
        return String(decoding: buf.prefix(Int(len)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// `n` with the right form of a noun: `count(5, one: "день", few: "дня", many: "дней")` → «5 дней».
    public func count(_ n: Int, one: String, few: String, many: String) -> String {
        let word: String
        switch pluralCategory(n) {
        case "one": word = one
        case "few": word = few
        default: word = many
        }
        return "\(n) \(word)"
    }

    /// «N рабочих дней», «1 день», etc.
    public func days(_ n: Int) -> String { count(n, one: "день", few: "дня", many: "дней") }
    /// «N часов».
    public func hours(_ n: Int) -> String { count(n, one: "час", few: "часа", many: "часов") }
    /// «N минут».
    public func minutes(_ n: Int) -> String { count(n, one: "минута", few: "минуты", many: "минут") }
}
