import ArgumentParser
import Srok

/// `srok day DATE`: the kind of a day and why.
struct DayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "day",
        abstract: "Вид дня и основание (праздник, перенос, постановление). The kind of a day and why."
    )

    @Argument(help: "The date: YYYY-MM-DD or DD.MM.YYYY.")
    var date: String

    @Option(name: .long, help: "Output format.")
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
            print(DayRecord(info).json.text)
        }
    }
}

/// One day as a CSV/JSON record.
struct DayRecord {
    var info: DayInfo
    init(_ info: DayInfo) { self.info = info }

    static let csvHeader = [
        "date", "weekday", "kind", "working", "working_minutes", "shortened", "name", "moved_from", "source",
        "provisional",
    ]

    var csvFields: [String] {
        [
            info.date.iso, info.date.weekday.englishName, info.kind.code, info.isWorking ? "1" : "0",
            String(info.workingMinutes), info.isShortened ? "1" : "0", info.name ?? "",
            info.movedFrom?.iso ?? "", info.source ?? "", info.isProvisional ? "1" : "0",
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
        o.add("name", info.name)
        o.add("moved_from", info.movedFrom?.iso)
        o.add("source", info.source)
        o.add("provisional", info.isProvisional)
        return o
    }
}
