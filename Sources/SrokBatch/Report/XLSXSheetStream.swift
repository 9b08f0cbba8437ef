import SrokCore

/// One worksheet's XML on its way into the workbook: rows are written as SpreadsheetML into a
/// buffer and deflated as it fills; what the deflater produces goes to `emit`.
///
/// The column widths (`<cols>`) come before the rows in a worksheet but are measured on the first
/// rows, so the rows stay in the buffer until ``start(widths:)`` puts the sheet's head before
/// them; after that the buffer is deflated whenever it holds ``flushBytes``. Memory stays bounded by
/// the rows measured and the buffer.
final class XLSXSheetStream {
    /// The XML not yet deflated.
    var xml = ByteSink(capacity: 1 << 18)
    /// The deflater (its CRC and sizes are the entry's, once ``finish(filter:)`` returns).
    let deflater: Deflater
    private let emit: (UnsafeRawBufferPointer) throws(SrokError) -> Void
    /// The thread that deflates, for a sheet deflated beside its writing.
    private let pipe: DeflateThread?
    /// Whether the head has been written.
    private(set) var started = false
    private let selected: Bool
    private let frozen: Bool

    /// Deflates the buffer whenever it holds this much.
    static let flushBytes = 1 << 18

    /// A sheet whose deflated XML goes to `emit`; `selected`: the workbook opens on it; `frozen`:
    /// its first row stays in view; `threaded`: deflated on a thread of its own (``DeflateThread``),
    /// which calls `emit`.
    init(
        level: Int32, selected: Bool, frozen: Bool, threaded: Bool = false,
        emit: @escaping (UnsafeRawBufferPointer) throws(SrokError) -> Void
    ) throws(SrokError) {
        deflater = try Deflater(level: level)
        pipe = threaded ? DeflateThread(deflater, emit: emit) : nil
        self.emit = emit
        self.selected = selected
        self.frozen = frozen
    }

    /// Writes the head (the view, the column `widths` in characters, the start of the rows)
    /// before the rows buffered so far.
    func start(widths: [Double]) throws(SrokError) {
        precondition(!started)
        started = true
        var head = XLSXPackageParts.header
        head += "<worksheet xmlns=\"\(XLSXPackageParts.main)\" xmlns:r=\"\(XLSXPackageParts.relationships)\">"
        head += "<sheetViews><sheetView" + (selected ? " tabSelected=\"1\"" : "") + " workbookViewId=\"0\">"
        if frozen {
            head += "<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"
            head += "<selection pane=\"bottomLeft\"/>"
        }
        head += "</sheetView></sheetViews><sheetFormatPr defaultRowHeight=\"15\"/>"
        if !widths.isEmpty {
            head += "<cols>"
            for (k, w) in widths.enumerated() {
                head += "<col min=\"\(k + 1)\" max=\"\(k + 1)\" width=\"\(Self.stored(width: w))\" customWidth=\"1\"/>"
            }
            head += "</cols>"
        }
        head += "<sheetData>"
        try Array(head.utf8).withRawBytes { (p) throws(SrokError) in try feed(p) }
        try flush()
    }

    /// Deflates the buffer once it is full (after the head).
    @inline(__always) func flushIfFull() throws(SrokError) {
        if started && xml.count >= Self.flushBytes { try flush() }
    }

    private func flush() throws(SrokError) {
        try xml.withUnsafeBytes { (p) throws(SrokError) in try feed(UnsafeRawBufferPointer(p)) }
        xml.removeAll()
    }

    private func feed(_ p: UnsafeRawBufferPointer) throws(SrokError) {
        if let pipe { try pipe.feed(p) } else { try deflater.feed(p, emit: emit) }
    }

    /// Stops the deflating thread, if any (the sheet is dropped).
    func cancel() { pipe?.cancel() }

    /// Ends the rows, adds the autofilter over `filter` (`A1:G5`) if any, and ends the stream.
    func finish(filter: String?) throws(SrokError) {
        precondition(started)
        xml.withWriter { o in
            o.append(ascii: "</sheetData>")
            if let filter {
                o.append(ascii: "<autoFilter ref=\"")
                o.append(filter)
                o.append(ascii: "\"/>")
            }
            o.append(
                ascii:
                    "<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/>"
            )
            o.append(ascii: "</worksheet>")
        }
        if let pipe {
            try flush()
            try pipe.finish()
        } else {
            try xml.withUnsafeBytes { (p) throws(SrokError) in
                try deflater.feed(UnsafeRawBufferPointer(p), finish: true, emit: emit)
            }
            xml.removeAll()
        }
    }

    /// The width Excel stores for `characters` (libxlsxwriter's conversion, ECMA-376 Part 1,
    /// 18.3.1.13: a 7-pixel digit and 5 pixels of padding, in 1/256 of a character):
    /// trunc((round(n × 7) + 5) / 7 × 256) / 256, i.e. n + 0.7109375 for whole n ≥ 1.
    static func stored(width characters: Double) -> Double {
        guard characters > 0 else { return 0 }
        let pixels: Double
        if characters < 1 {
            pixels = (characters * 12 + 0.5).rounded(.down)
        } else {
            pixels = (characters * 7 + 0.5).rounded(.down) + 5
        }
        return (pixels / 7 * 256).rounded(.down) / 256
    }
}

/// A growable byte array shared with a closure (the deflated rejects sheet, kept until the end).
final class XLSXByteBuffer {
    /// The bytes.
    var bytes: [UInt8] = []
}
