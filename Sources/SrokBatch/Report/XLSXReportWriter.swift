internal import CXLSXWriter
import SrokCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes an Excel report (.xlsx, libxlsxwriter) row by row, in bounded memory, atomically.
///
/// The workbook has three sheets, in this order:
/// 1. the report (`sheetName`): a bold header row, frozen and with an autofilter over all rows,
///    then one row per `appendRow` — text, numbers and real Excel date cells, with the row's
///    highlight and the overdue control cells in red; column widths from the header and the first
///    rows' values;
/// 2. the summary (`labels.summarySheet`): the free lines and count tables given to `commit`;
/// 3. the rejected rows (`labels.rejectsSheet`): line, column, original value and reason, one row
///    per `appendRejected`, frozen header and autofilter.
///
/// Rows of sheets 1 and 3 may be appended in any interleaving (each sheet streams its own rows, in
/// order); the summary is written by `commit`. libxlsxwriter's constant-memory mode keeps one row in
/// memory per sheet and streams the rest to a temporary file per sheet (see
/// `XLSXReportOptions.temporaryDirectory`); strings are written inline, with no shared-string table.
///
/// The report goes to a temporary file beside `path` (see `XLSXTemporaryFile`), renamed over
/// `path` by `commit` only when the whole workbook was written; `abandon` (or dropping the writer
/// without committing) removes it. Not thread-safe: one writer is driven by one thread.
///
/// To plug into `srok batch -o report.xlsx`: create the writer with the output columns' header
/// (the input's columns, then Srok's), call `appendRow` for each result row in output order with
/// its cells, highlight and overdue control columns, `appendRejected` for each refused row, and
/// `commit(summary:)` at the end (or `abandon()` on failure or a signal).
package final class XLSXReportWriter {
    /// The report's path.
    package let path: String
    /// The report sheet's header (one column per name).
    package let header: [String]
    /// The data rows appended to the report sheet so far.
    package private(set) var rowCount = 0
    /// The rows appended to the rejected rows sheet so far.
    package private(set) var rejectedCount = 0

    /// Excel's rows per sheet, the header included.
    package static let maxRowsPerSheet = 1_048_576

    private let labels: XLSXReportLabels
    private let options: XLSXReportOptions
    private let file: XLSXTemporaryFile
    /// The workbook until it is closed (committed) or freed (abandoned).
    private var workbook: UnsafeMutablePointer<lxw_workbook>?
    /// libxlsxwriter keeps this pointer (the `tmpdir` option) until the workbook is closed.
    private var temporaryDirectory: UnsafeMutablePointer<CChar>?
    private let sheets: Sheets
    private let palette: XLSXFormatPalette
    private var widths: XLSXColumnWidths
    private var rejectWidths: XLSXColumnWidths

    /// The three worksheets.
    private struct Sheets {
        var report: UnsafeMutablePointer<lxw_worksheet>
        var summary: UnsafeMutablePointer<lxw_worksheet>
        var rejects: UnsafeMutablePointer<lxw_worksheet>
        var all: [UnsafeMutablePointer<lxw_worksheet>] { [report, summary, rejects] }
    }

    /// Starts a report at `path` (created when `commit` succeeds): creates the temporary file, the
    /// workbook and its three sheets, and writes the report's and the rejects' headers.
    /// - Parameters:
    ///   - sheetName: the report sheet's name, e.g. «Сроки» (at most 31 characters, none of `[]:*?/\`).
    ///   - header: the report sheet's column names (1 to 16 384).
    /// - Throws: `SrokError.invalidValue` for a bad sheet name or header, `SrokError.io` when the
    ///   temporary files cannot be created.
    package init(
        path: String, sheetName: String, header: [String], labels: XLSXReportLabels = .russian,
        options: XLSXReportOptions = XLSXReportOptions()
    ) throws(SrokError) {
        guard !header.isEmpty, header.count <= 16_384 else {
            throw .invalidValue(
                field: "Excel report header", value: "\(header.count) columns",
                expected: "1 to 16 384 columns (Excel's limit)")
        }
        if let dir = options.temporaryDirectory {
            // libxlsxwriter would quietly fall back to another folder (tmpfileplus tries $TMP,
            // $TEMP, /tmp): a folder given must be usable.
            var info = stat()
            let problem: String? =
                stat(dir, &info) != 0
                ? String(cString: strerror(errno))
                : (info.st_mode & S_IFMT) != S_IFDIR
                    ? "not a folder"
                    : access(dir, W_OK | X_OK) != 0 ? String(cString: strerror(errno)) : nil
            if let problem {
                throw .io(path: dir, message: "cannot keep the Excel report's temporary files there: \(problem)")
            }
        }
        let file = try XLSXTemporaryFile(beside: path)
        let tmpdir = options.temporaryDirectory.map { strdup($0)! }
        var settings = lxw_workbook_options(constant_memory: 1, tmpdir: tmpdir, use_zip64: 0)
        guard let workbook = workbook_new_opt(file.path, &settings) else {
            free(tmpdir)
            throw .io(path: path, message: "cannot start the Excel workbook (out of memory)")
        }
        var added: [UnsafeMutablePointer<lxw_worksheet>] = []
        for name in [sheetName, labels.summarySheet, labels.rejectsSheet] {
            let valid = name.isEmpty ? LXW_ERROR_PARAMETER_VALIDATION : workbook_validate_sheet_name(workbook, name)
            guard valid == LXW_NO_ERROR, let sheet = workbook_add_worksheet(workbook, name) else {
                XLSXReportWriter.release(workbook, sheets: added)
                free(tmpdir)
                if valid != LXW_NO_ERROR {
                    throw .invalidValue(
                        field: "Excel sheet name", value: name,
                        expected:
                            "1 to 31 characters, none of [ ] : * ? / \\, not starting or ending with an apostrophe, each sheet's name different"
                    )
                }
                throw .io(
                    path: path,
                    message:
                        "cannot create the temporary file of sheet «\(name)» in \(options.temporaryDirectory ?? "the system's temporary folder"): \(String(cString: strerror(errno)))"
                )
            }
            added.append(sheet)
        }
        self.path = path
        self.header = header
        self.labels = labels
        self.options = options
        self.file = file
        self.workbook = workbook
        self.temporaryDirectory = tmpdir
        self.sheets = Sheets(report: added[0], summary: added[1], rejects: added[2])
        self.palette = XLSXFormatPalette(workbook: workbook)
        let rejectHeader = [labels.rejectLine, labels.rejectColumn, labels.rejectValue, labels.rejectReason]
        self.widths = XLSXColumnWidths(header: header, sampleRows: options.widthSampleRows, cap: options.maxColumnWidth)
        self.rejectWidths = XLSXColumnWidths(
            header: rejectHeader, sampleRows: options.widthSampleRows, cap: options.maxColumnWidth)
        try writeHeader(header, to: sheets.report)
        try writeHeader(rejectHeader, to: sheets.rejects)
    }

    deinit { abandon() }

    /// Appends a data row to the report sheet.
    /// - Parameters:
    ///   - cells: one cell per header column, in order; fewer leave the last columns empty.
    ///   - highlight: the whole row's fill.
    ///   - overdueColumns: the 0-based columns of overdue control cells, filled in a stronger red
    ///     than the row.
    /// - Throws: `SrokError.invalidValue` for more cells than columns, an impossible date or time,
    ///   or a row beyond Excel's 1 048 576; nothing of the row is written then.
    package func appendRow(_ cells: [XLSXCell], highlight: XLSXRowHighlight = .none, overdueColumns: [Int] = [])
        throws(SrokError)
    {
        guard workbook != nil else { throw finished }
        guard cells.count <= header.count else {
            throw .invalidValue(
                field: "Excel report row \(rowCount + 1)", value: "\(cells.count) cells",
                expected: "at most \(header.count), one per header column")
        }
        guard rowCount + 1 < XLSXReportWriter.maxRowsPerSheet else { throw tooManyRows(sheet: "report") }
        for (column, cell) in cells.enumerated() {
            try XLSXReportWriter.validate(cell, row: rowCount + 1, column: column)
        }
        let row = UInt32(rowCount + 1)
        let fill = XLSXFormatPalette.Fill(highlight)
        for column in 0..<header.count {
            let cell = column < cells.count ? cells[column] : .empty
            let cellFill = overdueColumns.isEmpty || !overdueColumns.contains(column) ? fill : .overdueCell
            try write(cell, to: sheets.report, row: row, column: UInt16(column), fill: cellFill)
        }
        if widths.measuring { widths.observe(cells) }
        rowCount += 1
    }

    /// Appends a row to the rejected rows sheet.
    /// - Throws: `SrokError.invalidValue` beyond Excel's 1 048 576 rows.
    package func appendRejected(_ rejected: XLSXRejectedRow) throws(SrokError) {
        guard workbook != nil else { throw finished }
        guard rejectedCount + 1 < XLSXReportWriter.maxRowsPerSheet else { throw tooManyRows(sheet: "rejected rows") }
        let row = UInt32(rejectedCount + 1)
        let cells: [XLSXCell] = [
            .integer(rejected.line), .text(rejected.column), .text(rejected.value), .text(rejected.reason),
        ]
        for (column, cell) in cells.enumerated() {
            try write(cell, to: sheets.rejects, row: row, column: UInt16(column), fill: .none)
        }
        if rejectWidths.measuring { rejectWidths.observe(cells) }
        rejectedCount += 1
    }

    /// Writes the summary sheet, finishes the workbook and renames it over `path`. On failure the
    /// temporary file is removed and `path` is left as it was.
    package func commit(summary: XLSXSummary) throws(SrokError) {
        guard let workbook else { throw finished }
        do throws(SrokError) {
            try writeSummary(summary)
            try finishTable(sheets.report, rows: rowCount, widths: widths)
            try finishTable(sheets.rejects, rows: rejectedCount, widths: rejectWidths)
            self.workbook = nil
            errno = 0
            let closed = workbook_close(workbook)
            free(temporaryDirectory)
            temporaryDirectory = nil
            guard closed == LXW_NO_ERROR else {
                let why = errno == 0 ? "" : " (\(String(cString: strerror(errno))))"
                throw .io(
                    path: path,
                    message: "cannot write the Excel workbook: \(String(cString: lxw_strerror(closed)))\(why)")
            }
            try file.commit(durable: options.durable)
        } catch {
            abandon()
            throw error
        }
    }

    /// Drops the report: frees the workbook and removes the temporary file (`path` is untouched).
    /// Does nothing after a successful `commit`.
    package func abandon() {
        if let workbook {
            XLSXReportWriter.release(workbook, sheets: sheets.all)
            self.workbook = nil
        }
        free(temporaryDirectory)
        temporaryDirectory = nil
        file.discard()
    }

    // MARK: - Sheets

    /// Frees a workbook that will not be written, closing the sheets' streaming temporary files
    /// first (libxlsxwriter closes them only when it writes the workbook; they are already unlinked).
    private static func release(
        _ workbook: UnsafeMutablePointer<lxw_workbook>, sheets: [UnsafeMutablePointer<lxw_worksheet>]
    ) {
        for sheet in sheets {
            if let stream = sheet.pointee.optimize_tmpfile {
                fclose(stream)
                sheet.pointee.optimize_tmpfile = nil
                sheet.pointee.file = nil
            }
        }
        lxw_workbook_free(workbook)
    }

    /// Writes a bold header in row 1 and freezes it.
    private func writeHeader(_ names: [String], to sheet: UnsafeMutablePointer<lxw_worksheet>) throws(SrokError) {
        for (column, name) in names.enumerated() {
            try check(writeText(name, sheet, 0, UInt16(column), palette.header), "writing the header")
        }
        worksheet_freeze_panes(sheet, 1, 0)
    }

    /// Sets the autofilter over the header and `rows` data rows, and the column widths.
    private func finishTable(_ sheet: UnsafeMutablePointer<lxw_worksheet>, rows: Int, widths: XLSXColumnWidths)
        throws(SrokError)
    {
        let last = UInt16(widths.widths.count - 1)
        try check(worksheet_autofilter(sheet, 0, 0, UInt32(rows), last), "setting the autofilter")
        for column in 0...last {
            try check(
                worksheet_set_column(sheet, column, column, widths.width(Int(column)), nil), "setting the column widths"
            )
        }
    }

    /// Writes the summary sheet: the lines, then each table after a blank row.
    private func writeSummary(_ summary: XLSXSummary) throws(SrokError) {
        let sheet = sheets.summary
        var row = 0
        var keyWidth = 0
        func next() throws(SrokError) {
            row += 1
            guard row < XLSXReportWriter.maxRowsPerSheet else { throw tooManyRows(sheet: "summary") }
        }
        for line in summary.lines {
            try write(.text(line), to: sheet, row: UInt32(row), column: 0, fill: .none)
            try next()
        }
        for table in summary.tables {
            if row > 0 { try next() }
            try check(writeText(table.section, sheet, UInt32(row), 0, palette.header), "writing the summary")
            try check(writeText(labels.countHeader, sheet, UInt32(row), 1, palette.header), "writing the summary")
            keyWidth = max(keyWidth, XLSXColumnWidths.length(of: table.section))
            try next()
            for (key, count) in table.counts {
                try write(.text(key), to: sheet, row: UInt32(row), column: 0, fill: .none)
                try write(.integer(count), to: sheet, row: UInt32(row), column: 1, fill: .none)
                keyWidth = max(keyWidth, XLSXColumnWidths.length(of: key))
                try next()
            }
        }
        if !summary.tables.isEmpty {
            let countWidth = XLSXColumnWidths.length(of: labels.countHeader) + 2
            try check(
                worksheet_set_column(sheet, 0, 0, Double(min(keyWidth + 2, options.maxColumnWidth)), nil),
                "setting the column widths")
            try check(worksheet_set_column(sheet, 1, 1, Double(max(countWidth, 12)), nil), "setting the column widths")
        }
    }

    // MARK: - Cells

    /// Checks that a date or time cell names a real moment (the rest cannot be wrong).
    private static func validate(_ cell: XLSXCell, row: Int, column: Int) throws(SrokError) {
        switch cell {
        case .empty, .text, .integer: return
        case .date(let y, let m, let d):
            guard CivilDate(year: y, month: m, day: d) != nil else { throw badDate(cell, row: row, column: column) }
        case .dateTime(let y, let m, let d, let h, let mi, let s):
            guard CivilDate(year: y, month: m, day: d) != nil, (0...23).contains(h), (0...59).contains(mi),
                (0...59).contains(s)
            else {
                throw badDate(cell, row: row, column: column)
            }
        }
    }

    private static func badDate(_ cell: XLSXCell, row: Int, column: Int) -> SrokError {
        .invalidValue(
            field: "Excel report row \(row), column \(column + 1)", value: "\(cell)",
            expected: "a real date (year 1–9999, month 1–12, a day of that month) and a time 00:00:00–23:59:59")
    }

    /// Writes one (validated) cell with `fill`.
    @inline(__always)
    private func write(
        _ cell: XLSXCell, to sheet: UnsafeMutablePointer<lxw_worksheet>, row: UInt32, column: UInt16,
        fill: XLSXFormatPalette.Fill
    ) throws(SrokError) {
        let result: lxw_error
        switch cell {
        case .empty:
            if fill == .none { return }
            result = worksheet_write_blank(sheet, row, column, palette.format(.general, fill))
        case .text(let text):
            if text.isEmpty {
                if fill == .none { return }
                result = worksheet_write_blank(sheet, row, column, palette.format(.general, fill))
            } else {
                result = writeText(text, sheet, row, column, palette.format(.general, fill))
            }
        case .integer(let n):
            if n.magnitude <= 999_999_999_999_999 {
                result = worksheet_write_number(sheet, row, column, Double(n), palette.format(.general, fill))
            } else {
                result = writeText(String(n), sheet, row, column, palette.format(.general, fill))
            }
        case .date(let y, let m, let d):
            let day = CivilDate(year: y, month: m, day: d)!
            if let serial = ExcelSerialDate.serial(date: day, secondOfDay: 0) {
                result = worksheet_write_number(sheet, row, column, serial, palette.format(.date, fill))
            } else {
                result = writeText(XLSXReportWriter.russian(day), sheet, row, column, palette.format(.general, fill))
            }
        case .dateTime(let y, let m, let d, let h, let mi, let s):
            let day = CivilDate(year: y, month: m, day: d)!
            if let serial = ExcelSerialDate.serial(date: day, secondOfDay: h * 3600 + mi * 60 + s) {
                result = worksheet_write_number(sheet, row, column, serial, palette.format(.dateTime, fill))
            } else {
                let text =
                    XLSXReportWriter.russian(day) + " " + XLSXReportWriter.two(h) + ":" + XLSXReportWriter.two(mi)
                result = writeText(text, sheet, row, column, palette.format(.general, fill))
            }
        }
        try check(result, "writing row \(row + 1), column \(column + 1)")
    }

    /// Writes a string cell (made safe for Excel by `XLSXText`).
    private func writeText(
        _ text: String, _ sheet: UnsafeMutablePointer<lxw_worksheet>, _ row: UInt32, _ column: UInt16,
        _ format: UnsafeMutablePointer<lxw_format>?
    ) -> lxw_error {
        (XLSXText.cellSafe(text) ?? text).withCString { worksheet_write_string(sheet, row, column, $0, format) }
    }

    /// `dd.mm.yyyy` as text, for a day before 1900 (no Excel serial).
    private static func russian(_ day: CivilDate) -> String {
        let c = day.components
        return two(c.day) + "." + two(c.month) + "." + String(repeating: "0", count: max(0, 4 - String(c.year).count))
            + String(c.year)
    }

    private static func two(_ v: Int) -> String { v < 10 ? "0" + String(v) : String(v) }

    // MARK: - Errors

    /// Throws when libxlsxwriter reports an error (`doing` is only built then).
    @inline(__always)
    private func check(_ result: lxw_error, _ doing: @autoclosure () -> String) throws(SrokError) {
        guard result != LXW_NO_ERROR else { return }
        throw .io(
            path: path, message: "\(doing()) of the Excel report failed: \(String(cString: lxw_strerror(result)))")
    }

    private var finished: SrokError {
        .io(
            path: path,
            message: "the Excel report was already committed or abandoned; nothing more can be written to it")
    }

    private func tooManyRows(sheet: String) -> SrokError {
        .invalidValue(
            field: "rows of the Excel report's \(sheet) sheet",
            value: "more than \(XLSXReportWriter.maxRowsPerSheet - 1)",
            expected: "at most 1 048 575 rows after the header (Excel's limit per sheet); write CSV for larger inputs")
    }
}
