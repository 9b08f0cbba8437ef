import SrokCore
import SrokFiles

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An exclusive lock on one output file for the length of a run, so that two runs writing the
/// same file cannot interleave their files or remove each other's temporary files: `flock(2)` on
/// `.<name>.srok-lock` beside the target.
///
/// The holder removes the lock file when it releases the lock. A run that was waiting on the
/// removed file then holds a lock on a file no longer at that path: it sees so (device and inode
/// differ, or nothing is there) and locks the path anew. A lock file left by a killed run is
/// simply locked and removed by the next. On a filesystem without `flock` the run goes on
/// unlocked.
final class OutputLock {
    /// The lock file.
    let path: String
    private var fd: Int32 = -1

    /// The lock file of `target`: `.<name>.srok-lock` beside it.
    static func path(of target: String) -> String {
        AtomicFile.sibling("." + AtomicFile.split(target).name + ".srok-lock", of: target)
    }

    /// Locks `target`. When another run holds it: with `wait`, calls `waiting` once and blocks
    /// until that run ends; without, throws.
    init(target: String, wait: Bool, waiting: () -> Void) throws(SrokError) {
        path = Self.path(of: target)
        var told = false
        for _ in 0..<64 {
            let fd: Int32
            // O_NONBLOCK: a FIFO planted under the name must not block the open.
            do {
                fd = try Syscall.open(path, O_RDONLY | O_CREAT | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK, mode: 0o644)
            } catch {
                throw .io(
                    target, ru: "не удаётся создать рядом файл блокировки \(path)",
                    en: "cannot create the lock file \(path) beside it", error)
            }
            guard let st = try? Syscall.fileStatus(fd: fd), (st.st_mode & S_IFMT) == S_IFREG, st.st_nlink == 1 else {
                try? Syscall.close(fd)
                throw .io(
                    target,
                    ru:
                        "\(path) — не файл блокировки, созданный srok (не обычный файл или файл с другими ссылками): удалите его и запустите снова",
                    en:
                        "\(path) is not a lock file srok made (not a regular file, or one with other links): remove it and rerun"
                )
            }
            do { try Syscall.lock(fd, LOCK_EX | LOCK_NB) } catch  where error.code == EWOULDBLOCK {
                guard wait else {
                    try? Syscall.close(fd)
                    throw .io(
                        target,
                        ru:
                            "его записывает другой запуск srok (он держит \(path)); запустите снова, когда тот закончит, или без --no-wait, чтобы подождать",
                        en:
                            "another srok run is writing it (it holds \(path)); rerun when that run has finished, or without --no-wait to wait for it"
                    )
                }
                if !told {
                    waiting()
                    told = true
                }
                do { try Syscall.lock(fd, LOCK_EX) } catch {
                    try? Syscall.close(fd)
                    throw .io(target, ru: "не удаётся заблокировать \(path)", en: "cannot lock \(path)", error)
                }
            } catch
                where error.code == ENOLCK || error.code == EOPNOTSUPP || error.code == ENOSYS || error.code == EINVAL
            {
                // No locks on this filesystem: go on without (the file is removed on release).
            } catch {
                try? Syscall.close(fd)
                throw .io(target, ru: "не удаётся заблокировать \(path)", en: "cannot lock \(path)", error)
            }
            // The run that held the lock may have removed the file after this one opened it.
            if let mine = try? Syscall.fileStatus(fd: fd), let there = try? Syscall.linkStatus(path),
                mine.st_dev == there.st_dev, mine.st_ino == there.st_ino
            {
                self.fd = fd
                return
            }
            try? Syscall.close(fd)
        }
        throw .io(
            target, ru: "не удаётся заблокировать \(path): его всё время заменяют",
            en: "cannot lock \(path): it keeps being replaced")
    }

    /// Removes the lock file and releases the lock (once).
    func release() {
        guard fd >= 0 else { return }
        Syscall.unlinkIfPresent(path)
        try? Syscall.close(fd)
        fd = -1
    }

    deinit { release() }
}
