/// The answer to «when is this message due?»: the total and stage due times of one message, as
/// `srok due --format json` writes them and as the service's `POST /v1/due` and the C ABI's JSON
/// call answer. Built from a ``ResolvedMessage`` (``ResolvedMessage/dueAnswer(explicitTermSource:language:)``).
///
/// `Codable` with the keys of ``Key`` (snake_case, the CLI's and the batch's column names), in
/// that order with ``OrderedJSONEncoder``; every instant is ISO 8601 with the organisation's
/// offset (``OffsetInstant``), dates are `YYYY-MM-DD`, empty optional fields are `null`.
///
/// ```json
/// {"profile":"federal","regime":"message","calendar":"RU","tz":"Europe/Moscow",
///  "registered_at":"2024-03-29T10:15:00+03:00","term":"30 calendar-days","due_date":"2024-04-27",
///  "due":"2024-04-27T23:59:59+03:00","rolled":"preceding:2024-04-28>2024-04-27",
///  "moderation_due":"2024-03-30T22:15:00+03:00", …, "final_approval_due":"2024-04-27T23:59:59+03:00",
///  "moderation_budget_minutes":2160, …, "basis":"clock24","provisional":false,
///  "original_due_date":null,"original_due":null,"due_reason":null,"budgets":"shares",
///  "term_source":"…","calendar_data_version":"RU-2027.1 (…)","rolled_text":"…","due_reason_text":null,
///  "warnings":[],"warnings_text":null}
/// ```
///
/// Codes stay codes in every language; the `*_text` keys and `term_source` are in the answer's
/// language (``Language``, Russian by default).
public struct DueAnswer: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The profile applied (`federal`, `bryansk` …).
    public var profile: String
    /// The regime: a ПОС message or a 59-ФЗ appeal.
    public var regime: Regime
    /// The calendar used (`RU`, `RU-TA` …).
    public var calendar: String
    /// The organisation's IANA zone.
    public var tz: String
    /// Registration.
    public var registeredAt: OffsetInstant
    /// The term (`30 calendar-days`).
    public var term: Term
    /// The effective last day: the term's, or the postponed or extended one.
    public var dueDate: CivilDate
    /// The effective due time (the last second of ``dueDate`` for day terms).
    public var due: OffsetInstant
    /// How the term's last day was moved (`preceding:2024-04-28>2024-04-27`), nil when it was not
    /// (``RollOutcome/code``).
    public var rolled: String?
    /// The planned due time of each stage (`moderation_due` … `final_approval_due`).
    public var stageDue: PerStage<OffsetInstant>
    /// Each stage's budget in minutes (`moderation_budget_minutes` …): wall minutes for `clock24`,
    /// working minutes for `workday8`.
    public var budgetMinutes: PerStage<Int>
    /// The basis the budgets are measured in.
    public var basis: StageBasis
    /// Whether a date rests on provisional calendar data.
    public var provisional: Bool
    /// The term's own last day when the effective one differs (nil otherwise).
    public var originalDueDate: CivilDate?
    /// The term's own due time when the effective one differs (nil otherwise).
    public var originalDue: OffsetInstant?
    /// Why the due time moved (nil when it did not).
    public var dueReason: DueReason?
    /// Where the stage budgets came from.
    public var budgets: StageBudgetSource
    /// Where the term came from: the act's clause, `59-ФЗ ст. 12 ч. 1.1`, or the caller's label
    /// of an explicit term, in the answer's language.
    public var termSource: String
    /// The calendar data's version.
    public var calendarDataVersion: String?
    /// ``rolled`` in words (`перенос на предшествующий рабочий день …`), nil when not rolled.
    public var rolledText: String?
    /// ``dueReason`` in words, nil when the due time did not move.
    public var dueReasonText: String?
    /// What was doubtful but computed (``MessageWarnings/codes``: `fast-track-without-category` …).
    public var warnings: [String]
    /// ``warnings`` in words, nil when there are none.
    public var warningsText: String?

    /// The JSON keys, in the order they are written.
    public enum Key: String, CaseIterable, Sendable {
        /// ``DueAnswer/profile``.
        case profile
        /// ``DueAnswer/regime``.
        case regime
        /// ``DueAnswer/calendar``.
        case calendar
        /// ``DueAnswer/tz``.
        case tz
        /// ``DueAnswer/registeredAt``.
        case registeredAt = "registered_at"
        /// ``DueAnswer/term``.
        case term
        /// ``DueAnswer/dueDate``.
        case dueDate = "due_date"
        /// ``DueAnswer/due``.
        case due
        /// ``DueAnswer/rolled``.
        case rolled
        /// ``DueAnswer/stageDue``, moderation.
        case moderationDue = "moderation_due"
        /// ``DueAnswer/stageDue``, coordination.
        case coordinationDue = "coordination_due"
        /// ``DueAnswer/stageDue``, execution.
        case executionDue = "execution_due"
        /// ``DueAnswer/stageDue``, approval.
        case approvalDue = "approval_due"
        /// ``DueAnswer/stageDue``, final approval.
        case finalApprovalDue = "final_approval_due"
        /// ``DueAnswer/budgetMinutes``, moderation.
        case moderationBudgetMinutes = "moderation_budget_minutes"
        /// ``DueAnswer/budgetMinutes``, coordination.
        case coordinationBudgetMinutes = "coordination_budget_minutes"
        /// ``DueAnswer/budgetMinutes``, execution.
        case executionBudgetMinutes = "execution_budget_minutes"
        /// ``DueAnswer/budgetMinutes``, approval.
        case approvalBudgetMinutes = "approval_budget_minutes"
        /// ``DueAnswer/budgetMinutes``, final approval.
        case finalApprovalBudgetMinutes = "final_approval_budget_minutes"
        /// ``DueAnswer/basis``.
        case basis
        /// ``DueAnswer/provisional``.
        case provisional
        /// ``DueAnswer/originalDueDate``.
        case originalDueDate = "original_due_date"
        /// ``DueAnswer/originalDue``.
        case originalDue = "original_due"
        /// ``DueAnswer/dueReason``.
        case dueReason = "due_reason"
        /// ``DueAnswer/budgets``.
        case budgets
        /// ``DueAnswer/termSource``.
        case termSource = "term_source"
        /// ``DueAnswer/calendarDataVersion``.
        case calendarDataVersion = "calendar_data_version"
        /// ``DueAnswer/rolledText``.
        case rolledText = "rolled_text"
        /// ``DueAnswer/dueReasonText``.
        case dueReasonText = "due_reason_text"
        /// ``DueAnswer/warnings``.
        case warnings
        /// ``DueAnswer/warningsText``.
        case warningsText = "warnings_text"
    }

    /// The label of an explicit term (``TermSource/explicit``) in answers to a request
    /// (``MessageRequest/termDays``): «задано ключом term_days» / "given with the key term_days".
    public static let requestTermSource = LocalizedText(
        ru: "задано ключом term_days", en: "given with the key term_days")

    /// The label of an explicit term in `srok due`/`srok status` (given with `--days`):
    /// «задано параметром --days» / "given with --days". Answers to a JSON request (the service,
    /// the C interface) use ``requestTermSource``.
    public static let commandLineTermSource = LocalizedText(ru: "задано параметром --days", en: "given with --days")

    /// The answer for `message` with `schedule` and the effective due time (nil: the schedule's
    /// own), its texts in `language`. `explicitTermSource` is ``termSource`` when the term was
    /// given explicitly (the CLI says «задано параметром --days»).
    public init(
        _ message: ResolvedMessage, schedule s: MessageSchedule, effective: EffectiveDue?,
        explicitTermSource: LocalizedText = DueAnswer.requestTermSource, language: Language = .ru
    ) {
        let zone = message.engine.zone
        let moved = effective.flatMap { $0.reason != nil ? $0 : nil }
        profile = message.profile.id
        regime = message.regime
        calendar = message.engine.calendar.id
        tz = zone.identifier
        registeredAt = OffsetInstant(s.registered, in: zone)
        term = s.term
        dueDate = moved?.dueDate ?? s.dueDate
        due = OffsetInstant(moved?.due ?? s.due, in: zone)
        rolled = s.roll?.code
        stageDue = PerStage { OffsetInstant(s.stageDue[$0], in: zone) }
        budgetMinutes = s.budgetMinutes
        basis = s.basis
        provisional = s.isProvisional
        originalDueDate = moved != nil ? s.dueDate : nil
        originalDue = moved != nil ? OffsetInstant(s.due, in: zone) : nil
        dueReason = moved?.reason
        budgets = s.budgetSource
        termSource = message.termSourceText(language, explicit: explicitTermSource)
        calendarDataVersion = message.engine.calendar.dataVersion
        rolledText = s.roll?.summary(language)
        dueReasonText = moved?.reason?.text(language)
        warnings = message.warnings.codes
        warningsText = message.warnings.isEmpty ? nil : message.warnings.text(language)
    }

    /// Writes every key of ``Key`` in order, `null` for the empty ones.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: JSONKey.self)
        func put<T: Encodable>(_ key: Key, _ value: T) throws { try c.encode(value, forKey: JSONKey(key.rawValue)) }
        try put(.profile, profile)
        try put(.regime, regime)
        try put(.calendar, calendar)
        try put(.tz, tz)
        try put(.registeredAt, registeredAt)
        try put(.term, term)
        try put(.dueDate, dueDate)
        try put(.due, due)
        try put(.rolled, rolled)
        for stage in Stage.allCases { try c.encode(stageDue[stage], forKey: JSONKey(stage.columnStem + "_due")) }
        for stage in Stage.allCases {
            try c.encode(budgetMinutes[stage], forKey: JSONKey(stage.columnStem + "_budget_minutes"))
        }
        try put(.basis, basis)
        try put(.provisional, provisional)
        try put(.originalDueDate, originalDueDate)
        try put(.originalDue, originalDue)
        try put(.dueReason, dueReason)
        try put(.budgets, budgets)
        try put(.termSource, termSource)
        try put(.calendarDataVersion, calendarDataVersion)
        try put(.rolledText, rolledText)
        try put(.dueReasonText, dueReasonText)
        try put(.warnings, warnings)
        try put(.warningsText, warningsText)
    }

    /// Reads the keys of ``Key`` (others are ignored: a ``StatusAnswer`` carries more).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: JSONKey.self)
        func get<T: Decodable>(_ key: Key) throws -> T { try c.decode(T.self, forKey: JSONKey(key.rawValue)) }
        func optional<T: Decodable>(_ key: Key) throws -> T? {
            try c.decodeIfPresent(T.self, forKey: JSONKey(key.rawValue))
        }
        profile = try get(.profile)
        regime = try get(.regime)
        calendar = try get(.calendar)
        tz = try get(.tz)
        registeredAt = try get(.registeredAt)
        term = try get(.term)
        dueDate = try get(.dueDate)
        due = try get(.due)
        rolled = try optional(.rolled)
        stageDue = try PerStage { try c.decode(OffsetInstant.self, forKey: JSONKey($0.columnStem + "_due")) }
        budgetMinutes = try PerStage { try c.decode(Int.self, forKey: JSONKey($0.columnStem + "_budget_minutes")) }
        basis = try get(.basis)
        provisional = try get(.provisional)
        originalDueDate = try optional(.originalDueDate)
        originalDue = try optional(.originalDue)
        dueReason = try optional(.dueReason)
        budgets = try get(.budgets)
        termSource = try get(.termSource)
        calendarDataVersion = try optional(.calendarDataVersion)
        rolledText = try optional(.rolledText)
        dueReasonText = try optional(.dueReasonText)
        warnings = try optional(.warnings) ?? []
        warningsText = try optional(.warningsText)
    }

    /// One line in the organisation's local time: `due 2024-04-27T23:59:59+03:00 (30 calendar-days
    /// from 2024-03-29T10:15:00+03:00; federal, RU, Europe/Moscow; rolled preceding:…)`.
    public var description: String {
        var out = "due \(due) (\(term) from \(registeredAt); \(profile), \(calendar), \(tz)"
        if let rolled { out += "; rolled \(rolled)" }
        if let dueReason, let originalDue { out += "; \(dueReason.rawValue), originally \(originalDue)" }
        if provisional { out += "; provisional" }
        return out + ")"
    }
}

extension ResolvedMessage {
    /// Where the term came from, in `lang`: the act's clause as the act writes it, 59-ФЗ's
    /// article for a migration-law appeal, or `explicit` for a term the caller gave.
    public func termSourceText(_ lang: Language, explicit: LocalizedText = DueAnswer.requestTermSource) -> String {
        switch termSource {
        case .explicit: return explicit(lang)
        case .migrationLaw: return lang == .ru ? "59-ФЗ ст. 12 ч. 1.1" : "Federal Law 59-FZ art. 12 part 1.1"
        case .profile(let citation): return citation
        }
    }

    /// The message's ``DueAnswer``: its schedule and effective due time, its texts in `language`.
    /// - Throws: ``MessageFieldError`` naming the field at fault (a year outside the calendar's
    ///   data on `registered_at`, a postponement beyond the profile's limit …).
    public func dueAnswer(explicitTermSource: LocalizedText = DueAnswer.requestTermSource, language: Language = .ru)
        throws(MessageFieldError) -> DueAnswer
    {
        let s: MessageSchedule
        do { s = try schedule() } catch { throw MessageFieldError(evaluating: error) }
        return DueAnswer(
            self, schedule: s, effective: try effectiveDue(s), explicitTermSource: explicitTermSource,
            language: language)
    }

    /// The message's ``StatusAnswer`` as of ``asOf``, its texts in `language`.
    /// - Throws: ``MessageFieldError`` naming the field at fault.
    public func statusAnswer(explicitTermSource: LocalizedText = DueAnswer.requestTermSource, language: Language = .ru)
        throws(MessageFieldError) -> StatusAnswer
    {
        StatusAnswer(self, status: try status(), explicitTermSource: explicitTermSource, language: language)
    }
}
