import SrokCore

/// Writes the Excel report (the workbook ``XLSXReportWriter`` describes) as it goes: its own
/// SpreadsheetML written straight into byte buffers, deflated at zlib's fastest level into a ZIP
/// archive streamed to an ``AtomicFile`` (``ZIPStreamWriter``), so memory stays bounded and the
/// file is complete when ``finish(summary:)`` returns.
///
/// Why not libxlsxwriter (the reference, ``XLSXReportWriter``): its constant-memory mode prints
/// every cell with `fprintf` into a temporary file, reads it back when the workbook is closed and
/// deflates it then, at zlib's level 6 with no option to change it; for a 100 000 × 25 report
/// that is 3.3 s of CPU on one core after the rows, and the budget is 2 s for the whole
/// run (README, "Excel report": both measured). This writer formats a cell in a few dozen
/// nanoseconds and deflates the sheet at level 1 while the rows come, on the report's own thread.
///
/// Layout: `[Content_Types].xml`, the relationships and `docProps/app.xml` first; then the
/// report sheet (`xl/worksheets/sheet1.xml`), streamed (sizes in a data descriptor); at the end the
/// rejected rows (sheet 3, deflated in memory as they come: they are few, and compress to a tenth),
/// the summary (sheet 2), the workbook, its relationships and the styles, and the central directory.
/// Strings are inline (`t="inlineStr"`), as libxlsxwriter writes them in constant-memory mode.
final class XLSXStreamWriter: XLSXReportBackend {
    let file: AtomicFile
    let header: [String]
    private(set) var rowCount = 0
    private(set) var rejectedCount = 0

    private let sheetName: String
    private let labels: XLSXReportLabels
    private let options: XLSXReportOptions
    private let zip: ZIPStreamWriter
    private let report: XLSXSheetStream
    private let rejects: XLSXSheetStream
    private let rejectsDeflated = XLSXByteBuffer()
    private var widths: XLSXColumnWidths
    private var rejectWidths: XLSXColumnWidths
    private let durations: XLSXDurationText
    /// `<c r="` and the column's letters, for every report column.
    private let cellStarts: XLSXCellStarts
    private var open = true

    /// zlib's level for the sheets: the fastest (`Z_BEST_SPEED`); level 6 would double the time
    /// for a file a fifth smaller.
    static let level: Int32 = 1

    init(
        file: AtomicFile, sheetName: String, header: [String], labels: XLSXReportLabels, options: XLSXReportOptions
    ) throws(SrokError) {
        guard !header.isEmpty, header.count <= 16_384 else {
            throw .invalidValue(
                field: "Excel report header", value: String(header.count),
                expected: LocalizedText(
                    ru: "от 1 до 16 384 столбцов (предел Excel)", en: "1 to 16 384 columns (Excel's limit)"))
        }
        try XLSXSheetNames.validate([sheetName, labels.summarySheet, labels.rejectsSheet])
        self.file = file
        self.header = header
        self.sheetName = sheetName
        self.labels = labels
        self.options = options
        let zip = ZIPStreamWriter { (p) throws(SrokError) in
            try file.write(p.assumingMemoryBound(to: UInt8.self))
        }
        try zip.add("[Content_Types].xml", data: Array(XLSXPackageParts.contentTypes(sheets: 3).utf8), level: 6)
        try zip.add("_rels/.rels", data: Array(XLSXPackageParts.packageRelationships.utf8), level: 6)
        try zip.add("docProps/app.xml", data: Array(XLSXPackageParts.application.utf8), level: 6)
        try zip.beginStreamed("xl/worksheets/sheet1.xml")
        self.zip = zip
        let deflated = rejectsDeflated
        rejects = try XLSXSheetStream(level: Self.level, selected: false, frozen: true) { p in
            deflated.bytes.append(contentsOf: p)
        }
        widths = XLSXColumnWidths(header: header, sampleRows: options.widthSampleRows, cap: options.maxColumnWidth)
        let rejectHeader = [labels.rejectLine, labels.rejectColumn, labels.rejectValue, labels.rejectReason]
        rejectWidths = XLSXColumnWidths(
            header: rejectHeader, sampleRows: options.widthSampleRows, cap: options.maxColumnWidth)
        durations = XLSXDurationText(language: labels.language)
        cellStarts = XLSXCellStarts(columns: header.count)
        // Last: the report sheet's deflating thread, stopped if anything after fails.
        report = try XLSXSheetStream(level: Self.level, selected: true, frozen: true, threaded: true) {
            (p) throws(SrokError) in
            try zip.writeStreamed(p)
        }
        do throws(SrokError) {
            Self.writeHeader(header, into: report)
            Self.writeHeader(rejectHeader, into: rejects)
            if !widths.measuring { try report.start(widths: widths.all) }
            if !rejectWidths.measuring { try rejects.start(widths: rejectWidths.all) }
        } catch {
            report.cancel()
            throw error
        }
    }

    /// Row 1: the bold header.
    private static func writeHeader(_ names: [String], into sheet: XLSXSheetStream) {
        sheet.xml.withWriter { o in
            o.append(ascii: "<row r=\"1\">")
            for (k, name) in names.enumerated() {
                let start = "<c r=\"" + XLSXXML.columnName(k) + "1\" s=\"\(XLSXPackageParts.headerStyle)\""
                if name.isEmpty {
                    o.append(start + "/>")
                    continue
                }
                o.append(start + " t=\"inlineStr\">")
                var bytes = Array(name.utf8)
                bytes.withUnsafeMutableBufferPointer { XLSXXML.appendInlineString(UnsafeBufferPointer($0), into: &o) }
                o.append(ascii: "</c>")
            }
            o.append(ascii: "</row>")
        }
    }

    func appendEncodedRows(_ rows: UnsafeBufferPointer<UInt8>) throws(SrokError) {
        guard open else { throw finished }
        var decoder = XLSXRowDecoder(rows)
        while let highlight = decoder.nextRow() {
            guard rowCount + 1 < xlsxMaxRowsPerSheet else { throw Self.tooManyRows(sheet: sheetName) }
            let fill = XLSXFormatPalette.Fill(highlight)
            let measuring = widths.measuring
            let row = rowCount + 2
            var failure: SrokError?
            report.xml.withWriter { o in
                var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
                let rowText = withUnsafeMutableBytes(of: &digits) { p -> UnsafeRawBufferPointer in
                    var n = row
                    var k = 24
                    repeat {
                        k -= 1
                        p[k] = UInt8(0x30 + n % 10)
                        n /= 10
                    } while n > 0
                    return UnsafeRawBufferPointer(rebasing: p[k..<24])
                }
                let rowDigits = rowText.assumingMemoryBound(to: UInt8.self)
                o.append(ascii: "<row r=\"")
                o.append(rowDigits)
                o.append(ascii: "\">")
                var column = 0
                while let (cell, overdue) = decoder.nextCell() {
                    guard column < header.count else {
                        failure = Self.tooManyCells(row: row - 1, columns: header.count)
                        return
                    }
                    let cellFill = overdue ? .overdueCell : fill
                    write(cell, column: column, row: rowDigits, fill: cellFill, into: &o)
                    if measuring {
                        widths.observe(column: column, length: XLSXColumnWidths.length(of: cell, durations: durations))
                    }
                    column += 1
                }
                if fill != .none {
                    while column < header.count {
                        write(.empty, column: column, row: rowDigits, fill: fill, into: &o)
                        column += 1
                    }
                }
                o.append(ascii: "</row>")
            }
            if let failure { throw failure }
            if measuring {
                widths.endRow()
                if !widths.measuring { try report.start(widths: widths.all) }
            }
            rowCount += 1
            try report.flushIfFull()
        }
    }

    /// Writes one cell of the report sheet (nothing for an empty cell without a fill).
    @inline(__always)
    private func write(
        _ cell: XLSXEncodedCell, column: Int, row: UnsafeBufferPointer<UInt8>, fill: XLSXFormatPalette.Fill,
        into o: inout ByteWriter
    ) {
        func start(_ kind: XLSXFormatPalette.Kind, text: Bool) {
            o.append(cellStarts[column])
            o.append(row)
            o.append(0x22)
            let style = XLSXPackageParts.style(kind, fill)
            if style != 0 {
                o.append(ascii: " s=\"")
                ByteFormat.int(style, into: &o)
                o.append(0x22)
            }
            if text { o.append(ascii: " t=\"inlineStr\"") }
            o.append(0x3E)
        }
        func text(_ bytes: UnsafeBufferPointer<UInt8>) {
            if bytes.isEmpty {
                if fill != .none {
                    start(.general, text: false)
                    o.append(ascii: "</c>")
                }
                return
            }
            start(.general, text: true)
            XLSXXML.appendInlineString(bytes, into: &o)
            o.append(ascii: "</c>")
        }
        func textOf(_ s: String) {
            var b = Array(s.utf8)
            b.withUnsafeMutableBufferPointer { text(UnsafeBufferPointer($0)) }
        }
        switch cell {
        case .empty:
            guard fill != .none else { return }
            start(.general, text: false)
            o.append(ascii: "</c>")
        // A blank: `<c r=".." s=".."></c>` reads as a styled empty cell.
        case .text(let bytes):
            text(bytes)
        case .integer(let n):
            if n.magnitude <= 999_999_999_999_999 {
                start(.general, text: false)
                o.append(ascii: "<v>")
                ByteFormat.int(n, into: &o)
                o.append(ascii: "</v></c>")
            } else {
                textOf(String(n))
            }
        case .date(let day):
            if day.daysSinceEpoch < ExcelSerialDate.january1900 {
                textOf(XLSXReportWriter.russian(day))
            } else {
                start(.date, text: false)
                o.append(ascii: "<v>")
                _ = XLSXXML.appendSerial(day, secondOfDay: 0, into: &o)
                o.append(ascii: "</v></c>")
            }
        case .dateTime(let day, let second):
            if day.daysSinceEpoch < ExcelSerialDate.january1900 {
                textOf(
                    XLSXReportWriter.russian(day) + " " + XLSXReportWriter.two(second / 3600) + ":"
                        + XLSXReportWriter.two(second / 60 % 60))
            } else {
                start(.dateTime, text: false)
                o.append(ascii: "<v>")
                _ = XLSXXML.appendSerial(day, secondOfDay: second, into: &o)
                o.append(ascii: "</v></c>")
            }
        case .duration(let minutes, let style):
            durations.withText(minutes, style) { text($0) }
        }
    }

    func appendRejected(_ rejected: XLSXRejectedRow) throws(SrokError) {
        guard open else { throw finished }
        guard rejectedCount + 1 < xlsxMaxRowsPerSheet else { throw Self.tooManyRows(sheet: labels.rejectsSheet) }
        let row = Array(String(rejectedCount + 2).utf8)
        let cells: [XLSXCell] = [
            .integer(rejected.line), .text(rejected.column), .text(rejected.value), .text(rejected.reason),
        ]
        rejects.xml.withWriter { o in
            o.append(ascii: "<row r=\"")
            row.withUnsafeBufferPointer { o.append($0) }
            o.append(ascii: "\">")
            for (k, cell) in cells.enumerated() {
                let start = "<c r=\"" + XLSXXML.columnName(k) + String(rejectedCount + 2) + "\""
                switch cell {
                case .integer(let n):
                    o.append(start + "><v>\(n)</v></c>")
                case .text(let s) where !s.isEmpty:
                    o.append(start + " t=\"inlineStr\">")
                    var b = Array(s.utf8)
                    b.withUnsafeMutableBufferPointer { XLSXXML.appendInlineString(UnsafeBufferPointer($0), into: &o) }
                    o.append(ascii: "</c>")
                default: break
                }
            }
            o.append(ascii: "</row>")
        }
        if rejectWidths.measuring {
            rejectWidths.observe(cells)
            if !rejectWidths.measuring { try rejects.start(widths: rejectWidths.all) }
        }
        rejectedCount += 1
        try rejects.flushIfFull()
    }

    func finish(summary: XLSXSummary) throws(SrokError) {
        guard open else { throw finished }
        open = false
        defer { report.cancel() }
        let last = XLSXXML.columnName(header.count - 1)
        if !report.started { try report.start(widths: widths.all) }
        try report.finish(filter: "A1:\(last)\(rowCount + 1)")
        try zip.endStreamed(report.deflater)
        if !rejects.started { try rejects.start(widths: rejectWidths.all) }
        try rejects.finish(filter: "A1:D\(rejectedCount + 1)")
        try rejectsDeflated.bytes.withRawBytes { (p) throws(SrokError) in
            try zip.add(
                "xl/worksheets/sheet3.xml", deflated: p, crc: rejects.deflater.crc,
                uncompressed: rejects.deflater.bytesIn)
        }
        rejectsDeflated.bytes = []
        try zip.add("xl/worksheets/sheet2.xml", data: summaryXML(summary), level: 6)
        let names = [sheetName, labels.summarySheet, labels.rejectsSheet]
        let filters = [(0, "$A$1:$\(last)$\(rowCount + 1)"), (2, "$A$1:$D$\(rejectedCount + 1)")]
        try zip.add(
            "xl/workbook.xml", data: Array(XLSXPackageParts.workbook(sheets: names, filters: filters).utf8), level: 6)
        try zip.add(
            "xl/_rels/workbook.xml.rels", data: Array(XLSXPackageParts.workbookRelationships(sheets: 3).utf8),
            level: 6)
        try zip.add("xl/styles.xml", data: Array(XLSXPackageParts.styles.utf8), level: 6)
        try zip.finish()
    }

    /// The summary sheet: the lines in column A, then each table after a blank row (its bold
    /// title and count header, then a row per key with its count), as ``XLSXReportWriter`` lays it out.
    private func summaryXML(_ summary: XLSXSummary) throws(SrokError) -> [UInt8] {
        var rows: [String] = []
        var keyWidth = 0
        func cell(_ column: Int, _ text: String, bold: Bool) -> String {
            guard !text.isEmpty else { return "" }
            var out = ByteSink(capacity: 64)
            out.withWriter { o in
                o.append("<c r=\"\(XLSXXML.columnName(column))\(rows.count + 1)\"")
                o.append((bold ? " s=\"\(XLSXPackageParts.headerStyle)\"" : "") + " t=\"inlineStr\">")
                var b = Array(text.utf8)
                b.withUnsafeMutableBufferPointer { XLSXXML.appendInlineString(UnsafeBufferPointer($0), into: &o) }
                o.append(ascii: "</c>")
            }
            return out.withUnsafeBytes { String(decoding: $0, as: UTF8.self) }
        }
        func add(_ cells: String) throws(SrokError) {
            guard rows.count + 1 < xlsxMaxRowsPerSheet else { throw Self.tooManyRows(sheet: labels.summarySheet) }
            rows.append("<row r=\"\(rows.count + 1)\">" + cells + "</row>")
        }
        for line in summary.lines { try add(cell(0, line, bold: false)) }
        for table in summary.tables {
            if !rows.isEmpty { try add("") }
            try add(cell(0, table.section, bold: true) + cell(1, labels.countHeader, bold: true))
            keyWidth = max(keyWidth, XLSXColumnWidths.length(of: table.section))
            for (key, count) in table.counts {
                try add(cell(0, key, bold: false) + "<c r=\"B\(rows.count + 1)\"><v>\(count)</v></c>")
                keyWidth = max(keyWidth, XLSXColumnWidths.length(of: key))
            }
        }
        var xml = XLSXPackageParts.header
        xml += "<worksheet xmlns=\"\(XLSXPackageParts.main)\" xmlns:r=\"\(XLSXPackageParts.relationships)\">"
        xml += "<sheetViews><sheetView workbookViewId=\"0\"/></sheetViews><sheetFormatPr defaultRowHeight=\"15\"/>"
        if !summary.tables.isEmpty {
            let countWidth = max(XLSXColumnWidths.length(of: labels.countHeader) + 2, 12)
            let a = XLSXSheetStream.stored(width: Double(min(keyWidth + 2, options.maxColumnWidth)))
            let b = XLSXSheetStream.stored(width: Double(countWidth))
            xml += "<cols><col min=\"1\" max=\"1\" width=\"\(a)\" customWidth=\"1\"/>"
            xml += "<col min=\"2\" max=\"2\" width=\"\(b)\" customWidth=\"1\"/></cols>"
        }
        xml += "<sheetData>" + rows.joined() + "</sheetData>"
        xml += "<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/>"
        return Array((xml + "</worksheet>").utf8)
    }

    func abandon() {
        open = false
        report.cancel()
        file.abandon()
    }

    /// A writer dropped unfinished is abandoned (its deflating thread would hold the file).
    deinit { if open { abandon() } }
}

/// Excel's rules for sheet names, as libxlsxwriter's `workbook_validate_sheet_name` checks them.
enum XLSXSheetNames {
    /// Throws unless each name is 1 to 31 characters, none of `[ ] : * ? / \`, does not start or
    /// end with an apostrophe, and differs from the others (Excel compares them ignoring case).
    /// What a sheet's name must be, for error messages.
    static let accepted = LocalizedText(
        ru:
            "от 1 до 31 знака, без [ ] : * ? / \\, не начинается и не кончается апострофом, у каждого листа своё название",
        en:
            "1 to 31 characters, none of [ ] : * ? / \\, not starting or ending with an apostrophe, each sheet's name different"
    )

    static func validate(_ names: [String]) throws(SrokError) {
        var seen: Set<String> = []
        for name in names {
            let scalars = name.unicodeScalars
            let bad =
                scalars.isEmpty || scalars.count > 31 || scalars.contains { "[]:*?/\\".unicodeScalars.contains($0) }
                || name.hasPrefix("'") || name.hasSuffix("'") || !seen.insert(name.lowercased()).inserted
            if bad {
                throw .invalidValue(
                    field: "Excel sheet name", value: name, expected: XLSXSheetNames.accepted)
            }
        }
    }
}

/// `<c r="` and the letters of each column, in one block of memory (no reference counting per cell).
final class XLSXCellStarts {
    private let bytes: UnsafeMutableBufferPointer<UInt8>
    private let ends: UnsafeMutableBufferPointer<Int>

    /// The starts of columns A… for `columns` columns.
    init(columns: Int) {
        let texts = (0..<columns).map { Array(("<c r=\"" + XLSXXML.columnName($0)).utf8) }
        bytes = .allocate(capacity: texts.reduce(0) { $0 + $1.count })
        ends = .allocate(capacity: columns)
        var at = 0
        for (k, t) in texts.enumerated() {
            _ = UnsafeMutableBufferPointer(rebasing: bytes[at..<(at + t.count)]).initialize(from: t)
            at += t.count
            ends[k] = at
        }
    }

    deinit {
        bytes.deallocate()
        ends.deallocate()
    }

    /// Column `k`'s start.
    @inline(__always) subscript(_ k: Int) -> UnsafeBufferPointer<UInt8> {
        let start = k == 0 ? 0 : ends[k - 1]
        return UnsafeBufferPointer(rebasing: bytes[start..<ends[k]])
    }
}
