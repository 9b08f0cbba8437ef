#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CFileSync
import SrokCore

/// A file written beside its target under a temporary name and renamed over it on `commit()`:
/// a run that dies midway leaves the previous file (or none), never a partial one.
final class AtomicFile: OutputSink {
    /// The path the file is renamed to on ``commit()``.
    let target: String
    /// The path it is written at until then: `.<name>.srok-tmp-<pid>` beside the target.
    let temporary: String
    private var fd: Int32
    private var buffer: [UInt8] = []
    /// Whether `commit()` makes the file durable (fsync of the file and of its folder), with
    /// writeback started as the file grows.
    let durable: Bool
    /// Bytes written to the file so far, and how many of them writeback was started for.
    private var written = 0
    private var writebackStarted = 0

    /// Creates `.<name>.srok-tmp-<pid>` in the target's folder (mode 0644 less the umask).
    init(target: String, durable: Bool = true) throws(SrokError) {
        self.target = target
        self.durable = durable
        let slash = target.lastIndex(of: "/")
        let dir = slash.map { String(target[..<$0]) } ?? "."
        let name = slash.map { String(target[target.index(after: $0)...]) } ?? target
        temporary = (dir.isEmpty ? "" : dir + "/") + "." + name + ".srok-tmp-\(getpid())"
        do { fd = try Syscall.open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode: 0o644) } catch {
            throw .io(path: target, message: "cannot create a temporary file beside it: \(error)")
        }
        buffer.reserveCapacity(1 << 20)
    }

    /// The temporary file.
    var temporaryPath: String? { temporary }

    /// Appends bytes (buffered; large blocks go straight to the file).
    func write(_ bytes: UnsafeBufferPointer<UInt8>) throws(SrokError) {
        if buffer.count + bytes.count > (1 << 20) { try flush() }
        if bytes.count > (1 << 20) { try writeAll(bytes) } else { buffer.append(contentsOf: bytes) }
    }

    /// Writes what is buffered to the file.
    func flush() throws(SrokError) {
        if buffer.isEmpty { return }
        try buffer.withUnsafeBufferPointer { (p) throws(SrokError) in try writeAll(p) }
        buffer.removeAll(keepingCapacity: true)
    }

    private func writeAll(_ p: UnsafeBufferPointer<UInt8>) throws(SrokError) {
        do { try Syscall.writeAll(fd, UnsafeRawBufferPointer(p)) } catch {
            throw .io(path: target, message: "write failed: \(error)")
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
        if durable {
            do { try Syscall.fsync(fd) } catch {
                abandon()
                throw .io(path: target, message: "cannot write the output to disk (fsync): \(error)")
            }
        }
        // Some filesystems (NFS) report a failed write only when the file is closed.
        let closing = fd
        fd = -1
        do { try Syscall.close(closing) } catch {
            Syscall.unlinkIfPresent(temporary)
            throw .io(path: target, message: "cannot finish writing the output (close): \(error)")
        }
        do { try Syscall.rename(temporary, to: target) } catch {
            Syscall.unlinkIfPresent(temporary)
            throw .io(path: target, message: "cannot rename the finished output into place: \(error)")
        }
        // The rename itself is durable once the folder is synced (filesystems that cannot sync a
        // folder say EINVAL or ENOTSUP: nothing more to do there).
        if durable {
            let slash = target.lastIndex(of: "/")
            let dir = slash.map { String(target[..<$0]) } ?? "."
            var failure: SyscallError?
            do {
                let dfd = try Syscall.open(dir.isEmpty ? "/" : dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
                defer { try? Syscall.close(dfd) }
                do { try Syscall.fsync(dfd) } catch where error.code == EINVAL || error.code == ENOTSUP {}
            } catch { failure = error }
            if let failure {
                throw .io(path: target, message: "the output is in place, but its folder could not be synced to disk (\(failure)): a power loss now could undo the rename; rerun, or use --no-fsync to skip syncing")
            }
        }
    }

    /// Removes the temporary file (on failure).
    func abandon() {
        if fd >= 0 { try? Syscall.close(fd); fd = -1 }
        Syscall.unlinkIfPresent(temporary)
    }

    deinit { if fd >= 0 { try? Syscall.close(fd); Syscall.unlinkIfPresent(temporary) } }
}
