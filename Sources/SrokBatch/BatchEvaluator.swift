import SrokCore
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The bulk API: evaluates many messages (schedule + status) with shared, cached engines. The CLI's
/// `srok batch` uses it; integrators call it with arrays (``evaluate(_:jobs:)``)
/// or any `AsyncSequence` of messages (``evaluate(_:jobs:chunkSize:)``), no CSV involved. Every rule
/// is the ``MessageResolver``'s. Thread-safe.
///
/// Work is split into chunks that each thread takes in turn; a thread keeps its own engine and
/// term caches (keyed by the bytes of the message's fields) and reuses one history's storage, so a
/// message costs no lock, no string hashing and no allocation beyond its result.
public final class BatchEvaluator: Sendable {
    /// The loaded data.
    public var context: SrokContext { resolver.context }
    /// Defaults and overrides.
    public var defaults: BatchDefaults { resolver.defaults }
    /// The instant every status is evaluated at (the defaults' `asOf`, else the time of creation).
    public let asOf: Instant
    /// The resolver every message goes through.
    public let resolver: MessageResolver
    /// Idle per-thread states, kept warm between calls and chunks.
    private let idle = Mutex<[BulkWorker]>([])

    /// The number of threads the bulk calls use by default: the processors online.
    public static var defaultJobs: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }

    /// Creates an evaluator; statuses are evaluated as of `defaults.asOf`, or now when it is nil.
    public init(context: SrokContext, defaults: BatchDefaults) {
        resolver = MessageResolver(context: context, defaults: defaults)
        asOf = defaults.asOf ?? Instant(secondsSinceEpoch: Int64(time(nil)))
    }

    /// Evaluates one message.
    public func evaluate(_ m: BatchMessage) throws(BatchRowError) -> BatchResult {
        var worker = checkOut()
        defer { checkIn(worker) }
        return try worker.evaluate(m)
    }

    /// Evaluates many messages on `jobs` threads (default: every processor); results in input
    /// order, one per message.
    public func evaluate(_ messages: [BatchMessage], jobs: Int = BatchEvaluator.defaultJobs)
        -> [Result<BatchResult, BatchRowError>]
    {
        let n = messages.count
        guard n > 0 else { return [] }
        return messages.withUnsafeBufferPointer { input in
            [Result<BatchResult, BatchRowError>](unsafeUninitializedCapacity: n) { out, count in
                run(input, into: out.baseAddress!, jobs: jobs)
                count = n
            }
        }
    }

    /// The fewest messages a thread takes at a time: below this, handing out work costs more than
    /// it saves.
    static let minimumChunk = 256

    /// Evaluates `input` into `out` (uninitialised, as long) on up to `jobs` threads, each taking
    /// chunks in turn: about 16 a thread (so that threads finish together, whatever their speed),
    /// from 256 to 4 096 messages each.
    func run(
        _ input: UnsafeBufferPointer<BatchMessage>, into out: UnsafeMutablePointer<Result<BatchResult, BatchRowError>>,
        jobs: Int
    ) {
        let n = input.count
        let threads = max(1, min(jobs, n / Self.minimumChunk))
        if threads == 1 {
            var worker = checkOut()
            worker.evaluate(input, 0..<n, into: out)
            checkIn(worker)
            return
        }
        let chunk = min(4096, max(Self.minimumChunk, n / (threads * 16)))
        let shared = Buffers(input: input, out: out)
        BulkThreads.run(threads) { [self] in
            var worker = checkOut()
            while true {
                let start = shared.next.add(chunk, ordering: .relaxed).oldValue
                guard start < n else { break }
                worker.evaluate(shared.input, start..<min(n, start + chunk), into: shared.out)
            }
            checkIn(worker)
        }
    }

    /// A thread's state: an idle one, or a new one.
    func checkOut() -> BulkWorker {
        idle.withLock { $0.popLast() } ?? BulkWorker(resolver: resolver, asOf: asOf)
    }

    /// Returns a thread's state for the next call (a few are kept).
    func checkIn(_ worker: BulkWorker) {
        idle.withLock { if $0.count < 64 { $0.append(worker) } }
    }
}

/// The input, the output and the next chunk of one bulk call, shared by its threads: each thread
/// reads any message and initialises only the result slots of the chunks it took.
private final class Buffers: @unchecked Sendable {
    let input: UnsafeBufferPointer<BatchMessage>
    let out: UnsafeMutablePointer<Result<BatchResult, BatchRowError>>
    /// The first message of the next chunk to take.
    let next = Atomic<Int>(0)

    init(input: UnsafeBufferPointer<BatchMessage>, out: UnsafeMutablePointer<Result<BatchResult, BatchRowError>>) {
        self.input = input
        self.out = out
    }
}

/// Runs a body on threads of its own, as the CLI's ``WorkerPool`` does, not on Dispatch's pool:
/// whether and when Dispatch lends `concurrentPerform` a thread is its own decision (on this
/// 2-core machine one 1M-message call under it once took 29 s of wall time for 0.9 s of CPU),
/// while a thread started here runs as soon as the scheduler lets it.
enum BulkThreads {
    /// Runs `body` on the calling thread and on `count - 1` new threads, and returns when all
    /// have finished. Where a thread cannot be started, the calling thread's run covers its work.
    static func run(_ count: Int, _ body: @escaping @Sendable () -> Void) {
        var started: [pthread_t] = []
        for _ in 1..<max(1, count) {
            guard let t = WorkerPool.start(body) else { break }
            started.append(t)
        }
        body()
        for t in started { pthread_join(t, nil) }
    }
}
