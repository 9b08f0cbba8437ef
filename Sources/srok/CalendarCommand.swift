import ArgumentParser
import Srok

/// `srok calendar YEAR`: a production-calendar year view, or one record per day.
struct CalendarCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calendar",
        abstract:
            "Производственный календарь на год. A production-calendar year view (text) or one record per day (csv, json, ics)."
    )

    @Argument(help: "The year.") var year: Int
    @Option(name: .long, help: "The year view, or one record per day.") var format: CalendarFormat = .text
    @OptionGroup var common: CalendarOptionsGroup

    func run() throws {
        let lang = common.lang
        let calendar = try common.calendar()
        let out = try CalendarYearOutput(calendar: calendar, year: year)
        switch format {
        case .text: print(try YearView(calendar: calendar, year: year, days: out.days, lang: lang).render())
        case .csv: print(out.csv, terminator: "")
        case .json: print(try out.json().text)
        case .ics: print(out.ics(lang: lang))
        }
    }
}
