import SrokCore

/// A ZIP archive (PKWARE APPNOTE 6.3.x) written front to back, never seeking back, so it can go
/// to any ``OutputSink``: the container of an .xlsx workbook.
///
/// Entries are deflated (method 8). An entry whose bytes are all known when it is added is
/// written with its CRC-32 and sizes in the local header; the one entry streamed while it is
/// produced (``beginStreamed(_:)`` … ``endStreamed(_:)``) has general purpose bit 3 set and its
/// CRC and sizes in a data descriptor after the data, as Java's `ZipOutputStream` writes them
/// (Excel, LibreOffice, openpyxl and Python's `zipfile` read them from the central directory).
/// ZIP64 records are added only where a size, an offset or the number of entries needs them
/// (APPNOTE 4.3.9, 4.4.3.2; a data descriptor then holds 8-byte sizes, 4.3.9.2). Names are
/// ASCII; times are 1980-01-01 00:00 (the earliest DOS time), so the same report is the same
/// bytes.
final class ZIPStreamWriter {
    /// One central directory record to write at the end.
    private struct Entry {
        var name: [UInt8]
        var flags: UInt16
        var crc: UInt32
        var compressed: UInt64
        var uncompressed: UInt64
        var offset: UInt64
    }

    private let write: (UnsafeRawBufferPointer) throws(SrokError) -> Void
    private var entries: [Entry] = []
    /// Bytes written so far: the offset of what comes next.
    private(set) var offset: UInt64 = 0
    private var streaming: (name: [UInt8], offset: UInt64)?

    private static let max32 = UInt64(UInt32.max)
    /// DOS date of 1980-01-01: (year − 1980) << 9 | month << 5 | day.
    private static let dosDate: UInt16 = 1 << 5 | 1

    /// Writes the archive through `write` (its bytes in order, once each).
    init(write: @escaping (UnsafeRawBufferPointer) throws(SrokError) -> Void) {
        self.write = write
    }

    /// Adds an entry whose deflated bytes, CRC-32 and uncompressed size are known.
    func add(
        _ name: String, deflated: UnsafeRawBufferPointer, crc: UInt32, uncompressed: UInt64
    ) throws(SrokError) {
        precondition(streaming == nil, "an entry is being streamed")
        let start = offset
        let zip64 = uncompressed >= Self.max32 || UInt64(deflated.count) >= Self.max32
        var h = LittleEndianBytes()
        h.u32(0x0403_4B50)
        h.u16(zip64 ? 45 : 20)
        h.u16(0)
        h.u16(8)
        h.u16(0)
        h.u16(Self.dosDate)
        h.u32(crc)
        h.u32(zip64 ? UInt32.max : UInt32(deflated.count))
        h.u32(zip64 ? UInt32.max : UInt32(uncompressed))
        let nameBytes = Array(name.utf8)
        h.u16(UInt16(nameBytes.count))
        h.u16(zip64 ? 20 : 0)
        h.bytes(nameBytes)
        if zip64 {
            h.u16(0x0001)
            h.u16(16)
            h.u64(uncompressed)
            h.u64(UInt64(deflated.count))
        }
        try emit(h)
        try emit(deflated)
        entries.append(
            Entry(
                name: nameBytes, flags: 0, crc: crc, compressed: UInt64(deflated.count), uncompressed: uncompressed,
                offset: start))
    }

    /// Deflates `data` at `level` and adds it.
    func add(_ name: String, data: [UInt8], level: Int32) throws(SrokError) {
        let deflater = try Deflater(level: level)
        var deflated: [UInt8] = []
        try data.withRawBytes { (p) throws(SrokError) in
            try deflater.feed(p, finish: true) { deflated.append(contentsOf: $0) }
        }
        try deflated.withRawBytes { (p) throws(SrokError) in
            try add(name, deflated: p, crc: deflater.crc, uncompressed: deflater.bytesIn)
        }
    }

    /// Starts the streamed entry: its local header, with bit 3 (sizes follow the data).
    func beginStreamed(_ name: String) throws(SrokError) {
        precondition(streaming == nil, "an entry is being streamed")
        let nameBytes = Array(name.utf8)
        streaming = (nameBytes, offset)
        var h = LittleEndianBytes()
        h.u32(0x0403_4B50)
        h.u16(20)
        h.u16(0x0008)
        h.u16(8)
        h.u16(0)
        h.u16(Self.dosDate)
        h.u32(0)
        h.u32(0)
        h.u32(0)
        h.u16(UInt16(nameBytes.count))
        h.u16(0)
        h.bytes(nameBytes)
        try emit(h)
    }

    /// Writes deflated bytes of the streamed entry.
    func writeStreamed(_ deflated: UnsafeRawBufferPointer) throws(SrokError) {
        precondition(streaming != nil, "no entry is being streamed")
        try emit(deflated)
    }

    /// Ends the streamed entry with its data descriptor, from the deflater that fed it.
    func endStreamed(_ deflater: Deflater) throws(SrokError) {
        guard let s = streaming else { preconditionFailure("no entry is being streamed") }
        streaming = nil
        let zip64 = deflater.bytesIn >= Self.max32 || deflater.bytesOut >= Self.max32
        var d = LittleEndianBytes()
        d.u32(0x0807_4B50)
        d.u32(deflater.crc)
        if zip64 {
            d.u64(deflater.bytesOut)
            d.u64(deflater.bytesIn)
        } else {
            d.u32(UInt32(deflater.bytesOut))
            d.u32(UInt32(deflater.bytesIn))
        }
        try emit(d)
        entries.append(
            Entry(
                name: s.name, flags: 0x0008, crc: deflater.crc, compressed: deflater.bytesOut,
                uncompressed: deflater.bytesIn, offset: s.offset))
    }

    /// Writes the central directory and its end records: the archive is complete.
    func finish() throws(SrokError) {
        precondition(streaming == nil, "an entry is being streamed")
        let start = offset
        for e in entries {
            var extra = LittleEndianBytes()
            if e.uncompressed >= Self.max32 { extra.u64(e.uncompressed) }
            if e.compressed >= Self.max32 { extra.u64(e.compressed) }
            if e.offset >= Self.max32 { extra.u64(e.offset) }
            let zip64 = extra.count > 0
            var c = LittleEndianBytes()
            c.u32(0x0201_4B50)
            c.u16(zip64 ? 45 : 20)
            c.u16(zip64 ? 45 : 20)
            c.u16(e.flags)
            c.u16(8)
            c.u16(0)
            c.u16(Self.dosDate)
            c.u32(e.crc)
            c.u32(UInt32(min(e.compressed, Self.max32)))
            c.u32(UInt32(min(e.uncompressed, Self.max32)))
            c.u16(UInt16(e.name.count))
            c.u16(zip64 ? UInt16(4 + extra.count) : 0)
            c.u16(0)
            c.u16(0)
            c.u16(0)
            c.u32(0)
            c.u32(UInt32(min(e.offset, Self.max32)))
            c.bytes(e.name)
            if zip64 {
                c.u16(0x0001)
                c.u16(UInt16(extra.count))
                c.bytes(extra.storage)
            }
            try emit(c)
        }
        let size = offset - start
        let count = UInt64(entries.count)
        if count >= 0xFFFF || size >= Self.max32 || start >= Self.max32 {
            let record = offset
            var z = LittleEndianBytes()
            z.u32(0x0606_4B50)
            z.u64(44)
            z.u16(45)
            z.u16(45)
            z.u32(0)
            z.u32(0)
            z.u64(count)
            z.u64(count)
            z.u64(size)
            z.u64(start)
            z.u32(0x0706_4B50)
            z.u32(0)
            z.u64(record)
            z.u32(1)
            try emit(z)
        }
        var e = LittleEndianBytes()
        e.u32(0x0605_4B50)
        e.u16(0)
        e.u16(0)
        e.u16(UInt16(min(count, 0xFFFF)))
        e.u16(UInt16(min(count, 0xFFFF)))
        e.u32(UInt32(min(size, Self.max32)))
        e.u32(UInt32(min(start, Self.max32)))
        e.u16(0)
        try emit(e)
    }

    private func emit(_ b: LittleEndianBytes) throws(SrokError) {
        try b.storage.withRawBytes { (p) throws(SrokError) in try emit(p) }
    }

    private func emit(_ p: UnsafeRawBufferPointer) throws(SrokError) {
        guard !p.isEmpty else { return }
        try write(p)
        offset += UInt64(p.count)
    }
}

/// Little-endian fields of a ZIP record.
private struct LittleEndianBytes {
    var storage: [UInt8] = []
    var count: Int { storage.count }
    mutating func u16(_ v: UInt16) { storage.append(contentsOf: [UInt8(v & 0xFF), UInt8(v >> 8)]) }
    mutating func u32(_ v: UInt32) { for k in 0..<4 { storage.append(UInt8(truncatingIfNeeded: v >> (8 * k))) } }
    mutating func u64(_ v: UInt64) { for k in 0..<8 { storage.append(UInt8(truncatingIfNeeded: v >> (8 * k))) } }
    mutating func bytes(_ b: [UInt8]) { storage.append(contentsOf: b) }
}

extension [UInt8] {
    /// `withUnsafeBytes` with a body that throws ``SrokError`` (the standard one's error is untyped).
    func withRawBytes<R>(_ body: (UnsafeRawBufferPointer) throws(SrokError) -> R) throws(SrokError) -> R {
        try withUnsafeBytes { p in Result { () throws(SrokError) in try body(p) } }.get()
    }
}
