import SrokCore

extension BatchEvaluator {
    /// Evaluates the messages of any `AsyncSequence` (a file being read, a database cursor, a
    /// network stream) as they come: results in input order, one per message, computed on up to
    /// `jobs` tasks a chunk of `chunkSize` messages at a time while the caller reads the messages
    /// and the results. By default `jobs` leaves one core to the caller's loop (reading a message
    /// and handing out a result cost about as much as evaluating it), so all cores work. At most
    /// `jobs + 1` chunks are read ahead, so memory stays bounded however long the sequence.
    ///
    /// ```swift
    /// for try await result in evaluator.evaluate(messages) {   // messages: some AsyncSequence<BatchMessage, …>
    ///     switch result {
    ///     case .success(let r): print(r.status.dueDate)
    ///     case .failure(let e): print(e.column, e.reason)
    ///     }
    /// }
    /// ```
    public func evaluate<Messages: AsyncSequence>(
        _ messages: Messages, jobs: Int = max(1, BatchEvaluator.defaultJobs - 1), chunkSize: Int = 4096
    ) -> BatchEvaluations<Messages> where Messages.Element == BatchMessage {
        BatchEvaluations(evaluator: self, messages: messages, jobs: max(1, jobs), chunkSize: max(1, chunkSize))
    }

    /// Evaluates one chunk on the calling thread (a task of ``BatchEvaluations``).
    func evaluateChunk(_ messages: [BatchMessage]) -> ResultBlock {
        let block = ResultBlock(count: messages.count)
        messages.withUnsafeBufferPointer { run($0, into: block.base, jobs: 1) }
        return block
    }
}

/// One chunk's results, handed out by moving each out of its slot (no copy, no reference count
/// changed per result). Owned by one iterator at a time.
final class ResultBlock: @unchecked Sendable {
    let base: UnsafeMutablePointer<Result<BatchResult, BatchRowError>>
    let count: Int
    /// The next result to hand out; those before it have been moved out.
    private var next = 0

    /// Room for `count` results, to be initialised by the evaluation.
    init(count: Int) {
        base = .allocate(capacity: max(1, count))
        self.count = count
    }

    /// The next result, moved out; nil after the last.
    func take() -> Result<BatchResult, BatchRowError>? {
        guard next < count else { return nil }
        defer { next += 1 }
        return (base + next).move()
    }

    deinit {
        (base + next).deinitialize(count: count - next)
        base.deallocate()
    }
}

/// The results of ``BatchEvaluator/evaluate(_:jobs:chunkSize:)``: an `AsyncSequence` of one
/// `Result` per message, in input order. It throws what the messages' sequence throws.
public struct BatchEvaluations<Messages: AsyncSequence>: AsyncSequence where Messages.Element == BatchMessage {
    /// One message's result or the error naming its field.
    public typealias Element = Result<BatchResult, BatchRowError>

    let evaluator: BatchEvaluator
    let messages: Messages
    let jobs: Int
    let chunkSize: Int

    /// An iterator that reads chunks ahead and evaluates them on tasks.
    public func makeAsyncIterator() -> Iterator {
        Iterator(evaluator: evaluator, source: messages.makeAsyncIterator(), jobs: jobs, chunkSize: chunkSize)
    }

    /// Reads up to `jobs + 1` chunks ahead, each evaluated on its own task; hands out the oldest
    /// chunk's results in order.
    public struct Iterator: AsyncIteratorProtocol {
        let evaluator: BatchEvaluator
        var source: Messages.AsyncIterator
        let jobs: Int
        let chunkSize: Int
        /// The chunks being evaluated, oldest first.
        var pending: [Task<ResultBlock, Never>] = []
        /// The oldest finished chunk, being handed out.
        var ready: ResultBlock?
        var sourceDone = false

        init(evaluator: BatchEvaluator, source: Messages.AsyncIterator, jobs: Int, chunkSize: Int) {
            self.evaluator = evaluator
            self.source = source
            self.jobs = jobs
            self.chunkSize = chunkSize
        }

        /// The source's error, thrown once the results read before it are handed out.
        var failure: (any Error)?

        /// The next message's result, nil after the last.
        /// - Throws: what the messages' sequence throws, after the results of the messages read
        ///   before it.
        public mutating func next() async throws -> Element? { try await next(isolation: nil) }

        /// The next message's result, read and handed out on the caller's actor (`for try await`
        /// calls this: no hop off and back on the caller's actor per result); the chunks are
        /// evaluated on tasks of their own.
        /// - Throws: what the messages' sequence throws, after the results of the messages read
        ///   before it.
        public mutating func next(isolation actor: isolated (any Actor)?) async throws -> Element? {
            if let r = ready?.take() { return r }
            ready = nil
            while !sourceDone && pending.count <= jobs {
                var chunk: [BatchMessage] = []
                chunk.reserveCapacity(chunkSize)
                do {
                    while chunk.count < chunkSize, let m = try await source.next(isolation: actor) { chunk.append(m) }
                    if chunk.count < chunkSize { sourceDone = true }
                } catch {
                    sourceDone = true
                    failure = error
                }
                schedule(chunk)
            }
            guard !pending.isEmpty else {
                if let failure {
                    self.failure = nil
                    throw failure
                }
                return nil
            }
            // Chunks are never empty.
            let block = await pending.removeFirst().value
            ready = block
            return block.take()
        }

        private mutating func schedule(_ chunk: [BatchMessage]) {
            guard !chunk.isEmpty else { return }
            let evaluator = self.evaluator
            // Detached: not on the caller's actor, whose executor would run the chunks one by one.
            pending.append(Task.detached { evaluator.evaluateChunk(chunk) })
        }
    }
}

extension BatchEvaluations: Sendable where Messages: Sendable {}
