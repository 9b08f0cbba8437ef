/// Choices made when a calendar is compiled. Each one has a documented default.
public struct CalendarOptions: Sendable, Hashable {
    /// Whether the 2020–2021 presidential paid "non-working days" count as working days.
    /// Default `true`, as official production calendars count them (they were neither holidays
    /// nor transfers: Указ Президента РФ от 25.03.2020 № 206 and later).
    public var presidentialDaysAreWorking: Bool
    /// Years after the last year with decree data that may be computed from the statutory rules
    /// alone (holidays, carry-over, art. 95), marked provisional in every output. `nil` (the
    /// default): such years are refused with an error naming the covered range.
    public var provisionalThroughYear: Int?
    /// The employer a regional calendar is built for (default a state or municipal body, the ПОС
    /// executors): decides whether days that bind only state bodies apply.
    public var employer: EmployerKind
    /// Refuse regional years whose acts are not in the data, instead of using the ICU forecast
    /// of their holidays marked provisional (default `false`: forecast, marked).
    public var strictRegionalDates: Bool
    /// ICU's Islamic calendar for forecasts of regional Islamic holidays (default Umm al-Qura).
    public var islamicCalendar: IslamicCalendar

    /// Creates options; the defaults are the official production calendar's reading.
    public init(
        presidentialDaysAreWorking: Bool = true, provisionalThroughYear: Int? = nil,
        employer: EmployerKind = .stateBody, strictRegionalDates: Bool = false,
        islamicCalendar: IslamicCalendar = .umalqura
    ) {
        self.presidentialDaysAreWorking = presidentialDaysAreWorking
        self.provisionalThroughYear = provisionalThroughYear
        self.employer = employer
        self.strictRegionalDates = strictRegionalDates
        self.islamicCalendar = islamicCalendar
    }
}

/// A regional or local change laid over a base calendar (another issue builds regions on it).
public struct OverlayDay: Sendable, Hashable {
    /// What the overlay does to the day.
    public enum Effect: Sendable, Hashable {
        /// The day becomes a day off (a regional holiday, a swap's day off).
        case dayOff
        /// The day becomes a working day (a Saturday worked for a swap).
        case workedDay
    }
    /// The day.
    public var date: CivilDate
    /// The effect.
    public var effect: Effect
    /// Its name («Ураза-байрам», «перенос с 15.06») in both languages (a name from the data reads
    /// the same in both).
    public var name: LocalizedText
    /// The act.
    public var source: LocalizedText
    /// Whether the date is an ICU forecast rather than a decreed date.
    public var isProvisional: Bool
    /// Whether the day before it is shortened (a regional holiday shortens the eve, ст. 95).
    public var shortensEve: Bool

    /// Creates an overlay day.
    public init(
        date: CivilDate, effect: Effect, name: LocalizedText, source: LocalizedText,
        isProvisional: Bool = false, shortensEve: Bool = false
    ) {
        self.date = date
        self.effect = effect
        self.name = name
        self.source = source
        self.isProvisional = isProvisional
        self.shortensEve = shortensEve
    }
}
