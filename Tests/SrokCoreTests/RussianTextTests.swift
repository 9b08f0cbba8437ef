import Testing

@testable import SrokCore

@Suite("Russian formatting through ICU")
struct RussianTextTests {
    @Test func pluralForms() throws {
        let ru = try RussianText()
        #expect(ru.days(1) == "1 день")
        #expect(ru.days(2) == "2 дня")
        #expect(ru.days(5) == "5 дней")
        #expect(ru.days(11) == "11 дней")
        #expect(ru.days(21) == "21 день")
        #expect(ru.days(22) == "22 дня")
        #expect(ru.days(111) == "111 дней")
        #expect(ru.hours(4) == "4 часа")
        #expect(ru.minutes(12) == "12 минут")
        #expect(ru.minutes(24) == "24 минуты")
    }

    @Test func longDates() throws {
        let ru = try RussianText()
        let d = CivilDate(year: 2024, month: 3, day: 29)!
        #expect(ru.longDate(d) == "29 марта 2024 г.")
        #expect(ru.longDate(d, keepNarrowSpace: true) == "29 марта 2024\u{202F}г.")
    }

    /// ICUInfo reports the ICU Srok is linked with (the system one, not Foundation's private copy):
    /// the same version as libicu-dev's pkg-config file, and the same tzdata as ICU's own `icuinfo`
    /// tool, in the IANA release format (a year and a letter: `2022e`).
    @Test func icuVersionsAreReported() throws {
        #expect(ICUInfo.version == (try SystemICU.version()))
        let tz = ICUInfo.tzdataVersion
        #expect(tz == (try SystemICU.tzdataVersion()))
        #expect(tz.wholeMatch(of: /(19|20)[0-9]{2}[a-z]/) != nil, "\(tz)")
    }
}
