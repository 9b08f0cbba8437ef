import SrokCore

extension BatchEvaluator {
    /// Evaluates the messages of any `AsyncSequence` (a file being read, a database cursor, a
    /// network stream) as they come: results in input order, one per message, computed on up to
    /// `jobs` threads a chunk of `chunkSize` messages at a time while the caller reads the results
    /// before. At most `jobs + 1` chunks are read ahead, so memory stays bounded however long the
    /// sequence.
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
        _ messages: Messages, jobs: Int = BatchEvaluator.defaultJobs, chunkSize: Int = 4096
    ) -> BatchEvaluations<Messages> where Messages.Element == BatchMessage {
        BatchEvaluations(evaluator: self, messages: messages, jobs: max(1, jobs), chunkSize: max(1, chunkSize))
    }

    /// Evaluates one chunk on the calling thread (a task of ``BatchEvaluations``).
    func evaluateChunk(_ messages: [BatchMessage]) -> [Result<BatchResult, BatchRowError>] {
        let n = messages.count
        guard n > 0 else { return [] }
        return messages.withUnsafeBufferPointer { input in
            [Result<BatchResult, BatchRowError>](unsafeUninitializedCapacity: n) { out, count in
                run(input, into: out.baseAddress!, jobs: 1)
                count = n
            }
        }
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
        var pending: [Task<[Element], Never>] = []
        /// The oldest finished chunk's results, and the next one to hand out.
        var ready: [Element] = []
        var index = 0
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
        public mutating func next() async throws -> Element? {
            if index < ready.count {
                defer { index += 1 }
                return ready[index]
            }
            while !sourceDone && pending.count <= jobs {
                var chunk: [BatchMessage] = []
                chunk.reserveCapacity(chunkSize)
                do {
                    while chunk.count < chunkSize, let m = try await source.next() { chunk.append(m) }
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
            ready = await pending.removeFirst().value
            index = 1
            return ready.first
        }

        private mutating func schedule(_ chunk: [BatchMessage]) {
            guard !chunk.isEmpty else { return }
            let evaluator = self.evaluator
            pending.append(Task { evaluator.evaluateChunk(chunk) })
        }
    }
}

extension BatchEvaluations: Sendable where Messages: Sendable {}
