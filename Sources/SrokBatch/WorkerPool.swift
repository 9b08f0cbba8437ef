import Dispatch
import SrokCore
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One segment of an input block for a worker: its bytes, its output buffer and its result.
/// Reused from block to block so the output buffers stay allocated. Written by one worker
/// thread at a time, read by the writer after the block's group says it is done.
final class SegmentTask: @unchecked Sendable {
    /// The block (kept alive while the task is queued or running).
    private(set) var block: InputBlock?
    /// Which segment of the block.
    private(set) var index = 0
    private var group: DispatchGroup?
    /// The formatted output rows.
    var output = ByteSink(capacity: 1 << 20)
    /// Rejects, counts and line breaks of the segment.
    var result = SegmentResult()

    /// Points the task at segment `index` of `block`; `group` is left when it is done.
    func prepare(_ block: InputBlock, _ index: Int, _ group: DispatchGroup) {
        self.block = block
        self.index = index
        self.group = group
        group.enter()
    }

    /// Runs the task on a worker (on the worker's thread).
    func run(_ worker: inout BatchWorker) {
        result = worker.process(block!.segment(index), skipped: index == 0 ? block!.skipped : nil, into: &output)
        group!.leave()
    }

    /// Drops the block reference once the output is written.
    func finish() {
        block = nil
        group = nil
    }
}

/// A fixed set of worker threads, each with its own ``BatchWorker`` (warm caches, no sharing),
/// taking segment tasks in submission order. Dedicated threads, not Dispatch's pool: their loops
/// block for the whole run, and Dispatch caps its pool (on 2 cores it ran 4 of 8 requested).
final class WorkerPool: Sendable {
    private let tasks = Mutex<[SegmentTask?]>([])
    private let available = DispatchSemaphore(value: 0)
    private let threads: Mutex<[ThreadHandle]>
    /// Workers that had to run on Dispatch's pool instead.
    private let fallback = DispatchGroup()
    private let count: Int

    /// Starts `count` workers made by `make` (called on each worker's thread). Threads inherit
    /// the caller's signal mask (see ``SignalCleanup``).
    init(count: Int, make: @escaping @Sendable () -> BatchWorker) {
        self.count = count
        threads = Mutex([])
        for _ in 0..<count {
            let body: @Sendable () -> Void = { [self] in
                var worker = make()
                while true {
                    available.wait()
                    guard let task = tasks.withLock({ $0.removeFirst() }) else { break }
                    task.run(&worker)
                }
            }
            if let thread = Self.start(body) {
                threads.withLock { $0.append(ThreadHandle(id: thread)) }
            } else {
                // No thread could be made (resource limits): run this worker on Dispatch's pool.
                fallback.enter()
                DispatchQueue.global(qos: .userInitiated).async { [fallback] in
                    body()
                    fallback.leave()
                }
            }
        }
    }

    /// Starts a thread running `body`; nil if the system refuses. (Also the Excel report's writer
    /// thread, ``XLSXReportSink``.)
    static func start(_ body: @escaping @Sendable () -> Void) -> pthread_t? {
        final class Box {
            let body: @Sendable () -> Void
            init(_ b: @escaping @Sendable () -> Void) { body = b }
        }
        let context = Unmanaged.passRetained(Box(body)).toOpaque()
        #if canImport(Glibc)
            var thread = pthread_t()
        #else
            var thread: pthread_t?
        #endif
        let status = pthread_create(
            &thread, nil,
            { context in
                let box = Unmanaged<Box>.fromOpaque(context!).takeRetainedValue()
                box.body()
                return nil
            }, context)
        guard status == 0 else {
            Unmanaged<Box>.fromOpaque(context).release()
            return nil
        }
        #if canImport(Glibc)
            return thread
        #else
            return thread!
        #endif
    }

    /// Queues a task.
    func submit(_ task: SegmentTask) {
        tasks.withLock { $0.append(task) }
        available.signal()
    }

    /// Lets the queued tasks finish, then stops every worker and waits for its thread to end.
    func shutdown() {
        for _ in 0..<count {
            tasks.withLock { $0.append(nil) }
            available.signal()
        }
        for thread in threads.withLock({ $0 }) { pthread_join(thread.id, nil) }
        threads.withLock { $0.removeAll() }
        fallback.wait()
    }
}

/// A thread's handle (a pointer on Darwin): only joined, once, by the pool's owner.
private struct ThreadHandle: @unchecked Sendable {
    let id: pthread_t
}

/// The segment tasks of one block, in order, and the group that says they are all done.
struct BlockJob {
    let block: InputBlock
    let tasks: [SegmentTask]
    let group: DispatchGroup
}
