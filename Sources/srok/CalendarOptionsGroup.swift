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

    @Option(name: .long, help: "Region: an ISO 3166-2 code or a Russian name (RU-TA, Татарстан); default the federal calendar (or the profile's region).")
    var region: String?

    @Option(name: .long, help: "Employer kind for regional days: state-body (default; ПОС executors) or other.")
    var employer: String = "state-body"

    @Flag(name: .customLong("strict-regional"), help: "Refuse regional years whose acts are not in the data instead of using the ICU forecast (marked provisional).")
    var strictRegional = false

    @Option(name: .customLong("islamic-calendar"), help: "ICU Islamic calendar for forecasts: islamic-umalqura (default) or islamic-civil.")
    var islamicCalendar: String = "islamic-umalqura"

    @Option(name: .customLong("region-file"), help: "A region file (Data/FORMAT.md) to load; repeatable.")
    var regionFiles: [String] = []

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
        guard let employerKind = EmployerKind(rawValue: employer) else {
            throw SrokError.invalidValue(field: "--employer", value: employer, expected: "state-body or other")
        }
        guard ["islamic-umalqura", "islamic-civil"].contains(islamicCalendar) else {
            throw SrokError.invalidValue(field: "--islamic-calendar", value: islamicCalendar, expected: "islamic-umalqura or islamic-civil")
        }
        return CalendarOptions(presidentialDaysAreWorking: working, provisionalThroughYear: provisional,
                               employer: employerKind, strictRegionalDates: strictRegional, islamicCalendar: islamicCalendar)
    }

    /// The compiled calendar of `--region` (federal by default) with these options.
    func calendar() throws -> WorkingCalendar {
        try context().calendar(region: region ?? "RU")
    }
}

/// Parses a date argument, naming the argument in the error.
func parseDate(_ text: String, _ field: String) throws -> CivilDate {
    try CivilDate(parsing: text, field: field)
}
