#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file written beside its target under a temporary name and renamed over it on `commit()`:
/// a run that dies midway leaves the previous file (or none), never a partial one.
final class AtomicFile {
    let target: String
    let temporary: String
    private(set) var fd: Int32
    private var buffer: [UInt8] = []

    /// Creates `.<name>.srok-tmp-<pid>` in the target's folder.
    init(target: String) throws(SrokError) {
        self.target = target
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
            let n = Glibc.write(fd, p.baseAddress! + done, p.count - done)
            if n < 0 {
                if errno == EINTR { continue }
                throw .io(path: target, message: "write failed: \(String(cString: strerror(errno)))")
            }
            done += n
        }
    }

    /// Flushes, syncs and renames over the target.
    func commit() throws(SrokError) {
        try flush()
        fsync(fd)
        close(fd); fd = -1
        guard rename(temporary, target) == 0 else {
            let why = String(cString: strerror(errno))
            unlink(temporary)
            throw .io(path: target, message: "cannot rename the finished output into place: \(why)")
        }
    }

    /// Removes the temporary file (on failure).
    func abandon() {
        if fd >= 0 { close(fd); fd = -1 }
        unlink(temporary)
    }

    deinit { if fd >= 0 { close(fd); unlink(temporary) } }
}

/// Standard output as a sink (no atomicity: `-o -`).
final class StandardOutputSink {
    private var buffer: [UInt8] = []
    func write(_ bytes: [UInt8]) { bytes.withUnsafeBufferPointer { write($0) } }
    func write(_ bytes: UnsafeBufferPointer<UInt8>) {
        buffer.append(contentsOf: bytes)
        if buffer.count > (1 << 20) { flush() }
    }
    func flush() {
        buffer.withUnsafeBytes { p in
            var done = 0
            while done < p.count {
                let n = Glibc.write(1, p.baseAddress! + done, p.count - done)
                if n < 0 { if errno == EINTR { continue }; return }
                done += n
            }
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
