import ArgumentParser
import Srok

/// Options every calendar command shares: language, user calendar files, provisional years,
/// presidential non-working days.
struct CalendarOptionsGroup: ParsableArguments {
    @Option(name: .long, help: help("Язык вывода: ru (по умолчанию) или en.", "Output language: ru (default) or en."))
    var lang: Language = .ru

    @Option(
        name: .customLong("calendar-file"),
        help: help(
            "Файл календаря (Data/FORMAT.md), дополняющий или заменяющий встроенные данные; можно повторять.",
            "A calendar file (Data/FORMAT.md) extending or overriding the embedded data; repeatable."),
        completion: .calendarFile)
    var calendarFiles: [String] = []

    @Option(
        name: .long,
        help: help(
            "Рассчитывать годы после данных постановлений до этого года (1999–2200) только по правилам закона, с пометкой «предварительно» (по умолчанию такие годы не принимаются).",
            "Compute years after the decree data up to this year (1999–2200) from the statutory rules alone, marked provisional (default: refuse them)."
        )
    )
    var provisional: Int?

    @Option(
        name: .customLong("presidential-days"),
        help: help(
            "Нерабочие дни по указам Президента 2020–2021 годов: working — рабочие, как в официальных календарях, или non-working.",
            "2020–2021 presidential non-working days: working, as official calendars count them, or non-working."))
    var presidentialDays: PresidentialDays = .working

    @Option(
        name: .long,
        help: help(
            "Регион: код ISO 3166-2 или русское название (RU-TA, Татарстан); по умолчанию федеральный календарь (или регион профиля).",
            "Region: an ISO 3166-2 code or a Russian name (RU-TA, Татарстан); default the federal calendar (or the profile's region)."
        ),
        completion: .regions
    )
    var region: String?

    @Option(
        name: .long,
        help: help(
            "Вид работодателя для региональных дней (state-body — исполнители ПОС, для них действуют и дни только для госорганов).",
            "Employer kind for regional days (state-body: the POS platform's executors, also bound by days for state bodies only)."
        )
    )
    var employer: EmployerKind = .stateBody

    @Flag(
        name: .customLong("strict-regional"),
        help: help(
            "Не принимать региональные годы, актов за которые нет в данных, вместо прогноза ICU (с пометкой «предварительно»).",
            "Refuse regional years whose acts are not in the data instead of using the ICU forecast (marked provisional)."
        )
    )
    var strictRegional = false

    @Option(
        name: .customLong("islamic-calendar"),
        help: help(
            "Исламский календарь ICU для прогноза региональных праздников.",
            "ICU Islamic calendar for forecasts of regional holidays."))
    var islamicCalendar: IslamicCalendar = .umalqura

    @Option(
        name: .customLong("region-file"),
        help: help(
            "Файл региона (Data/FORMAT.md) для загрузки; можно повторять.",
            "A region file (Data/FORMAT.md) to load; repeatable."),
        completion: .calendarFile)
    var regionFiles: [String] = []

    /// How `--presidential-days` counts the 2020–2021 presidential non-working days.
    enum PresidentialDays: String, CaseIterable, ExpressibleByArgument {
        /// As working days, as official production calendars count them.
        case working
        /// As days off.
        case nonWorking = "non-working"

        init?(argument: String) {
            switch argument.lowercased() {
            case "working": self = .working
            case "non-working", "nonworking": self = .nonWorking
            default: return nil
            }
        }
    }

    /// The years `--provisional` accepts.
    static let provisionalYears = 1999...2200

    mutating func validate() throws {
        if let p = provisional, !Self.provisionalYears.contains(p) {
            throw ValidationError.invalidValue("--provisional", p, expected: .year(from: 1999, to: 2200))
        }
    }

    func options() -> CalendarOptions {
        CalendarOptions(
            presidentialDaysAreWorking: presidentialDays == .working, provisionalThroughYear: provisional,
            employer: employer, strictRegionalDates: strictRegional, islamicCalendar: islamicCalendar)
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
