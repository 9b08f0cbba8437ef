import ArgumentParser
import Srok

/// `srok day DATE`: the kind of a day and why.
struct DayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "day",
        abstract: tr(
            "Вид дня и основание (праздник, перенос, постановление).",
            "The kind of a day and why (holiday, transfer, decree).")
    )

    @Argument(help: help("Дата: ГГГГ-ММ-ДД, ДД.ММ.ГГГГ или Д.М.ГГГГ.", "The date: YYYY-MM-DD, DD.MM.YYYY or D.M.YYYY."))
    var date: String

    @Option(name: .long, help: help("Формат вывода.", "Output format."))
    var format: TextOrJSONFormat = .text

    @OptionGroup var common: CalendarOptionsGroup

    func run() throws {
        let day = try parseDate(date, "date")
        let lang = common.lang
        let calendar = try common.calendar()
        let info = try calendar.info(for: day)
        switch format {
        case .text:
            print(info.explanation(lang))
        case .json:
            print(DayRecord(info, lang: lang).json.text)
        }
    }
}
