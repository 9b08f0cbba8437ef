import Benchmark
import Srok

/// 10 M pseudo-random dates in 1999-02-01 … 2027-03-31 (fixed seed, reproducible), so that
/// rolls and spans of up to 255 days stay inside the data.
func randomDates(_ count: Int) -> [CivilDate] {
    let start = CivilDate(year: 1999, month: 2, day: 1)!
    let span = UInt64(start.distance(to: CivilDate(year: 2027, month: 3, day: 31)!))
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    var out = [CivilDate]()
    out.reserveCapacity(count)
    for _ in 0..<count {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        out.append(start.adding(days: Int((state >> 33) % span)))
    }
    return out
}

let benchmarks: @Sendable () -> Void = {
    let calendar = try! CalendarCatalog.embedded().federal()
    let n = 10_000_000
    let dates = randomDates(n)
    let config = Benchmark.Configuration(metrics: [.wallClock, .cpuTotal, .mallocCountTotal],
                                         timeUnits: .milliseconds, maxDuration: .seconds(10), maxIterations: 10)

    Benchmark("roll preceding × 10M random dates", configuration: config) { benchmark in
        var acc: Int32 = 0
        for d in dates { acc &+= try calendar.roll(d, .preceding).daysSinceEpoch }
        blackHole(acc)
    }

    Benchmark("roll following × 10M random dates", configuration: config) { benchmark in
        var acc: Int32 = 0
        for d in dates { acc &+= try calendar.roll(d, .following).daysSinceEpoch }
        blackHole(acc)
    }

    Benchmark("add 1…64 working days × 10M random dates", configuration: config) { benchmark in
        var acc: Int32 = 0
        for (i, d) in dates.enumerated() { acc &+= try calendar.adding(workingDays: (i & 63) + 1, to: d).daysSinceEpoch }
        blackHole(acc)
    }

    Benchmark("working days between × 10M random pairs", configuration: config) { benchmark in
        var acc = 0
        for (i, d) in dates.enumerated() { acc &+= try calendar.workingDays(from: d, through: d.adding(days: i & 255)) }
        blackHole(acc)
    }

    Benchmark("compile the federal calendar from the embedded data", configuration: .init(metrics: [.wallClock, .mallocCountTotal], timeUnits: .microseconds)) { benchmark in
        blackHole(try CalendarCatalog.embedded().federal())
    }

    let context = try! SrokContext()
    let tatarstan = context.regions.regions["RU-TA"]!
    let federalDefinition = try! context.calendars.definition("RU")
    Benchmark("compile the Tatarstan calendar (federal + overlay, ICU rules)", configuration: .init(metrics: [.wallClock, .mallocCountTotal], timeUnits: .microseconds)) { benchmark in
        blackHole(try WorkingCalendar.compileRegion(tatarstan, base: federalDefinition))
    }

    let regional = try! context.calendar(region: "RU-TA")
    Benchmark("roll preceding × 10M random dates, Tatarstan calendar", configuration: config) { benchmark in
        var acc: Int32 = 0
        for d in dates { acc &+= try regional.roll(d, .preceding).daysSinceEpoch }
        blackHole(acc)
    }
}
