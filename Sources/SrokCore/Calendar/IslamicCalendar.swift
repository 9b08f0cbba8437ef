/// The Islamic calendar ICU evaluates regional Islamic holidays (Ураза-байрам, Курбан-байрам)
/// with, for years whose regional acts are not in the data. Both are forecasts, marked
/// provisional; a region's act fixes the actual date.
public enum IslamicCalendar: String, Sendable, CaseIterable, Hashable {
    /// Umm al-Qura, Saudi Arabia's astronomical calendar (ICU `islamic-umalqura`); the default.
    case umalqura = "islamic-umalqura"
    /// The tabular (arithmetic, civil-epoch) Islamic calendar (ICU `islamic-civil`).
    case civil = "islamic-civil"

    /// ICU's calendar identifier, as in a locale's `@calendar=` keyword (the raw value).
    public var icuIdentifier: String { rawValue }
}
