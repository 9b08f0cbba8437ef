import SrokCore

/// Excel's serial dates in the 1900 date system: whole days since 1899-12-30 plus the fraction of
/// the day, a value that only a date number format turns into a date on screen.
///
/// Excel counts 1900-02-29, a day that did not exist (Lotus 1-2-3's leap-year bug), so from
/// 1900-03-01 on the serial is the day count since 1899-12-30 (1900-03-01 is 61), and before it
/// one less (1900-01-01 is 1, 1900-02-28 is 59). Days before 1900 have no serial.
package enum ExcelSerialDate {
    /// 1899-12-30 in days since 1970-01-01 (70 years with 17 leap days: 25 567 days, plus 2).
    static let zeroDay: Int32 = -25_569
    /// 1900-03-01 in days since 1970-01-01 (1900-01-01 plus 31 + 28 days).
    static let march1900: Int32 = -25_508
    /// 1900-01-01 in days since 1970-01-01 (70 years of 365 days and the 17 leap days 1904–1968).
    static let january1900: Int32 = -25_567

    /// The serial of `date` at `secondOfDay` (0..<86 400), or `nil` before 1900-01-01.
    package static func serial(date: CivilDate, secondOfDay: Int) -> Double? {
        let d = date.daysSinceEpoch
        guard d >= january1900 else { return nil }
        let days = Int(d - zeroDay) - (d < march1900 ? 1 : 0)
        return Double(days) + Double(secondOfDay) / 86_400
    }
}
