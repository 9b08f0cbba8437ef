import ArgumentParser
import Srok

/// `srok add DATE N [--working] [--roll …]`.
struct AddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: tr("Дата плюс N календарных или рабочих дней.", "A date plus N calendar or working days.")
    )

    @Argument(
        help: help(
            "Начальная дата: ГГГГ-ММ-ДД, ДД.ММ.ГГГГ или Д.М.ГГГГ.",
            "The start date: YYYY-MM-DD, DD.MM.YYYY or D.M.YYYY."))
    var date: String

    @Argument(help: help("Число дней (отрицательное — назад).", "The number of days (negative to go back)."))
    var days: Int

    @Flag(
        name: .long,
        help: help("Считать рабочие дни, а не календарные.", "Count working days instead of calendar days."))
    var working = false

    @Option(
        name: .long,
        help: help(
            "Как перенести нерабочий итог на рабочий день (preceding — на предшествующий, following — на следующий).",
            "How to move a non-working result to a working day (preceding, following …)."))
    var roll: RollConvention = .none

    @OptionGroup var common: CalendarOptionsGroup

    mutating func validate() throws {
        guard days.magnitude <= 100_000 else {
            throw ValidationError.invalidValue(
                "days", days,
                expected: LocalizedText(
                    ru: "число дней от -100000 до 100000", en: "a number of days from -100000 to 100000"))
        }
    }

    func run() throws {
        let start = try parseDate(date, "date")
        let lang = common.lang
        let calendar = try common.calendar()
        let raw = working ? try calendar.adding(workingDays: days, to: start) : start.adding(days: days)
        let result = try calendar.roll(raw, roll)
        let info = try calendar.info(for: result)
        let count =
            lang == .ru
            ? (working ? RussianPlural.workingDays(days) : RussianPlural.calendarDays(days))
            : EnglishPlural.count(days, working ? "working day" : "calendar day")
        print(
            lang == .ru
                ? "\(start.russian) + \(count) = \(raw.russian)" : "\(start.iso) + \(count) = \(raw.iso)")
        if result != raw {
            let why = try calendar.info(for: raw).explanation(lang)
            print(
                lang == .ru
                    ? "\(roll.text(.ru).capitalizedFirst): \(raw.russian) → \(result.russian). \(why)"
                    : "\(roll.text(.en).capitalizedFirst): \(raw.iso) → \(result.iso). \(why)")
        }
        print(lang == .ru ? "Итог: \(info.explanation(lang))" : "Result: \(info.explanation(lang))")
    }
}

/// `srok between A B`: working days and hours.
struct BetweenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "between",
        abstract: tr(
            "Рабочие дни и часы между датами (обе включительно).",
            "Working days and hours between two dates, both included.")
    )

    @Argument(help: help("Первая дата.", "The first date.")) var from: String
    @Argument(help: help("Последняя дата (включительно).", "The last date (included).")) var through: String
    @OptionGroup var common: CalendarOptionsGroup

    func run() throws {
        let a = try parseDate(from, "date")
        let b = try parseDate(through, "through")
        guard a <= b else {
            throw SrokError.invalidValue(
                field: "through", value: through,
                expected: LocalizedText(ru: "дата не раньше \(a.russian)", en: "a date on or after \(a.iso)"))
        }
        let lang = common.lang
        let calendar = try common.calendar()
        let t = try calendar.totals(from: a, through: b)
        if lang == .ru {
            print(
                "\(a.russian)–\(b.russian): календарных дней \(t.calendarDays), рабочих дней \(t.workingDays), выходных и праздничных \(t.daysOff), сокращённых \(t.shortenedDays)"
            )
            func hours(_ tenths: Int) -> String {
                PeriodTotals.hours(tenths).replacingOccurrences(of: ".", with: ",")
            }
            print(
                "Норма часов: 40-часовая неделя \(hours(t.hours40Tenths)), 36-часовая \(hours(t.hours36Tenths)), 24-часовая \(hours(t.hours24Tenths))"
            )
        } else {
            print(
                "\(a.iso)…\(b.iso): calendar days \(t.calendarDays), working days \(t.workingDays), days off \(t.daysOff), shortened \(t.shortenedDays)"
            )
            print(
                "Hours norm: 40-hour week \(PeriodTotals.hours(t.hours40Tenths)), 36-hour \(PeriodTotals.hours(t.hours36Tenths)), 24-hour \(PeriodTotals.hours(t.hours24Tenths))"
            )
        }
    }
}

/// `srok roll DATE --convention …`.
struct RollCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "roll",
        abstract: tr("Перенос даты с нерабочего дня на рабочий.", "Move a date off a non-working day.")
    )

    @Argument(help: help("Дата.", "The date.")) var date: String
    @Option(
        name: .long,
        help: help(
            "preceding — на предшествующий рабочий день (правило ПОС), following — на следующий (ГК РФ ст. 193).",
            "preceding: to the preceding working day (the POS platform's rule); following: to the next one (Civil Code art. 193)."
        ))
    var convention: RollConvention = .preceding
    @OptionGroup var common: CalendarOptionsGroup

    func run() throws {
        let d = try parseDate(date, "date")
        let lang = common.lang
        let calendar = try common.calendar()
        let r = try calendar.roll(d, convention)
        if r == d {
            print(
                lang == .ru
                    ? "\(d.russian): без переноса. \(try calendar.info(for: d).explanation(lang))"
                    : "\(d.iso): not moved. \(try calendar.info(for: d).explanation(lang))")
        } else {
            print(
                lang == .ru
                    ? "\(d.russian) → \(r.russian) (\(convention.text(.ru)))"
                    : "\(d.iso) → \(r.iso) (\(convention.text(.en)))")
            print((lang == .ru ? "Почему: " : "Why: ") + (try calendar.info(for: d).explanation(lang)))
            print((lang == .ru ? "Итог: " : "Result: ") + (try calendar.info(for: r).explanation(lang)))
        }
    }
}

/// `srok --version`.
struct VersionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "version",
        abstract: tr(
            "Версия, версия данных календаря, версия tzdata ICU.",
            "The version, the calendar data version and ICU's tzdata version."))

    @Option(name: .long, help: help("Язык вывода: ru (по умолчанию) или en.", "Output language: ru (default) or en."))
    var lang: Language = .ru

    func run() throws {
        let catalog = try CalendarCatalog.embedded()
        let data = catalog.definitions["RU"]?.dataVersion ?? tr("неизвестна", "unknown")
        print("srok \(SrokVersion.string)")
        print(tr("данные календаря: ", "calendar data: ") + data)
        print("ICU \(ICUInfo.version), tzdata \(ICUInfo.tzdataVersion)")
    }
}
