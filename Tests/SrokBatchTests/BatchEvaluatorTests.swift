import Testing
@testable import SrokBatch
@testable import SrokCore

@Suite("The bulk API")
struct BatchEvaluatorTests {
    @Test func theBulkAPIMatchesTheCLI() throws {
        let context = BatchFixtures.context
        var defaults = BatchDefaults(asOf: BatchFixtures.t("2024-04-20T12:00+03:00"))
        defaults.profile = "brasovsky"
        let evaluator = BatchEvaluator(context: context, defaults: defaults)
        let messages = [
            BatchMessage(id: "1", registeredAt: try Timestamp(parsing: "2024-03-29T10:15+03:00"), category: "Мусор", subcategory: "Уборка мусора во дворах", stage: .execution),
            BatchMessage(id: "2", registeredAt: try Timestamp(parsing: "2024-03-30T10:15+03:00"), termDays: 31),
            BatchMessage(id: "3", registeredAt: try Timestamp(parsing: "2024-03-11 10:00"), region: "RU-TA", termDays: 30),
        ]
        let results = evaluator.evaluate(messages, jobs: 2)
        #expect(results.count == 3)
        guard case .success(let r1) = results[0], case .failure(let e2) = results[1], case .success(let r3) = results[2] else {
            Issue.record("unexpected results \(results)"); return
        }
        #expect(r1.schedule.dueDate == BatchFixtures.d("2024-04-08"))
        #expect(r1.status.state == .overdue)
        #expect(e2.column == "term_days")
        #expect(r3.calendar == "RU-TA")
        #expect(r3.schedule.dueDate == BatchFixtures.d("2024-04-09"))
    }
}
