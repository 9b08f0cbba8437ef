import SrokBatch
import SrokCore
import SrokFiles

#if canImport(Glibc)
    @preconcurrency import Glibc
#elseif canImport(Darwin)
    @preconcurrency import Darwin
#endif

/// The CLI's standard streams. A closed or broken stderr (`2>&-`, `2>&1 | true`) loses the
/// message but never crashes the process (Foundation's `FileHandle.write` traps on it); a failed
/// write of standard output is reported and ends the run with exit 2.
enum StandardStreams {
    /// Writes `text` to standard error, ignoring a closed or broken stream.
    static func error(_ text: String) {
        let bytes = Array(text.utf8)
        bytes.withUnsafeBytes { try? Syscall.writeAll(2, $0) }
    }

    /// Flushes standard output; the system's reason when it fails (a full disk, a closed stream).
    static func flushOutput() -> LocalizedText? {
        if fflush(stdout) != 0 || ferror(stdout) != 0 { return SystemErrorText.text(errno) }
        return nil
    }
}
