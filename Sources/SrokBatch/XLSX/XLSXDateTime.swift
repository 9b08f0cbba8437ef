import SrokCore

/// A date cell's value: a civil date and a time of day in whole seconds (no zone: Excel stores
/// wall-clock time), with the serial it came from.
package struct XLSXDateTime: Sendable, Hashable, CustomStringConvertible {
    /// The calendar day.
    package var date: CivilDate
    /// Seconds since midnight, 0 ..< 86 400 (rounded to the nearest second).
    package var secondsOfDay: Int
    /// The cell's serial number as stored.
    package var serial: Double

    /// A value.
    package init(date: CivilDate, secondsOfDay: Int, serial: Double) {
        self.date = date
        self.secondsOfDay = secondsOfDay
        self.serial = serial
    }

    /// Hours, minutes and seconds of the time of day.
    package var time: (hour: Int, minute: Int, second: Int) {
        (secondsOfDay / 3600, secondsOfDay / 60 % 60, secondsOfDay % 60)
    }

    /// A serial below 1: a time of day with no date (Excel shows the day as `1900-01-00`), as a
    /// time-only format (`h:mm`) stores it.
    package var isTimeOnly: Bool { serial < 1 }

    /// `2025-03-01` at midnight, else `2025-03-01 09:05:00`: forms Srok's timestamp parser reads.
    package var text: String {
        guard secondsOfDay != 0 else { return date.iso }
        let (h, m, s) = time
        return date.iso + " " + Self.two(h) + ":" + Self.two(m) + ":" + Self.two(s)
    }

    /// The same as ``text``.
    package var description: String { text }

    private static func two(_ n: Int) -> String { n < 10 ? "0" + String(n) : String(n) }
}
