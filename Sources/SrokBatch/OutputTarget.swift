import SrokCore
import SrokFiles

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One file of a batch's output set as the caller named it, looked at before anything is
/// opened or replaced: what it is (a regular file or none yet, a stream, standard output) and
/// which file it is (``FileIdentity``), so that special files are never replaced and two names
/// of one file are caught.
struct OutputTarget {
    /// How the target is written.
    enum Kind: Equatable {
        /// `-o -`: standard output, written as it goes.
        case standardOutput
        /// A character device (`/dev/null`, a terminal) or a FIFO, possibly through a symbolic
        /// link (`/dev/stdout`): opened and written in place, as it goes, never replaced.
        case stream
        /// A regular file, or nothing yet: written beside it and renamed over it.
        case file
    }

    /// The option that named it, for messages: `-o`, `--rejects`, `--summary-json`.
    let option: String
    /// The path as given.
    let path: String
    /// How it is written.
    let kind: Kind
    /// Which file it is.
    let identity: FileIdentity

    /// What srok writes, for the messages refusing anything else.
    static let accepted = LocalizedText(
        ru:
            "srok пишет обычные файлы (заменяя их атомарно), а также символьные устройства вроде /dev/null и каналы FIFO (на месте)",
        en:
            "srok writes regular files (replaced atomically), and character devices such as /dev/null and FIFOs (written in place)"
    )

    /// A refusal of `path`: what it is, then what srok writes.
    private static func refuse(_ path: String, ru: String, en: String) -> SrokError {
        .io(path: path, message: LocalizedText(ru: ru + "; ", en: en + "; ") + accepted)
    }

    /// Looks at `path` (named by `option`): a folder, a block device, a socket, or a symbolic
    /// link to anything but a character device or a FIFO is refused.
    init(_ path: String, option: String) throws(SrokError) {
        self.option = option
        self.path = path
        if path == "-" && option == "-o" {
            kind = .standardOutput
            identity = FileIdentity(standardStream: 1)
            return
        }
        guard !path.isEmpty else {
            throw .invalidValue(
                field: option, value: path, expected: LocalizedText(ru: "путь к файлу", en: "a file path"))
        }
        guard !path.hasSuffix("/") else {
            throw Self.refuse(
                path, ru: "это имя каталога (\(option) принимает файл)", en: "names a folder (\(option) takes a file)")
        }
        let st: FileStatus
        do { st = try Syscall.linkStatus(path) } catch {
            // Nothing there yet (or a folder that cannot be looked into: creating the file will say why).
            kind = .file
            identity = FileIdentity(path: path)
            return
        }
        switch st.st_mode & S_IFMT {
        case S_IFREG: kind = .file
        case S_IFCHR, S_IFIFO: kind = .stream
        case S_IFLNK:
            // Only a link to a stream is followed (`/dev/stdout`, `/dev/fd/N`): replacing a link
            // would break it, and writing through it would not be atomic.
            let pointee = try? Syscall.fileStatus(path)
            guard let pointee, [S_IFCHR, S_IFIFO].contains(pointee.st_mode & S_IFMT) else {
                let what = pointee == nil ? "a symbolic link to nothing" : "a symbolic link"
                let whatRu = pointee == nil ? "символьная ссылка в никуда" : "символьная ссылка"
                throw Self.refuse(
                    path,
                    ru:
                        "это \(whatRu): srok идёт по ссылке только к символьному устройству или каналу FIFO; укажите сам файл (\(option))",
                    en:
                        "is \(what): srok follows a link only to a character device or a FIFO; name the file itself (\(option))"
                )
            }
            kind = .stream
        case S_IFDIR:
            throw Self.refuse(
                path, ru: "это каталог (\(option) принимает файл)", en: "is a folder (\(option) takes a file)")
        case S_IFBLK:
            throw Self.refuse(
                path, ru: "это блочное устройство, в него srok не пишет",
                en: "is a block device, which srok does not write")
        case S_IFSOCK:
            throw Self.refuse(path, ru: "это сокет, в него srok не пишет", en: "is a socket, which srok does not write")
        default: throw Self.refuse(path, ru: "это не обычный файл", en: "is not a regular file")
        }
        identity = FileIdentity(path: path)
    }

    /// The folder and the name (``kind`` `.file`).
    var parts: (folder: String, name: String) { AtomicFile.split(path) }
}

/// Which file a path names, to tell whether two paths name the same one: the folder's real path
/// (symbolic links, `.` and `..` resolved) with the name, and the device and inode of the file it
/// leads to when it exists (which also catches hard links and links to it).
struct FileIdentity {
    /// The resolved folder and the name; nil for a standard stream.
    var resolvedPath: String?
    /// `st_dev` and `st_ino` of the existing file (symbolic links followed).
    var device: UInt64?
    var inode: UInt64?
    /// Whether it is a character device (`/dev/null`, a terminal): several streams may share one.
    var isCharacterDevice = false

    /// The identity of `path`.
    init(path: String) {
        let (folder, name) = AtomicFile.split(path)
        resolvedPath = ((try? Syscall.resolvedPath(folder)) ?? folder) + "/" + name
        if let st = try? Syscall.fileStatus(path) { set(st) }
    }

    /// The identity of the file open as standard stream `fd` (0 for the input, 1 for `-o -`).
    init(standardStream fd: Int32) {
        if let st = try? Syscall.fileStatus(fd: fd) { set(st) }
    }

    private mutating func set(_ st: FileStatus) {
        device = UInt64(truncatingIfNeeded: st.st_dev)
        inode = UInt64(truncatingIfNeeded: st.st_ino)
        isCharacterDevice = (st.st_mode & S_IFMT) == S_IFCHR
    }

    /// Whether both name one file, other than a character device (writing two streams into
    /// `/dev/null` or one terminal is harmless).
    func isSameFile(as other: FileIdentity) -> Bool {
        if isCharacterDevice && other.isCharacterDevice { return false }
        if let a = resolvedPath, let b = other.resolvedPath, a == b { return true }
        if let d = device, let i = inode, d == other.device, i == other.inode { return true }
        return false
    }
}
