import ArgumentParser
import Foundation
import Srok
import SrokFiles

/// How a message's term and conventions are given on the command line (`srok due`, `srok status`).
struct MessageOptionsGroup: ParsableArguments {
    @Option(
        name: .long,
        help:
            "Registration: 2024-03-29T10:15+03:00, …Z, or a local time (2024-03-29T10:15, 29.03.2024 10:15) read in --tz."
    )
    var registered: String?

    @Option(
        name: .long, help: "The organisation's IANA zone (default: the profile's, else Europe/Moscow).",
        completion: .zones)
    var tz: String?

    @Option(name: .long, help: "A term in calendar days (messages: 1–30).") var days: Int?
    @Option(name: .customLong("fast-track"), help: "A fast-track term in days (1–30, or the profile's range).")
    var fastTrack: Int?
    @Option(
        name: .long, help: "A named fast-track level of the profile (e.g. 1 or 2 in krasnodar-krai).",
        completion: .levels)
    var level: String?
    @Option(
        name: .long, help: "A regulation profile (see `srok profiles`); default federal.", completion: .profiles)
    var profile: String?
    @Option(name: .long, help: "The message's category (fast-track catalogue lookup).") var category: String?
    @Option(name: .long, help: "The message's subcategory.") var subcategory: String?
    @Option(name: .long, help: "message (ПОС сообщение) or appeal (59-ФЗ обращение); default the profile's.")
    var regime: Regime?
    @Flag(name: .long, help: "59-ФЗ appeal on facts of possible migration-law violations: 20 days (ст. 12 ч. 1.1).")
    var migration = false
    @Option(name: .long, help: "How the term is counted (days: ГК РФ ст. 191); default the profile's.") var count:
        CountConvention?
    @Option(
        name: .long,
        help:
            "How a non-working last day moves (preceding: the ПОС rule; following: ГК РФ ст. 193); default the profile's."
    ) var roll: RollConvention?
    @Option(name: .long, help: "How stage budgets are measured; default the profile's.") var basis: StageBasis?
    @Flag(name: .customLong("roll-stages"), help: "Roll planned stage due times off non-working days too.")
    var rollStages = false
    @Option(name: .long, help: "Working time for workday8, e.g. 09:00-13:00,14:00-18:00.") var schedule: String?
    @Option(
        name: .customLong("profile-file"), help: "A profile file (Data/FORMAT.md) to load; repeatable.",
        completion: .profileFile)
    var profileFiles: [String] = []
    @Flag(
        name: .customLong("lenient-fast-track"),
        help:
            "Accept a fast-track term the act does not list (any from 1 day to the act's longest) instead of refusing it."
    )
    var lenientFastTrack = false
    @Option(
        name: .customLong("postponed-until"),
        help: "«Отложено» until this date; repeatable, in order (as many times as the profile allows).")
    var postponedUntil: [String] = []
    @Option(name: .customLong("extension-days"), help: "59-ФЗ extension in days (appeals, once, ≤ 30).")
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

extension ResolvedMessage {
    /// The source of a term given with `--days`, as `srok due` and `srok status` name it.
    static let cliTermSource = DueAnswer.commandLineTermSource

    /// Where the term came from, as `srok due` explains it.
    var termSourceText: String {
        switch termSource {
        case .explicit: return Self.cliTermSource
        case .migrationLaw: return "59-ФЗ ст. 12 ч. 1.1"
        case .profile(let citation): return citation
        }
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
