import CFileSync
import SrokCore
import SrokFiles

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A file written beside its target under a temporary name and renamed over it: a run that dies
/// midway leaves the previous file (or none), never a partial one.
///
/// The temporary file, `.<name>.srok-tmp-<pid>-<16 hex digits>`, has a name nobody can predict
/// (64 bits from the system's random generator) and is created with
/// `O_CREAT | O_EXCL | O_NOFOLLOW`: a file or a symbolic link planted under that name makes the
/// creation fail (and another name is drawn) instead of receiving the output. Only its owner can
/// read it (mode 0600) until ``prepare()`` gives it its final mode: the replaced file's permission
/// bits when the target exists (set-id and sticky bits dropped), else `0666` less the umask, as
/// for any new file. The process id in the name lets a later run remove the file if this process
/// is killed before it can (``StaleTemporaryFiles``).
///
/// Writing is split in two steps so that a set of files can be replaced together
/// (``OutputSet``): ``prepare()`` writes everything out, syncs it and closes the file;
/// ``publish()`` renames it over the target. ``commit()`` does both and syncs the folder.
final class AtomicFile: OutputSink {
    /// The path the file is renamed to by ``publish()``.
    let target: String
    /// The folder the target and the temporary file are in (`.` for a bare name).
    let folder: String
    /// The path it is written at until then, beside the target.
    let temporary: String
    /// The permission bits the file gets in ``prepare()``.
    let finalMode: mode_t
    /// Whether ``prepare()`` makes the file durable (fsync), with writeback started as the file
    /// grows, and ``commit()`` syncs the folder after the rename.
    let durable: Bool
    private var fd: Int32
    /// The device and inode of the file created, to check before the rename that its name still
    /// names it (not a file or link put there since).
    private var identity: (device: UInt64, inode: UInt64)?
    private var buffer: [UInt8] = []
    /// Bytes written to the file so far, and how many of them writeback was started for.
    private var written = 0
    private var writebackStarted = 0
    /// Where the file is in its life: written to, prepared (closed, complete), renamed into
    /// place, or removed.
    private enum Stage { case writing, prepared, published, abandoned }
    private var stage = Stage.writing

    /// The marker between the target's name and the process id in a temporary file's name.
    static let marker = ".srok-tmp-"

    /// The temporary name of target `name` for process `pid` with random `token`:
    /// `.<name>.srok-tmp-<pid>-<token as 16 hex digits>`.
    static func temporaryName(for name: String, pid: Int32, token: UInt64) -> String {
        let hex = String(token, radix: 16)
        return "." + name + marker + "\(pid)-" + String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// The folder part and the name part of `path` (`.` for a bare name, `/` for a file in the root).
    static func split(_ path: String) -> (folder: String, name: String) {
        guard let slash = path.lastIndex(of: "/") else { return (".", path) }
        let folder = String(path[..<slash])
        return (folder.isEmpty ? "/" : folder, String(path[path.index(after: slash)...]))
    }

    /// The path of `entry` in `target`'s folder (a bare name when the target is one).
    static func sibling(_ entry: String, of target: String) -> String {
        guard let slash = target.lastIndex(of: "/") else { return entry }
        return String(target[...slash]) + entry
    }

    /// The mode a file replacing `target` gets: the existing regular file's permission bits, or
    /// `0666` less the umask when there is none.
    static func modeForReplacing(_ target: String) -> mode_t {
        if let st = try? Syscall.linkStatus(target), (st.st_mode & S_IFMT) == S_IFREG { return st.st_mode & 0o777 }
        return 0o666 & ~Syscall.fileCreationMask()
    }

    /// Creates the temporary file in the target's folder, mode 0600.
    /// - Parameters:
    ///   - mode: the final mode (default: ``modeForReplacing(_:)``).
    ///   - token: draws the random part of the name (tests pass their own).
    init(
        target: String, durable: Bool = true, mode: mode_t? = nil,
        token: () -> UInt64 = { UInt64.random(in: .min ... .max) }
    ) throws(SrokError) {
        self.target = target
        self.durable = durable
        let (folder, name) = Self.split(target)
        self.folder = folder
        finalMode = mode ?? Self.modeForReplacing(target)
        var attempt = 0
        while true {
            let path = Self.sibling(Self.temporaryName(for: name, pid: getpid(), token: token()), of: target)
            do {
                fd = try Syscall.open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode: 0o600)
                temporary = path
                break
            } catch  where error.code == EEXIST && attempt < 8 {
                attempt += 1  // someone holds that name: draw another
            } catch {
                throw .io(
                    target, ru: "не удаётся создать рядом временный файл",
                    en: "cannot create a temporary file beside it",
                    error)
            }
        }
        buffer.reserveCapacity(1 << 20)
        if let st = try? Syscall.fileStatus(fd: fd) {
            identity = (UInt64(truncatingIfNeeded: st.st_dev), UInt64(truncatingIfNeeded: st.st_ino))
        }
    }

    /// The temporary file (until it is renamed into place).
    var temporaryPath: String? { temporary }

    /// A name that opens this very file through its descriptor (`/proc/self/fd/N`; `/dev/fd/N`
    /// on Darwin) whatever its name in the folder has become, for a library that opens the file
    /// it writes by name (libxlsxwriter). Valid until ``prepare()``.
    var descriptorPath: String {
        #if os(Linux)
            "/proc/self/fd/\(fd)"
        #else
            "/dev/fd/\(fd)"
        #endif
    }

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
            throw .io(target, ru: "ошибка записи", en: "write failed", error)
        }
        written += p.count
        // Start writing every 8 MB to disk now, so the final fsync does not wait for all of it.
        if durable && written - writebackStarted >= 8 << 20 {
            _ = srok_start_writeback(fd, Int64(writebackStarted), Int64(written - writebackStarted))
            writebackStarted = written
        }
    }

    /// Flushes, gives the file its final mode, syncs it (when durable) and closes it: the file
    /// is complete under its temporary name. On failure the temporary file is removed.
    func prepare() throws(SrokError) {
        guard stage == .writing else { return }
        do { try flush() } catch {
            abandon()
            throw error
        }
        do { try Syscall.setMode(fd, finalMode) } catch {
            abandon()
            throw .io(
                target, ru: "не удаётся установить права файла вывода", en: "cannot set the output's mode", error)
        }
        if durable {
            do { try Syscall.fsync(fd) } catch {
                abandon()
                throw .io(
                    target, ru: "не удаётся записать вывод на диск (fsync)",
                    en: "cannot write the output to disk (fsync)", error)
            }
        }
        // Some filesystems (NFS) report a failed write only when the file is closed.
        let closing = fd
        fd = -1
        do { try Syscall.close(closing) } catch {
            abandon()
            throw .io(
                target, ru: "не удаётся завершить запись вывода (close)",
                en: "cannot finish writing the output (close)", error)
        }
        stage = .prepared
    }

    /// Renames the prepared file over the target (preparing it first if needed). The rename is
    /// durable only once the folder is synced (``commit()``, ``OutputSet``).
    func publish() throws(SrokError) {
        try prepare()
        guard stage == .prepared else { return }
        if let identity {
            let now = try? Syscall.linkStatus(temporary)
            guard let now, (now.st_mode & S_IFMT) == S_IFREG, UInt64(truncatingIfNeeded: now.st_dev) == identity.device,
                UInt64(truncatingIfNeeded: now.st_ino) == identity.inode
            else {
                // Whatever is there now is not this run's: it is neither renamed nor removed.
                stage = .abandoned
                throw .io(
                    target,
                    ru:
                        "временный файл \(temporary) заменён или удалён, пока писался вывод; вывод не поставлен на место",
                    en:
                        "the temporary file \(temporary) was replaced or removed while the output was written; the output was not put in place"
                )
            }
        }
        do { try Syscall.rename(temporary, to: target) } catch {
            abandon()
            throw .io(
                target, ru: "не удаётся переименовать готовый файл на место",
                en: "cannot rename the finished file into place", error)
        }
        stage = .published
    }

    /// Prepares, renames over the target and (when durable) syncs the folder.
    func commit() throws(SrokError) {
        try publish()
        if durable { try Self.syncFolder(folder, of: target) }
    }

    /// Makes the renames in `folder` durable: fsync of the folder (filesystems that cannot sync
    /// a folder say EINVAL or ENOTSUP: nothing more to do there).
    static func syncFolder(_ folder: String, of target: String) throws(SrokError) {
        var failure: SyscallError?
        do {
            let dfd = try Syscall.open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            defer { try? Syscall.close(dfd) }
            do { try Syscall.fsync(dfd) } catch  where error.code == EINVAL || error.code == ENOTSUP {}
        } catch { failure = error }
        if let failure {
            let reason = failure.text
            throw .io(
                path: target,
                message: LocalizedText(
                    ru:
                        "вывод на месте, но его каталог не удалось записать на диск (\(reason.ru)): при отключении питания сейчас переименование может пропасть; запустите снова или используйте --no-fsync",
                    en:
                        "the output is in place, but its folder could not be synced to disk (\(reason.en)): a power loss now could undo the rename; rerun, or use --no-fsync to skip syncing"
                )
            )
        }
    }

    /// Removes the temporary file (on failure); a file already renamed into place stays.
    func abandon() {
        if fd >= 0 {
            try? Syscall.close(fd)
            fd = -1
        }
        if stage == .writing || stage == .prepared { Syscall.unlinkIfPresent(temporary) }
        if stage != .published { stage = .abandoned }
    }

    deinit { if stage == .writing || stage == .prepared { abandon() } }
}
