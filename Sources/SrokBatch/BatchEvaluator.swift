import Dispatch
import SrokCore
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The bulk API: evaluates many messages (schedule + status) with shared, cached engines. The CLI's
/// `srok batch` uses it; integrators call it with arrays (``evaluate(_:jobs:)-([BatchMessage],_)``)
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

    /// Chunks of at most this many messages are handed to a thread at a time: small enough to
    /// balance threads near the end, large enough that taking one costs nothing per message.
    static let chunk = 2048

    /// Evaluates `input` into `out` (uninitialised, as long) on up to `jobs` threads.
    func run(
        _ input: UnsafeBufferPointer<BatchMessage>, into out: UnsafeMutablePointer<Result<BatchResult, BatchRowError>>,
        jobs: Int
    ) {
        let n = input.count
        let threads = max(1, min(jobs, (n + Self.chunk - 1) / Self.chunk))
        if threads == 1 {
            var worker = checkOut()
            worker.evaluate(input, 0..<n, into: out)
            checkIn(worker)
            return
        }
        let next = Atomic<Int>(0)
        let shared = Buffers(input: input, out: out)
        DispatchQueue.concurrentPerform(iterations: threads) { _ in
            var worker = checkOut()
            while true {
                let start = next.add(Self.chunk, ordering: .relaxed).oldValue
                guard start < n else { break }
                worker.evaluate(shared.input, start..<min(n, start + Self.chunk), into: shared.out)
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

/// The input and output of one bulk call, shared by its threads: each thread reads any message
/// and initialises only the result slots of the chunks it took.
private struct Buffers: @unchecked Sendable {
    let input: UnsafeBufferPointer<BatchMessage>
    let out: UnsafeMutablePointer<Result<BatchResult, BatchRowError>>
}
