/// One day as a CSV/JSON record: what `srok day --format json`, `srok calendar --format csv|json`
/// and the service's `/v1/day` and `/v1/calendar` write.
package struct DayRecord {
    /// The day.
    package var info: DayInfo
    /// The language of the name and the act (a name Srok writes is translated; data is as written).
    package var lang: Language
    /// The record of `info` in `lang`.
    package init(_ info: DayInfo, lang: Language) {
        self.info = info
        self.lang = lang
    }

    /// The CSV header, in the order of ``csvFields``.
    package static let csvHeader = [
        "date", "weekday", "kind", "working", "working_minutes", "shortened", "name", "moved_from", "source",
        "provisional",
    ]

    /// The CSV fields (flags as `1`/`0`, absent values empty).
    package var csvFields: [String] {
        [
            info.date.iso, info.date.weekday.englishName, info.kind.code, info.isWorking ? "1" : "0",
            String(info.workingMinutes), info.isShortened ? "1" : "0", info.name(lang) ?? "",
            info.movedFrom?.iso ?? "", info.source(lang) ?? "", info.isProvisional ? "1" : "0",
        ]
    }

    /// The JSON object (flags as booleans, absent values `null`).
    package var json: JSONObject {
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
