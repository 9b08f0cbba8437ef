/// The counting choices in words, for explanations in either language (the codes stay the
/// machine-readable names: `preceding`, `days`, `clock24` …).
extension RollConvention {
    /// «перенос на предшествующий рабочий день» / "moved to the preceding working day".
    public func text(_ lang: Language) -> String {
        switch (self, lang) {
        case (.none, .ru): "без переноса"
        case (.none, .en): "not moved"
        case (.preceding, .ru): "перенос на предшествующий рабочий день"
        case (.preceding, .en): "moved to the preceding working day"
        case (.following, .ru): "перенос на следующий рабочий день"
        case (.following, .en): "moved to the following working day"
        case (.modifiedPreceding, .ru):
            "перенос на предшествующий рабочий день, а если он в другом месяце — на следующий"
        case (.modifiedPreceding, .en):
            "moved to the preceding working day, or to the following one when that leaves the month"
        case (.modifiedFollowing, .ru):
            "перенос на следующий рабочий день, а если он в другом месяце — на предшествующий"
        case (.modifiedFollowing, .en):
            "moved to the following working day, or to the preceding one when that leaves the month"
        }
    }
}

extension CountConvention {
    /// «со дня, следующего за днём регистрации (ГК РФ ст. 191)» / "from the day after registration …".
    public func text(_ lang: Language) -> String {
        switch (self, lang) {
        case (.days, .ru): "счёт со дня, следующего за днём регистрации (ГК РФ ст. 191)"
        case (.days, .en): "counted from the day after registration (Civil Code art. 191)"
        case (.daysInclusive, .ru): "счёт с дня регистрации как первого дня срока"
        case (.daysInclusive, .en): "counted with the registration day as day 1"
        case (.clock, .ru): "счёт по часам: N × 24 ч от момента регистрации"
        case (.clock, .en): "counted by the clock: N × 24 h from registration"
        }
    }
}

extension StageBasis {
    /// «этапы в 24-часовых сутках» / "stages in 24-hour days".
    public func text(_ lang: Language) -> String {
        switch (self, lang) {
        case (.clock24, .ru): "этапы в 24-часовых сутках"
        case (.clock24, .en): "stages in 24-hour days"
        case (.workday8, .ru): "этапы в 8-часовых рабочих днях"
        case (.workday8, .en): "stages in 8-hour working days"
        }
    }
}

extension ControlCount {
    /// «календарные дни» / "calendar days" … : how the control's limit is counted, briefly.
    public func text(_ lang: Language) -> String {
        switch (self, lang) {
        case (.days, .ru): "дни со следующего дня"
        case (.days, .en): "days from the next day"
        case (.daysInclusive, .ru): "дни, считая день события"
        case (.daysInclusive, .en): "days counting the day of the event"
        case (.clock, .ru): "по часам"
        case (.clock, .en): "by the clock"
        case (.workingDays, .ru): "рабочие дни"
        case (.workingDays, .en): "working days"
        }
    }
}

extension ControlKind {
    /// The control's name: «контроль: исполнитель берёт в работу» without «контроль: », i.e.
    /// «исполнитель берёт в работу» / "the executor takes it into work".
    public func name(_ lang: Language) -> String {
        switch (self, lang) {
        case (.coordinatorDecision, .ru): "координатор принимает решение"
        case (.coordinatorDecision, .en): "the coordinator decides"
        case (.executorTake, .ru): "исполнитель берёт в работу"
        case (.executorTake, .en): "the executor takes it into work"
        case (.executorReturn, .ru): "возврат не по компетенции"
        case (.executorReturn, .en): "return as outside competence"
        case (.redirectApproval, .ru): "согласование перенаправления"
        case (.redirectApproval, .en): "approval of a redirect"
        case (.appealRedirect, .ru): "перенаправление обращения"
        case (.appealRedirect, .en): "redirect of an appeal"
        case (.appealRegistration, .ru): "регистрация обращения"
        case (.appealRegistration, .en): "registration of an appeal"
        case (.applicantContact, .ru): "связь с заявителем"
        case (.applicantContact, .en): "contact with the applicant"
        case (.headInformed, .ru): "информирование руководителя"
        case (.headInformed, .en): "informing the head"
        }
    }

    /// «контроль: исполнитель берёт в работу» / "control: the executor takes it into work".
    public func title(_ lang: Language) -> String { (lang == .ru ? "контроль: " : "control: ") + name(lang) }
}

extension RollOutcome {
    /// Why the day moved, in words: the convention, or, when reversed, that the configured roll
    /// would have ended the term before registration.
    public func text(_ lang: Language) -> String {
        guard reversed else { return convention.text(lang) }
        return lang == .ru
            ? "перенос на следующий рабочий день: по правилу «\(convention.text(.ru))» срок кончился бы раньше регистрации"
            : "moved to the following working day: by the rule '\(convention.text(.en))' the term would end before registration"
    }

    /// The `rolled_text` column: «28.04.2024 → 27.04.2024, перенос на предшествующий рабочий день».
    public func summary(_ lang: Language) -> String {
        lang == .ru
            ? "\(from.russian) → \(to.russian), \(text(.ru))" : "\(from.iso) → \(to.iso), \(text(.en))"
    }
}

extension DueReason {
    /// «отложено» / "postponed", «продлено (59-ФЗ ст. 12 ч. 2)» / "extended (59-ФЗ ст. 12 ч. 2)".
    public func text(_ lang: Language) -> String {
        switch (self, lang) {
        case (.postponed, .ru): "отложено"
        case (.postponed, .en): "postponed"
        case (.extended, .ru): "продлено (59-ФЗ ст. 12 ч. 2)"
        case (.extended, .en): "extended (Federal Law 59-FZ art. 12 part 2)"
        }
    }
}

extension Stage {
    /// The stage's name in `lang` (``russian`` or ``english``).
    public func name(_ lang: Language) -> String { lang == .ru ? russian : english }
}
