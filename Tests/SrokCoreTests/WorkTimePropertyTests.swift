import PropertyBased
import Testing

@testable import SrokCore

/// `WorkTime.adding(minutes:to:)` (the `working-days` controls and the `workday8` basis) against
/// the independent count `workingMinutes(from:to:)`: the result is the earliest minute at which
/// exactly `minutes` working minutes have passed.
@Suite("Working-time arithmetic")
struct WorkTimePropertyTests {
    /// Whole minutes in 1999-03 … 2027-06.
    static let minutes = Gen.int(in: 15_333_000...30_300_000)

    @Test func addingIsTheInverseOfCountingAndTheEarliest() async {
        let w = Fixtures.engine().workTime
        await propertyCheck(count: 1500, input: Self.minutes, Gen.int(in: 0...30 * 480)) { minute, amount in
            let start = Instant(secondsSinceEpoch: Int64(minute) * 60)
            let end = try w.adding(minutes: amount, to: start)
            #expect(try w.workingMinutes(from: start, to: end) == amount)
            if amount > 0 { #expect(try w.workingMinutes(from: start, to: end.adding(seconds: -60)) == amount - 1) }
        }
    }
}
