import Testing

@testable import SrokCore

/// Issue 11 item 5: seed 000's own stage table as budgets (`budgets published`), with the reading
/// of «календарный день» in its cells an explicit option (`table-day 24h | 8h`).
@Suite("Published stage budgets (seed 000, Приложение 1)")
struct PublishedBudgetTests {
    let msk = Regulation.msk

    /// The 30-day column of Приложение 1 к Регламенту as the act writes it (stage order).
    static let column30 = [
        "1 календарный день 4 часа", "1 календарный день 4 часа", "19 календарных дней 4 часа",
        "4 календарных дня 4 часа", "4 календарных дня 4 часа",
    ]

    /// A profile with only that column, `budgets published`, and `table-day` as given.
    func profile(tableDay: String?, budgets: String = "published") throws -> RegulationProfile {
        var text = "profile t\n  budgets \(budgets) | c\n"
        if let tableDay { text += "  table-day \(tableDay) | c\n" }
        for (stage, cell) in zip(Stage.allCases, Self.column30) {
            text += "  table 30 \(stage.code) \(cell) | Приложение 1\n"
        }
        return try RegulationProfile.parse(files: [("t.srokprofile", text)])["t"]!
    }

    func schedule(_ p: RegulationProfile, days: Int = 30) throws -> MessageSchedule {
        try SLAEngine(calendar: Fixtures.federal, zone: Fixtures.moscow, conventions: p.conventions)
            .schedule(registered: Regulation.t("2025-03-03T10:00+03:00"), term: .days(days))
    }

    /// Read as written (a day of 24 h): moderation and coordination 1 d 4 h = 28 h each, execution
    /// 19 d 4 h = 460 h, approval 4 d 4 h = 100 h. From Monday 03.03.2025 10:00 the stages are due
    /// 04.03 14:00 (+28 h), 05.03 18:00 (+56 h), 24.03 22:00 (+516 h = 21 d 12 h), 29.03 02:00
    /// (+616 h = 25 d 16 h); final approval with the term, 02.04.2025 23:59:59.
    @Test func theCellsAsWrittenIn24HourDays() throws {
        let s = try schedule(try profile(tableDay: nil))
        #expect(s.budgetSource == .published)
        #expect(s.budgetMinutes.execution == 460 * 60 && s.budgetMinutes.finalApproval == 100 * 60)
        #expect(msk(s.stageDue.moderation) == "2025-03-04T14:00:00+03:00")
        #expect(msk(s.stageDue.coordination) == "2025-03-05T18:00:00+03:00")
        #expect(msk(s.stageDue.execution) == "2025-03-24T22:00:00+03:00")
        #expect(msk(s.stageDue.approval) == "2025-03-29T02:00:00+03:00")
        #expect(msk(s.stageDue.finalApproval) == "2025-04-02T23:59:59+03:00")
    }

    /// Read as the authors computed it (a day of 8 h): 12 h, 12 h, 19 × 8 + 4 = 156 h, 36 h — the
    /// shares of 30 × 8 h. Due 03.03 22:00, 04.03 10:00, 10.03 22:00 (+180 h), 12.03 10:00 (+216 h).
    @Test func theCellsIn8HourDays() throws {
        let s = try schedule(try profile(tableDay: "8h"))
        #expect(s.budgetMinutes.execution == 156 * 60)
        #expect(msk(s.stageDue.moderation) == "2025-03-03T22:00:00+03:00")
        #expect(msk(s.stageDue.coordination) == "2025-03-04T10:00:00+03:00")
        #expect(msk(s.stageDue.execution) == "2025-03-10T22:00:00+03:00")
        #expect(msk(s.stageDue.approval) == "2025-03-12T10:00:00+03:00")
    }

    /// `budgets shares` ignores the table: 5/5/65/15/10 % of 30 × 24 h, execution due after 75 %
    /// (22 d 12 h): 25.03.2025 22:00. A term the table does not publish (20 days) uses the shares
    /// under `budgets published` too: 75 % of 20 days = 15 days, 18.03.2025 10:00.
    @Test func sharesForTheOtherTermsAndUnderBudgetsShares() throws {
        let shares = try schedule(try profile(tableDay: nil, budgets: "shares"))
        #expect(shares.budgetSource == .shares)
        #expect(msk(shares.stageDue.execution) == "2025-03-25T22:00:00+03:00")
        let other = try schedule(try profile(tableDay: nil), days: 20)
        #expect(other.budgetSource == .shares)
        #expect(msk(other.stageDue.execution) == "2025-03-18T10:00:00+03:00")
    }

    /// brasovsky uses the published cells, read as written; a 10-day fast-track from 03.03.2025
    /// 10:00 plans execution to end after 4 h + 4 h + 6 d 4 h = 6 d 12 h: 09.03.2025 22:00.
    @Test func brasovskyUsesItsActsTable() throws {
        let p = try Fixtures.context.profile("brasovsky")
        #expect(p.conventions.budgets == .published && p.tableDay.value == .hours24)
        #expect(p.conventions.publishedBudgets.map(\.days) == [1, 7, 10, 15, 30])
        let m = try MessageResolver(context: Fixtures.context).resolve(
            Regulation.request("brasovsky", "2025-03-03T10:00+03:00") {
                $0.category = "Мусор"
                $0.subcategory = "Уборка мусора во дворах"
            }, now: Regulation.t("2025-03-05T10:00+03:00"))
        let s = try m.schedule()
        #expect(s.budgetSource == .published)
        #expect(msk(s.stageDue.execution) == "2025-03-09T22:00:00+03:00")
        // The odd cell is still reported: 30 d / утверждение matches neither basis.
        #expect(
            p.checkTable().filter { $0.matches.isEmpty }.map { "\($0.cell.days) \($0.cell.stage.code)" } == [
                "30 final-approval"
            ])
    }
}
