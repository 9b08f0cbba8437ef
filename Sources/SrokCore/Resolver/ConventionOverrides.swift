/// Convention choices a caller makes on top of a profile's own (the CLI's `--count`, `--roll`,
/// `--basis`, `--schedule`, `--roll-stages`; a batch's defaults; a request's fields). The one
/// place where overrides meet a profile's conventions.
public struct ConventionOverrides: Hashable, Sendable {
    /// How the total term is counted; nil keeps the profile's.
    public var count: CountConvention?
    /// How a non-working last day is rolled; nil keeps the profile's.
    public var roll: RollConvention?
    /// How stage budgets are measured; nil keeps the profile's.
    public var basis: StageBasis?
    /// The working time for `workday8`; nil keeps the profile's.
    public var schedule: WorkSchedule?
    /// Roll planned stage due times off non-working days too; nil keeps the profile's.
    public var rollStageDueTimes: Bool?

    /// No overrides: every profile's own conventions.
    public init(
        count: CountConvention? = nil, roll: RollConvention? = nil, basis: StageBasis? = nil,
        schedule: WorkSchedule? = nil, rollStageDueTimes: Bool? = nil
    ) {
        self.count = count
        self.roll = roll
        self.basis = basis
        self.schedule = schedule
        self.rollStageDueTimes = rollStageDueTimes
    }

    /// `conventions` with every override that is set.
    public func applied(to conventions: SLAConventions) -> SLAConventions {
        var c = conventions
        if let count { c.count = count }
        if let roll { c.roll = roll }
        if let basis { c.basis = basis }
        if let schedule { c.schedule = schedule }
        if let rollStageDueTimes { c.rollStageDueTimes = rollStageDueTimes }
        return c
    }

    /// These overrides, with `other`'s where these leave a choice open.
    public func merged(over other: ConventionOverrides) -> ConventionOverrides {
        ConventionOverrides(
            count: count ?? other.count, roll: roll ?? other.roll, basis: basis ?? other.basis,
            schedule: schedule ?? other.schedule, rollStageDueTimes: rollStageDueTimes ?? other.rollStageDueTimes)
    }
}
