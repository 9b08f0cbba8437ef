import SrokCore

/// Where a batch's output goes: bytes written in order, then made final by ``prepare()`` and
/// ``publish()`` (or ``commit()``, both), or dropped by ``abandon()`` when the run fails.
/// ``AtomicFile`` (a file renamed into place) and ``StandardOutputSink`` (standard output, a
/// character device or a FIFO, written as it goes) implement it, so the run writes to one sink
/// whatever the output is.
protocol OutputSink: AnyObject {
    /// The file the sink writes before ``publish()`` (which a caller that ends the process early
    /// should remove), or nil.
    var temporaryPath: String? { get }
    /// Appends bytes (valid only during the call).
    func write(_ bytes: UnsafeBufferPointer<UInt8>) throws(SrokError)
    /// Writes out everything buffered and makes it durable, short of making it final: after it
    /// only ``publish()`` remains, which cannot fail for lack of space.
    func prepare() throws(SrokError)
    /// Makes the prepared output final (an atomic file is renamed into place).
    func publish() throws(SrokError)
    /// Prepares and publishes.
    func commit() throws(SrokError)
    /// Drops the output (on failure): no partial file is left.
    func abandon()
}

extension OutputSink {
    /// Appends bytes.
    func write(_ bytes: [UInt8]) throws(SrokError) {
        try bytes.withUnsafeBufferPointer { (p) throws(SrokError) in try write(p) }
    }

    /// Appends a byte buffer's contents.
    func write(_ bytes: borrowing ByteSink) throws(SrokError) {
        try bytes.withUnsafeBytes { (p) throws(SrokError) in try write(p) }
    }
}
