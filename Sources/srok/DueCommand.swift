import ArgumentParser
import Srok

/// `srok due`: the total due time and date, the stage table and an explanation of every roll.
struct DueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "due",
        abstract: tr("Срок ответа и сроки этапов сообщения.", "The due time of a message and of each stage.")
    )

    @OptionGroup var message: MessageOptionsGroup
    @Option(name: .long, help: help("Формат вывода.", "Output format.")) var format: RecordFormat = .text
    @OptionGroup var common: CalendarOptionsGroup

    func run() throws {
        let lang = common.lang
        let r = try message.resolve(common)
        let schedule = try r.schedule()
        let effective: EffectiveDue
        do { effective = try r.effectiveDue(schedule) } catch { throw MessageOptionsGroup.flagError(error) }
        let zone = r.engine.zone
        switch format {
        case .json:
            let answer = DueAnswer(
                r, schedule: schedule, effective: effective, explicitTermSource: ResolvedMessage.cliTermSource,
                language: lang)
            print(String(decoding: answer.json, as: UTF8.self))
        case .csv:
            let (names, values) = ScheduleOutput.record(schedule, r, effective: effective)
            print(CSVText.record(names))
            print(CSVText.record(values))
        case .text: print(try ScheduleOutput.text(schedule, r, zone: zone, lang: lang, effective: effective))
        }
    }
}

/// Renders a schedule as text, JSON or a CSV record.
enum ScheduleOutput {
    /// The names and values of a schedule's record, with the effective due time in `due_date`/`due`
    /// and the original in `original_due_date`/`original_due` when it differs.
    static func record(_ s: MessageSchedule, _ r: ResolvedMessage, effective: EffectiveDue?) -> ([String], [String]) {
        let names = ["profile", "regime", "calendar", "tz"] + OutputField.scheduleNames
        let values =
            [r.profile.id, r.regime.rawValue, r.engine.calendar.id, r.engine.zone.identifier]
            + OutputField.scheduleValues(s, zone: r.engine.zone, effective: effective)
        return (names, values)
    }

    static func text(
        _ s: MessageSchedule, _ r: ResolvedMessage, zone: ZoneRules, lang: Language, effective: EffectiveDue?
    ) throws -> String {
        let ru = lang == .ru
        let plural = try RussianText()
        var out: [String] = []
        func when(_ i: Instant) -> String {
            let l = zone.local(i)
            let hm = String(format2(l.hour)) + ":" + format2(l.minute)
            return (ru ? l.date.russian : l.date.iso) + " " + hm
        }
        out.append(
            (ru ? "Регистрация: " : "Registered: ") + when(s.registered)
                + " (\(zone.identifier), UTC\(zone.offsetText(at: s.registered)))")
        let termText: String
        switch s.term.unit {
        case .calendarDays:
            termText =
                ru
                ? plural.count(s.term.amount, one: "календарный день", few: "календарных дня", many: "календарных дней")
                : EnglishPlural.count(s.term.amount, "calendar day")
        case .workingDays:
            termText =
                ru
                ? plural.count(s.term.amount, one: "рабочий день", few: "рабочих дня", many: "рабочих дней")
                : EnglishPlural.count(s.term.amount, "working day")
        case .hours: termText = ru ? plural.hours(s.term.amount) : EnglishPlural.count(s.term.amount, "hour")
        case .workingHours:
            termText =
                ru
                ? plural.count(s.term.amount, one: "рабочий час", few: "рабочих часа", many: "рабочих часов")
                : EnglishPlural.count(s.term.amount, "working hour")
        }
        out.append((ru ? "Срок: " : "Term: ") + termText + " — " + r.termSourceText(lang))
        let c = r.engine.conventions
        out.append(
            (ru ? "Правила: " : "Conventions: ") + c.count.text(lang) + "; " + c.roll.text(lang) + "; "
                + c.basis.text(lang) + (ru ? "; профиль " : "; profile ") + r.profile.id
                + (ru ? ", календарь " : ", calendar ") + r.engine.calendar.id)
        if !r.warnings.isEmpty { out.append((ru ? "Предупреждение: " : "Warning: ") + r.warnings.text(lang)) }
        if let roll = s.roll {
            let why = try r.engine.calendar.info(for: roll.from).explanation(lang)
            out.append(
                (ru ? "Последний день срока " : "The last day ") + (ru ? roll.from.russian : roll.from.iso)
                    + (ru ? " — нерабочий: " : " is not a working day: ") + why)
            out.append(
                roll.text(lang).capitalizedFirst + ": " + (ru ? roll.to.russian : roll.to.iso) + ". "
                    + (try r.engine.calendar.info(for: roll.to).explanation(lang)))
        }
        if let e = effective, let reason = e.reason {
            out.append(
                (ru ? "Срок ответа: " : "Due: ") + (ru ? plural.longDate(e.dueDate) : e.dueDate.iso) + ", " + when(
                    e.due
                ).split(separator: " ").last!
                    + " (\(zone.iso8601(e.due))) — " + reasonText(reason, lang))
            out.append(
                (ru ? "Исходный срок: " : "Original due: ") + (ru ? plural.longDate(s.dueDate) : s.dueDate.iso) + ", "
                    + when(s.due).split(separator: " ").last! + " (\(zone.iso8601(s.due)))")
        } else {
            out.append(
                (ru ? "Срок ответа: " : "Due: ") + (ru ? plural.longDate(s.dueDate) : s.dueDate.iso) + ", " + when(
                    s.due
                ).split(separator: " ").last! + " (\(zone.iso8601(s.due)))")
        }
        if s.isProvisional {
            out.append(
                ru
                    ? "ПРЕДВАРИТЕЛЬНО: дата опирается на год без постановления о переносе."
                    : "PROVISIONAL: the date rests on a year with no transfer decree.")
        }
        out.append("")
        let dayMinutes = s.basis == .clock24 ? 1440 : c.schedule.dayMinutes
        if s.budgetSource == .published {
            out.append(
                ru
                    ? "Бюджеты этапов — опубликованная таблица регламента («календарный день» ячейки = \(r.profile.tableDay.value.minutes / 60) ч)"
                    : "Stage budgets from the act's published table (a day of a cell = \(r.profile.tableDay.value.minutes / 60) h)"
            )
        }
        out.append(
            ru
                ? "Этап            Доля  Бюджет                                 Плановый срок"
                : "Stage           Share Budget                                 Planned due")
        for stage in Stage.allCases {
            let name = ru ? stage.russian : stage.english
            let budget =
                ru
                ? DurationText.russian(
                    s.budgetMinutes[stage], dayMinutes: dayMinutes, working: s.basis == .workday8, plural: plural)
                : DurationText.english(s.budgetMinutes[stage], dayMinutes: dayMinutes, working: s.basis == .workday8)
            let share = c.shares.percent(stage)
            let shareText = share == share.rounded() ? String(Int(share)) + " %" : String(share) + " %"
            out.append(pad(name, 15) + " " + pad(shareText, 5) + " " + pad(budget, 38) + " " + when(s.stageDue[stage]))
        }
        return out.joined(separator: "\n")
    }

    /// «отложено» / «продлено (59-ФЗ ст. 12 ч. 2)».
    static func reasonText(_ reason: DueReason, _ lang: Language) -> String {
        switch (reason, lang) {
        case (.postponed, .ru): "отложено («Отложено»)"
        case (.postponed, .en): "postponed («Отложено»)"
        case (.extended, .ru): "продлено (59-ФЗ ст. 12 ч. 2)"
        case (.extended, .en): "extended (Federal Law 59-FZ art. 12 part 2)"
        }
    }

    static func format2(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
    static func pad(_ s: String, _ n: Int) -> String {
        s.count >= n ? s : s + String(repeating: " ", count: n - s.count)
    }
}
