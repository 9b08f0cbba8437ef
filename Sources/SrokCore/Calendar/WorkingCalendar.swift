/// A working-day calendar compiled once into flat tables over its covered range, answering every
/// query in O(1): the kind and working minutes of a day, next/previous working day, adding N
/// working days, counting working days or minutes between dates, and rolling a date.
///
/// An immutable value, safe to share across threads. Build it with
/// ``WorkingCalendar/compile(_:overlay:overlayName:overlayTitle:options:refusedYears:)`` or from a ``CalendarCatalog``.
public struct WorkingCalendar: Sendable {
    @usableFromInline let tables: CalendarTables

    /// The calendar's identifier (`RU`, or `RU-TA` for a regional calendar).
    public var id: String { tables.id }
    /// The display name.
    public var title: String { tables.title }
    /// The data stamp (e.g. the latest decree included).
    public var dataVersion: String? { tables.dataVersion }
    /// The first and last day covered.
    public var coverage: ClosedRange<CivilDate> { tables.start...tables.end }
    /// The first provisional day (computed from statute rules alone), if any.
    public var provisionalFrom: CivilDate? { tables.provisionalFrom }
    /// The options it was compiled with.
    public var options: CalendarOptions { tables.options }

    init(tables: CalendarTables) { self.tables = tables }

    // MARK: Day queries

    @inline(__always) func index(_ date: CivilDate) throws(SrokError) -> Int {
        let i = Int(date.daysSinceEpoch) - Int(tables.start.daysSinceEpoch)
        guard i >= 0, i < tables.count else { throw outOfCoverage(date) }
        if tables.hasRefusedDays, tables.flags[i] & CalendarTables.refusedBit != 0 { throw refused(date) }
        return i
    }

    func refused(_ date: CivilDate) -> SrokError {
        let years = tables.refusedYears.sorted().map(String.init).joined(separator: ", ")
        return .outOfCoverage(
            date: date, calendar: tables.id, covered: coverage,
            hint: LocalizedText(
                ru:
                    "строгий режим не принимает \(date.year) год: регионального акта за него нет в данных, есть только прогноз ICU для региональных праздников (не принимаются годы: \(years))",
                en:
                    "the strict option refuses year \(date.year): no regional act for it is in the data, only the ICU forecast of the regional holidays (years refused: \(years))"
            )
        )
    }

    /// The error for a date outside the tables. A date after them, in a year the statutory rules
    /// can still compute (``YearSpan/supportedYears``), is told the option that computes its year:
    /// `--provisional 2029` (``CalendarOptions/provisionalThroughYear``), also when a shorter
    /// provisional range was asked.
    func outOfCoverage(_ date: CivilDate) -> SrokError {
        var hint = LocalizedText(verbatim: "")
        if date > tables.end, YearSpan.supportedYears.contains(date.year) {
            hint = LocalizedText(
                ru:
                    "годы после данных постановлений можно рассчитать только по правилам закона, с пометкой «предварительно»: --provisional \(date.year)",
                en:
                    "years after the decree data can be computed from the statutory rules alone, marked provisional: --provisional \(date.year) (CalendarOptions.provisionalThroughYear = \(date.year))"
            )
        }
        return .outOfCoverage(date: date, calendar: tables.id, covered: coverage, hint: hint)
    }

    @inline(__always) func date(at index: Int) -> CivilDate {
        CivilDate(daysSinceEpoch: tables.start.daysSinceEpoch + Int32(index))
    }

    /// The first and last day of `year`.
    /// - Throws: ``SrokError/outOfCoverage(date:calendar:covered:hint:)`` when the calendar does not
    ///   cover the year, naming the covered range; for a year no date can have (outside
    ///   ``CivilDate/supportedYears``), ``SrokError/invalidValue(field:value:expected:)`` naming the
    ///   covered years. The year is compared before any date arithmetic: any `Int` is safe.
    public func days(ofYear year: Int) throws(SrokError) -> ClosedRange<CivilDate> {
        let first = tables.start.year
        let last = tables.end.year
        guard year >= first, year <= last else {
            guard CivilDate.supportedYears.contains(year) else {
                throw .invalidValue(
                    field: "year", value: String(year),
                    expected: LocalizedText(
                        ru: "год, который охватывает календарь \(tables.id): \(first)–\(last)",
                        en: "a year calendar \(tables.id) covers, \(first)…\(last)"))
            }
            throw outOfCoverage(try CivilDate.firstOfYear(year))
        }
        return try CivilDate.firstOfYear(year)...CivilDate.firstOfYear(year + 1).adding(days: -1)
    }

    /// Whether `date` is a working day.
    public func isWorkingDay(_ date: CivilDate) throws(SrokError) -> Bool {
        tables.flags[try index(date)] & CalendarTables.workingBit != 0
    }

    /// Whether `date` is a working day and whether it is a shortened one, read from the compiled
    /// table at once (the per-day question of working-time arithmetic, ``WorkTime``).
    @inline(__always) func workingState(of date: CivilDate) throws(SrokError) -> (isWorking: Bool, isShortened: Bool) {
        let f = tables.flags[try index(date)]
        return (f & CalendarTables.workingBit != 0, f & CalendarTables.shortenedBit != 0)
    }

    /// The kind of `date`.
    public func kind(of date: CivilDate) throws(SrokError) -> DayKind {
        DayKind(rawValue: tables.flags[try index(date)] & CalendarTables.kindMask)!
    }

    /// Working minutes of `date` for a 40-hour week (480; 420 shortened; 0 off).
    public func workingMinutes(of date: CivilDate) throws(SrokError) -> Int {
        Int(CalendarTables.minutes(tables.flags[try index(date)]))
    }

    /// Everything known about `date`: kind, working time, name, where a day off came from, the act.
    public func info(for date: CivilDate) throws(SrokError) -> DayInfo {
        let i = try index(date)
        let f = tables.flags[i]
        let note = tables.notes[date]
        let working = f & CalendarTables.workingBit != 0
        let shortened = f & CalendarTables.shortenedBit != 0
        return DayInfo(
            date: date, kind: DayKind(rawValue: f & CalendarTables.kindMask)!, isWorking: working,
            isShortened: shortened, workingMinutes: Int(CalendarTables.minutes(f)),
            localizedName: note?.name, movedFrom: note?.movedFrom, localizedSource: note?.source,
            isProvisional: note?.isProvisional ?? tables.provisionalFrom.map { date >= $0 } ?? false)
    }

    /// Whether results on `date` rest on provisional (rule-only) data.
    public func isProvisional(_ date: CivilDate) -> Bool {
        if let p = tables.provisionalFrom, date >= p { return true }
        return tables.notes[date]?.isProvisional ?? false
    }

    // MARK: Navigation

    /// The first working day on or after `date`.
    public func nextWorkingDay(onOrAfter date: CivilDate) throws(SrokError) -> CivilDate {
        let j = tables.nextWorking[try index(date)]
        guard j < tables.count else { throw outOfCoverage(tables.end.adding(days: 1)) }
        return self.date(at: Int(j))
    }

    /// The last working day on or before `date`.
    public func previousWorkingDay(onOrBefore date: CivilDate) throws(SrokError) -> CivilDate {
        let j = tables.previousWorking[try index(date)]
        guard j >= 0 else { throw outOfCoverage(tables.start.adding(days: -1)) }
        return self.date(at: Int(j))
    }

    /// The first working day strictly after `date`.
    public func nextWorkingDay(after date: CivilDate) throws(SrokError) -> CivilDate {
        try nextWorkingDay(onOrAfter: date.adding(days: 1))
    }

    /// The last working day strictly before `date`.
    public func previousWorkingDay(before date: CivilDate) throws(SrokError) -> CivilDate {
        try previousWorkingDay(onOrBefore: date.adding(days: -1))
    }

    /// Moves `date` to a working day by `convention` (unchanged when it is already working or the
    /// convention is `none`). Rolling `preceding` from Monday 2024-04-29 gives Saturday 2024-04-27,
    /// a worked Saturday.
    public func roll(_ date: CivilDate, _ convention: RollConvention) throws(SrokError) -> CivilDate {
        let i = try index(date)
        if convention == .none || tables.flags[i] & CalendarTables.workingBit != 0 { return date }
        let r = try rollUnchecked(date, convention)
        if tables.hasRefusedDays { _ = try index(r) }
        return r
    }

    private func rollUnchecked(_ date: CivilDate, _ convention: RollConvention) throws(SrokError) -> CivilDate {
        switch convention {
        case .none: return date
        case .preceding: return try previousWorkingDay(onOrBefore: date)
        case .following: return try nextWorkingDay(onOrAfter: date)
        case .modifiedPreceding:
            let p = try previousWorkingDay(onOrBefore: date)
            return p.month == date.month ? p : try nextWorkingDay(onOrAfter: date)
        case .modifiedFollowing:
            let n = try nextWorkingDay(onOrAfter: date)
            return n.month == date.month ? n : try previousWorkingDay(onOrBefore: date)
        }
    }

    /// The date `n` working days after `date` (before it for negative `n`): adding 1 to a Friday
    /// gives the next working day; `n == 0` returns `date` unchanged.
    public func adding(workingDays n: Int, to date: CivilDate) throws(SrokError) -> CivilDate {
        let i = try index(date)
        if n == 0 { return date }
        guard n.magnitude <= UInt(tables.workingDays.count) else {
            throw outOfCoverage(n > 0 ? tables.end.adding(days: 1) : tables.start.adding(days: -1))
        }
        // Working days strictly before i: cumWorking[i]; through i: cumWorking[i + 1].
        let k = n > 0 ? Int(tables.cumulativeWorking[i + 1]) + n - 1 : Int(tables.cumulativeWorking[i]) + n
        guard k >= 0, k < tables.workingDays.count else {
            throw outOfCoverage(n > 0 ? tables.end.adding(days: 1) : tables.start.adding(days: -1))
        }
        let result = self.date(at: Int(tables.workingDays[k]))
        if tables.hasRefusedDays { _ = try index(result) }
        return result
    }

    /// Working days in `from...through` (both included); 0 when `through < from`.
    public func workingDays(from: CivilDate, through: CivilDate) throws(SrokError) -> Int {
        if through < from { return 0 }
        let a = try index(from)
        let b = try index(through)
        return Int(tables.cumulativeWorking[b + 1] - tables.cumulativeWorking[a])
    }

    /// Working minutes (40-hour week) in `from...through` (both included).
    public func workingMinutes(from: CivilDate, through: CivilDate) throws(SrokError) -> Int {
        if through < from { return 0 }
        let a = try index(from)
        let b = try index(through)
        return Int(tables.cumulativeMinutes[b + 1] - tables.cumulativeMinutes[a])
    }

    /// Shortened days in `from...through` (both included).
    public func shortenedDays(from: CivilDate, through: CivilDate) throws(SrokError) -> Int {
        if through < from { return 0 }
        let a = try index(from)
        let b = try index(through)
        let working = Int(tables.cumulativeWorking[b + 1] - tables.cumulativeWorking[a])
        let minutes = Int(tables.cumulativeMinutes[b + 1] - tables.cumulativeMinutes[a])
        return (working * 480 - minutes) / 60
    }
}

/// A day's annotation: name, origin and act (only for days that are not plain weekdays/weekends).
struct DayNote: Sendable, Hashable {
    var name: LocalizedText?
    var movedFrom: CivilDate?
    var source: LocalizedText?
    var isProvisional: Bool = false
}

/// The flat tables behind a ``WorkingCalendar``. Immutable after compilation.
@usableFromInline final class CalendarTables: Sendable {
    static let kindMask: UInt8 = 0x0F
    static let shortenedBit: UInt8 = 0x10
    static let workingBit: UInt8 = 0x20
    static let refusedBit: UInt8 = 0x40

    /// Working minutes of a day with these flags (40-hour week): 480, 420 shortened, 0 off.
    @inline(__always) static func minutes(_ f: UInt8) -> Int32 {
        f & workingBit == 0 ? 0 : (f & shortenedBit != 0 ? 420 : 480)
    }

    let id: String
    let title: String
    let dataVersion: String?
    let options: CalendarOptions
    let start: CivilDate
    let end: CivilDate
    let count: Int
    let provisionalFrom: CivilDate?
    /// Per day: kind (low 4 bits) | shortened | working.
    let flags: [UInt8]
    /// Working days strictly before each index (count + 1 entries).
    let cumulativeWorking: [Int32]
    /// Working minutes strictly before each index (count + 1 entries).
    let cumulativeMinutes: [Int32]
    /// Index of each working day, ascending.
    let workingDays: [Int32]
    /// Index of the first working day at or after each index (`count` when none).
    let nextWorking: [Int32]
    /// Index of the last working day at or before each index (-1 when none).
    let previousWorking: [Int32]
    /// Names and sources of notable days.
    let notes: [CivilDate: DayNote]
    /// Years refused under the strict regional option (no act in the data).
    let refusedYears: Set<Int>
    /// Whether any day carries the refused bit.
    let hasRefusedDays: Bool
    /// Years that rest on data (decrees), with their definition.
    let years: [Int: CalendarYear]
    /// Whether a year's shortened days cut the 36/24-hour norms.
    let shorteningCutsReducedWeeks: @Sendable (Int) -> Bool

    init(
        id: String, title: String, dataVersion: String?, options: CalendarOptions, start: CivilDate,
        provisionalFrom: CivilDate?, flags: [UInt8], notes: [CivilDate: DayNote], refusedYears: Set<Int> = [],
        years: [Int: CalendarYear],
        shorteningCutsReducedWeeks: @escaping @Sendable (Int) -> Bool
    ) {
        self.shorteningCutsReducedWeeks = shorteningCutsReducedWeeks
        self.id = id
        self.title = title
        self.dataVersion = dataVersion
        self.options = options
        self.start = start
        self.count = flags.count
        self.end = start.adding(days: flags.count - 1)
        self.provisionalFrom = provisionalFrom
        self.flags = flags
        self.notes = notes
        self.years = years
        self.refusedYears = refusedYears
        self.hasRefusedDays = !refusedYears.isEmpty
        var cw = [Int32](repeating: 0, count: flags.count + 1)
        var cm = [Int32](repeating: 0, count: flags.count + 1)
        var wd: [Int32] = []
        wd.reserveCapacity(flags.count)
        for (i, f) in flags.enumerated() {
            let working = f & Self.workingBit != 0
            cw[i + 1] = cw[i] + (working ? 1 : 0)
            cm[i + 1] = cm[i] + Self.minutes(f)
            if working { wd.append(Int32(i)) }
        }
        var next = [Int32](repeating: Int32(flags.count), count: flags.count)
        var prev = [Int32](repeating: -1, count: flags.count)
        var last: Int32 = -1
        for i in 0..<flags.count {
            if flags[i] & Self.workingBit != 0 { last = Int32(i) }
            prev[i] = last
        }
        var upcoming = Int32(flags.count)
        for i in stride(from: flags.count - 1, through: 0, by: -1) {
            if flags[i] & Self.workingBit != 0 { upcoming = Int32(i) }
            next[i] = upcoming
        }
        cumulativeWorking = cw
        cumulativeMinutes = cm
        workingDays = wd
        nextWorking = next
        previousWorking = prev
    }
}
