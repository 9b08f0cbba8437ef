/// A civil (calendar) date with no time of day and no zone: a day of the proleptic Gregorian
/// calendar, stored as the number of days since 1970-01-01 (4 bytes, trivially comparable).
///
/// Conversions use Howard Hinnant's integer algorithms: no Foundation, no ICU, no allocation.
public struct CivilDate: Hashable, Comparable, Sendable, Strideable, CustomStringConvertible {
    /// Days since 1970-01-01 (negative before it).
    public var daysSinceEpoch: Int32

    /// Creates the date `daysSinceEpoch` days after 1970-01-01.
    @inlinable public init(daysSinceEpoch: Int32) { self.daysSinceEpoch = daysSinceEpoch }

    /// Creates a date from its year, month (1–12) and day (1–31), or `nil` if no such day exists
    /// (2025-02-30, month 13) or the year is outside 1–9999.
    @inlinable public init?(year: Int, month: Int, day: Int) {
        // 1...9999 is ``supportedYears`` (a literal here: this is on every parsed date's path).
        guard (1...9999).contains(year), (1...12).contains(month), day >= 1,
            day <= CivilDate.daysIn(month: month, year: year)
        else { return nil }
        self.daysSinceEpoch = Int32(CivilDate.days(year: year, month: month, day: day))
    }

    /// Days since the epoch of a valid (year, month, day); no validation.
    @inlinable static func days(year: Int, month: Int, day: Int) -> Int {
        // 1900–2100 without divisions by the era: whole years since 1900, then the month.
        if year >= 1900 && year <= 2100 {
            let y = year - 1900
            // Leap years in [1900, year): multiples of 4 from 1904 (1900 is not leap; 2000 is).
            let leapDays = (year - 1) / 4 - 474 - (y > 0 ? 1 : 0)
            // Days before the month in a common year (Jan 0, Feb 31, Mar 59 …), plus Feb 29 when leap.
            let beforeMonth = month <= 2 ? (month - 1) * 31 : (153 * (month - 3) + 2) / 5 + 59 + (isLeap(year) ? 1 : 0)
            return y * 365 + leapDays - 25_567 + beforeMonth + day - 1
        }
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The number of days in `month` of `year`.
    @inlinable public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Whether `year` is a Gregorian leap year.
    @inlinable public static func isLeap(_ year: Int) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    /// Year, month (1–12) and day (1–31). Days of 1900–2100 come from a table built once (the
    /// output formatters convert millions of dates); others are computed.
    @inlinable public var components: (year: Int, month: Int, day: Int) {
        let i = Int(daysSinceEpoch) - CivilDate.tableStart
        if i >= 0 && i < CivilDate.table.count {
            let packed = CivilDate.table[i]
            return (Int(packed >> 9), Int((packed >> 5) & 15), Int(packed & 31))
        }
        return computedComponents
    }

    /// Days since the epoch of 1900-01-01.
    @usableFromInline static let tableStart = -25_567
    /// Packed `year << 9 | month << 5 | day` for 1900-01-01 … 2100-12-31 (≈ 290 KB, built once).
    @usableFromInline static let table: [UInt32] = {
        let end = 47_847  // 2101-01-01 (exclusive)
        return (tableStart..<end).map { d in
            let (y, m, day) = CivilDate(daysSinceEpoch: Int32(d)).computedComponents
            return UInt32(y) << 9 | UInt32(m) << 5 | UInt32(day)
        }
    }()

    /// Year, month and day by Hinnant's civil-from-days algorithm.
    @inlinable var computedComponents: (year: Int, month: Int, day: Int) {
        let z = Int(daysSinceEpoch) + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// The year.
    @inlinable public var year: Int { components.year }
    /// The month, 1–12.
    @inlinable public var month: Int { components.month }
    /// The day of the month, 1–31.
    @inlinable public var day: Int { components.day }

    /// The day of the week (1970-01-01 was a Thursday).
    @inlinable public var weekday: Weekday {
        let d = Int(daysSinceEpoch)
        let idx = ((d % 7) + 7 + 3) % 7  // 0 = Monday
        return Weekday(rawValue: UInt8(idx + 1))!
    }

    /// The date `n` calendar days later (earlier for negative `n`).
    @inlinable public func adding(days n: Int) -> CivilDate {
        CivilDate(daysSinceEpoch: daysSinceEpoch + Int32(n))
    }

    /// The years a civil date is made for: 1–9999, the years a four-digit ISO 8601 year can name
    /// (``init(year:month:day:)`` and the parsers accept these and no others).
    public static let supportedYears: ClosedRange<Int> = 1...9999

    /// 1 January of `year`.
    /// - Throws: ``SrokError/invalidValue(field:value:expected:)`` when `year` is outside
    ///   ``supportedYears``. Checked before any arithmetic, so no `Int` traps: `srok calendar 5881581`
    ///   once overflowed `Int32` here.
    public static func firstOfYear(_ year: Int) throws(SrokError) -> CivilDate {
        guard supportedYears.contains(year) else {
            throw .invalidValue(
                field: "year", value: String(year),
                expected: .year(from: supportedYears.lowerBound, to: supportedYears.upperBound))
        }
        return CivilDate(daysSinceEpoch: Int32(days(year: year, month: 1, day: 1)))
    }

    /// Earlier day first.
    @inlinable public static func < (a: CivilDate, b: CivilDate) -> Bool { a.daysSinceEpoch < b.daysSinceEpoch }
    /// The same day. Explicit: otherwise Strideable's `==` (by distance) is chosen, slower and
    /// overflowing at the extremes.
    @inlinable public static func == (a: CivilDate, b: CivilDate) -> Bool { a.daysSinceEpoch == b.daysSinceEpoch }
    /// Hashes the day number.
    @inlinable public func hash(into h: inout Hasher) { h.combine(daysSinceEpoch) }
    /// Days from this date to `other` (negative when `other` is earlier).
    @inlinable public func distance(to other: CivilDate) -> Int { Int(other.daysSinceEpoch - daysSinceEpoch) }
    /// The date `n` days later (earlier for negative `n`).
    @inlinable public func advanced(by n: Int) -> CivilDate { adding(days: n) }

    /// ISO 8601 `YYYY-MM-DD`.
    public var iso: String {
        let (y, m, d) = components
        guard (0...9999).contains(y) else { return pad(y, 4) + "-" + pad(m, 2) + "-" + pad(d, 2) }
        return Self.text(y, 0, m, 5, d, 8, separator: 0x2D)
    }

    /// Writes `YYYY-MM-DD` (``iso``'s ten bytes) at `p[i]`; `year` is 0–9999.
    static func writeISO(year y: Int, month m: Int, day d: Int, into p: UnsafeMutableBufferPointer<UInt8>, at i: Int) {
        p[i] = UInt8(truncatingIfNeeded: 0x30 + y / 1000)
        p[i + 1] = UInt8(truncatingIfNeeded: 0x30 + y / 100 % 10)
        p[i + 2] = UInt8(truncatingIfNeeded: 0x30 + y / 10 % 10)
        p[i + 3] = UInt8(truncatingIfNeeded: 0x30 + y % 10)
        p[i + 4] = 0x2D
        writeTwo(m, into: p, at: i + 5)
        p[i + 7] = 0x2D
        writeTwo(d, into: p, at: i + 8)
    }

    /// Writes `v` (0–99) as two digits at `p[i]`.
    static func writeTwo(_ v: Int, into p: UnsafeMutableBufferPointer<UInt8>, at i: Int) {
        p[i] = UInt8(truncatingIfNeeded: 0x30 + v / 10)
        p[i + 1] = UInt8(truncatingIfNeeded: 0x30 + v % 10)
    }

    /// Russian `DD.MM.YYYY`.
    public var russian: String {
        let (y, m, d) = components
        guard (0...9999).contains(y) else { return pad(d, 2) + "." + pad(m, 2) + "." + pad(y, 4) }
        return Self.text(y, 6, m, 3, d, 0, separator: 0x2E)
    }

    /// The ten ASCII bytes of a date with a four-digit year at `yAt`, the month at `mAt` and the
    /// day at `dAt`, `separator` between them: written in place (calendars name thousands of
    /// days in their notes, and text built piece by piece cost ~2 700 instructions a date).
    private static func text(_ y: Int, _ yAt: Int, _ m: Int, _ mAt: Int, _ d: Int, _ dAt: Int, separator: UInt8)
        -> String
    {
        String(unsafeUninitializedCapacity: 10) { b in
            b[yAt] = UInt8(0x30 + y / 1000)
            b[yAt + 1] = UInt8(0x30 + y / 100 % 10)
            b[yAt + 2] = UInt8(0x30 + y / 10 % 10)
            b[yAt + 3] = UInt8(0x30 + y % 10)
            b[mAt] = UInt8(0x30 + m / 10)
            b[mAt + 1] = UInt8(0x30 + m % 10)
            b[dAt] = UInt8(0x30 + d / 10)
            b[dAt + 1] = UInt8(0x30 + d % 10)
            // The two separators: between the first and second field, and the second and third.
            let first = min(yAt, mAt, dAt)
            let last = max(yAt, mAt, dAt)
            b[first == yAt ? 4 : 2] = separator
            b[last - 1] = separator
            return 10
        }
    }

    /// `YYYY-MM-DD`.
    public var description: String { iso }

    private func pad(_ v: Int, _ width: Int) -> String {
        let s = String(v)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }
}

/// A day of the week, ISO numbering (Monday = 1 … Sunday = 7).
public enum Weekday: UInt8, Sendable, CaseIterable, Codable {
    /// Понедельник.
    case monday = 1
    /// Вторник.
    case tuesday
    /// Среда.
    case wednesday
    /// Четверг.
    case thursday
    /// Пятница.
    case friday
    /// Суббота.
    case saturday
    /// Воскресенье.
    case sunday

    /// Saturday or Sunday.
    @inlinable public var isWeekend: Bool { rawValue >= 6 }

    /// English name, lower case (`monday`).
    public var englishName: String {
        ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"][Int(rawValue) - 1]
    }
    /// Russian name, lower case (`понедельник`).
    public var russianName: String {
        ["понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье"][Int(rawValue) - 1]
    }
    /// Two-letter Russian abbreviation (`Пн`).
    public var russianShort: String { ["Пн", "Вт", "Ср", "Чт", "Пт", "Сб", "Вс"][Int(rawValue) - 1] }
}
