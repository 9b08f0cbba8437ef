/// How a control point's term is counted: each act's words decide, and a profile names it.
///
/// | count | the act says | the deadline |
/// |---|---|---|
/// | `days` | «в течение N дней со дня X», a period of days with no start instant | the end (24:00 local, the last second before it) of the N-th day after the day of X — ГК РФ ст. 191, 194 |
/// | `days-inclusive` | «в день X», «в тот же день» | the end of day X + N − 1 (the day of X is day 1) |
/// | `clock` | «с момента X», «в течение N часов» | the instant of X + N × 24 h |
/// | `working-days` | «N рабочих дней (с момента X / суммарно)» | N × the working day's minutes of working time from X (09:00–13:00, 14:00–18:00 by default) |
///
/// No control deadline is rolled off a non-working day: no act gives a roll for an intra-stage
/// term (seed 001 п. 10 rolls only «последний день срока рассмотрения»).
public enum ControlCount: String, Sendable, CaseIterable {
    /// The end of the N-th local day after the day of the event (ГК РФ ст. 191).
    case days
    /// The day of the event is day 1: the end of day N counted from it.
    case daysInclusive = "days-inclusive"
    /// N × 24 h from the instant of the event.
    case clock
    /// N × the working day's minutes of working time from the event.
    case workingDays = "working-days"

    /// Parses `days`, `days-inclusive`, `clock`, `working-days` (also with `_`).
    public init(parsing text: String, field: String = "count") throws(SrokError) {
        guard let c = ControlCount(rawValue: TextKey.normalize(text).replacingUnderscores()) else {
            throw .invalidValue(
                field: field, value: text, expected: .oneOf(["days", "days-inclusive", "clock", "working-days"]))
        }
        self = c
    }

    /// How this count reads in the explanation tables.
    public func explanation(_ amount: Int, lang: Language) -> String {
        switch (self, lang) {
        case (.days, .ru): "до конца \(amount)-го дня после дня события (ГК РФ ст. 191, 194), в зоне организации"
        case (.days, .en):
            "to the end of day \(amount) after the day of the event (Civil Code art. 191, 194), in the organisation's zone"
        case (.daysInclusive, .ru):
            amount == 1 ? "до конца дня события" : "до конца \(amount)-го дня, считая день события первым"
        case (.daysInclusive, .en):
            amount == 1
                ? "to the end of the day of the event" : "to the end of day \(amount), the day of the event being day 1"
        case (.clock, .ru): "\(amount) × 24 ч от момента события"
        case (.clock, .en): "\(amount) × 24 h from the instant of the event"
        case (.workingDays, .ru):
            "\(amount) раб. дн. рабочего времени организации (по умолчанию 8 ч в день) от момента события"
        case (.workingDays, .en):
            "\(EnglishPlural.count(amount, "working day")) of the organisation's working time (8 h a day by default) from the event"
        }
    }
}
