import ArgumentParser
import Srok

/// `srok add DATE N [--working] [--roll …]`.
struct AddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Дата + N календарных или рабочих дней. A date plus N calendar or working days."
    )

    @Argument(help: "The start date: YYYY-MM-DD or DD.MM.YYYY.")
    var date: String

    @Argument(help: "The number of days (negative to go back).")
    var days: Int

    @Flag(name: .long, help: "Count working days instead of calendar days.")
    var working = false

    @Option(name: .long, help: "How to move a non-working result to a working day.")
    var roll: RollConvention = .none

    @OptionGroup var common: CalendarOptionsGroup

    mutating func validate() throws {
        guard days.magnitude <= 100_000 else {
            throw ValidationError.invalidValue("days", days, expected: "a number of days from -100000 to 100000")
        }
    }

    func run() throws {
        let start = try parseDate(date, "date")
        let lang = common.lang
        let calendar = try common.calendar()
        let raw = working ? try calendar.adding(workingDays: days, to: start) : start.adding(days: days)
        let result = try calendar.roll(raw, roll)
        let info = try calendar.info(for: result)
        let unit =
            working
            ? (lang == .ru ? "рабочих дней" : "working days") : (lang == .ru ? "календарных дней" : "calendar days")
        print(
            lang == .ru
                ? "\(start.russian) + \(days) \(unit) = \(raw.russian)" : "\(start.iso) + \(days) \(unit) = \(raw.iso)")
        if result != raw {
            let why = try calendar.info(for: raw).explanation(lang)
            print(
                lang == .ru
                    ? "Перенос (\(roll.rawValue)): \(raw.russian) → \(result.russian). \(why)"
                    : "Rolled (\(roll.rawValue)): \(raw.iso) → \(result.iso). \(why)")
        }
        print(lang == .ru ? "Итог: \(info.explanation(lang))" : "Result: \(info.explanation(lang))")
    }
}

/// `srok between A B`: working days and hours.
struct BetweenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "between",
        abstract:
            "Рабочие дни и часы между датами (включительно). Working days and hours between two dates, both included."
    )

    @Argument(help: "The first date.") var from: String
    @Argument(help: "The last date (included).") var through: String
    @OptionGroup var common: CalendarOptionsGroup

    func run() throws {
        let a = try parseDate(from, "from")
        let b = try parseDate(through, "through")
        guard a <= b else {
            throw SrokError.invalidValue(field: "through", value: through, expected: "a date on or after \(a.iso)")
        }
        let lang = common.lang
        let calendar = try common.calendar()
        let t = try calendar.totals(from: a, through: b)
        if lang == .ru {
            print(
                "\(a.russian)–\(b.russian): календарных дней \(t.calendarDays), рабочих дней \(t.workingDays), выходных и праздничных \(t.daysOff), сокращённых \(t.shortenedDays)"
            )
            print(
                "Норма часов: 40-часовая неделя \(PeriodTotals.hours(t.hours40Tenths)), 36-часовая \(PeriodTotals.hours(t.hours36Tenths)), 24-часовая \(PeriodTotals.hours(t.hours24Tenths))"
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
        abstract: "Перенос даты с нерабочего дня. Move a date off a non-working day."
    )

    @Argument(help: "The date.") var date: String
    @Option(name: .long, help: "preceding is the ПОС rule, following the Civil Code's (ГК РФ ст. 193).")
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
                    ? "\(d.russian) → \(r.russian) (\(convention.rawValue))"
                    : "\(d.iso) → \(r.iso) (\(convention.rawValue))")
            print((lang == .ru ? "Почему: " : "Why: ") + (try calendar.info(for: d).explanation(lang)))
            print((lang == .ru ? "Итог: " : "Result: ") + (try calendar.info(for: r).explanation(lang)))
        }
    }
}

/// `srok --version`.
struct VersionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "version", abstract: "Версия, версия данных календаря, версия tzdata ICU.")

    func run() throws {
        let catalog = try CalendarCatalog.embedded()
        let data = catalog.definitions["RU"]?.dataVersion ?? "unknown"
        print("srok \(SrokVersion.string)")
        print("calendar data: \(data)")
        print("ICU \(ICUInfo.version), tzdata \(ICUInfo.tzdataVersion)")
    }
}
