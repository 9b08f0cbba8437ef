import Dispatch
import SrokCore
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A ``Deflater`` fed on a thread of its own: the report sheet's XML is written by one thread
/// and deflated by this one at the same time (deflating is about two thirds of the report's
/// work). What the deflater produces goes to `emit`, on this thread, in order.
///
/// Buffers are copied in (at most ``depth`` wait; the feeder then waits too, so memory stays
/// bounded). An error of `emit` (a full disk) is thrown by the next ``feed(_:)`` or by
/// ``finish()``. Without a thread (the system refuses one) it deflates on the caller's thread.
/// The owner ends it with ``finish()`` or ``cancel()`` (the thread holds it until then).
final class DeflateThread: @unchecked Sendable {
    private struct State {
        var queue: [[UInt8]?] = []
        var spare: [[UInt8]] = []
        var failure: SrokError?
        var cancelled = false
    }

    /// The deflater (its CRC and counts are read after ``finish()``).
    let deflater: Deflater
    private let emit: (UnsafeRawBufferPointer) throws(SrokError) -> Void
    private let state = Mutex(State())
    private let items = DispatchSemaphore(value: 0)
    private let space: DispatchSemaphore
    private var thread: pthread_t?

    /// Buffers waiting at most.
    static let depth = 4

    /// Starts the thread.
    init(_ deflater: Deflater, emit: @escaping (UnsafeRawBufferPointer) throws(SrokError) -> Void) {
        self.deflater = deflater
        self.emit = emit
        space = DispatchSemaphore(value: Self.depth)
        thread = WorkerPool.start { [self] in loop() }
    }

    /// Deflates a copy of `bytes` (later, on the thread).
    func feed(_ bytes: UnsafeRawBufferPointer) throws(SrokError) {
        guard thread != nil else { return try deflater.feed(bytes, emit: emit) }
        if let failure = state.withLock({ $0.failure }) { throw failure }
        space.wait()
        var copy = state.withLock { $0.spare.popLast() } ?? []
        copy.removeAll(keepingCapacity: true)
        copy.append(contentsOf: bytes)
        state.withLock { [copy] s in s.queue.append(copy) }
        items.signal()
    }

    /// Waits for what is queued, then ends the stream (on the caller's thread).
    func finish() throws(SrokError) {
        stop(cancel: false)
        if let failure = state.withLock({ $0.failure }) { throw failure }
        try deflater.feed(UnsafeRawBufferPointer(start: nil, count: 0), finish: true, emit: emit)
    }

    /// Stops the thread, dropping what is queued.
    func cancel() { stop(cancel: true) }

    private func stop(cancel: Bool) {
        guard let thread else { return }
        state.withLock { s in
            if cancel { s.cancelled = true }
            s.queue.append(nil)
        }
        items.signal()
        pthread_join(thread, nil)
        self.thread = nil
    }

    private func loop() {
        while true {
            items.wait()
            let (next, skip) = state.withLock { s in (s.queue.removeFirst(), s.cancelled || s.failure != nil) }
            guard let bytes = next else { return }
            space.signal()
            if !skip {
                do throws(SrokError) {
                    try bytes.withRawBytes { (p) throws(SrokError) in try deflater.feed(p, emit: emit) }
                } catch { state.withLock { $0.failure = error } }
            }
            state.withLock { if $0.spare.count < Self.depth + 1 { $0.spare.append(bytes) } }
        }
    }
}
