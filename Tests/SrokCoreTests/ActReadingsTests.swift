import Testing

@testable import SrokCore

/// The acts' ambiguous counts of the total term, each an explicit option (`count`) with the
/// profile's documented choice: both readings are worked out from the text.
@Suite("Ambiguous readings of the acts: both sides")
struct ActReadingsTests {
    func due(_ profile: String, _ registered: String, count: CountConvention?, days: Int = 30) throws -> (
        date: CivilDate, time: String?
    ) {
        let r = Regulation.request(profile, registered) {
            $0.termDays = days
            $0.conventions.count = count
        }
        let s = try MessageResolver(context: Fixtures.context).resolve(r, now: Regulation.t(registered)).schedule()
        return (s.dueDate, Regulation.msk(s.due))
    }

    /// Seed 002 п. 8: «не более 30 календарных дней с момента регистрации (поступления)». Registered
    /// Friday 28.03.2025 10:00. As a period of days (ГК РФ ст. 191, the profile's `count days`): day
    /// 30 is Sunday 27.04.2025, rolled to the preceding working day, Friday 25.04, due at its end.
    /// Read «с момента» by the clock (`count clock`): 27.04 10:00, rolled to 25.04 10:00 — the
    /// same date, another hour.
    @Test func seed002FromTheMomentOfRegistration() throws {
        let byDays = try due("krasnodar-krai", "2025-03-28T10:00+03:00", count: nil)
        #expect(byDays.date == Fixtures.d("2025-04-25") && byDays.time == "2025-04-25T23:59:59+03:00")
        let byClock = try due("krasnodar-krai", "2025-03-28T10:00+03:00", count: .clock)
        #expect(byClock.date == Fixtures.d("2025-04-25") && byClock.time == "2025-04-25T10:00:00+03:00")
    }

    /// Seed 001 п. 10 абз. 1: «рассматриваются в течение 30 дней. Указанный срок исчисляется со дня
    /// поступления сообщения на этап модерации». Arrived Sunday 12.01.2025: by ГК РФ ст. 191 (the
    /// profile's `count days`) day 30 is Tuesday 11.02.2025; with the day of arrival as day 1
    /// (`count days-inclusive`) it is Monday 10.02.2025. Both are working days in Тверская область.
    @Test func seed001FromTheDayOfArrival() throws {
        #expect(try due("staritsa", "2025-01-12T10:00+03:00", count: nil).date == Fixtures.d("2025-02-11"))
        #expect(try due("staritsa", "2025-01-12T10:00+03:00", count: .daysInclusive).date == Fixtures.d("2025-02-10"))
    }
}
