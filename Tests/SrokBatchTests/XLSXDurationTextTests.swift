import Testing

@testable import SrokBatch
@testable import SrokCore

/// Durations as the Excel report writes them beside the minutes. The Russian forms follow the
/// grammar of numerals (a number ending in 1 but not 11 takes the singular «день»; ending in 2–4
/// but not 12–14 the paucal «дня»; the rest «дней»), the same rule for «час» and «минута».
@Suite struct XLSXDurationTextTests {
    let ru = XLSXDurationText(language: .ru)
    let en = XLSXDurationText(language: .en)

    @Test func russianPluralForms() {
        let cases: [(Int, String)] = [
            (0, "0 минут"), (1, "1 минута"), (2, "2 минуты"), (4, "4 минуты"), (5, "5 минут"), (11, "11 минут"),
            (21, "21 минута"), (22, "22 минуты"), (59, "59 минут"),
            (60, "1 час"), (61, "1 час 1 минута"), (125, "2 часа 5 минут"), (5 * 60, "5 часов"), (21 * 60, "21 час"),
            (23 * 60 + 59, "23 часа 59 минут"),
            (1440, "1 день"), (2 * 1440 + 4 * 60, "2 дня 4 часа"), (5 * 1440, "5 дней"), (11 * 1440, "11 дней"),
            (12 * 1440 + 60, "12 дней 1 час"), (21 * 1440 + 1, "21 день"), (22 * 1440 + 2 * 60, "22 дня 2 часа"),
            (101 * 1440, "101 день"), (111 * 1440, "111 дней"),
        ]
        for (minutes, text) in cases { #expect(ru.text(minutes, .plain) == text, "\(minutes)") }
    }

    /// From a day up the minutes are left to the number beside the text: 2 days 4 h 59 min reads
    /// «2 дня 4 часа».
    @Test func fromADayUpDaysAndHours() {
        #expect(ru.text(2 * 1440 + 4 * 60 + 59, .plain) == "2 дня 4 часа")
    }

    @Test func timeLeftAndLateness() {
        #expect(ru.text(3 * 60, .remaining) == "3 часа")
        #expect(ru.text(-(21 * 1440 + 12 * 60 + 1), .remaining) == "просрочено на 21 день 12 часов")
        #expect(ru.text(-5, .plain) == "−5 минут")
    }

    @Test func english() {
        #expect(en.text(0, .plain) == "0 minutes")
        #expect(en.text(1440, .plain) == "1 day")
        #expect(en.text(2 * 1440 + 4 * 60, .plain) == "2 days 4 hours")
        #expect(en.text(61, .plain) == "1 hour 1 minute")
        #expect(en.text(-180, .remaining) == "overdue by 3 hours")
    }
}
