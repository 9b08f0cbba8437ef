import Benchmark
import Foundation
import Srok

// Issue 13: the bulk API (`BatchEvaluator.evaluate`) against itself on one and two threads, its
// AsyncSequence variant, and the CLI's pipeline (`BatchRunner`, CSV in, CSV out) on the same
// messages, one thread each. Figures, the command and the machine's load are in
// Benchmarks/bulk/README.md.

/// `n` messages with the mix of Benchmarks/batch/generate.py (fixed seed): registrations
/// 2023-01 … 2026-10 in zones from Kaliningrad to Kamchatka, a third as local times; regions RU,
/// RU-TA, RU-BA, RU-MOW, RU-BRY; profiles federal, brasovsky, bryansk, mamadysh, krasnodar-krai;
/// 30 days, fast-tracks by days or by category; every stage with its entry; a tenth closed.
func bulkMessages(_ n: Int) -> [BatchMessage] {
    var state: UInt64 = 42
    func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
    func pick<T>(_ items: [(T, Double)]) -> T {
        let r = unit()
        var acc = 0.0
        for (v, w) in items {
            acc += w
            if r < acc { return v }
        }
        return items[items.count - 1].0
    }
    let zones: [((String, Int), Double)] = [
        (("Europe/Moscow", 3), 0.55), (("Asia/Yekaterinburg", 5), 0.12), (("Europe/Kaliningrad", 2), 0.05),
        (("Asia/Novosibirsk", 7), 0.1), (("Asia/Vladivostok", 10), 0.1), (("Asia/Kamchatka", 12), 0.03),
        (("Europe/Samara", 4), 0.05),
    ]
    let regions: [(String?, Double)] = [(nil, 0.5), ("RU-TA", 0.15), ("RU-BA", 0.1), ("RU-MOW", 0.15), ("RU-BRY", 0.1)]
    let profiles: [(String, Double)] = [
        ("federal", 0.6), ("brasovsky", 0.1), ("bryansk", 0.1), ("mamadysh", 0.1), ("krasnodar-krai", 0.1),
    ]
    let categories = [("Мусор", "Уборка мусора во дворах"), ("Автомобильные дороги", "Ямы, выбоины"), ("Образование", "Школы")]
    let start: Int64 = 1_672_531_200  // 2023-01-01T00:00Z
    let span: Int64 = 1_793_404_800 - start  // to 2026-10-31
    var out: [BatchMessage] = []
    out.reserveCapacity(n)
    for i in 0..<n {
        let (zone, hours) = pick(zones)
        let ts = start + Int64(unit() * Double(span))
        let registered: Timestamp =
            unit() < 0.33
            ? .local(LocalDateTime(instant: Instant(secondsSinceEpoch: ts / 60 * 60), offsetSeconds: hours * 3600))
            : .instant(Instant(secondsSinceEpoch: ts))
        let profile = pick(profiles)
        var m = BatchMessage(
            id: String(1_000_000 + i), registeredAt: registered, tz: zone,
            region: profile == "federal" ? pick(regions) : nil, profile: profile)
        let r = unit()
        if r < 0.6 {
            m.termDays = 30
        } else if r < 0.8 {
            m.fastTrackDays =
                profile == "federal" || profile == "mamadysh"
                ? [10, 8, 7, 5, 3][Int(next() % 5)] : profile == "krasnodar-krai" ? [8, 10][Int(next() % 2)] : 10
        } else {
            let c = categories[Int(next() % 3)]
            m.category = c.0
            m.subcategory = c.1
        }
        m.stage = Stage(rawValue: Int(next() % 5))
        let entered = ts + Int64(next() % (20 * 24 * 60)) * 60
        m.stageEnteredAt = .instant(Instant(secondsSinceEpoch: entered))
        if unit() < 0.1 {
            m.closedAt = .instant(Instant(secondsSinceEpoch: entered + Int64(60 + next() % (15 * 24 * 60 - 60)) * 60))
        }
        out.append(m)
    }
    return out
}

/// The same messages as a CSV export for `srok batch` (the batch's input column names).
func bulkCSV(_ messages: [BatchMessage]) -> String {
    func text(_ t: Timestamp?) -> String {
        switch t {
        case .instant(let i): i.description
        case .local(let l): l.description
        case nil: ""
        }
    }
    var lines = ["id,registered_at,tz,region,profile,term_days,fast_track_days,category,subcategory,stage,stage_entered_at,closed_at"]
    func quoted(_ s: String?) -> String { s.map { "\"" + $0 + "\"" } ?? "" }
    func number(_ n: Int?) -> String { n.map { String($0) } ?? "" }
    for m in messages {
        var fields: [String] = [m.id, text(m.registeredAt), m.tz ?? "", m.region ?? "", m.profile ?? ""]
        fields += [number(m.termDays), number(m.fastTrackDays), quoted(m.category), quoted(m.subcategory)]
        fields += [m.stage?.code ?? "", text(m.stageEnteredAt), text(m.closedAt)]
        lines.append(fields.joined(separator: ","))
    }
    return lines.joined(separator: "\n") + "\n"
}

/// Messages from an array, one at a time, as an AsyncSequence (a stand-in for a cursor).
struct MessageStream: AsyncSequence, Sendable {
    typealias Element = BatchMessage
    let messages: [BatchMessage]
    struct AsyncIterator: AsyncIteratorProtocol {
        let messages: [BatchMessage]
        var i = 0
        mutating func next() async -> BatchMessage? {
            guard i < messages.count else { return nil }
            defer { i += 1 }
            return messages[i]
        }
    }
    func makeAsyncIterator() -> AsyncIterator { AsyncIterator(messages: messages) }
}

let benchmarks: @Sendable () -> Void = {
    let n = 1_000_000
    let messages = bulkMessages(n)
    let asOf = Instant(secondsSinceEpoch: 1_795_000_000)  // 2026-11-18
    let evaluator = BatchEvaluator(context: try! SrokContext(), defaults: BatchDefaults(asOf: asOf))
    _ = evaluator.evaluate(Array(messages.prefix(20_000)), jobs: 2)  // engines and caches warm

    // Wall and CPU time of one call over all 1 000 000 messages (divide by 10⁶ for a message's):
    // on a shared machine the wall time includes time spent descheduled, the CPU time does not.
    let config = Benchmark.Configuration(
        metrics: [.wallClock, .cpuTotal, .cpuUser, .cpuSystem, .mallocCountTotal],
        timeUnits: .milliseconds, maxDuration: .seconds(20), maxIterations: 10)

    for jobs in [1, 2] {
        Benchmark("bulk evaluate(_:jobs: \(jobs)) × 1M messages", configuration: config) { benchmark in
            for _ in benchmark.scaledIterations { blackHole(evaluator.evaluate(messages, jobs: jobs)) }
        }
    }
    // The caller's loop reads the messages and takes the results on its own core: 1 evaluating
    // task (the default on 2 cores) keeps both cores busy, 2 add a third thread on two cores.
    for jobs in [1, 2] {
        Benchmark("bulk evaluate(AsyncSequence, jobs: \(jobs)) × 1M messages", configuration: config) { benchmark in
            for _ in benchmark.scaledIterations {
                var count = 0
                for try await r in evaluator.evaluate(MessageStream(messages: messages), jobs: jobs) {
                    if case .success = r { count += 1 }
                }
                blackHole(count)
            }
        }
    }

    // The CLI's pipeline on the same messages: CSV parsed, evaluated, CSV written (to /dev/null).
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("srok-bulk-bench-\(getpid())")
    try! FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let input = folder.appendingPathComponent("in.csv").path
    try! bulkCSV(messages).write(toFile: input, atomically: true, encoding: .utf8)
    final class Quiet: BatchRunObserver {}
    for jobs in [1, 2] {
        Benchmark("CLI pipeline (BatchRunner, CSV → CSV) -j \(jobs) × 1M rows", configuration: config) { benchmark in
            var options = BatchRunOptions()
            options.input = input
            options.output = "/dev/null"
            options.rejects = folder.appendingPathComponent("rejects.csv").path
            options.jobs = jobs
            options.durable = false
            for _ in benchmark.scaledIterations {
                blackHole(try BatchRunner.run(options, evaluator: evaluator, observer: Quiet()))
            }
        }
    }
}
