import Benchmark
import Srok

/// 1 M pseudo-random registration instants in 1999-03 … 2027-10 (fixed seed).
func randomInstants(_ count: Int) -> [Instant] {
    var state: UInt64 = 0x2545_F491_4F6C_DD1D
    var out = [Instant]()
    out.reserveCapacity(count)
    for _ in 0..<count {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        out.append(Instant(secondsSinceEpoch: 920_000_000 + Int64((state >> 33) % 902_000_000)))
    }
    return out
}

let benchmarks: @Sendable () -> Void = {
    let context = try! SrokContext()
    let engine = try! context.engine(profile: context.profile("federal"))
    var w8 = SLAConventions()
    w8.basis = .workday8
    let workday8 = try! context.engine(profile: context.profile("federal"), conventions: w8)
    let n = 1_000_000
    let instants = randomInstants(n)
    let terms = (0..<64).map { Term.days([30, 10, 7, 5, 3, 8, 30, 30][$0 & 7]) }
    let histories: [MessageHistory] = instants.prefix(1 << 16).enumerated().map { i, reg in
        MessageHistory(registered: reg, term: terms[i & 63], entries: [
            StageEntry(.moderation, at: reg),
            StageEntry(.coordination, at: reg.adding(minutes: 90)),
            StageEntry(.execution, at: reg.adding(minutes: 1500)),
            StageEntry(.coordination, at: reg.adding(minutes: 4000)),
            StageEntry(.execution, at: reg.adding(minutes: 4300)),
        ])
    }
    let config = Benchmark.Configuration(metrics: [.wallClock, .mallocCountTotal], timeUnits: .milliseconds,
                                         maxDuration: .seconds(10), maxIterations: 20)

    // CPU time beside wall time: on a shared machine the wall time includes time spent descheduled.
    let controlsConfig = Benchmark.Configuration(metrics: [.wallClock, .cpuTotal, .mallocCountTotal], timeUnits: .milliseconds,
                                                 maxDuration: .seconds(10), maxIterations: 20)

    Benchmark("full schedule (total + 5 stages, clock24) × 1M messages", configuration: config) { _ in
        var acc: Int64 = 0
        for (i, reg) in instants.enumerated() {
            let s = try engine.schedule(registered: reg, term: terms[i & 63])
            acc &+= s.due.secondsSinceEpoch &+ s.stageDue.execution.secondsSinceEpoch
        }
        blackHole(acc)
    }

    Benchmark("full schedule (workday8) × 1M messages", configuration: config) { _ in
        var acc: Int64 = 0
        for (i, reg) in instants.enumerated() {
            acc &+= try workday8.schedule(registered: reg, term: terms[i & 63]).stageDue.approval.secondsSinceEpoch
        }
        blackHole(acc)
    }

    Benchmark("status with a 5-entry history × 1M messages", configuration: controlsConfig) { _ in
        var acc = 0
        for i in 0..<n {
            let h = histories[i & 0xFFFF]
            let st = try engine.status(of: h, asOf: h.registered.adding(minutes: 20_000))
            acc &+= st.remainingMinutes &+ st.stages.execution.usedMinutes
        }
        blackHole(acc)
    }

    // Issue 11: a full status with the profile's rules — controls counted as the acts count
    // them, the coordination stage judged by its act term (krasnodar-krai), «Отложено» (bryansk:
    // unlimited) and the outcome's reason — on histories carrying every fact the controls read.
    let bryansk = try! context.profile("bryansk")
    let bryanskEngine = try! context.engine(profile: bryansk)
    let krasnodar = try! context.profile("krasnodar-krai")
    let krasnodarEngine = try! context.engine(profile: krasnodar)
    let factHistories: [MessageHistory] = instants.prefix(1 << 16).enumerated().map { i, reg in
        MessageHistory(registered: reg, term: terms[i & 63], entries: [
            StageEntry(.moderation, at: reg),
            StageEntry(.coordination, at: reg.adding(minutes: 90)),
            StageEntry(.execution, at: reg.adding(minutes: 1500)),
            StageEntry(.coordination, at: reg.adding(minutes: 4000)),
            StageEntry(.execution, at: reg.adding(minutes: 4300)),
            StageEntry(.approval, at: reg.adding(minutes: 9000), isRedirectApproval: true),
        ], takenIntoWork: reg.adding(minutes: 4400), postponements: i & 3 == 0 ? [] : [CivilDate(daysSinceEpoch: 0)],
           applicantContactedAt: reg.adding(minutes: 4350), outcome: .rejected, rejectionReason: "вне компетенции")
    }.map { h in
        // A postponement 40 days after registration, in the organisation's zone.
        var h = h
        if !h.postponements.isEmpty { h.postponements = [bryanskEngine.zone.localDate(h.registered).adding(days: 40)] }
        return h
    }

    Benchmark("full status with controls (bryansk: 4 controls, postponed, 6-entry history) × 1M messages", configuration: controlsConfig) { _ in
        var acc = 0
        let rules = bryansk.rules
        for i in 0..<n {
            let h = factHistories[i & 0xFFFF]
            let st = try bryanskEngine.status(of: h, asOf: h.registered.adding(minutes: 20_000), rules: rules)
            acc &+= st.remainingMinutes &+ st.controls.overdueCount &+ st.stages.execution.usedMinutes
        }
        blackHole(acc)
    }

    Benchmark("full status with controls (krasnodar-krai: coordinator term judges the stage) × 1M messages", configuration: controlsConfig) { _ in
        var acc = 0
        let rules = krasnodar.rules
        for i in 0..<n {
            let h = histories[i & 0xFFFF]
            let st = try krasnodarEngine.status(of: h, asOf: h.registered.adding(minutes: 20_000), rules: rules)
            acc &+= st.remainingMinutes &+ st.controls.count &+ (st.stages.coordination.lateBy == nil ? 0 : 1)
        }
        blackHole(acc)
    }

    // The shape of a batch row: one current stage with its entry, the facts an export carries
    // (taken into work, «Отложено» for a quarter of the rows), the profile's rules.
    let rowHistories: [MessageHistory] = instants.prefix(1 << 16).enumerated().map { i, reg in
        MessageHistory(registered: reg, term: terms[i & 63], entries: [StageEntry(Stage(rawValue: 1 + i % 4)!, at: reg.adding(minutes: 1500))],
                       takenIntoWork: i & 1 == 0 ? reg.adding(minutes: 1600) : nil,
                       postponements: i & 3 == 0 ? [bryanskEngine.zone.localDate(reg).adding(days: 40)] : [])
    }

    Benchmark("full status with controls (bryansk, a batch row: one stage entry) × 1M messages", configuration: controlsConfig) { _ in
        var acc = 0
        let rules = bryansk.rules
        for i in 0..<n {
            let h = rowHistories[i & 0xFFFF]
            let st = try bryanskEngine.status(of: h, asOf: h.registered.adding(minutes: 20_000), rules: rules)
            acc &+= st.remainingMinutes &+ st.controls.overdueCount &+ (st.controls.next == nil ? 0 : 1)
        }
        blackHole(acc)
    }
}
