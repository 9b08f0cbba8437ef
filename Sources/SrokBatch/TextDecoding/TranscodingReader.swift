import SrokCore
import SrokFiles

/// Reads a text input (a CSV file, standard input) as UTF-8, whatever its encoding, in bounded
/// memory: a chunk at a time through ICU's converters (``TextConverter``), with a character
/// split between chunks carried over. A BOM is never passed on.
///
/// With ``InputEncoding/auto`` the encoding is decided by ``EncodingDetector``: a BOM, else the
/// first non-ASCII bytes (valid UTF-8 → UTF-8, else Windows-1251); ASCII before them passes
/// through unchanged, as it reads the same in all three. UTF-8 is passed through without
/// conversion or validation (as `srok batch` reads it today).
///
/// ``read(into:)`` has `read(2)`'s contract (bytes written, 0 at the end), so the batch's chunk
/// reader can take it in place of the file descriptor:
/// ```swift
/// let text = TranscodingReader(fd: fd, path: path, encoding: .auto)
/// let n = try text.read(into: UnsafeMutableRawBufferPointer(start: p, count: want))
/// ```
package final class TranscodingReader {
    /// The input's name for messages.
    package let path: String
    private let fd: Int32
    /// The encoding asked for.
    package let requested: InputEncoding
    /// The encoding in use: the requested one, or for `auto` the detected one once known (nil before).
    package private(set) var detected: InputEncoding?
    private var converter: TextConverter?
    private let raw: UnsafeMutableBufferPointer<UInt8>
    private var held = 0
    private var pending: [UInt8] = []
    private var pendingStart = 0
    /// Input bytes already converted (for an invalid byte's offset, and progress).
    package private(set) var consumed = 0
    /// Bytes read before the reader was made (the start of the input), handed out before `fd`'s.
    private var prefix: [UInt8]
    private var prefixStart = 0
    private var bomChecked = false
    private var eof = false
    private var done = false

    /// Reads `fd` (not closed here), named `path` in messages, in chunks of `chunk` bytes;
    /// `prefix` holds the input's first bytes when they were already read from `fd` (to detect
    /// the encoding), and is read first. With `fd` -1 the prefix is the whole input.
    package init(
        fd: Int32, path: String, encoding: InputEncoding = .auto, chunk: Int = 64 << 10, prefix: [UInt8] = []
    ) {
        self.fd = fd
        self.prefix = prefix
        self.path = path
        requested = encoding
        detected = encoding == .auto ? nil : encoding
        raw = .allocate(capacity: max(16, chunk))
    }

    deinit { raw.deallocate() }

    /// Copies up to `buffer.count` bytes of UTF-8 into `buffer`: the count, or 0 at the end.
    package func read(into buffer: UnsafeMutableRawBufferPointer) throws(SrokError) -> Int {
        while pendingStart == pending.count && !done { try fill() }
        let n = min(buffer.count, pending.count - pendingStart)
        guard n > 0 else { return 0 }
        pending.withUnsafeBytes { buffer.baseAddress!.copyMemory(from: $0.baseAddress! + pendingStart, byteCount: n) }
        pendingStart += n
        return n
    }

    /// The whole rest of the input as UTF-8 (for small inputs and tests).
    package func readAll() throws(SrokError) -> [UInt8] {
        var out: [UInt8] = []
        let buf = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 << 10, alignment: 1)
        defer { buf.deallocate() }
        while true {
            let n = try read(into: buf)
            if n == 0 { return out }
            out.append(contentsOf: buf[0..<n])
        }
    }

    /// Reads one more chunk and converts what can be converted into `pending`.
    private func fill() throws(SrokError) {
        pending.removeAll(keepingCapacity: true)
        pendingStart = 0
        if !eof {
            let room = UnsafeMutableRawBufferPointer(start: raw.baseAddress! + held, count: raw.count - held)
            let n: Int
            if prefixStart < prefix.count {
                n = min(room.count, prefix.count - prefixStart)
                prefix.withUnsafeBytes {
                    room.baseAddress!.copyMemory(from: $0.baseAddress! + prefixStart, byteCount: n)
                }
                prefixStart += n
                if prefixStart == prefix.count {
                    prefix = []
                    prefixStart = 0
                }
            } else if fd < 0 {
                n = 0  // no file: the prefix was the whole input
            } else {
                do { n = try Syscall.read(fd, into: room) } catch {
                    throw .io(path, ru: "ошибка чтения", en: "read failed", error)
                }
            }
            if n == 0 { eof = true }
            held += n
        }
        var from = 0
        if !bomChecked {
            guard held >= 3 || eof else { return }  // a BOM may still be cut off
            bomChecked = true
            let head = UnsafeBufferPointer(rebasing: raw[0..<held])
            if requested == .auto {
                if case .decided(let e, let bom) = EncodingDetector.decide(head, isStart: true, atEnd: eof), bom > 0 {
                    detected = e
                    from = bom
                }
            } else if head.starts(with: requested.byteOrderMark) {
                from = requested.byteOrderMark.count
            }
            consumed += from
        }
        if detected == nil {
            let rest = UnsafeBufferPointer(rebasing: raw[from..<held])
            let ascii = rest.firstIndex { $0 >= 0x80 } ?? rest.count
            switch EncodingDetector.decide(UnsafeBufferPointer(rebasing: rest[ascii...]), isStart: false, atEnd: eof) {
            case .decided(let e, _) where ascii < rest.count || eof:
                detected = e
            default:
                // ASCII so far: pass it on, keep an undecided tail for the next chunk.
                pending.append(contentsOf: rest[..<ascii])
                keep(from: from + ascii)
                return
            }
        }
        // UTF-16 goes to ICU in whole code units, and never ending on a lead surrogate whose
        // trail may follow; the rest waits for the next chunk. (Split between two calls, an
        // unpaired lead surrogate is reported one byte late: ICU's UTF-16 converter keeps a byte
        // of the unit after it.)
        let end = eof ? held : Self.convertibleEnd(raw, from: from, to: held, detected!)
        let bytes = UnsafeBufferPointer(rebasing: raw[from..<end])
        if detected == .utf8 {
            pending.append(contentsOf: bytes)
        } else {
            if converter == nil { converter = try TextConverter(detected!) }
            let base = consumed
            let name = path
            let encoding = detected!
            try converter!.convert(bytes, flush: eof, into: &pending) { offset, bad in
                let hex = bad.map { "0x" + String($0, radix: 16, uppercase: true) }.joined(separator: " ")
                return .invalidValue(
                    field: "\(name), byte \(base + offset)", value: hex,
                    expected: LocalizedText(
                        ru: "текст в \(encoding.rawValue) (задайте --encoding: \(InputEncoding.accepted.ru))",
                        en: "text in \(encoding.rawValue) (set --encoding: \(InputEncoding.accepted.en))"))
            }
        }
        consumed += bytes.count
        let tail = held - end
        if tail > 0 && end > 0 { raw.baseAddress!.update(from: raw.baseAddress! + end, count: tail) }
        held = tail
        if eof { done = true }
    }

    /// Where `raw[from..<to]` may be cut before the next chunk: for UTF-16, after the last whole
    /// code unit, and before a lead surrogate that ends it (its trail may come next) unless the
    /// unit before it is a lead surrogate too (unpaired, so ICU stops there, within the call).
    private static func convertibleEnd(
        _ raw: UnsafeMutableBufferPointer<UInt8>, from: Int, to: Int, _ encoding: InputEncoding
    ) -> Int {
        guard encoding == .utf16le || encoding == .utf16be else { return to }
        let end = from + (to - from) / 2 * 2
        // The high byte of the unit that ends at `e`; a lead surrogate is D800–DBFF.
        func isLead(endingAt e: Int) -> Bool {
            e - from >= 2 && (encoding == .utf16le ? raw[e - 1] : raw[e - 2]) & 0xFC == 0xD8
        }
        return isLead(endingAt: end) && !isLead(endingAt: end - 2) ? end - 2 : end
    }

    /// Moves `raw[from..<held]` to the front and counts what went before as consumed.
    private func keep(from: Int) {
        let count = held - from
        if count > 0 && from > 0 { (raw.baseAddress!).update(from: raw.baseAddress! + from, count: count) }
        consumed += from
        held = count
        if eof && count == 0 { done = true }
    }
}
