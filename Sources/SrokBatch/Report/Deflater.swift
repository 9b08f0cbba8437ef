internal import CZlib
import SrokCore

/// A raw deflate stream (zlib, no zlib or gzip wrapper: the form a ZIP entry holds) with the
/// CRC-32 and the byte counts a ZIP entry records. Compressed bytes go to `emit` as they come.
///
/// zlib keeps a pointer back to its `z_stream`, so the stream lives in memory of its own that
/// never moves. Not thread-safe: one thread feeds one deflater.
final class Deflater {
    private let stream: UnsafeMutablePointer<z_stream>
    private let out: UnsafeMutableRawBufferPointer
    private var open = true
    /// The CRC-32 of the bytes fed so far.
    private(set) var crc: UInt32 = 0
    /// Bytes fed.
    private(set) var bytesIn: UInt64 = 0
    /// Compressed bytes emitted.
    private(set) var bytesOut: UInt64 = 0

    /// Starts a stream at zlib `level` (1 fastest … 9 smallest).
    init(level: Int32) throws(SrokError) {
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        out = .allocate(byteCount: 1 << 18, alignment: 16)
        let status = deflateInit2_(
            stream, level, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY, zlibVersion(), Int32(MemoryLayout<z_stream>.size))
        guard status == Z_OK else {
            // The memory is freed by deinit, which runs when a class's initialiser throws.
            open = false
            throw .io(
                "zlib", ru: "не удаётся начать сжатие отчёта Excel (deflateInit2: \(status))",
                en: "cannot start compressing the Excel report (deflateInit2: \(status))")
        }
    }

    deinit {
        if open { deflateEnd(stream) }
        stream.deinitialize(count: 1)
        stream.deallocate()
        out.deallocate()
    }

    /// Compresses `bytes`; with `finish` ends the stream (nothing may be fed after).
    func feed(
        _ bytes: UnsafeRawBufferPointer, finish: Bool = false,
        emit: (UnsafeRawBufferPointer) throws(SrokError) -> Void
    ) throws(SrokError) {
        precondition(open, "the deflate stream has ended")
        // zlib counts in 32-bit units: feed at most 1 GiB at a time.
        var rest = bytes
        repeat {
            let piece = UnsafeRawBufferPointer(rebasing: rest.prefix(1 << 30))
            rest = UnsafeRawBufferPointer(rebasing: rest.dropFirst(piece.count))
            if let base = piece.baseAddress, piece.count > 0 {
                crc = UInt32(
                    truncatingIfNeeded: crc32(uLong(crc), base.assumingMemoryBound(to: Bytef.self), uInt(piece.count)))
            }
            bytesIn += UInt64(piece.count)
            try run(piece, finish: finish && rest.isEmpty, emit: emit)
        } while !rest.isEmpty
    }

    private func run(
        _ piece: UnsafeRawBufferPointer, finish: Bool, emit: (UnsafeRawBufferPointer) throws(SrokError) -> Void
    ) throws(SrokError) {
        stream.pointee.next_in = UnsafeMutablePointer(
            mutating: piece.baseAddress?.assumingMemoryBound(to: Bytef.self))
        stream.pointee.avail_in = uInt(piece.count)
        while true {
            stream.pointee.next_out = out.baseAddress!.assumingMemoryBound(to: Bytef.self)
            stream.pointee.avail_out = uInt(out.count)
            let status = deflate(stream, finish ? Z_FINISH : Z_NO_FLUSH)
            guard status == Z_OK || status == Z_STREAM_END || status == Z_BUF_ERROR else {
                throw .io(
                    "zlib", ru: "ошибка сжатия отчёта Excel (deflate: \(status))",
                    en: "compressing the Excel report failed (deflate: \(status))")
            }
            let produced = out.count - Int(stream.pointee.avail_out)
            if produced > 0 {
                bytesOut += UInt64(produced)
                try emit(UnsafeRawBufferPointer(rebasing: out[0..<produced]))
            }
            if finish {
                if status == Z_STREAM_END {
                    deflateEnd(stream)
                    open = false
                    return
                }
            } else if stream.pointee.avail_in == 0 && stream.pointee.avail_out != 0 {
                return
            }
        }
    }
}
