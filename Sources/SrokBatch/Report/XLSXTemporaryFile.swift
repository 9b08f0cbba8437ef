import SrokCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The file a report is written to before it is renamed over its target: created in the target's
/// folder (so the rename is atomic) under an unpredictable name (`.<name>.srok-xlsx-<16 hex
/// digits from the system's random source>`) with `O_CREAT | O_EXCL` and mode 0600.
///
/// libxlsxwriter opens the file by its path when the workbook is closed; this object keeps its
/// own descriptor from the creation, and before renaming checks that the path still names that
/// same regular file (device and inode), so a file swapped in meanwhile is never renamed into
/// place. On failure the temporary file is removed.
final class XLSXTemporaryFile {
    /// The report's final path.
    let target: String
    /// The temporary file's path.
    let path: String
    private var fd: Int32
    private var done = false

    /// Creates the temporary file beside `target`.
    init(beside target: String) throws(SrokError) {
        self.target = target
        let slash = target.lastIndex(of: "/")
        let dir = slash.map { String(target[..<$0]) } ?? "."
        let name = slash.map { String(target[target.index(after: $0)...]) } ?? target
        guard !name.isEmpty else {
            throw .io(
                path: target, message: "the report's path names a folder; expected a file name such as report.xlsx")
        }
        let prefix = (dir.isEmpty ? "/" : dir + "/") + "." + name + ".srok-xlsx-"
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<100 {
            let suffix = String(generator.next() as UInt64, radix: 16)
            let candidate = prefix + String(repeating: "0", count: 16 - suffix.utf8.count) + suffix
            let fd = open(candidate, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
            if fd >= 0 {
                self.fd = fd
                path = candidate
                return
            }
            if errno != EEXIST { break }
        }
        throw .io(
            path: target, message: "cannot create a temporary file beside it: \(String(cString: strerror(errno)))")
    }

    /// Whether the path still names the file created (not a file or link put there since).
    private func stillOurs() -> Bool {
        var mine = stat()
        var now = stat()
        guard fstat(fd, &mine) == 0, lstat(path, &now) == 0 else { return false }
        return (now.st_mode & S_IFMT) == S_IFREG && now.st_dev == mine.st_dev && now.st_ino == mine.st_ino
    }

    /// Syncs (when `durable`) and renames the finished file over the target, then syncs the folder.
    func commit(durable: Bool) throws(SrokError) {
        guard stillOurs() else {
            close(fd)
            fd = -1
            done = true
            throw .io(
                path: target,
                message:
                    "the temporary file \(path) was replaced while the report was written; the report was not put in place"
            )
        }
        if durable && fsync(fd) != 0 {
            let why = String(cString: strerror(errno))
            discard()
            throw .io(path: target, message: "cannot write the report to disk (fsync): \(why)")
        }
        close(fd)
        fd = -1
        guard rename(path, target) == 0 else {
            let why = String(cString: strerror(errno))
            discard()
            throw .io(path: target, message: "cannot rename the finished report into place: \(why)")
        }
        done = true
        if durable {
            let slash = target.lastIndex(of: "/")
            let dir = slash.map { String(target[..<$0]) } ?? "."
            let dfd = open(dir.isEmpty ? "/" : dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            let synced = dfd >= 0 && (fsync(dfd) == 0 || errno == EINVAL || errno == ENOTSUP)
            let why = synced ? "" : String(cString: strerror(errno))
            if dfd >= 0 { close(dfd) }
            if !synced {
                throw .io(
                    path: target,
                    message:
                        "the report is in place, but its folder could not be synced to disk (\(why)): a power loss now could undo the rename; rerun, or use --no-fsync to skip syncing"
                )
            }
        }
    }

    /// Removes the temporary file (after a failure); does nothing once committed.
    func discard() {
        guard !done else { return }
        done = true
        if fd >= 0 {
            close(fd)
            fd = -1
        }
        unlink(path)
    }

    deinit { discard() }
}
