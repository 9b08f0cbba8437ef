import CFileSync

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The `stat` structure (`lstat(2)`, `stat(2)`, `fstat(2)`).
package typealias FileStatus = stat

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
    package static func open(_ path: String, _ flags: Int32, mode: mode_t = 0) throws(SyscallError) -> Int32 {
        try retryingOnEINTR {
            #if canImport(Glibc)
                Glibc.open(path, flags, mode)
            #else
                Darwin.open(path, flags, mode)
            #endif
        }
    }

    /// `read(2)` into `buffer`: the number of bytes read, 0 at the end of input.
    package static func read(_ fd: Int32, into buffer: UnsafeMutableRawBufferPointer) throws(SyscallError) -> Int {
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
    package static func fsync(_ fd: Int32) throws(SyscallError) {
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
    package static func close(_ fd: Int32) throws(SyscallError) {
        #if canImport(Glibc)
            let result = Glibc.close(fd)
        #else
            let result = Darwin.close(fd)
        #endif
        if result != 0 { throw SyscallError(code: errno) }
    }

    /// `rename(2)`.
    package static func rename(_ from: String, to: String) throws(SyscallError) {
        _ = try retryingOnEINTR {
            #if canImport(Glibc)
                Glibc.rename(from, to)
            #else
                Darwin.rename(from, to)
            #endif
        }
    }

    /// `unlink(2)`, ignoring failure (for removing a temporary file that may be gone).
    package static func unlinkIfPresent(_ path: String) {
        #if canImport(Glibc)
            _ = Glibc.unlink(path)
        #else
            _ = Darwin.unlink(path)
        #endif
    }

    /// `unlink(2)`.
    package static func unlink(_ path: String) throws(SyscallError) {
        #if canImport(Glibc)
            let result = Glibc.unlink(path)
        #else
            let result = Darwin.unlink(path)
        #endif
        if result != 0 { throw SyscallError(code: errno) }
    }

    /// `lstat(2)`: the entry itself (a symbolic link is not followed).
    package static func linkStatus(_ path: String) throws(SyscallError) -> FileStatus {
        var st = FileStatus()
        #if canImport(Glibc)
            let result = Glibc.lstat(path, &st)
        #else
            let result = Darwin.lstat(path, &st)
        #endif
        if result != 0 { throw SyscallError(code: errno) }
        return st
    }

    /// `stat(2)`: the file a path leads to (symbolic links followed).
    package static func fileStatus(_ path: String) throws(SyscallError) -> FileStatus {
        var st = FileStatus()
        // `stat` is also the structure's name: fstatat relative to the working folder is the same call.
        let result = fstatat(AT_FDCWD, path, &st, 0)
        if result != 0 { throw SyscallError(code: errno) }
        return st
    }

    /// `fstat(2)`.
    package static func fileStatus(fd: Int32) throws(SyscallError) -> FileStatus {
        var st = FileStatus()
        #if canImport(Glibc)
            let result = Glibc.fstat(fd, &st)
        #else
            let result = Darwin.fstat(fd, &st)
        #endif
        if result != 0 { throw SyscallError(code: errno) }
        return st
    }

    /// `fchmod(2)`.
    package static func setMode(_ fd: Int32, _ mode: mode_t) throws(SyscallError) {
        _ = try retryingOnEINTR {
            #if canImport(Glibc)
                Glibc.fchmod(fd, mode)
            #else
                Darwin.fchmod(fd, mode)
            #endif
        }
    }

    /// `flock(2)` with `operation` (`LOCK_EX`, `LOCK_EX | LOCK_NB`, …); a blocking request is
    /// retried when a signal interrupts it.
    package static func lock(_ fd: Int32, _ operation: Int32) throws(SyscallError) {
        // `flock` is also a structure's name, which hides the function from Swift: a C shim calls it.
        _ = try retryingOnEINTR { srok_flock(fd, operation) }
    }

    /// `realpath(3)`: the absolute path without symbolic links, `.` or `..`.
    package static func resolvedPath(_ path: String) throws(SyscallError) -> String {
        #if canImport(Glibc)
            let resolved = Glibc.realpath(path, nil)
        #else
            let resolved = Darwin.realpath(path, nil)
        #endif
        guard let resolved else { throw SyscallError(code: errno) }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Whether process `pid` is certainly gone: `kill(pid, 0)` fails with `ESRCH`. A process of
    /// another user (`EPERM`), or any doubt, counts as alive; so do ids that are not one
    /// process's (0 and below name process groups).
    package static func processIsGone(_ pid: Int32) -> Bool {
        guard pid > 0 else { return false }
        return kill(pid, 0) == -1 && errno == ESRCH
    }

    /// The names in folder `path` (without `.` and `..`).
    package static func names(inFolder path: String) throws(SyscallError) -> [String] {
        guard let dir = opendir(path) else { throw SyscallError(code: errno) }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    /// The process's file mode creation mask. Read from `/proc/self/status` where Linux offers
    /// it; elsewhere set and restored with `umask(2)`, which is safe only while no other thread
    /// creates files (a batch reads it before its worker threads start).
    package static func fileCreationMask() -> mode_t {
        if let fd = try? open("/proc/self/status", O_RDONLY | O_CLOEXEC) {
            defer { try? close(fd) }
            var bytes = [UInt8](repeating: 0, count: 4096)
            let count = (try? bytes.withUnsafeMutableBytes { (p) throws(SyscallError) in try read(fd, into: p) }) ?? 0
            for line in bytes[..<count].split(separator: 0x0A) where line.starts(with: Array("Umask:".utf8)) {
                let digits = line.dropFirst(6).filter { $0 >= 0x30 && $0 <= 0x37 }
                if !digits.isEmpty, digits.count <= 6 { return mode_t(digits.reduce(0) { $0 * 8 + Int($1 - 0x30) }) }
            }
        }
        let mask = umask(0o022)
        umask(mask)
        return mask
    }

    /// The size of the regular file open as `fd`; nil for a pipe, a terminal or a device.
    package static func regularFileSize(_ fd: Int32) -> Int? {
        var st = stat()
        guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { return nil }
        return Int(st.st_size)
    }
}
