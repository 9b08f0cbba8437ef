#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A failed system call: its `errno`.
package struct SyscallError: Error, CustomStringConvertible {
    /// The `errno` the call left.
    package let code: Int32
    /// The system's text for the error (`strerror`).
    package var description: String { String(cString: strerror(code)) }
}

/// The system calls the batch makes on files: every one that a signal can interrupt is retried
/// on `EINTR` here, and only here; a failure throws the `errno`, for the caller to say which file
/// and what it was doing.
package enum Syscall {
    /// Calls `call` again while it fails with `EINTR`; its result when non-negative.
    /// - Throws: the `errno` of any other failure.
    @inline(__always) static func retryingOnEINTR<T: BinaryInteger>(_ call: () -> T) throws(SyscallError) -> T {
        while true {
            let result = call()
            if result >= 0 { return result }
            let code = errno
            if code != EINTR { throw SyscallError(code: code) }
        }
    }

    /// `open(2)`; the new descriptor.
    static func open(_ path: String, _ flags: Int32, mode: mode_t = 0) throws(SyscallError) -> Int32 {
        try retryingOnEINTR {
            #if canImport(Glibc)
            Glibc.open(path, flags, mode)
            #else
            Darwin.open(path, flags, mode)
            #endif
        }
    }

    /// `read(2)` into `buffer`: the number of bytes read, 0 at the end of input.
    static func read(_ fd: Int32, into buffer: UnsafeMutableRawBufferPointer) throws(SyscallError) -> Int {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
        return try retryingOnEINTR {
            #if canImport(Glibc)
            Glibc.read(fd, base, buffer.count)
            #else
            Darwin.read(fd, base, buffer.count)
            #endif
        }
    }

    /// `write(2)` until every byte of `bytes` is written.
    package static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) throws(SyscallError) {
        guard let base = bytes.baseAddress else { return }
        var done = 0
        while done < bytes.count {
            let from = done
            let written = try retryingOnEINTR {
                #if canImport(Glibc)
                Glibc.write(fd, base + from, bytes.count - from)
                #else
                Darwin.write(fd, base + from, bytes.count - from)
                #endif
            }
            done += written
        }
    }

    /// `fsync(2)`.
    static func fsync(_ fd: Int32) throws(SyscallError) {
        _ = try retryingOnEINTR {
            #if canImport(Glibc)
            Glibc.fsync(fd)
            #else
            Darwin.fsync(fd)
            #endif
        }
    }

    /// `close(2)`, not retried: the descriptor is released even when the call is interrupted,
    /// and a second close could close a descriptor another thread has just opened.
    static func close(_ fd: Int32) throws(SyscallError) {
        #if canImport(Glibc)
        let result = Glibc.close(fd)
        #else
        let result = Darwin.close(fd)
        #endif
        if result != 0 { throw SyscallError(code: errno) }
    }

    /// `rename(2)`.
    static func rename(_ from: String, to: String) throws(SyscallError) {
        _ = try retryingOnEINTR {
            #if canImport(Glibc)
            Glibc.rename(from, to)
            #else
            Darwin.rename(from, to)
            #endif
        }
    }

    /// `unlink(2)`, ignoring failure (for removing a temporary file that may be gone).
    static func unlinkIfPresent(_ path: String) {
        #if canImport(Glibc)
        _ = Glibc.unlink(path)
        #else
        _ = Darwin.unlink(path)
        #endif
    }

    /// The size of the regular file open as `fd`; nil for a pipe, a terminal or a device.
    static func regularFileSize(_ fd: Int32) -> Int? {
        var st = stat()
        guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { return nil }
        return Int(st.st_size)
    }
}
