import Dispatch
import Synchronization

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
        self.block = block; self.index = index; self.group = group
        group.enter()
    }

    /// Runs the task on a worker (on the worker's thread).
    func run(_ worker: inout BatchWorker) {
        result = worker.process(block!.segment(index), into: &output)
        group!.leave()
    }

    /// Drops the block reference once the output is written.
    func finish() { block = nil; group = nil }
}

/// A fixed set of worker threads, each with its own ``BatchWorker`` (warm caches, no sharing),
/// taking segment tasks in submission order.
final class WorkerPool: Sendable {
    private let tasks = Mutex<[SegmentTask?]>([])
    private let available = DispatchSemaphore(value: 0)
    private let stopped = DispatchGroup()
    private let count: Int

    /// Starts `count` workers made by `make` (called on each worker's thread).
    init(count: Int, make: @escaping @Sendable () -> BatchWorker) {
        self.count = count
        for _ in 0..<count {
            stopped.enter()
            DispatchQueue.global(qos: .userInitiated).async { [self] in
                var worker = make()
                while true {
                    available.wait()
                    guard let task = tasks.withLock({ $0.removeFirst() }) else { break }
                    task.run(&worker)
                }
                stopped.leave()
            }
        }
    }

    /// Queues a task.
    func submit(_ task: SegmentTask) {
        tasks.withLock { $0.append(task) }
        available.signal()
    }

    /// Lets the queued tasks finish, then stops every worker and waits for them.
    func shutdown() {
        for _ in 0..<count {
            tasks.withLock { $0.append(nil) }
            available.signal()
        }
        stopped.wait()
    }
}

/// The segment tasks of one block, in order, and the group that says they are all done.
struct BlockJob {
    let block: InputBlock
    let tasks: [SegmentTask]
    let group: DispatchGroup
}
