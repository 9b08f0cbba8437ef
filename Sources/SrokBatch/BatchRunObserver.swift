/// What a batch run reports to its caller while it runs, so that process-level policy (signal
/// handling, a progress line) stays with the caller: the library installs no signal handler and
/// writes nothing to the terminal.
public protocol BatchRunObserver: AnyObject {
    /// A temporary file now exists at `path`. The run renames it into place or removes it before
    /// it returns; a caller that ends the process early (on SIGINT, say) should remove it.
    func created(temporaryFile path: String)
    /// Rows read so far and input bytes consumed, of `totalBytes` (0 when the input's size is
    /// unknown, as for a pipe). Called after each block is written, on the calling thread.
    func progress(rows: Int, bytes: Int, totalBytes: Int)
}

extension BatchRunObserver {
    /// Ignores temporary files by default.
    public func created(temporaryFile path: String) {}
    /// Ignores progress by default.
    public func progress(rows: Int, bytes: Int, totalBytes: Int) {}
}
