import ArgumentParser
import Foundation
import Srok

/// How a message's term and conventions are given on the command line (`srok due`, `srok status`).
struct MessageOptionsGroup: ParsableArguments {
    @Option(name: .long, help: "Registration: 2024-03-29T10:15+03:00, …Z, or a local time (2024-03-29T10:15, 29.03.2024 10:15) read in --tz.")
    var registered: String?

    @Option(name: .long, help: "The organisation's IANA zone (default: the profile's, else Europe/Moscow).")
    var tz: String?

    @Option(name: .long, help: "A term in calendar days (messages: 1–30).") var days: Int?
    @Option(name: .customLong("fast-track"), help: "A fast-track term in days (1–30, or the profile's range).") var fastTrack: Int?
    @Option(name: .long, help: "A named fast-track level of the profile (e.g. 1 or 2 in krasnodar-krai).") var level: String?
    @Option(name: .long, help: "A regulation profile (see `srok profiles`); default federal.") var profile: String = "federal"
    @Option(name: .long, help: "The message's category (fast-track catalogue lookup).") var category: String?
    @Option(name: .long, help: "The message's subcategory.") var subcategory: String?
    @Option(name: .long, help: "message (ПОС сообщение) or appeal (59-ФЗ обращение); default the profile's.") var regime: Regime?
    @Flag(name: .long, help: "59-ФЗ appeal on facts of possible migration-law violations: 20 days (ст. 12 ч. 1.1).") var migration = false
    @Option(name: .long, help: "How the term is counted (days: ГК РФ ст. 191); default the profile's.") var count: CountConvention?
    @Option(name: .long, help: "How a non-working last day moves (preceding: the ПОС rule; following: ГК РФ ст. 193); default the profile's.") var roll: RollConvention?
    @Option(name: .long, help: "How stage budgets are measured; default the profile's.") var basis: StageBasis?
    @Flag(name: .customLong("roll-stages"), help: "Roll planned stage due times off non-working days too.") var rollStages = false
    @Option(name: .long, help: "Working time for workday8, e.g. 09:00-13:00,14:00-18:00.") var schedule: String?
    @Option(name: .customLong("profile-file"), help: "A profile file (Data/FORMAT.md) to load; repeatable.") var profileFiles: [String] = []

    /// The context, profile, engine, term and regime these options describe.
    func resolve(_ common: CalendarOptionsGroup, history: HistoryFile? = nil) throws -> Resolved {
        var me = self
        if let h = history { try me.merge(h) }
        return try me.resolveMerged(common)
    }

    /// Fills options not given on the command line from a history file.
    mutating func merge(_ h: HistoryFile) throws {
        registered = registered ?? h.registeredAt
        tz = tz ?? h.tz
        days = days ?? h.termDays
        fastTrack = fastTrack ?? h.fastTrackDays
        if profile == "federal", let p = h.profile { profile = p }
        category = category ?? h.category
        subcategory = subcategory ?? h.subcategory
        if regime == nil, let r = h.regime { regime = try Regime(parsing: r, field: "--regime") }
    }

    private func resolveMerged(_ common: CalendarOptionsGroup) throws -> Resolved {
        guard let registered else {
            throw SrokError.invalidValue(field: "--registered", value: "", expected: "the registration time (" + Timestamp.acceptedForms + ")")
        }
        let context = try common.context(profileFiles: profileFiles)
        let profile = try context.profile(self.profile)
        var conventions = profile.conventions
        if let count { conventions.count = count }
        if let roll { conventions.roll = roll }
        if let basis { conventions.basis = basis }
        if let schedule { conventions.schedule = try WorkSchedule(parsing: schedule, field: "--schedule") }
        if rollStages { conventions.rollStageDueTimes = true }
        var regional = profile
        if let region = common.region { regional.region = Cited(value: region, citation: "--region") }
        let engine = try context.engine(profile: regional, zone: tz, conventions: conventions)
        let regime = regime ?? profile.regime.value
        var term: Term
        var source: String
        if let days {
            (term, source) = (.days(days), "--days (задано в командной строке)")
        } else if migration {
            guard regime == .appeal else { throw SrokError.invalidValue(field: "--migration", value: "set", expected: "--regime appeal (59-ФЗ ст. 12 ч. 1.1 applies to appeals)") }
            (term, source) = (.days(AppealLaw.migrationConsiderationDays), "59-ФЗ ст. 12 ч. 1.1")
        } else {
            (term, source) = try profile.term(fastTrackDays: fastTrack, level: level, category: category, subcategory: subcategory)
        }
        try SLAEngine.validate(term, regime: regime)
        let registeredAt = try Timestamp(parsing: registered, field: "--registered").resolve(in: engine.zone)
        return Resolved(context: context, profile: profile, engine: engine, term: term, termSource: source,
                        regime: regime, registered: registeredAt)
    }

    struct Resolved {
        var context: SrokContext
        var profile: RegulationProfile
        var engine: SLAEngine
        var term: Term
        var termSource: String
        var regime: Regime
        var registered: Instant
    }
}

extension CalendarOptionsGroup {
    /// A context of the embedded defaults plus the user's calendar and profile files.
    func context(profileFiles: [String] = []) throws -> SrokContext {
        try SrokContext(calendarFiles: DataFiles.read(calendarFiles, kind: "calendar"),
                        profileFiles: DataFiles.read(profileFiles, kind: "profile"),
                        regionFiles: DataFiles.read(regionFiles, kind: "region"), options: options())
    }
}
