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

    @Test func icuVersionsAreReported() {
        #expect(!ICUInfo.version.isEmpty)
        #expect(ICUInfo.tzdataVersion.count >= 5)
    }
}
