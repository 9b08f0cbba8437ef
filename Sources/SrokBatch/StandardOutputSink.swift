import SrokCore

/// Standard output as a sink (no atomicity: `-o -`). A failed write (a closed pipe, a full
/// disk) ends the run with an error instead of losing rows silently.
final class StandardOutputSink: OutputSink {
    private var buffer: [UInt8] = []

    /// None: standard output is written as it goes.
    var temporaryPath: String? { nil }

    /// Appends bytes (buffered; large blocks go straight out, after what is buffered).
    func write(_ bytes: UnsafeBufferPointer<UInt8>) throws(SrokError) {
        if bytes.count >= (64 << 10) {
            try flush()
            try writeAll(bytes)
            return
        }
        buffer.append(contentsOf: bytes)
        if buffer.count > (1 << 20) { try flush() }
    }

    /// Writes out what is buffered.
    func flush() throws(SrokError) {
        try buffer.withUnsafeBufferPointer { (p) throws(SrokError) in try writeAll(p) }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes out what is buffered (standard output has nothing else to finish).
    func commit() throws(SrokError) { try flush() }

    /// Drops what is buffered (what was written is out already).
    func abandon() { buffer.removeAll() }

    private func writeAll(_ p: UnsafeBufferPointer<UInt8>) throws(SrokError) {
        do { try Syscall.writeAll(1, UnsafeRawBufferPointer(p)) } catch {
            throw .io(path: "standard output", message: "write failed: \(error)")
        }
    }
}
