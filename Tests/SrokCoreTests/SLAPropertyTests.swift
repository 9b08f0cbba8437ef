import PropertyBased
import Testing

@testable import SrokCore

@Suite("SLA invariants")
struct SLAPropertyTests {
    /// Registration instants in 1999-03 … 2027-10 (seconds).
    static let instants = Gen.int(in: 920_000_000...1_822_000_000)
    static let terms = Gen.int(in: 1...30)

    static let engines: [SLAEngine] = [
        Fixtures.engine(),
        Fixtures.engine { $0.roll = .following },
        Fixtures.engine { $0.count = .daysInclusive },
        Fixtures.engine { $0.count = .clock },
        Fixtures.engine { $0.basis = .workday8 },
        Fixtures.engine { $0.rollStageDueTimes = true },
    ]

    @Test func stageDueTimesNeverDecreaseAndBudgetsAddUp() async {
        await propertyCheck(count: 1500, input: Self.instants, Self.terms, Gen.int(in: 0...5)) { seconds, days, which in
            let e = Self.engines[which]
            let reg = Instant(secondsSinceEpoch: Int64(seconds))
            let s = try e.schedule(registered: reg, term: .days(days))
            var previous = reg
            for stage in Stage.allCases {
                #expect(s.stageDue[stage] >= previous)
                #expect(s.stageDue[stage] <= s.due)
                previous = s.stageDue[stage]
            }
            #expect(s.stageDue.finalApproval == s.due)
            #expect(Stage.allCases.reduce(0) { $0 + s.budgetMinutes[$1] } == e.totalBudgetMinutes(.days(days)))
            #expect(s.due > reg)
        }
    }

    @Test func everyRolledDueDateIsAWorkingDay() async {
        await propertyCheck(count: 2000, input: Self.instants, Self.terms, Gen.int(in: 0...3)) { seconds, days, which in
            let e = Self.engines[which]
            let s = try e.schedule(registered: Instant(secondsSinceEpoch: Int64(seconds)), term: .days(days))
            #expect(try e.calendar.isWorkingDay(s.dueDate))
            if let r = s.roll {
                #expect(try !e.calendar.isWorkingDay(r.from))
                #expect(r.to == s.dueDate)
                if e.conventions.roll == .preceding && !r.reversed { #expect(r.to < r.from) }
                if e.conventions.roll == .following || r.reversed { #expect(r.to > r.from) }
            }
        }
    }

    @Test func usedTimeIsMonotoneInAsOf() async {
        await propertyCheck(count: 500, input: Self.instants, Gen.int(in: 0...2_000_000), Gen.int(in: 0...2_000_000)) {
            seconds, a, b in
            let reg = Instant(secondsSinceEpoch: Int64(seconds))
            let h = MessageHistory(
                registered: reg,
                entries: [StageEntry(.coordination, at: reg), StageEntry(.execution, at: reg.adding(seconds: 3600))])
            let e = Self.engines[0]
            let s1 = try e.status(of: h, asOf: reg.adding(seconds: Int64(min(a, b))))
            let s2 = try e.status(of: h, asOf: reg.adding(seconds: Int64(max(a, b))))
            #expect(s1.stages.execution.usedMinutes <= s2.stages.execution.usedMinutes)
            #expect(s1.remainingMinutes >= s2.remainingMinutes)
        }
    }
}
