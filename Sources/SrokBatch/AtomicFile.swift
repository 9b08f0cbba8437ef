#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CFileSync
import SrokCore

/// A file written beside its target under a temporary name and renamed over it on `commit()`:
/// a run that dies midway leaves the previous file (or none), never a partial one.
final class AtomicFile {
    let target: String
    let temporary: String
    private(set) var fd: Int32
    private var buffer: [UInt8] = []
    /// Whether `commit()` makes the file durable (fsync of the file and of its folder), with
    /// writeback started as the file grows.
    let durable: Bool
    /// Bytes written to the file so far, and how many of them writeback was started for.
    private var written = 0
    private var writebackStarted = 0

    /// Creates `.<name>.srok-tmp-<pid>` in the target's folder.
    init(target: String, durable: Bool = true) throws(SrokError) {
        self.target = target
        self.durable = durable
        let slash = target.lastIndex(of: "/")
        let dir = slash.map { String(target[..<$0]) } ?? "."
        let name = slash.map { String(target[target.index(after: $0)...]) } ?? target
        temporary = (dir.isEmpty ? "" : dir + "/") + "." + name + ".srok-tmp-\(getpid())"
        fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .io(path: target, message: "cannot create a temporary file beside it: \(String(cString: strerror(errno)))") }
        buffer.reserveCapacity(1 << 20)
    }

    /// Appends bytes (buffered).
    func write(_ bytes: [UInt8]) throws(SrokError) {
        try bytes.withUnsafeBufferPointer { (p) throws(SrokError) in try write(p) }
    }

    /// Appends bytes (buffered; large blocks go straight to the file).
    func write(_ bytes: UnsafeBufferPointer<UInt8>) throws(SrokError) {
        if buffer.count + bytes.count > (1 << 20) { try flush() }
        if bytes.count > (1 << 20) { try writeAll(bytes) } else { buffer.append(contentsOf: bytes) }
    }

    func flush() throws(SrokError) {
        if buffer.isEmpty { return }
        try buffer.withUnsafeBufferPointer { (p) throws(SrokError) in try writeAll(p) }
        buffer.removeAll(keepingCapacity: true)
    }

    private func writeAll(_ p: UnsafeBufferPointer<UInt8>) throws(SrokError) {
        var done = 0
        while done < p.count {
            let n = systemWrite(fd, p.baseAddress! + done, p.count - done)
            if n < 0 {
                if errno == EINTR { continue }
                throw .io(path: target, message: "write failed: \(String(cString: strerror(errno)))")
            }
            done += n
        }
        written += p.count
        // Start writing every 8 MB to disk now, so the final fsync does not wait for all of it.
        if durable && written - writebackStarted >= 8 << 20 {
            _ = srok_start_writeback(fd, Int64(writebackStarted), Int64(written - writebackStarted))
            writebackStarted = written
        }
    }

    /// Flushes, syncs (when durable) and renames over the target.
    func commit() throws(SrokError) {
        try flush()
        if durable && fsync(fd) != 0 {
            let why = String(cString: strerror(errno))
            abandon()
            throw .io(path: target, message: "cannot write the output to disk (fsync): \(why)")
        }
        // Some filesystems (NFS) report a failed write only when the file is closed.
        let closed = close(fd)
        fd = -1
        if closed != 0 {
            let why = String(cString: strerror(errno))
            unlink(temporary)
            throw .io(path: target, message: "cannot finish writing the output (close): \(why)")
        }
        guard rename(temporary, target) == 0 else {
            let why = String(cString: strerror(errno))
            unlink(temporary)
            throw .io(path: target, message: "cannot rename the finished output into place: \(why)")
        }
        // The rename itself is durable once the folder is synced (filesystems that cannot sync a
        // folder say EINVAL or ENOTSUP: nothing more to do there).
        if durable {
            let slash = target.lastIndex(of: "/")
            let dir = slash.map { String(target[..<$0]) } ?? "."
            let dfd = open(dir.isEmpty ? "/" : dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            let synced = dfd >= 0 && (fsync(dfd) == 0 || errno == EINVAL || errno == ENOTSUP)
            let why = synced ? "" : String(cString: strerror(errno))
            if dfd >= 0 { close(dfd) }
            if !synced {
                throw .io(path: target, message: "the output is in place, but its folder could not be synced to disk (\(why)): a power loss now could undo the rename; rerun, or use --no-fsync to skip syncing")
            }
        }
    }

    /// Removes the temporary file (on failure).
    func abandon() {
        if fd >= 0 { close(fd); fd = -1 }
        unlink(temporary)
    }

    deinit { if fd >= 0 { close(fd); unlink(temporary) } }
}

/// Standard output as a sink (no atomicity: `-o -`). A failed write (a closed pipe, a full
/// disk) ends the run with an error instead of losing rows silently.
final class StandardOutputSink {
    private var buffer: [UInt8] = []
    func write(_ bytes: [UInt8]) throws(SrokError) { try bytes.withUnsafeBufferPointer { (p) throws(SrokError) in try write(p) } }
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
    func flush() throws(SrokError) {
        try buffer.withUnsafeBufferPointer { (p) throws(SrokError) in try writeAll(p) }
        buffer.removeAll(keepingCapacity: true)
    }
    private func writeAll(_ p: UnsafeBufferPointer<UInt8>) throws(SrokError) {
        var done = 0
        while done < p.count {
            let n = systemWrite(1, p.baseAddress! + done, p.count - done)
            if n < 0 {
                if errno == EINTR { continue }
                throw .io(path: "standard output", message: "write failed: \(String(cString: strerror(errno)))")
            }
            done += n
        }
    }
}

/// `write(2)` (named so that the sinks' own `write` methods do not hide it).
@inline(__always) private func systemWrite(_ fd: Int32, _ p: UnsafeRawPointer, _ n: Int) -> Int {
#if canImport(Glibc)
    Glibc.write(fd, p, n)
#else
    Darwin.write(fd, p, n)
#endif
}
