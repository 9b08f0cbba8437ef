import ArgumentParser
import Srok

/// `srok calendar YEAR`: a production-calendar year view, or one record per day.
struct CalendarCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calendar",
        abstract: tr(
            "Производственный календарь на год: таблица года (text) или запись на каждый день (csv, json, ics).",
            "A production-calendar year view (text) or one record per day (csv, json, ics).")
    )

    @Argument(help: help("Год.", "The year.")) var year: Int
    @Option(name: .long, help: help("Таблица года или запись на каждый день.", "The year view, or one record per day."))
    var format: CalendarFormat = .text
    @Option(
        name: .long,
        help: help(
            "Разделитель для --format csv, можно записать , ; или \\t (по умолчанию запятая).",
            "The delimiter of --format csv, also written , ; or \\t (default: a comma)."))
    var delimiter: CSVDelimiter?
    @OptionGroup var common: CalendarOptionsGroup

    func validate() throws {
        if let delimiter, format != .csv {
            throw ValidationError(
                tr(
                    "--delimiter \(delimiter.rawValue) относится только к --format csv",
                    "--delimiter \(delimiter.rawValue) applies to --format csv only"))
        }
    }

    func run() throws {
        let lang = common.lang
        let calendar = try common.calendar()
        let out = try CalendarYearOutput(calendar: calendar, year: year)
        switch format {
        case .text: print(try YearView(calendar: calendar, year: year, days: out.days, lang: lang).render())
        case .csv: print(out.csv(delimiter: (delimiter ?? .comma).character, lang: lang), terminator: "")
        case .json: print(try out.json(lang: lang).text)
        case .ics: print(out.ics(lang: lang))
        }
    }
}
