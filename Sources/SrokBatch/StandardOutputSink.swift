import SrokCore
import SrokFiles

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A stream as a sink, written as it goes (no atomicity): standard output (`-o -`), or a
/// character device or FIFO named as an output (`-o /dev/null`, `--rejects /dev/stderr`, a named
/// pipe), which is written in place, never replaced. A failed write (a closed pipe, a full disk)
/// ends the run with an error instead of losing rows silently.
final class StandardOutputSink: OutputSink {
    private var buffer: [UInt8] = []
    private var fd: Int32
    /// The stream's name in messages (empty for standard output, named in the message itself).
    let name: String
    /// How messages name the stream, before what went wrong.
    private var subject: LocalizedText {
        name.isEmpty ? LocalizedText(ru: "стандартный вывод: ", en: "standard output: ") : LocalizedText(verbatim: "")
    }
    /// Whether the sink opened the descriptor (and closes it in ``publish()`` or ``abandon()``).
    private let owned: Bool

    /// Standard output.
    init() {
        fd = 1
        name = ""
        owned = false
    }

    /// The stream open as `fd` (which the sink closes), named `name` in messages.
    init(fd: Int32, name: String) {
        self.fd = fd
        self.name = name
        owned = true
    }

    /// None: a stream is written as it goes.
    var temporaryPath: String? { nil }

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

    /// Writes out what is buffered.
    func flush() throws(SrokError) {
        try buffer.withUnsafeBufferPointer { (p) throws(SrokError) in try writeAll(p) }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes out what is buffered.
    func prepare() throws(SrokError) { try flush() }

    /// Writes out what is buffered and closes a stream the sink opened (standard output has
    /// nothing else to finish).
    func publish() throws(SrokError) {
        try flush()
        guard owned, fd >= 0 else { return }
        let closing = fd
        fd = -1
        do { try Syscall.close(closing) } catch {
            throw .io(
                path: name,
                message: subject
                    + LocalizedText(
                        ru: "не удаётся завершить запись (close): ", en: "cannot finish writing (close): ") + error.text
            )
        }
    }

    /// Writes out what is buffered and closes a stream the sink opened.
    func commit() throws(SrokError) { try publish() }

    /// Drops what is buffered (what was written is out already).
    func abandon() {
        buffer.removeAll()
        if owned, fd >= 0 {
            try? Syscall.close(fd)
            fd = -1
        }
    }

    deinit { if owned, fd >= 0 { try? Syscall.close(fd) } }

    private func writeAll(_ p: UnsafeBufferPointer<UInt8>) throws(SrokError) {
        do { try Syscall.writeAll(fd, UnsafeRawBufferPointer(p)) } catch {
            throw .io(
                path: name,
                message: subject + LocalizedText(ru: "ошибка записи: ", en: "write failed: ") + error.text)
        }
    }
}
