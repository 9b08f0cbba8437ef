import ArgumentParser
import Foundation
import Srok
import SrokFiles

/// `srok status`: the status of a message from its stage history.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: tr("Состояние сообщения по истории этапов.", "The status of a message from its stage history."),
        discussion: tr(
            "История задаётся параметрами или файлом JSON (--history), например:",
            "The history comes as flags or as a JSON file (--history), e.g.")
                + """

                {"registered_at": "2024-03-29T10:15+03:00", "profile": "bryansk", "term_days": 30,
                 "entries": [{"stage": "coordination", "at": "2024-03-29T11:00+03:00"},
                             {"stage": "execution", "at": "2024-03-30T09:00+03:00"}],
                 "taken_into_work": "2024-03-30T10:00+03:00", "postponed_until": "2024-05-15",
                 "closed_at": null, "as_of": "2024-04-20T12:00+03:00"}
                """
            + tr(
                "\nКлючи: ", "\nKeys: ") + MessageRequest.Key.allCases.map(\.rawValue).joined(separator: ", ") + "."
    )

    @OptionGroup var message: MessageOptionsGroup
    @Option(
        name: .long,
        help: help(
            "Вход на этап ЭТАП@ВРЕМЯ (coordination@2024-03-29T11:00+03:00); можно повторять, по порядку времени.",
            "A stage entry STAGE@TIME (coordination@2024-03-29T11:00+03:00); repeatable, in time order."))
    var stage: [String] = []
    @Option(
        name: .customLong("redirect-approval"),
        help: help(
            "Вход ЭТАП@ВРЕМЯ на согласование или утверждение перенаправления в неподведомственную организацию; можно повторять.",
            "An entry STAGE@TIME into approval/final-approval to approve a redirect to a non-subordinate organisation; repeatable."
        )
    ) var redirectApproval: [String] = []
    @Option(
        name: .customLong("taken-into-work"),
        help: help("Когда исполнитель взял сообщение в работу.", "When the executor took the message into work."))
    var takenIntoWork: String?
    @Option(
        name: .customLong("redirected-at"),
        help: help(
            "Когда сообщение перенаправлено в другую организацию.",
            "When the message was redirected to another organisation."
        ))
    var redirectedAt: String?
    @Option(
        name: .customLong("received-at"),
        help: help(
            "Когда обращение поступило (регистрация — в течение 3 дней).",
            "When an appeal was received (registration within 3 days)."))
    var receivedAt: String?
    @Option(name: .customLong("closed-at"), help: help("Когда направлен ответ.", "When the answer was sent."))
    var closedAt: String?
    @Option(
        name: .customLong("applicant-contacted-at"),
        help: help(
            "Когда исполнитель связался с заявителем (образец 003 п. 6.3: в тот же день).",
            "When the executor contacted the applicant (seed 003 clause 6.3: the same day)."))
    var applicantContactedAt: String?
    @Option(
        name: .customLong("head-informed-at"),
        help: help(
            "Когда исполнитель сообщил руководителю (образец 004 раздел 2: в течение рабочего дня).",
            "When the executor informed the head (seed 004 section 2: within a working day)."))
    var headInformedAt: String?
    @Option(
        name: .long,
        help: help(
            "Тип решения: Решено, Не решено, Отложено, Отклонено (resolved, not-resolved, postponed, rejected).",
            "The type of answer: resolved, not-resolved, postponed, rejected (Решено, Не решено, Отложено, Отклонено)."
        ))
    var outcome: String?
    @Option(
        name: .customLong("rejection-reason"),
        help: help(
            "Причина «Отклонено»: номер, ключ или текст из перечня акта.",
            "The reason of «Отклонено» (rejected): a number, key or text of the act's list."))
    var rejectionReason: String?
    @Option(
        name: .customLong("as-of"),
        help: help("Момент, на который оценить (по умолчанию сейчас).", "The instant to evaluate at (default now)."))
    var asOf: String?
    @Option(
        name: .long,
        help: help(
            "Файл JSON с историей (ключи — как в описании выше).",
            "A JSON file with the history (keys as in the discussion above)."),
        completion: .jsonFile)
    var history: String?
    @Option(name: .long, help: help("Формат вывода.", "Output format.")) var format: TextOrJSONFormat = .text
    @OptionGroup var common: CalendarOptionsGroup

    func run() throws {
        let lang = common.lang
        let file = try history.map { path in
            try MessageRequest(json: try DataFiles.bytes(of: path, kind: "history"), source: path)
        }
        let r = try message.resolve(common, file: file, flags: try flagRequest())
        let status: MessageStatus
        do { status = try r.status() } catch { throw MessageOptionsGroup.flagError(error) }
        switch format {
        case .json:
            print(
                try OrderedJSONEncoder().text(
                    StatusAnswer(
                        r, status: status, explicitTermSource: message.explicitTermSource, language: lang)))
        case .text: print(try text(status, r, lang: lang))
        }
    }

    /// The history this command's own flags give (stage entries, controls' facts, as-of).
    func flagRequest() throws -> MessageRequest {
        func timestamp(_ text: String?, _ field: String) throws -> Timestamp? {
            try text.map { try Timestamp(parsing: $0, field: field) }
        }
        func entry(_ text: String, redirect: Bool, field: String) throws -> MessageRequest.Entry {
            let parts = text.split(separator: "@", maxSplits: 1).map(String.init)
            guard parts.count == 2 else {
                throw SrokError.invalidValue(
                    field: field, value: text,
                    expected: LocalizedText(
                        ru: "ЭТАП@ВРЕМЯ, например execution@2024-04-01T09:00+03:00",
                        en: "STAGE@TIME, e.g. execution@2024-04-01T09:00+03:00"))
            }
            return MessageRequest.Entry(
                stage: try Stage(parsing: parts[0], field: field), at: try Timestamp(parsing: parts[1], field: field),
                redirectApproval: redirect)
        }
        var r = MessageRequest()
        r.entries =
            try stage.map { try entry($0, redirect: false, field: "--stage") }
            + redirectApproval.map { try entry($0, redirect: true, field: "--redirect-approval") }
        r.takenIntoWork = try timestamp(takenIntoWork, "--taken-into-work")
        r.applicantContactedAt = try timestamp(applicantContactedAt, "--applicant-contacted-at")
        r.headInformedAt = try timestamp(headInformedAt, "--head-informed-at")
        r.outcome = try outcome.map { try Outcome(parsing: $0, field: "--outcome") }
        r.rejectionReason = rejectionReason
        r.redirectedAt = try timestamp(redirectedAt, "--redirected-at")
        r.receivedAt = try timestamp(receivedAt, "--received-at")
        r.closedAt = try timestamp(closedAt, "--closed-at")
        r.asOf = try timestamp(asOf, "--as-of")
        return r
    }

    func text(_ st: MessageStatus, _ r: ResolvedMessage, lang: Language) throws -> String {
        let ru = lang == .ru
        let zone = r.engine.zone
        let plural = try RussianText()
        let c = r.engine.conventions
        let dayMinutes = c.basis == .clock24 ? 1440 : c.schedule.dayMinutes
        func dur(_ m: Int) -> String {
            let sign = m < 0 ? "−" : ""
            return sign
                + (ru
                    ? DurationText.russian(
                        abs(m), dayMinutes: dayMinutes, working: c.basis == .workday8, plural: plural)
                    : DurationText.english(abs(m), dayMinutes: dayMinutes, working: c.basis == .workday8))
        }
        func wall(_ m: Int) -> String {
            ru
                ? DurationText.russian(abs(m), dayMinutes: 1440, working: false, plural: plural)
                : DurationText.english(abs(m), dayMinutes: 1440, working: false)
        }
        func rule(_ r: StageRule) -> String {
            switch (r, ru) {
            case (.share, true): "по доле этапа"
            case (.share, false): "by its share"
            case (.actTerm(let k), true): "по сроку акта: \(k.name(.ru))"
            case (.actTerm(let k), false): "by the act's term: \(k.name(.en))"
            case (.effectiveDue(let d), _): ScheduleOutput.reasonText(d, lang)
            }
        }
        /// The state in words, «ПРОСРОЧЕНО» in capitals to stand out.
        func word(_ s: SLAState) -> String { s == .overdue ? s.text(lang).uppercased() : s.text(lang) }
        var out: [String] = []
        out.append(
            (ru ? "Состояние: " : "Status: ") + word(st.state) + (ru ? " на " : " as of ") + zone.iso8601(st.asOf))
        if st.state == .notYetRegistered {
            out.append(
                ru
                    ? "Сообщение зарегистрировано " + zone.iso8601(r.registered) + ", позже момента оценки."
                    : "The message was registered " + zone.iso8601(r.registered) + ", after the as-of instant.")
        }
        if !r.warnings.isEmpty { out.append((ru ? "Предупреждение: " : "Warning: ") + r.warnings.text(lang)) }
        out.append(
            (ru ? "Срок ответа: " : "Due: ") + zone.iso8601(st.due)
                + (st.dueReason.map {
                    " — " + ScheduleOutput.reasonText($0, lang) + (ru ? "; исходный срок " : "; originally ")
                        + zone.iso8601(st.originalDue)
                } ?? ""))
        if st.state == .overdue || st.overdueMinutes > 0 {
            out.append((ru ? "Просрочка: " : "Overdue by: ") + wall(st.overdueMinutes))
        } else if st.state != .closed {
            out.append((ru ? "Осталось: " : "Remaining: ") + wall(st.remainingMinutes))
        }
        if let s = st.currentStage {
            let x = st.stages[s]
            out.append(
                (ru ? "Текущий этап: " : "Current stage: ") + (ru ? s.russian : s.english)
                    + (x.dwellDue.map { (ru ? ", плановый срок этапа " : ", planned stage due ") + zone.iso8601($0) }
                        ?? "")
                    + (x.governingDeadline.map {
                        (ru ? ", срок " : ", due ") + zone.iso8601($0) + " (" + rule(x.rule) + ")"
                    } ?? ""))
        }
        out.append("")
        out.append(
            ru
                ? "Этап            Плановый бюджет              Израсходовано                Статус"
                : "Stage           Planned budget               Used                         Status")
        for s in Stage.allCases {
            let x = st.stages[s]
            var verdict = word(x.state)
            if x.rule != .share && x.visits > 0 {
                verdict +=
                    " (" + rule(x.rule)
                    + (x.budgetState == .overdue ? (ru ? "; доля превышена" : "; share exceeded") : "") + ")"
            }
            out.append(
                ScheduleOutput.pad(ru ? s.russian : s.english, 15) + " " + ScheduleOutput.pad(dur(x.budgetMinutes), 28)
                    + " "
                    + ScheduleOutput.pad(
                        x.visits == 0 ? "—" : dur(x.usedMinutes) + (x.visits > 1 ? " (\(x.visits)×)" : ""), 28) + " "
                    + verdict)
        }
        if !st.controls.isEmpty {
            out.append("")
            for k in st.controls {
                let point = r.profile.controls.first { $0.kind == k.kind }
                let limit = point.map { p in
                    let amount =
                        ru
                        ? (p.workingDays ? RussianPlural.workingDays(p.amount) : RussianPlural.days(p.amount))
                        : EnglishPlural.count(p.amount, p.workingDays ? "working day" : "day")
                    return " (" + amount + ", " + p.count.text(lang) + ")"
                }
                out.append(
                    k.kind.title(lang).capitalizedFirst + (limit ?? "") + ": " + (ru ? "до " : "by ")
                        + zone.iso8601(k.deadline)
                        + (k.metAt.map { (ru ? ", выполнено " : ", met ") + zone.iso8601($0) } ?? "") + " — "
                        + word(k.state))
            }
        }
        return out.joined(separator: "\n")
    }
}
