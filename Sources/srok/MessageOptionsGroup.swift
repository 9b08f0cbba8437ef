import ArgumentParser
import Foundation
import Srok
import SrokFiles

/// How a message's term and conventions are given on the command line (`srok due`, `srok status`).
struct MessageOptionsGroup: ParsableArguments {
    @Option(
        name: .long,
        help: help(
            "Регистрация: 2024-03-29T10:15+03:00, …Z или местное время (2024-03-29T10:15, 29.03.2024 10:15, 1.3.2025 9:05) в поясе --tz.",
            "Registration: 2024-03-29T10:15+03:00, …Z, or a local time (2024-03-29T10:15, 29.03.2024 10:15, 1.3.2025 9:05) read in --tz."
        )
    )
    var registered: String?

    @Option(
        name: .long,
        help: help(
            "Часовой пояс организации, IANA (по умолчанию — профиля, иначе Europe/Moscow).",
            "The organisation's IANA zone (default: the profile's, else Europe/Moscow)."),
        completion: .zones)
    var tz: String?

    @Option(
        name: .long,
        help: help("Срок в календарных днях (сообщения: 1–30).", "A term in calendar days (messages: 1–30)."))
    var days: Int?
    @Option(
        name: .customLong("fast-track"),
        help: help(
            "Срок фаст-трека в днях (1–30 или сроки профиля).",
            "A fast-track term in days (1–30, or the profile's range)."))
    var fastTrack: Int?
    @Option(
        name: .long,
        help: help(
            "Именованный уровень фаст-трека профиля (например, 1 или 2 в krasnodar-krai).",
            "A named fast-track level of the profile (e.g. 1 or 2 in krasnodar-krai)."),
        completion: .levels)
    var level: String?
    @Option(
        name: .long,
        help: help(
            "Профиль регламента (см. «srok profiles»); по умолчанию federal.",
            "A regulation profile (see `srok profiles`); default federal."),
        completion: .profiles)
    var profile: String?
    @Option(
        name: .long,
        help: help(
            "Категория сообщения (поиск в каталоге фаст-треков).",
            "The message's category (fast-track catalogue lookup)."))
    var category: String?
    @Option(name: .long, help: help("Подкатегория сообщения.", "The message's subcategory.")) var subcategory: String?
    @Option(
        name: .long,
        help: help(
            "message — сообщение ПОС, appeal — обращение по 59-ФЗ; по умолчанию — профиля.",
            "message (a POS platform message) or appeal (an appeal under Federal Law 59-FZ); default the profile's."))
    var regime: Regime?
    @Flag(
        name: .long,
        help: help(
            "Обращение по 59-ФЗ о фактах возможных нарушений миграционного законодательства: 20 дней (ст. 12 ч. 1.1).",
            "An appeal under Federal Law 59-FZ on facts of possible migration-law violations: 20 days (art. 12 part 1.1)."
        ))
    var migration = false
    @Option(
        name: .long,
        help: help(
            "Как считается срок (days — ГК РФ ст. 191); по умолчанию — профиля.",
            "How the term is counted (days: Civil Code art. 191); default the profile's."))
    var count: CountConvention?
    @Option(
        name: .long,
        help: help(
            "Как переносится нерабочий последний день (preceding — на предшествующий рабочий день, правило ПОС; following — на следующий, ГК РФ ст. 193); по умолчанию — профиля.",
            "How a non-working last day moves (preceding: the POS platform's rule; following: Civil Code art. 193); default the profile's."
        )
    ) var roll: RollConvention?
    @Option(
        name: .long,
        help: help(
            "Как измеряются бюджеты этапов (clock24 — 24-часовые сутки, workday8 — 8-часовые рабочие дни); по умолчанию — профиля.",
            "How stage budgets are measured (clock24: 24-hour days, workday8: 8-hour working days); default the profile's."
        ))
    var basis: StageBasis?
    @Flag(
        name: .customLong("roll-stages"),
        help: help(
            "Переносить с нерабочих дней и плановые сроки этапов.",
            "Roll planned stage due times off non-working days too."))
    var rollStages = false
    @Option(
        name: .long,
        help: help(
            "Рабочее время для workday8, например 09:00-13:00,14:00-18:00.",
            "Working time for workday8, e.g. 09:00-13:00,14:00-18:00."))
    var schedule: String?
    @Option(
        name: .customLong("profile-file"),
        help: help(
            "Файл профиля (Data/FORMAT.md) для загрузки; можно повторять.",
            "A profile file (Data/FORMAT.md) to load; repeatable."),
        completion: .profileFile)
    var profileFiles: [String] = []
    @Flag(
        name: .customLong("lenient-fast-track"),
        help: help(
            "Принимать срок фаст-трека, которого нет в акте (любой от 1 дня до самого длинного срока акта), а не отклонять его.",
            "Accept a fast-track term the act does not list (any from 1 day to the act's longest) instead of refusing it."
        )
    )
    var lenientFastTrack = false
    @Option(
        name: .customLong("postponed-until"),
        help: help(
            "«Отложено» до этой даты; можно повторять, по порядку (столько раз, сколько позволяет профиль).",
            "«Отложено» (postponed) until this date; repeatable, in order (as many times as the profile allows)."))
    var postponedUntil: [String] = []
    @Option(
        name: .customLong("extension-days"),
        help: help(
            "Продление по 59-ФЗ в днях (обращения, один раз, не больше 30).",
            "Extension under Federal Law 59-FZ in days (appeals, once, at most 30)."))
    var extensionDays: Int?

    /// The message these options describe, over `file`'s (flags win; entries and postponements
    /// add up), resolved by the core's ``MessageResolver``. `now` is the as-of instant when neither
    /// the flags nor the file give one.
    func resolve(
        _ common: CalendarOptionsGroup, file: MessageRequest? = nil, flags extra: MessageRequest? = nil,
        now: Instant = Instant(secondsSinceEpoch: Int64(Date().timeIntervalSince1970))
    ) throws -> ResolvedMessage {
        var request = try self.request(common)
        if let extra { request = request.merged(over: extra) }
        if let file { request = request.merged(over: file) }
        var defaults = MessageDefaults()
        defaults.lenientFastTrack = lenientFastTrack
        let resolver = MessageResolver(context: try common.context(profileFiles: profileFiles), defaults: defaults)
        do { return try resolver.resolve(request, now: now) } catch { throw Self.flagError(error) }
    }

    /// The request the flags alone give.
    private func request(_ common: CalendarOptionsGroup) throws -> MessageRequest {
        var r = MessageRequest(registeredAt: try registered.map { try Timestamp(parsing: $0, field: "--registered") })
        r.tz = tz
        r.region = common.region
        r.profile = profile
        r.termDays = days
        r.fastTrackDays = fastTrack
        r.level = level
        r.category = category
        r.subcategory = subcategory
        r.regime = regime
        r.migration = migration
        r.conventions.count = count
        r.conventions.roll = roll
        r.conventions.basis = basis
        if let schedule { r.conventions.schedule = try WorkSchedule(parsing: schedule, field: "--schedule") }
        if rollStages { r.conventions.rollStageDueTimes = true }
        r.postponedUntil = try postponedUntil.map { try CivilDate(parsing: $0, field: "--postponed-until") }
        r.extensionDays = extensionDays
        return r
    }

    /// The command-line flag of each request key, for errors about what the user typed.
    static let flags: [String: String] = [
        "registered_at": "--registered", "tz": "--tz", "region": "--region", "profile": "--profile",
        "term_days": "--days",
        "fast_track_days": "--fast-track", "level": "--level", "migration": "--migration", "category": "--category",
        "subcategory": "--subcategory",
    ]

    /// The resolver's error, naming the flag where the field came from one (a file's fields are
    /// named with the file already).
    static func flagError(_ e: MessageFieldError) -> SrokError {
        switch e.error {
        case .invalidValue(let field, let value, let expected):
            return flags[field].map { .invalidValue(field: $0, value: value, expected: expected) } ?? e.error
        case .missing(let field, let expected):
            return flags[field].map { .missing(field: $0, expected: expected) } ?? e.error
        default: return e.error
        }
    }
}

extension MessageOptionsGroup {
    /// The label of an explicit term by the way it was given: the `--days` flag's, or the
    /// request key's (a history file's `term_days`), as the service and the C interface say it.
    var explicitTermSource: LocalizedText {
        days != nil ? ResolvedMessage.cliTermSource : DueAnswer.requestTermSource
    }
}

extension ResolvedMessage {
    /// The source of a term given with `--days`, as `srok due` and `srok status` name it.
    static let cliTermSource = DueAnswer.commandLineTermSource

    /// Where the term came from, as `srok due` explains it (a profile's clause as the act writes it).
    func termSourceText(_ lang: Language) -> String {
        termSourceText(lang, explicit: Self.cliTermSource)
    }
}

extension CalendarOptionsGroup {
    /// A context of the embedded defaults plus the user's calendar and profile files.
    func context(profileFiles: [String] = []) throws -> SrokContext {
        try SrokContext(
            calendarFiles: DataFiles.read(calendarFiles, kind: "calendar"),
            profileFiles: DataFiles.read(profileFiles, kind: "profile"),
            regionFiles: DataFiles.read(regionFiles, kind: "region"), options: options())
    }
}
