import SrokCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reading users' files (data files: calendars, regions, profiles; history and request files)
/// from disk, with the system's reason when that fails.
package enum DataFiles {
    /// The UTF-8 texts of `paths`, named by their paths, for the catalogs' `files:` parameters.
    /// - Throws: ``SrokError/io(path:message:)`` naming the file, what kind of file it should be,
    ///   and the system's reason (no such file, permission denied, a directory …).
    package static func read(_ paths: [String], kind: String) throws(SrokError) -> [(name: String, text: String)] {
        var out: [(name: String, text: String)] = []
        for path in paths {
            let bytes = try bytes(of: path, kind: kind)
            guard let text = String(validating: bytes, as: UTF8.self) else {
                throw .io(
                    path,
                    ru:
                        "файл (\(kindName(kind, .ru))) не в кодировке UTF-8; файлы данных — текст UTF-8 (Data/FORMAT.md)",
                    en: "the \(kind) file is not valid UTF-8; data files are UTF-8 text (Data/FORMAT.md)")
            }
            out.append((path, text))
        }
        return out
    }

    /// The bytes of the file at `path`.
    /// - Throws: ``SrokError/io(path:message:)``: "cannot read the `kind` file: " and the system's reason.
    package static func bytes(of path: String, kind: String) throws(SrokError) -> [UInt8] {
        do throws(SyscallError) {
            let fd = try Syscall.open(path, O_RDONLY | O_CLOEXEC)
            defer { close(fd) }
            var out: [UInt8] = []
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            while true {
                let n = chunk.withUnsafeMutableBytes { b in
                    Result { () throws(SyscallError) in try Syscall.read(fd, into: b) }
                }
                let count = try n.get()
                if count == 0 { return out }
                out.append(contentsOf: chunk[0..<count])
            }
        } catch {
            throw .io(
                path, ru: "не удаётся прочитать файл (\(kindName(kind, .ru)))", en: "cannot read the \(kind) file",
                error)
        }
    }

    /// The kind of a data file in words: `calendar`, `profile`, `region`, `history`.
    private static func kindName(_ kind: String, _ lang: Language) -> String {
        guard lang == .ru else { return kind }
        switch kind {
        case "calendar": return "календарь"
        case "profile": return "профиль"
        case "region": return "регион"
        case "history": return "история сообщения"
        default: return kind
        }
    }
}
