import Testing

@testable import SrokBatch
@testable import SrokCore

@Suite("The bulk API")
struct BatchEvaluatorTests {
    /// The bulk API on its own, with values from the regulations (the comparison with `srok batch`
    /// is in SrokCLITests, `BulkAPITests`). Message 1: seed 000, приложение № 2, строка 3 («Мусор /
    /// Уборка мусора во дворах», 10 days): 29.03.2024 + 10 = Monday 08.04, overdue as of 20.04.
    /// Message 2: 31 days is beyond a ПОС message's 1–30. Message 3: 11.03 + 30 = 10.04.2024,
    /// Ураза-байрам in Tatarstan (Указ Раиса РТ), so the preceding working day 09.04.
    @Test func theBulkAPIFollowsTheRegulations() throws {
        let context = BatchFixtures.context
        var defaults = BatchDefaults(asOf: BatchFixtures.t("2024-04-20T12:00+03:00"))
        defaults.profile = "brasovsky"
        let evaluator = BatchEvaluator(context: context, defaults: defaults)
        let messages = [
            BatchMessage(
                id: "1", registeredAt: try Timestamp(parsing: "2024-03-29T10:15+03:00"), category: "Мусор",
                subcategory: "Уборка мусора во дворах", stage: .execution),
            BatchMessage(id: "2", registeredAt: try Timestamp(parsing: "2024-03-30T10:15+03:00"), termDays: 31),
            BatchMessage(
                id: "3", registeredAt: try Timestamp(parsing: "2024-03-11 10:00"), region: "RU-TA", termDays: 30),
        ]
        let results = evaluator.evaluate(messages, jobs: 2)
        #expect(results.count == 3)
        guard case .success(let r1) = results[0], case .failure(let e2) = results[1], case .success(let r3) = results[2]
        else {
            Issue.record("unexpected results \(results)")
            return
        }
        #expect(r1.schedule.dueDate == BatchFixtures.d("2024-04-08"))
        #expect(r1.status.state == .overdue)
        #expect(e2.column == "term_days")
        #expect(r3.calendar == "RU-TA")
        #expect(r3.schedule.dueDate == BatchFixtures.d("2024-04-09"))
        #expect(r1.warnings.isEmpty && r3.warnings.isEmpty)
    }

    /// Marked fast-track: brasovsky's catalogue gives «Мусор / Уборка мусора во дворах» 10 days
    /// (29.03 + 10 = 08.04.2024); «Сантехника» is not in it: the general 30 days (28.04.2024, a
    /// Sunday, rolled back to the worked Saturday 27.04), flagged.
    @Test func aFastTrackMarkWithoutACatalogueEntryIsFlagged() throws {
        var defaults = BatchDefaults(asOf: BatchFixtures.t("2024-04-20T12:00+03:00"))
        defaults.profile = "brasovsky"
        let evaluator = BatchEvaluator(context: BatchFixtures.context, defaults: defaults)
        let registered = try Timestamp(parsing: "2024-03-29T10:15+03:00")
        let listed = try evaluator.evaluate(
            BatchMessage(
                id: "1", registeredAt: registered, category: "Мусор", subcategory: "Уборка мусора во дворах",
                fastTrack: true))
        #expect(listed.schedule.dueDate == BatchFixtures.d("2024-04-08") && listed.warnings.isEmpty)
        let unlisted = try evaluator.evaluate(
            BatchMessage(id: "2", registeredAt: registered, category: "Сантехника", fastTrack: true))
        #expect(unlisted.schedule.dueDate == BatchFixtures.d("2024-04-27"))
        #expect(unlisted.warnings == .categoryNotInProfile)
    }
}
