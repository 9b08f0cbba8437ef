import SrokCore

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
    /// Another run is writing output file `path` (it holds its lock): this run waits until that
    /// one ends (``BatchRunOptions/waitForLock``). Called once per file, before the wait.
    func waiting(forLockOn path: String)
    /// The run's files are complete and synced under their temporary names; `replace` renames
    /// them over `targets` (the rejects, the summary, then the output last) and syncs their
    /// folders. Call it and return what it throws. A caller that ends the process on a signal
    /// should hold the signal off while it runs, so that an interruption finds either no file
    /// replaced or all of them (and can say which).
    func replacing(_ targets: [String], _ replace: () throws(SrokError) -> Void) throws(SrokError)
}

extension BatchRunObserver {
    /// Ignores temporary files by default.
    public func created(temporaryFile path: String) {}
    /// Ignores progress by default.
    public func progress(rows: Int, bytes: Int, totalBytes: Int) {}
    /// Ignores waiting by default.
    public func waiting(forLockOn path: String) {}
    /// Replaces the files, nothing more, by default.
    public func replacing(_ targets: [String], _ replace: () throws(SrokError) -> Void) throws(SrokError) {
        try replace()
    }
}
