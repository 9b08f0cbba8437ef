/// A message's effective due time: the term's own, or later after «Отложено» or a 59-ФЗ
/// extension, with the reason.
public struct EffectiveDue: Hashable, Sendable {
    /// The effective due time.
    public var due: Instant
    /// Its local date.
    public var dueDate: CivilDate
    /// Why it differs from the term's own (nil when it does not).
    public var reason: DueReason?

    /// Creates an effective due time.
    public init(due: Instant, dueDate: CivilDate, reason: DueReason?) {
        self.due = due
        self.dueDate = dueDate
        self.reason = reason
    }
}

extension SLAEngine {
    /// The effective due time of `history` against its `schedule`: the end of the latest
    /// postponement's date, or the extended last day (59-ФЗ ст. 12 ч. 2: added to the term's own
    /// last day, then rolled again), whichever is later, never earlier than the term's own due
    /// (a postponement never shortens the term).
    /// - Throws: ``SrokError/invalidValue(field:value:expected:)`` for more postponements than
    ///   `postponements` allows (naming its clause), a postponement before registration or beyond
    ///   ``SLAConventions/postponementHorizonDays``, an extension of a message or beyond 30 days.
    public func effectiveDue(
        of history: MessageHistory, schedule: MessageSchedule,
        postponements limit: Cited<PostponementLimit> = PostponementLimit.silentActDefault
    ) throws(SrokError) -> EffectiveDue {
        var result = EffectiveDue(due: schedule.due, dueDate: schedule.dueDate, reason: nil)
        if !limit.value.allows(history.postponements.count) {
            throw .invalidValue(
                field: "postponed_until", value: history.postponements.map(\.iso).joined(separator: ", "),
                expected: LocalizedText(
                    ru: "«Отложено» \(limit.value.text.ru) (\(limit.citation))",
                    en: "«Отложено» (postponed) \(limit.value.text.en) (\(limit.citation))")
            )
        }
        if let until = history.postponements.last {
            guard CivilDate.supportedYears.contains(until.year) else {
                throw .invalidValue(
                    field: "postponed_until", value: until.iso,
                    expected: LocalizedText(ru: "дата в 1–9999 годах", en: "a date in years 1–9999"))
            }
            let registeredDay = zone.localDate(history.registered)
            guard until >= registeredDay else {
                throw .invalidValue(
                    field: "postponed_until", value: until.iso,
                    expected: LocalizedText(
                        ru: "дата не раньше дня регистрации (\(registeredDay.russian))",
                        en: "a date on or after registration (\(registeredDay.iso))"))
            }
            let horizon = registeredDay.adding(days: conventions.postponementHorizonDays)
            guard until <= horizon else {
                throw .invalidValue(
                    field: "postponed_until", value: until.iso,
                    expected: LocalizedText(
                        ru:
                            "дата не позже чем через \(RussianPlural.days(conventions.postponementHorizonDays)) после регистрации (до \(horizon.russian)); акты предела не ставят, этот ловит опечатки",
                        en:
                            "a date at most \(conventions.postponementHorizonDays) days after registration (by \(horizon.iso)); no act sets a limit, this one catches typing errors"
                    )
                )
            }
            // «Отложено» moves the due time later, never earlier than the term itself.
            let end = zone.endOfDay(until).adding(seconds: -1)
            if end > result.due { result = EffectiveDue(due: end, dueDate: until, reason: .postponed) }
        }
        if let ext = history.extensionDays {
            guard history.regime == .appeal else {
                throw .invalidValue(
                    field: "extension_days", value: String(ext),
                    expected: LocalizedText(
                        ru: "без продления: продлить можно только обращение по 59-ФЗ (ст. 12 ч. 2)",
                        en: "no extension: only an appeal under Federal Law 59-FZ can be extended (art. 12 part 2)"))
            }
            guard (1...AppealLaw.maxExtensionDays).contains(ext) else {
                throw .invalidValue(
                    field: "extension_days", value: String(ext),
                    expected: LocalizedText(
                        ru: "1–30 дней (59-ФЗ ст. 12 ч. 2)", en: "1–30 days (Federal Law 59-FZ art. 12 part 2)"))
            }
            // Extended from the term's own last day (before any roll), then rolled again.
            let extended = try calendar.roll(
                (schedule.roll?.from ?? schedule.dueDate).adding(days: ext), conventions.roll)
            let end = zone.endOfDay(extended).adding(seconds: -1)
            if end > result.due { result = EffectiveDue(due: end, dueDate: extended, reason: .extended) }
        }
        return result
    }
}
