import SrokCore

/// A worksheet read as the batch's input: the header row found below any title rows
/// (``XLSXHeaderFinder``), then every row written as one TAB-separated UTF-8 record of the
/// header's width, so that the chunk reader, the workers and the writers handle a workbook exactly
/// as a CSV file. Rows are read as the reader asks for bytes (``read(into:)``): memory holds the
/// shared strings and the rows of the blocks in flight, never the sheet.
///
/// Cell values are written as the operator sees them in Russian Excel:
/// - text as it is; a whole number without a decimal point (`12345`); `TRUE`/`FALSE`;
/// - a **date cell** (a number whose style is a date, see ``XLSXNumberFormat``) as its wall-clock
///   date and time, `DD.MM.YYYY` at midnight, else `DD.MM.YYYY HH:MM` (`:SS` when the seconds are
///   not zero); a time-only cell as `HH:MM`. A workbook has no zone: like the export's
///   `DD.MM.YYYY` text, the batch reads the value in the row's zone (its `tz`, else the profile's),
///   a date alone as 00:00 that day.
///
/// Empty rows, and cells right of the header's last name, are not read. Row numbers are the
/// sheet's: ``sheetRow(line:)`` turns the line of a record in the written text back into its
/// row, for rejects. A row the reader cannot decode (a damaged cell) is a reject
/// (``takeFailures(before:)``); a damaged archive or malformed XML ends the run.
final class XLSXRecordSource: ChunkSource {
    /// The delimiter of the records written: TAB, rare in cell text, so few fields need quotes.
    static let delimiter: UInt8 = 0x09

    private let reader: XLSXReader
    /// The number of header cells (to the last non-empty one).
    let width: Int
    /// The header row's number in the sheet.
    let headerRow: Int
    private var pending: [UInt8] = []
    private var pendingStart = 0
    private var done = false
    /// The line the next record starts on in the written text (1 = the header).
    private var nextLine = 1
    /// (line, row) where the difference between a record's line and its row changes.
    private var lineMap: [(line: Int, row: Int)] = []
    private var mapStart = 0
    /// Rows the reader could not decode, as rejects numbered by sheet row, in order.
    private var failures: [RejectedRow] = []
    /// The current row's values by column.
    private var slots: [XLSXValue?]
    /// The language of the rejects' reasons.
    private let language: Language

    /// Opens the sheet `selector` picks in the workbook at `path` and reads up to its header.
    /// - Throws: an unreadable workbook, a missing sheet (naming the sheets), or no header row
    ///   among the first 50 rows.
    init(path: String, sheet selector: XLSXSheetSelector, language: Language = .ru) throws(SrokError) {
        self.language = language
        reader = try XLSXReader(path: path, sheet: selector)
        let header = try XLSXHeaderFinder.find(in: reader, known: Set(InputColumn.allHeaderNames))
        width = header.names.count
        headerRow = header.row.number
        slots = Array(repeating: nil, count: width)
        begin(row: headerRow)
        for (k, name) in header.names.enumerated() {
            if k > 0 { pending.append(Self.delimiter) }
            write(text: name)
        }
        end()
    }

    /// The sheet name.
    var sheetName: String { reader.sheet.name }

    /// Bytes written and not yet handed out, with those handed out but still held (for tests:
    /// at most a read's worth and a row).
    var heldBytes: Int { pending.count }

    /// Inflated bytes of the sheet's XML read so far and in total (for progress).
    var progress: (read: Int, total: Int) {
        let p = reader.progress
        return (Int(p.read), Int(p.total))
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(SrokError) -> Int {
        if pending.count - pendingStart < buffer.count && !done && pendingStart > 0 {
            // What was handed out goes: the bytes left (less than a row) move to the front, so
            // that the buffer holds at most a read's worth and a row, however long the sheet.
            pending.removeSubrange(0..<pendingStart)
            pendingStart = 0
        }
        while pending.count - pendingStart < buffer.count && !done { try appendNextRow() }
        let n = min(buffer.count, pending.count - pendingStart)
        guard n > 0 else { return 0 }
        pending.withUnsafeBytes { buffer.baseAddress!.copyMemory(from: $0.baseAddress! + pendingStart, byteCount: n) }
        pendingStart += n
        if pendingStart == pending.count {
            pending.removeAll(keepingCapacity: true)
            pendingStart = 0
        }
        return n
    }

    /// The sheet row of the record that starts on `line` of the written text (a line past the
    /// last record counts on from it).
    func sheetRow(line: Int) -> Int {
        var lo = mapStart
        var hi = lineMap.count
        // The last entry whose line is at most `line`.
        while hi - lo > 1 {
            let mid = (lo + hi) / 2
            if lineMap[mid].line <= line { lo = mid } else { hi = mid }
        }
        guard lo < lineMap.count else { return line }
        let e = lineMap[lo]
        return e.row + (line - e.line)
    }

    /// Forgets the map below `line` (its records are written).
    func forget(before line: Int) {
        while mapStart + 1 < lineMap.count, lineMap[mapStart + 1].line <= line { mapStart += 1 }
        if mapStart > 4096, mapStart * 2 > lineMap.count {
            lineMap.removeFirst(mapStart)
            mapStart = 0
        }
    }

    /// The rejects of undecodable rows above sheet row `row`, removed from the source.
    func takeFailures(before row: Int) -> [RejectedRow] {
        guard let first = failures.first, first.line < row else { return [] }
        let k = failures.firstIndex { $0.line >= row } ?? failures.count
        defer { failures.removeFirst(k) }
        return Array(failures[..<k])
    }

    /// Reads one row into `pending` (nothing for an empty row); at the end sets `done`.
    private func appendNextRow() throws(SrokError) {
        let row: XLSXRow?
        do { row = try reader.nextRow() } catch {
            if reader.isBroken { throw error }
            failures.append(
                RejectedRow(
                    line: reader.lastRowNumber, id: nil, column: "row", value: "",
                    reason: (LocalizedText(
                        ru: "не удаётся прочитать ячейку книги: ", en: "the workbook's cell cannot be read: ")
                        + error.localized)(language)))
            return
        }
        guard let row else {
            done = true
            return
        }
        var any = false
        for k in slots.indices { slots[k] = nil }
        for c in row.cells where c.column <= width {
            slots[c.column - 1] = c.value
            if case .text(let s) = c.value, s.isEmpty { continue }
            any = true
        }
        guard any else { return }
        begin(row: row.number)
        for k in 0..<width {
            if k > 0 { pending.append(Self.delimiter) }
            if let v = slots[k] { write(v) }
        }
        end()
    }

    /// Notes that the next record is sheet row `row`.
    private func begin(row: Int) {
        if let last = lineMap.last, last.row - last.line == row - nextLine { return }
        lineMap.append((nextLine, row))
    }

    /// Ends the record.
    private func end() {
        pending.append(LineEnds.lf)
        nextLine += 1
    }

    private func write(_ value: XLSXValue) {
        switch value {
        case .text(let s): write(text: s)
        case .number(let x): pending.append(contentsOf: XLSXValue.format(x).utf8)
        case .bool(let b): pending.append(contentsOf: (b ? "TRUE" : "FALSE").utf8)
        case .date(let d): Self.appendDate(d, to: &pending)
        case .error(let e): write(text: e)
        }
    }

    /// A text field: quoted (with quotes doubled) when it holds a TAB, a quote or a line break,
    /// whose line ends are counted as the tokenizer counts them.
    private func write(text: String) {
        var s = text
        s.withUTF8 { b in
            var special = false
            for c in b where c == Self.delimiter || c == 0x22 || c == LineEnds.lf || c == LineEnds.cr {
                special = true
                break
            }
            guard special else { return pending.append(contentsOf: b) }
            pending.append(0x22)
            var k = 0
            while k < b.count {
                let c = b[k]
                pending.append(c)
                if c == 0x22 {
                    pending.append(0x22)
                } else if c == LineEnds.cr {
                    nextLine += 1
                    if k + 1 < b.count, b[k + 1] == LineEnds.lf {
                        pending.append(LineEnds.lf)
                        k += 1
                    }
                } else if c == LineEnds.lf {
                    nextLine += 1
                }
                k += 1
            }
            pending.append(0x22)
        }
    }

    /// `DD.MM.YYYY`, `DD.MM.YYYY HH:MM[:SS]`, or `HH:MM[:SS]` for a time-only cell.
    static func appendDate(_ d: XLSXDateTime, to out: inout [UInt8]) {
        func two(_ n: Int) {
            out.append(UInt8(0x30 + n / 10))
            out.append(UInt8(0x30 + n % 10))
        }
        let (h, m, s) = d.time
        if !d.isTimeOnly {
            two(d.date.day)
            out.append(0x2E)
            two(d.date.month)
            out.append(0x2E)
            let y = d.date.year
            two(y / 100)
            two(y % 100)
            if d.secondsOfDay == 0 { return }
            out.append(0x20)
        }
        two(h)
        out.append(0x3A)
        two(m)
        if s != 0 {
            out.append(0x3A)
            two(s)
        }
    }
}
