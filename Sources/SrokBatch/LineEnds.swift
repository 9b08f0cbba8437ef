import SrokCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Line ends as the batch reads them, outside quoted fields: LF, CRLF, or a lone CR (classic Mac
/// OS). Mixed line ends are each a line end: `\n\r` is two (an empty line between them). A CRLF
/// is one line end and is never split, so a CR as the last byte of a buffer is undecided until
/// the next byte is known.
enum LineEnds {
    static let lf: UInt8 = 0x0A, cr: UInt8 = 0x0D

    /// The first LF or CR in `base[from..<to]`.
    @inline(__always) static func first(_ base: UnsafePointer<UInt8>, from: Int, to: Int) -> Int? {
        guard from < to else { return nil }
        let lfAt =
            memchr(base + from, Int32(lf), to - from).map { UnsafeRawPointer(base).distance(to: UnsafeRawPointer($0)) }
            ?? to
        // A CR, if any, before that LF (usually a short span: the rest of one line).
        if lfAt > from, let p = memchr(base + from, Int32(cr), lfAt - from) {
            return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(p))
        }
        return lfAt < to ? lfAt : nil
    }

    /// Where the record ends that ends with the line end at `p` (an LF or a CR) in `base[..<count]`:
    /// after the LF, after a CRLF's LF, or after a lone CR; nil for a CR that is the last byte
    /// (it may be the first half of a CRLF).
    @inline(__always) static func end(after p: Int, _ base: UnsafePointer<UInt8>, count: Int) -> Int? {
        if base[p] == lf { return p + 1 }
        if p + 1 >= count { return nil }
        return base[p + 1] == lf ? p + 2 : p + 1
    }

    /// The last record end that a line end in `base[from..<to]` makes (`to` ≤ `count`).
    static func lastEnd(_ base: UnsafePointer<UInt8>, from: Int, to: Int, count: Int) -> Int? {
        var i = to - 1
        while i >= from {
            let c = base[i]
            if c == lf { return i + 1 }
            // A CR that is the buffer's last byte is undecided: look further back.
            if c == cr, let e = end(after: i, base, count: count) { return e }
            i -= 1
        }
        return nil
    }

    /// The position after the first line end at or after `start` in `b[..<end]` (after a CRLF's
    /// LF; a CR that ends the buffer counts as a lone CR), or `end`.
    static func next(_ b: UnsafeBufferPointer<UInt8>, after start: Int, end: Int) -> Int {
        var j = start
        while j < end {
            let c = b[j]
            if c == lf { return j + 1 }
            if c == cr { return j + 1 < end && b[j + 1] == lf ? j + 2 : j + 1 }
            j += 1
        }
        return end
    }

    /// The number of line ends in `b[from..<to]` (a CRLF is one; a CR that ends the range counts).
    static func count(_ b: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int {
        var n = 0
        var i = from
        while i < to {
            let c = b[i]
            if c == lf || (c == cr && (i + 1 >= to || b[i + 1] != lf)) { n += 1 }
            i += 1
        }
        return n
    }
}
