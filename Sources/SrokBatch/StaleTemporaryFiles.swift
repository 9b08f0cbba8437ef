import SrokFiles

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What killed runs left beside an output: ``AtomicFile`` temporary files of one target,
/// `.<name>.srok-tmp-<pid>-<16 hex digits>` (or `.<name>.srok-tmp-<pid>`, as earlier versions
/// named them), whose process is gone. A run removes them for each of its targets once it holds
/// the target's ``OutputLock``; it removes only regular files owned by its own user, and only
/// when `kill(pid, 0)` says no such process exists (a live process, or one of another user, keeps
/// its files).
enum StaleTemporaryFiles {
    /// The process id in `entry` when it is a temporary file name of target `name`; nil otherwise.
    static func ownerPID(of entry: String, name: String) -> Int32? {
        let prefix = "." + name + AtomicFile.marker
        guard entry.utf8.starts(with: prefix.utf8) else { return nil }
        let rest = entry.utf8.dropFirst(prefix.utf8.count)
        let digits = rest.prefix { $0 >= 0x30 && $0 <= 0x39 }
        guard (1...10).contains(digits.count) else { return nil }
        let tail = rest.dropFirst(digits.count)
        if !tail.isEmpty {
            // `-` and 16 lowercase hex digits.
            guard tail.count == 17, tail.first == 0x2D,
                tail.dropFirst().allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x66) })
            else { return nil }
        }
        let pid = digits.reduce(0) { $0 * 10 + Int($1 - 0x30) }
        return pid > 0 && pid <= Int(Int32.max) ? Int32(pid) : nil
    }

    /// Removes the stale temporary files of `target`. Returns the paths removed.
    @discardableResult
    static func remove(besides target: String) -> [String] {
        let (folder, name) = AtomicFile.split(target)
        guard let entries = try? Syscall.names(inFolder: folder) else { return [] }
        let me = geteuid()
        var removed: [String] = []
        for entry in entries {
            guard let pid = ownerPID(of: entry, name: name), Syscall.processIsGone(pid) else { continue }
            let path = AtomicFile.sibling(entry, of: target)
            guard let st = try? Syscall.linkStatus(path), (st.st_mode & S_IFMT) == S_IFREG, st.st_uid == me else {
                continue
            }
            if (try? Syscall.unlink(path)) != nil { removed.append(path) }
        }
        return removed
    }
}
