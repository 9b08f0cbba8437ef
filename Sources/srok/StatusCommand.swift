import ArgumentParser
import Foundation
import Srok

/// `srok status`: the status of a message from its stage history.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Состояние сообщения по истории этапов. The status of a message from its stage history.",
        discussion: """
        The history comes as flags or as a JSON file (--history), e.g.
        {"registered_at": "2024-03-29T10:15+03:00", "profile": "bryansk", "term_days": 30,
         "entries": [{"stage": "coordination", "at": "2024-03-29T11:00+03:00"},
                     {"stage": "execution", "at": "2024-03-30T09:00+03:00"}],
         "taken_into_work": "2024-03-30T10:00+03:00", "postponed_until": "2024-05-15",
         "closed_at": null, "as_of": "2024-04-20T12:00+03:00"}
        """
    )

    @OptionGroup var message: MessageOptionsGroup
    @Option(name: .long, help: "A stage entry STAGE@TIME (coordination@2024-03-29T11:00+03:00); repeatable, in time order.") var stage: [String] = []
    @Option(name: .customLong("redirect-approval"), help: "An entry STAGE@TIME into approval/final-approval to approve a redirect to a non-subordinate organisation; repeatable.") var redirectApproval: [String] = []
    @Option(name: .customLong("taken-into-work"), help: "When the executor took the message into work.") var takenIntoWork: String?
    @Option(name: .customLong("postponed-until"), help: "«Отложено» until this date (allowed once).") var postponedUntil: [String] = []
    @Option(name: .customLong("extension-days"), help: "59-ФЗ extension in days (appeals, once, ≤ 30).") var extensionDays: Int?
    @Option(name: .customLong("redirected-at"), help: "When the message was redirected to another organisation.") var redirectedAt: String?
    @Option(name: .customLong("received-at"), help: "When an appeal was received (registration within 3 days).") var receivedAt: String?
    @Option(name: .customLong("closed-at"), help: "When the answer was sent.") var closedAt: String?
    @Option(name: .customLong("as-of"), help: "The instant to evaluate at (default now).") var asOf: String?
    @Option(name: .long, help: "A JSON file with the history (fields as in the discussion above).") var history: String?
    @Option(name: .long, help: "Output format.") var format: TextOrJSONFormat = .text
    @OptionGroup var common: CalendarOptionsGroup

    func run() throws {
        let lang = common.lang
        let file = try history.map(HistoryFile.load)
        let r = try message.resolve(common, history: file)
        let zone = r.engine.zone
        func instant(_ text: String?, _ field: String) throws -> Instant? {
            try text.map { try Timestamp(parsing: $0, field: field).resolve(in: zone) }
        }
        var entries: [StageEntry] = []
        func entry(_ text: String, redirect: Bool, field: String) throws -> StageEntry {
            let parts = text.split(separator: "@", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { throw SrokError.invalidValue(field: field, value: text, expected: "STAGE@TIME, e.g. execution@2024-04-01T09:00+03:00") }
            return StageEntry(try Stage(parsing: parts[0], field: field), at: try Timestamp(parsing: parts[1], field: field).resolve(in: zone), isRedirectApproval: redirect)
        }
        if let file {
            for e in file.entries {
                entries.append(StageEntry(try Stage(parsing: e.stage, field: "entries.stage"),
                                          at: try Timestamp(parsing: e.at, field: "entries.at").resolve(in: zone),
                                          isRedirectApproval: e.redirectApproval))
            }
        }
        entries += try stage.map { try entry($0, redirect: false, field: "--stage") }
        entries += try redirectApproval.map { try entry($0, redirect: true, field: "--redirect-approval") }
        entries.sort { $0.at < $1.at }
        let postponements = try (postponedUntil + (file?.postponedUntil ?? [])).map { try CivilDate(parsing: $0, field: "--postponed-until") }
        let h = MessageHistory(
            registered: r.registered, regime: r.regime, term: r.term, entries: entries,
            takenIntoWork: try instant(takenIntoWork ?? file?.takenIntoWork, "--taken-into-work"),
            postponements: postponements, extensionDays: extensionDays ?? file?.extensionDays,
            redirectedAt: try instant(redirectedAt ?? file?.redirectedAt, "--redirected-at"),
            receivedAt: try instant(receivedAt ?? file?.receivedAt, "--received-at"),
            closedAt: try instant(closedAt ?? file?.closedAt, "--closed-at"))
        let now = Instant(secondsSinceEpoch: Int64(Date().timeIntervalSince1970))
        let at = try instant(asOf ?? file?.asOf, "--as-of") ?? now
        let status = try r.engine.status(of: h, asOf: at, controls: r.profile.controls, maxPostponements: r.profile.maxPostponements.value)
        switch format {
        case .json: print(json(status, r).text)
        case .text: print(try text(status, r, lang: lang))
        }
    }

    func json(_ st: MessageStatus, _ r: MessageOptionsGroup.Resolved) -> JSONObject {
        var o = ScheduleOutput.json(st.schedule, r)
        let zone = r.engine.zone
        for (n, v) in zip(OutputField.statusNames, OutputField.statusValues(st, zone: zone)) {
            if n.hasSuffix("_minutes"), let i = Int(v) { o.add(n, i) } else { o.add(n, v.isEmpty ? nil : v) }
        }
        o.add("stages", Stage.allCases.map { s in
            let x = st.stages[s]
            var e = JSONObject()
            e.add("stage", s.code); e.add("budget_minutes", x.budgetMinutes); e.add("used_minutes", x.usedMinutes)
            e.add("current_visit_minutes", x.currentVisitMinutes); e.add("remaining_minutes", x.remainingMinutes)
            e.add("overdue_minutes", x.overdueMinutes); e.add("visits", x.visits); e.add("status", x.state.rawValue)
            e.add("dwell_due", x.dwellDue.map(zone.iso8601))
            return e
        })
        o.add("controls", st.controls.map { c in
            var e = JSONObject()
            e.add("control", c.kind.rawValue); e.add("deadline", zone.iso8601(c.deadline))
            e.add("met_at", c.metAt.map(zone.iso8601)); e.add("status", c.state.rawValue)
            return e
        })
        return o
    }

    func text(_ st: MessageStatus, _ r: MessageOptionsGroup.Resolved, lang: Language) throws -> String {
        let ru = lang == .ru
        let zone = r.engine.zone
        let plural = try RussianText()
        let c = r.engine.conventions
        let dayMinutes = c.basis == .clock24 ? 1440 : c.schedule.dayMinutes
        func dur(_ m: Int) -> String {
            let sign = m < 0 ? "−" : ""
            return sign + (ru ? DurationText.russian(abs(m), dayMinutes: dayMinutes, working: c.basis == .workday8, plural: plural)
                              : DurationText.english(abs(m), dayMinutes: dayMinutes, working: c.basis == .workday8))
        }
        func wall(_ m: Int) -> String {
            ru ? DurationText.russian(abs(m), dayMinutes: 1440, working: false, plural: plural) : DurationText.english(abs(m), dayMinutes: 1440, working: false)
        }
        let names: [SLAState: String] = ru ? [.ok: "в срок", .approaching: "срок подходит", .overdue: "ПРОСРОЧЕНО", .closed: "закрыто"]
                                           : [.ok: "ok", .approaching: "approaching", .overdue: "OVERDUE", .closed: "closed"]
        var out: [String] = []
        out.append((ru ? "Состояние: " : "Status: ") + names[st.state]! + (ru ? " на " : " as of ") + zone.iso8601(st.asOf))
        out.append((ru ? "Срок ответа: " : "Due: ") + zone.iso8601(st.due) + (st.due != st.schedule.due ? (ru ? " (с учётом отложения/продления; исходный \(zone.iso8601(st.schedule.due)))" : " (postponed/extended; originally \(zone.iso8601(st.schedule.due)))") : ""))
        if st.state == .overdue || st.overdueMinutes > 0 {
            out.append((ru ? "Просрочка: " : "Overdue by: ") + wall(st.overdueMinutes))
        } else if st.state != .closed {
            out.append((ru ? "Осталось: " : "Remaining: ") + wall(st.remainingMinutes))
        }
        if let s = st.currentStage { out.append((ru ? "Текущий этап: " : "Current stage: ") + (ru ? s.russian : s.english) + (st.stages[s].dwellDue.map { (ru ? ", срок этапа " : ", stage due ") + zone.iso8601($0) } ?? "")) }
        out.append("")
        out.append(ru ? "Этап            Бюджет                       Израсходовано                Статус" : "Stage           Budget                       Used                         Status")
        for s in Stage.allCases {
            let x = st.stages[s]
            out.append(ScheduleOutput.pad(ru ? s.russian : s.english, 15) + " " + ScheduleOutput.pad(dur(x.budgetMinutes), 28) + " "
                       + ScheduleOutput.pad(x.visits == 0 ? "—" : dur(x.usedMinutes) + (x.visits > 1 ? " (\(x.visits)×)" : ""), 28) + " " + names[x.state]!)
        }
        if !st.controls.isEmpty {
            out.append("")
            for k in st.controls {
                out.append((ru ? "Контроль " : "Control ") + k.kind.rawValue + ": " + (ru ? "до " : "by ") + zone.iso8601(k.deadline)
                           + (k.metAt.map { (ru ? ", выполнено " : ", met ") + zone.iso8601($0) } ?? "") + " — " + names[k.state]!)
            }
        }
        return out.joined(separator: "\n")
    }
}

/// The JSON history file of `srok status --history`.
struct HistoryFile {
    struct Entry { var stage: String; var at: String; var redirectApproval: Bool }
    var registeredAt, tz, profile, category, subcategory, regime: String?
    var termDays, fastTrackDays, extensionDays: Int?
    var entries: [Entry] = []
    var takenIntoWork, redirectedAt, receivedAt, closedAt, asOf: String?
    var postponedUntil: [String] = []

    static func load(_ path: String) throws -> HistoryFile {
        guard let data = FileManager.default.contents(atPath: path) else { throw SrokError.io(path: path, message: "cannot read the history file") }
        guard let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
            throw SrokError.io(path: path, message: "not a JSON object; expected fields registered_at, entries, as_of, …")
        }
        func string(_ key: String) throws -> String? {
            guard let v = object[key], !(v is NSNull) else { return nil }
            guard let s = v as? String else { throw SrokError.invalidValue(field: "\(path): \(key)", value: "\(v)", expected: "a string") }
            return s
        }
        func int(_ key: String) throws -> Int? {
            guard let v = object[key], !(v is NSNull) else { return nil }
            guard let n = v as? Int else { throw SrokError.invalidValue(field: "\(path): \(key)", value: "\(v)", expected: "a whole number") }
            return n
        }
        var h = HistoryFile()
        h.registeredAt = try string("registered_at"); h.tz = try string("tz"); h.profile = try string("profile")
        h.category = try string("category"); h.subcategory = try string("subcategory"); h.regime = try string("regime")
        h.termDays = try int("term_days"); h.fastTrackDays = try int("fast_track_days"); h.extensionDays = try int("extension_days")
        h.takenIntoWork = try string("taken_into_work"); h.redirectedAt = try string("redirected_at")
        h.receivedAt = try string("received_at"); h.closedAt = try string("closed_at"); h.asOf = try string("as_of")
        if let p = object["postponed_until"], !(p is NSNull) {
            if let s = p as? String { h.postponedUntil = [s] }
            else if let a = p as? [String] { h.postponedUntil = a }
            else { throw SrokError.invalidValue(field: "\(path): postponed_until", value: "\(p)", expected: "a date or a list of dates") }
        }
        if let list = object["entries"] {
            guard let array = list as? [[String: Any]] else { throw SrokError.invalidValue(field: "\(path): entries", value: "\(list)", expected: "a list of {\"stage\": …, \"at\": …}") }
            for (i, e) in array.enumerated() {
                guard let stage = e["stage"] as? String, let at = e["at"] as? String else {
                    throw SrokError.invalidValue(field: "\(path): entries[\(i)]", value: "\(e)", expected: "{\"stage\": \"execution\", \"at\": \"2024-04-01T09:00+03:00\"}")
                }
                h.entries.append(Entry(stage: stage, at: at, redirectApproval: e["redirect_approval"] as? Bool ?? false))
            }
        }
        return h
    }
}
