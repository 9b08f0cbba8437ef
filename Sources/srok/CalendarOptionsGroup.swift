import ArgumentParser
import Srok

/// Options every calendar command shares: language, user calendar files, provisional years,
/// presidential non-working days.
struct CalendarOptionsGroup: ParsableArguments {
    @Option(name: .long, help: "Output language: ru (default) or en.")
    var lang: String = "ru"

    @Option(name: .customLong("calendar-file"), help: "A calendar file (Data/FORMAT.md) extending or overriding the embedded data; repeatable.")
    var calendarFiles: [String] = []

    @Option(name: .long, help: "Compute years after the decree data up to this year from the statutory rules alone, marked provisional (default: refuse them).")
    var provisional: Int?

    @Option(name: .customLong("presidential-days"), help: "2020–2021 presidential non-working days: working (default, as official calendars) or non-working.")
    var presidentialDays: String = "working"

    var language: Language {
        get throws {
            guard let l = Language(rawValue: lang.lowercased()) else {
                throw SrokError.invalidValue(field: "--lang", value: lang, expected: "ru or en")
            }
            return l
        }
    }

    func options() throws -> CalendarOptions {
        let working: Bool
        switch presidentialDays.lowercased() {
        case "working": working = true
        case "non-working", "nonworking": working = false
        default: throw SrokError.invalidValue(field: "--presidential-days", value: presidentialDays, expected: "working or non-working")
        }
        if let p = provisional, !(1999...2200).contains(p) {
            throw SrokError.invalidValue(field: "--provisional", value: String(p), expected: "a year from 1999 to 2200")
        }
        return CalendarOptions(presidentialDaysAreWorking: working, provisionalThroughYear: provisional)
    }

    /// The compiled federal calendar with these options.
    func calendar() throws -> WorkingCalendar {
        let catalog = try CalendarCatalog.load(userFiles: calendarFiles)
        return try catalog.federal(options: options())
    }
}

/// Parses a date argument, naming the argument in the error.
func parseDate(_ text: String, _ field: String) throws -> CivilDate {
    try CivilDate(parsing: text, field: field)
}
