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

/// One day as a CSV/JSON record.
struct DayRecord {
    var info: DayInfo
    /// The language of the name and the act (a name Srok writes is translated; data is as written).
    var lang: Language
    init(_ info: DayInfo, lang: Language) {
        self.info = info
        self.lang = lang
    }

    static let csvHeader = [
        "date", "weekday", "kind", "working", "working_minutes", "shortened", "name", "moved_from", "source",
        "provisional",
    ]

    var csvFields: [String] {
        [
            info.date.iso, info.date.weekday.englishName, info.kind.code, info.isWorking ? "1" : "0",
            String(info.workingMinutes), info.isShortened ? "1" : "0", info.name(lang) ?? "",
            info.movedFrom?.iso ?? "", info.source(lang) ?? "", info.isProvisional ? "1" : "0",
        ]
    }

    var json: JSONObject {
        var o = JSONObject()
        o.add("date", info.date.iso)
        o.add("weekday", info.date.weekday.englishName)
        o.add("kind", info.kind.code)
        o.add("working", info.isWorking)
        o.add("working_minutes", info.workingMinutes)
        o.add("shortened", info.isShortened)
        o.add("kind_text", lang == .ru ? info.kind.russian : info.kind.english)
        o.add("name", info.name(lang))
        o.add("moved_from", info.movedFrom?.iso)
        o.add("source", info.source(lang))
        o.add("provisional", info.isProvisional)
        return o
    }
}
