/// One row of a profile's explanation table: a rule of the act (or an act's silence), its clause,
/// and what Srok does with it.
public struct ProfileRuleRow: Hashable, Sendable {
    /// The rule, as the act sets it (or the topic the act is silent on).
    public var rule: String
    /// The clause, or where the default comes from.
    public var clause: String
    /// What the engine does with it.
    public var engine: String
    /// Whether the act is silent here and a default was chosen.
    public var isDefault: Bool

    /// Creates a row.
    public init(rule: String, clause: String, engine: String, isDefault: Bool) {
        self.rule = rule
        self.clause = clause
        self.engine = engine
        self.isDefault = isDefault
    }
}

extension RegulationProfile {
    /// The explanation table of this profile, generated from its data (`srok profiles --explain`):
    /// every rule of the act the profile encodes — terms, fast-tracks, stage budgets, control
    /// points, «Отложено», outcome types, reasons for «Отклонено», the rules that set no checkable
    /// term (`note` lines) — and every silence with the default chosen, each with its clause and
    /// what the engine does.
    public func explanation(_ lang: Language) -> [ProfileRuleRow] {
        let ru = lang == .ru
        var rows: [ProfileRuleRow] = []
        func add(_ rule: String, _ clause: String, _ engine: String, _ isDefault: Bool? = nil) {
            rows.append(
                ProfileRuleRow(
                    rule: rule, clause: DefaultCitations.text(clause, lang), engine: engine,
                    isDefault: isDefault ?? Cited<Int>.saysDefault(clause)))
        }
        let c = conventions

        // Regime, calendar, zone.
        add(
            ru
                ? "Режим по умолчанию: "
                    + (regime.value == .message ? "сообщение ПОС (не 59-ФЗ)" : "обращение по 59-ФЗ")
                : "Default regime: "
                    + (regime.value == .message
                        ? "a message of the POS platform (not Federal Law 59-FZ)"
                        : "an appeal under Federal Law 59-FZ"),
            regime.citation,
            ru
                ? "режим сообщения, если в запросе или в выгрузке (столбцы «ФЗ», «Заявитель выбрал подачу по 59-ФЗ») не указан иной"
                : "the regime of a message that names none (regime, the export's 59-FZ flag)")
        add(
            ru ? "Производственный календарь: \(region.value)" : "Working-day calendar: \(region.value)",
            region.citation,
            ru
                ? "рабочие и нерабочие дни — по календарю \(region.value)"
                : "working and non-working days from calendar \(region.value)")
        add(
            ru ? "Часовой пояс: \(zone.value)" : "Time zone: \(zone.value)", zone.citation,
            ru
                ? "дни и сроки считаются по местному времени \(zone.value)"
                : "days and deadlines are local to \(zone.value)")

        // The general term, its count and roll.
        add(
            ru
                ? "Общий срок: \(term.value) \(Self.ruDays(term.value))"
                : "General term: \(EnglishPlural.count(term.value, "day"))",
            term.citation,
            ru
                ? "срок сообщения, если нет фаст-трека, уровня или явного срока"
                : "the term of a message with no fast-track, level or explicit term")
        let countText: String
        switch c.count {
        case .days:
            countText =
                ru
                ? "последний день срока в N дней — N-й день после дня регистрации (ГК РФ ст. 191); срок истекает в 24:00 местного времени (ст. 194)"
                : "the last day is the N-th day after the day of registration (Civil Code art. 191); the term ends at 24:00 local (art. 194)"
        case .daysInclusive:
            countText =
                ru
                ? "день регистрации — первый день срока; срок истекает в 24:00 N-го дня"
                : "the day of registration is day 1; the term ends at 24:00 of day N"
        case .clock: countText = ru ? "момент регистрации + N × 24 ч" : "the registration instant + N × 24 h"
        }
        add(
            ru ? "Счёт срока" : "Counting the term",
            conventionCitations["count"] ?? "", countText)
        let rollText: String
        switch c.roll {
        case .preceding:
            rollText =
                ru
                ? "нерабочий последний день переносится на предшествующий рабочий день (если это раньше регистрации — на следующий)"
                : "a non-working last day moves to the preceding working day (to the following one if that would end before registration)"
        case .following:
            rollText =
                ru
                ? "нерабочий последний день переносится на следующий рабочий день (ГК РФ ст. 193)"
                : "a non-working last day moves to the following working day (Civil Code art. 193)"
        case .modifiedPreceding:
            rollText =
                ru
                ? "на предшествующий рабочий день, если он в том же месяце, иначе на следующий"
                : "to the preceding working day within the month, else the following"
        case .modifiedFollowing:
            rollText =
                ru
                ? "на следующий рабочий день, если он в том же месяце, иначе на предшествующий"
                : "to the following working day within the month, else the preceding"
        case .none: rollText = ru ? "последний день не переносится" : "the last day is not moved"
        }
        add(
            ru ? "Нерабочий последний день: \(c.roll.text(.ru))" : "A non-working last day: \(c.roll.text(.en))",
            conventionCitations["roll"] ?? "",
            rollText
                + (ru
                    ? "; сроки контролей внутри этапов не переносятся"
                    : "; intra-stage control deadlines are never moved"))

        // Fast-tracks.
        let terms = fastTrackTerms.value
        let termsKind: String
        switch terms {
        case .list: termsKind = ru ? "перечень" : "a list"
        case .range: termsKind = ru ? "любой срок в диапазоне" : "any term in a range"
        }
        add(
            ru ? "Сроки фаст-трека: \(terms) дн. (\(termsKind))" : "Fast-track terms: \(terms) days (\(termsKind))",
            fastTrackTerms.citation,
            ru
                ? "иной срок фаст-трека отклоняется с перечнем допустимых; с --lenient-fast-track принимается любой от 1 до \(terms.longest) дн."
                : "another fast-track term is refused, naming the allowed ones; --lenient-fast-track accepts any from 1 to \(terms.longest) days"
        )
        for (name, level) in fastTrackLevels.sorted(by: { $0.key < $1.key }) {
            add(
                ru
                    ? "Уровень фаст-трека «\(name)»: \(level.value) \(Self.ruDays(level.value))"
                    : "Fast-track level “\(name)”: \(EnglishPlural.count(level.value, "day"))", level.citation,
                ru ? "срок по уровню «\(name)»" : "the term for level \(name)")
        }
        for f in fastTracks {
            let name = f.category + (f.subcategory.map { " / " + $0 } ?? "")
            add(
                ru
                    ? "Фаст-трек \(f.days) \(Self.ruDays(f.days)): \(name)"
                    : "Fast-track \(EnglishPlural.count(f.days, "day")): \(name)",
                f.citation,
                ru
                    ? "срок по категории и подкатегории (регистр, пробелы и ё/е не важны)"
                    : "the term by category and subcategory (case, spaces, and the letters yo and ye ignored)")
        }
        if fastTracks.isEmpty {
            add(
                ru ? "Перечень категорий фаст-трека" : "Fast-track categories",
                ru ? "регламент не устанавливает перечень категорий" : "the act sets no category list",
                ru
                    ? "категория сообщения не меняет срок; срок фаст-трека задаётся явно (fast_track_days или уровень фаст-трека)"
                    : "a message's category does not change its term; give the fast-track term explicitly (fast_track_days, level)",
                true)
        }

        // Stage budgets.
        let shares = Stage.allCases.map { s in
            let p = c.shares.percent(s)
            return p == p.rounded() ? String(Int(p)) : String(p)
        }.joined(separator: "/")
        add(
            ru
                ? "Доли этапов (модерация/координация/исполнение/согласование/утверждение): \(shares) %"
                : "Stage shares (moderation/coordination/execution/approval/final approval): \(shares) %",
            conventionCitations["stage.moderation"] ?? "",
            ru
                ? "плановый срок каждого этапа (stage_due); этап просрочен по доле, если акт не устанавливает срок для действия этапа и сообщение не отложено"
                : "each stage's planned time (stage_due); a stage is late by its share unless the act sets a term for its action or the message is postponed"
        )
        add(
            ru ? "Основа бюджетов этапов: \(c.basis.text(.ru))" : "Stage budget basis: \(c.basis.text(.en))",
            conventionCitations["basis"] ?? "",
            c.basis == .clock24
                ? (ru ? "доля от N × 24 ч календарного времени" : "a share of N × 24 h of wall time")
                : (ru
                    ? "доля от N × 8 рабочих часов, расходуемых только в рабочее время"
                    : "a share of N × 8 working hours, used only in working time"))
        if c.budgets == .published || !table.isEmpty {
            let columns = c.publishedBudgets.map { String($0.days) }.joined(separator: ", ")
            add(
                ru
                    ? "Опубликованная таблица сроков этапов (столбцы \(columns) дн.)"
                    : "Published stage table (columns \(columns) days)",
                conventionCitations["budgets"] ?? (table.first?.citation ?? ""),
                c.budgets == .published
                    ? (ru
                        ? "бюджеты по опубликованной таблице: для сроков \(columns) дн. бюджеты этапов — ячейки таблицы, для остальных — доли; «srok regulation check» сверяет ячейки с долями"
                        : "budgets published: for terms of \(columns) days the stage budgets are the table's cells, the shares otherwise; `srok regulation check` compares the cells with the shares")
                    : (ru
                        ? "бюджеты — доли; таблица только сверяется («srok regulation check»)"
                        : "budgets shares: budgets are the shares; the table is only checked (`srok regulation check`)")
            )
            add(
                ru
                    ? "«Календарный день» в ячейке таблицы: \(tableDay.value.minutes / 60) ч"
                    : "A day of a table cell: \(tableDay.value.minutes / 60) h", tableDay.citation,
                tableDay.value == .hours24
                    ? (ru
                        ? "ячейка читается буквально: день = 24 часа" : "a cell is read as written: a day is 24 hours")
                    : (ru
                        ? "день ячейки = 8 часов (как авторы считали столбцы 10 и 30 дней)"
                        : "a day of a cell is 8 hours (as the authors computed the 10- and 30-day columns)"))
        }

        // Control points.
        for k in controls {
            let amount =
                ru
                ? (k.workingDays ? RussianPlural.workingDays(k.amount) : RussianPlural.days(k.amount))
                : EnglishPlural.count(k.amount, k.workingDays ? "working day" : "day")
            add(
                k.kind.title(lang).prefix(1).uppercased() + k.kind.title(lang).dropFirst() + ": " + amount + ", "
                    + k.count.text(lang),
                k.citation, k.kind.summary(lang) + "; " + k.count.explanation(k.amount, lang: lang))
        }
        if controls.isEmpty {
            add(
                ru ? "Сроки действий внутри этапов" : "Terms for actions within stages",
                ru ? "регламент не устанавливает" : "the act sets none",
                ru ? "контролей нет; этапы судятся по долям" : "no control points; stages are judged by their shares",
                true)
        }

        // «Отложено».
        let limitText: String
        switch postponements.value {
        case .unlimited: limitText = ru ? "без ограничения числа" : "any number of times"
        case .atMost:
            limitText =
                ru
                ? "\(postponements.value.text.ru); следующее — ошибка со ссылкой на пункт"
                : "\(postponements.value.text.en); one more is an error naming the clause"
        }
        add(
            ru
                ? "«Отложено»: \(postponements.value.text.ru)"
                : "«Отложено» (postponed): \(postponements.value.text.en)",
            postponements.citation,
            limitText
                + (ru
                    ? "; срок ответа — конец указанной даты (не раньше исходного); исполнение и последующие этапы растягиваются до неё; в выводе действующий срок — в due_date, исходный — в original_due_date, причина — в due_reason"
                    : "; the answer is due at the end of the stated date (never earlier than the term); execution and the later stages stretch to it; outputs give the effective due in due, the original in original_due, due_reason = postponed")
        )

        // Outcomes and rejection.
        add(
            ru
                ? "Типы решения: " + outcomes.value.map(\.russian).joined(separator: ", ")
                : "Outcome types: " + outcomes.value.map(\.rawValue).joined(separator: ", "),
            outcomes.citation,
            ru ? "тип решения принимается только из этого перечня" : "outcome is accepted from this list only")
        if rejection.reasons.isEmpty {
            add(
                ru
                    ? "Причина «Отклонено»: " + (rejection.required ? "обязательна" : "не обязательна")
                    : "Reason for «Отклонено» (rejected): " + (rejection.required ? "required" : "optional"),
                rejection.citation,
                rejection.required
                    ? (ru
                        ? "«Отклонено» без причины (rejection_reason) — ошибка; перечня в акте нет, принимается любой непустой текст"
                        : "«Отклонено» without a reason (rejection_reason) is an error; the act gives no list, any non-empty text is accepted")
                    : (ru ? "причина принимается, но не проверяется" : "a reason is accepted but not checked"))
        } else {
            add(
                ru
                    ? "Причина «Отклонено»: из исчерпывающего перечня (\(rejection.reasons.count))"
                    : "Reason for «Отклонено» (rejected): from an exhaustive list (\(rejection.reasons.count))",
                rejection.citation,
                ru
                    ? "«Отклонено» без причины или с причиной не из перечня — ошибка; причина — номер, ключ или текст (или его начало)"
                    : "«Отклонено» without a reason or with one not in the list is an error; a reason is its number, key or text (or its start)"
            )
            for r in rejection.reasons {
                add(
                    (ru ? "Основание \(r.number) (\(r.key)): " : "Ground \(r.number) (\(r.key)): ") + r.text,
                    r.citation,
                    ru ? "допустимая причина отклонения" : "an accepted reason for «Отклонено»", false)
            }
        }

        // Rules with no checkable term.
        for n in notes {
            add(
                ru ? n.text : (n.english ?? n.text), n.citation,
                ru ? "не проверяется (не срок сообщения)" : "not checked (not a term of a message)", false)
        }
        return rows
    }

    /// «день», «дня», «дней».
    static func ruDays(_ n: Int) -> String {
        let m10 = n % 10
        let m100 = n % 100
        if m10 == 1 && m100 != 11 { return "день" }
        if (2...4).contains(m10) && !(12...14).contains(m100) { return "дня" }
        return "дней"
    }
}
