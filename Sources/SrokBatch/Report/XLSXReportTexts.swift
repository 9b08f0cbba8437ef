import SrokCore

/// The words of the Excel report in one language: Srok's column headers, and the values the CSV
/// output writes as stable codes (`overdue`, `executor-take`, `preceding`) written as words
/// («просрочено», «исполнитель берёт в работу», «на предшествующий рабочий день»). A code this
/// table does not know (a newer one) is written as the code.
package struct XLSXReportTexts: Sendable {
    /// The language.
    package let language: Language

    /// The texts of `language`.
    package init(_ language: Language) { self.language = language }

    private var ru: Bool { language == .ru }

    /// The header of Srok's column `column`.
    package func header(_ column: OutputColumn) -> String {
        switch column {
        case .id: ru ? "Номер" : "Id"
        case .dueDate: ru ? "Последний день срока" : "Due date"
        case .due: ru ? "Срок ответа" : "Due"
        case .moderationDue: ru ? "Срок модерации" : "Moderation due"
        case .coordinationDue: ru ? "Срок координации" : "Coordination due"
        case .executionDue: ru ? "Срок исполнения" : "Execution due"
        case .approvalDue: ru ? "Срок согласования" : "Approval due"
        case .finalApprovalDue: ru ? "Срок утверждения" : "Final approval due"
        case .stage: ru ? "Текущая стадия" : "Current stage"
        case .stageDue: ru ? "Срок текущей стадии" : "Current stage due"
        case .status: ru ? "Статус срока" : "Status"
        case .remainingMinutes: ru ? "Осталось, минут" : "Remaining, minutes"
        case .overdueMinutes: ru ? "Просрочено, минут" : "Overdue, minutes"
        case .rolled: ru ? "Перенос последнего дня" : "Last day moved"
        case .term: ru ? "Срок рассмотрения, дней" : "Term, days"
        case .profile: ru ? "Регламент (профиль)" : "Profile"
        case .region: ru ? "Календарь" : "Calendar"
        case .tz: ru ? "Часовой пояс" : "Time zone"
        case .registeredAt: ru ? "Поступило (местное время)" : "Registered (local time)"
        case .stageStatus: ru ? "Статус стадии" : "Stage status"
        case .stageUsedMinutes: ru ? "На стадии, минут" : "In the stage, minutes"
        case .provisional: ru ? "Предварительный календарь" : "Provisional calendar"
        case .organisation: ru ? "Организация" : "Organisation"
        case .originalDue: ru ? "Срок ответа до изменения" : "Original due"
        case .originalDueDate: ru ? "Последний день до изменения" : "Original due date"
        case .dueReason: ru ? "Причина изменения срока" : "Why the due changed"
        case .nextControl: ru ? "Ближайший контроль" : "Next control"
        case .nextControlDue: ru ? "Срок ближайшего контроля" : "Next control due"
        case .overdueControls: ru ? "Просроченные контроли" : "Overdue controls"
        case .controlsOverdueCount: ru ? "Просрочено контролей" : "Overdue controls, count"
        case .controls: ru ? "Контроли" : "Controls"
        case .posPlannedDate: ru ? "Плановая дата ПОС" : "Platform's planned date"
        case .plannedDiffDays: ru ? "Разница с плановой датой ПОС, дней" : "Difference from the platform, days"
        case .plannedCheck: ru ? "Сверка с плановой датой ПОС" : "Check of the platform's date"
        case .warnings: ru ? "Предупреждения" : "Warnings"
        case .warningsText: inWords(.warnings)
        case .statusText: inWords(.status)
        case .stageText: inWords(.stage)
        case .stageStatusText: inWords(.stageStatus)
        case .rolledText: inWords(.rolled)
        case .dueReasonText: inWords(.dueReason)
        case .nextControlText: inWords(.nextControl)
        case .overdueControlsText: inWords(.overdueControls)
        case .plannedCheckText: inWords(.plannedCheck)
        }
    }

    /// The header of a `*_text` column: its code column's, «словами» (the report writes codes in
    /// words already; these columns hold the words of the CSV's `*_text` columns).
    private func inWords(_ column: OutputColumn) -> String { header(column) + (ru ? " (словами)" : " (in words)") }

    /// The header of the text column written beside a minutes column, or nil when it has none.
    package func durationHeader(_ column: OutputColumn) -> String? {
        switch column {
        case .remainingMinutes: ru ? "Осталось" : "Remaining"
        case .overdueMinutes: ru ? "Просрочено на" : "Overdue by"
        case .stageUsedMinutes: ru ? "На стадии" : "In the stage"
        default: nil
        }
    }

    /// A message's status (``SLAState/text(_:)``: «в срок» … «ещё не поступило»).
    package func status(_ s: SLAState) -> String { s.text(language) }

    /// A stage's or a control's state (a control that is `closed` was met).
    package func state(_ s: SLAState, control: Bool) -> String {
        guard control else { return status(s) }
        switch s {
        case .overdue: return ru ? "просрочен" : "overdue"
        case .closed: return ru ? "выполнен" : "met"
        default: return status(s)
        }
    }

    /// What was doubtful about a row that was still computed, in short words («фаст-трек без
    /// категории»), `; `-separated.
    package func warnings(_ w: MessageWarnings) -> String { w.shortText(language) }

    /// A warning's short words from its code (the summary's counts), or the code.
    package func warning(code: String) -> String {
        MessageWarnings.all.first { $0.code == code }.map(warnings) ?? code
    }

    /// A stage's name.
    package func stage(_ s: Stage) -> String { ru ? s.russian : s.english }

    /// The key of rows with no current stage in the summary (closed, or not started).
    package var noStage: String { ru ? "нет (закрыто)" : "none (closed)" }

    /// A control's name.
    package func control(_ k: ControlKind) -> String {
        switch k {
        case .coordinatorDecision: ru ? "решение координатора" : "coordinator's decision"
        case .executorTake: ru ? "исполнитель берёт в работу" : "executor takes into work"
        case .executorReturn: ru ? "возврат на координацию" : "return to coordination"
        case .redirectApproval: ru ? "согласование перенаправления" : "approval of the redirect"
        case .appealRedirect: ru ? "перенаправление обращения (59-ФЗ)" : "redirect of the appeal (Federal Law 59-FZ)"
        case .appealRegistration:
            ru ? "регистрация обращения (59-ФЗ)" : "registration of the appeal (Federal Law 59-FZ)"
        case .applicantContact: ru ? "связь с заявителем" : "contact with the applicant"
        case .headInformed: ru ? "информирование руководителя" : "head informed"
        }
    }

    /// A control's name from its code (the summary's counts), or the code.
    package func control(code: String) -> String { ControlKind(rawValue: code).map(control) ?? code }

    /// Why the due time moved.
    package func dueReason(_ r: DueReason) -> String {
        switch r {
        case .postponed: ru ? "отложено" : "postponed"
        case .extended: ru ? "продлено (59-ФЗ ст. 12 ч. 2)" : "extended (Federal Law 59-FZ art. 12 part 2)"
        }
    }

    /// The verdict of the platform's planned date.
    package func plannedCheck(_ c: PlannedCheck) -> String {
        switch c {
        case .agrees: ru ? "совпадает" : "agrees"
        case .platformLater: ru ? "у ПОС позже допустимого" : "the platform's is later"
        case .platformEarlier: ru ? "у ПОС раньше" : "the platform's is earlier"
        }
    }

    /// How a last day was moved: the convention in words (and why, when reversed).
    package func roll(_ r: RollOutcome) -> String {
        let words: String
        switch r.convention {
        case .none: words = ru ? "без переноса" : "not moved"
        case .preceding: words = ru ? "на предшествующий рабочий день" : "to the preceding working day"
        case .following: words = ru ? "на следующий рабочий день" : "to the following working day"
        case .modifiedPreceding:
            words =
                ru ? "на предшествующий рабочий день в пределах месяца" : "to the preceding working day in the month"
        case .modifiedFollowing:
            words = ru ? "на следующий рабочий день в пределах месяца" : "to the following working day in the month"
        }
        guard r.reversed else { return words }
        return ru
            ? "на следующий рабочий день (перенос \(words) пришёлся бы до регистрации)"
            : "to the following working day (moving \(words) would end before registration)"
    }

    /// Yes or no.
    package func yes(_ b: Bool) -> String { b ? (ru ? "да" : "yes") : (ru ? "нет" : "no") }

    /// The name of the report sheet.
    package var reportSheet: String { ru ? "Сроки" : "Deadlines" }

    /// The labels of the other sheets.
    package var labels: XLSXReportLabels { ru ? .russian : .english }
}
