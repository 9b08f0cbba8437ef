import SrokCore

/// How a workbook numbers days (`<workbookPr date1904="1">` picks 1904).
///
/// - 1900 system (Excel's default): serial 1 is 1900-01-01. Excel keeps Lotus 1-2-3's bug of a
///   29 February 1900, serial 60, which never existed: serials from 61 on count from 1899-12-30,
///   serials 1–59 from 1899-12-31 (one day off), and serial 60 has no real date. A serial below 1
///   is a time of day on "day 0" (shown as 1900-01-00, returned as 1899-12-31).
/// - 1904 system (old Mac Excel): serial 0 is 1904-01-01, with no quirk.
///
/// The fraction is the time of day, rounded to the nearest second (a fraction that rounds to
/// 24:00 is midnight of the next day). The last serial is that of 9999-12-31 23:59:59.
package enum XLSXDateSystem: Sendable, Hashable {
    /// Serial 1 = 1900-01-01, with the 1900 leap-year quirk.
    case from1900
    /// Serial 0 = 1904-01-01.
    case from1904

    /// The serial of 9999-12-31, the last day accepted (2 958 465 in the 1900 system, 2 957 003
    /// in 1904); its time of day may run to 23:59:59.
    package var lastDay: Int {
        switch self {
        case .from1900: 2_958_465
        case .from1904: 2_957_003
        }
    }

    /// What a date serial may be, for error messages.
    package var accepted: LocalizedText {
        switch self {
        case .from1900:
            LocalizedText(
                ru:
                    "порядковый номер даты Excel от 0 до 2958465 (1900-01-01 … 9999-12-31; 60, выдуманное Excel 1900-02-29, — не дата)",
                en:
                    "an Excel date serial from 0 to 2958465 (1900-01-01 … 9999-12-31; 60, Excel's fictitious 1900-02-29, is no date)"
            )
        case .from1904:
            LocalizedText(
                ru: "порядковый номер даты Excel от 0 до 2957003 (система дат 1904: 1904-01-01 … 9999-12-31)",
                en: "an Excel date serial from 0 to 2957003 (1904 date system: 1904-01-01 … 9999-12-31)")
        }
    }

    /// The date and time of `serial`, or nil when it is not finite, negative, beyond 9999-12-31,
    /// or the fictitious 1900-02-29 (serial 60 in the 1900 system, any time that day).
    package func dateTime(serial: Double) -> XLSXDateTime? {
        guard serial.isFinite, serial >= 0, serial < Double(lastDay + 1) else { return nil }
        let total = Int((serial * 86_400).rounded())
        guard total < (lastDay + 1) * 86_400 else { return nil }
        var day = total / 86_400
        let seconds = total % 86_400
        let epoch: CivilDate
        switch self {
        case .from1900:
            if day == 60 { return nil }
            if day < 60 { day += 1 }
            epoch = CivilDate(year: 1899, month: 12, day: 30)!
        case .from1904:
            epoch = CivilDate(year: 1904, month: 1, day: 1)!
        }
        return XLSXDateTime(date: epoch.adding(days: day), secondsOfDay: seconds, serial: serial)
    }
}
