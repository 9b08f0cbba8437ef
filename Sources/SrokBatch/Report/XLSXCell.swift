import SrokCore

/// One cell of an Excel report row: its value and the Excel type it is written as.
///
/// Dates and times are the organisation's local wall-clock values (the caller converts instants
/// with the organisation's zone); they become real Excel date cells (serial numbers of the 1900
/// date system with a Russian number format), so Excel sorts, filters and computes with them.
package enum XLSXCell: Hashable, Sendable {
    /// No value: nothing is written (a blank with the row's fill in a highlighted row).
    case empty
    /// Text, written as an Excel string. An empty text is `empty`; a text longer than Excel's
    /// limit of 32 767 characters is cut and ends in «…» (see `XLSXText`).
    case text(String)
    /// A whole number, written as an Excel number (General format). Beyond ±999 999 999 999 999,
    /// which Excel's 15 significant digits cannot hold exactly, it is written as text instead.
    case integer(Int)
    /// A calendar day: an Excel date cell with the number format `dd.mm.yyyy` (ДД.ММ.ГГГГ).
    case date(year: Int, month: Int, day: Int)
    /// A local date and time: an Excel date cell with the number format `dd.mm.yyyy hh:mm`
    /// (ДД.ММ.ГГГГ ЧЧ:ММ); the seconds are kept in the value.
    case dateTime(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int)

    /// The date cell of a civil date.
    package static func day(_ date: CivilDate) -> XLSXCell {
        let c = date.components
        return .date(year: c.year, month: c.month, day: c.day)
    }

    /// The date-and-time cell of a local wall-clock time (already in the organisation's zone).
    package static func localTime(_ time: LocalDateTime) -> XLSXCell {
        let c = time.date.components
        return .dateTime(
            year: c.year, month: c.month, day: c.day, hour: time.hour, minute: time.minute, second: time.second)
    }
}
