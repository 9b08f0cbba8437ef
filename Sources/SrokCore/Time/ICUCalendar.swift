import CICUShim

/// An owned ICU calendar handle. Not thread-safe and not `Sendable`: open one where it is used,
/// never on a per-record hot path (opening costs microseconds).
final class ICUCalendar {
    let handle: OpaquePointer

    /// Opens an ICU calendar for `locale` (e.g. `ru_RU@calendar=islamic-umalqura`) in `zone`.
    /// With `julian`, the Gregorian change is moved to the far future (pure Julian calendar).
    init(locale: String, zone: String = "UTC", julian: Bool = false) throws(SrokError) {
        var error: Int32 = 0
        guard let h = srok_calendar_open(locale, zone, julian ? 1 : 0, &error), error <= 0 else {
            throw .icu(operation: "ucal_open(\(locale), \(zone))", code: error)
        }
        handle = h
    }

    deinit { srok_calendar_close(handle) }

    var millis: Double {
        get throws(SrokError) {
            var e: Int32 = 0
            let v = srok_calendar_get_millis(handle, &e)
            guard e <= 0 else { throw .icu(operation: "ucal_getMillis", code: e) }
            return v
        }
    }

    func setMillis(_ m: Double) throws(SrokError) {
        var e: Int32 = 0
        srok_calendar_set_millis(handle, m, &e)
        guard e <= 0 else { throw .icu(operation: "ucal_setMillis", code: e) }
    }

    func get(_ field: srok_field) throws(SrokError) -> Int {
        var e: Int32 = 0
        let v = srok_calendar_get(handle, field, &e)
        guard e <= 0 else { throw .icu(operation: "ucal_get", code: e) }
        return Int(v)
    }

    func clear() { srok_calendar_clear(handle) }
    func set(_ field: srok_field, _ value: Int) { srok_calendar_set(handle, field, Int32(value)) }

    /// The Gregorian civil date of the calendar's current instant, read in UTC.
    func gregorianDate() throws(SrokError) -> CivilDate {
        let ms = try millis
        // ICU answers any field values; a day beyond Int32 would trap in the conversion.
        guard let days = Int32(exactly: (ms / 86_400_000).rounded(.down)) else {
            throw .icu(operation: "ucal_getMillis (\(ms) ms)", code: 0)
        }
        return CivilDate(daysSinceEpoch: days)
    }

    /// The next zone transition after the current instant, in ms, if any.
    func nextTransition() throws(SrokError) -> Double? {
        var e: Int32 = 0
        var out: Double = 0
        let has = srok_calendar_next_transition(handle, &out, &e)
        guard e <= 0 else { throw .icu(operation: "ucal_getTimeZoneTransitionDate", code: e) }
        return has != 0 ? out : nil
    }

    /// The total UTC offset at the current instant, in ms.
    func offsetMillis() throws(SrokError) -> Int {
        var e: Int32 = 0
        let v = srok_calendar_offset_millis(handle, &e)
        guard e <= 0 else { throw .icu(operation: "ucal_get(ZONE_OFFSET)", code: e) }
        return Int(v)
    }
}

/// Facts about the ICU library Srok is linked with.
public enum ICUInfo {
    /// ICU's version, e.g. `72.1`.
    public static var version: String {
        var buf = [CChar](repeating: 0, count: 32)
        srok_icu_version(&buf, 32)
        return String(decoding: buf.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// ICU's time-zone database version, e.g. `2022e`.
    public static var tzdataVersion: String { String(cString: srok_tzdata_version()) }
}
