internal import CXLSXWriter
import SrokCore
import SrokFiles

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes an Excel report (.xlsx) with libxlsxwriter, row by row, in bounded memory.
///
/// The workbook has three sheets, in this order:
/// 1. the report (`sheetName`): a bold header row, frozen and with an autofilter over all rows,
///    then one row per appended row — text, numbers and real Excel date cells, with the row's
///    highlight and the overdue control cells in red; column widths from the header and the first
///    rows' values;
/// 2. the summary (`labels.summarySheet`): the free lines and count tables given to `finish`;
/// 3. the rejected rows (`labels.rejectsSheet`): line, column, original value and reason, one row
///    per `appendRejected`, frozen header and autofilter.
///
/// Rows of sheets 1 and 3 may be appended in any interleaving (each sheet streams its own rows, in
/// order); the summary is written by `finish`. libxlsxwriter's constant-memory mode keeps one row in
/// memory per sheet and streams the rest to a temporary file per sheet (see
/// `XLSXReportOptions.temporaryDirectory`); strings are written inline, with no shared-string table.
///
/// libxlsxwriter writes the workbook when it is closed, opening the file by name: it is given the
/// ``AtomicFile``'s own descriptor's name (`/proc/self/fd/N`), so it writes the very file the
/// ``AtomicFile`` created (`O_EXCL`, `O_NOFOLLOW`, mode 0600) even if its name in the folder were
/// swapped meanwhile; the ``AtomicFile`` then syncs it and renames it into place (``commit(summary:)``,
/// or the batch's ``OutputSet``). `srok batch` uses ``XLSXStreamWriter``, which is faster; this
/// writer is the reference it is compared with (see ``XLSXReportBackend``).
package final class XLSXReportWriter: XLSXReportBackend {
    /// The file the workbook is written into.
    let file: AtomicFile
    /// The report's final path.
    package var path: String { file.target }
    /// The report sheet's header (one column per name).
    package let header: [String]
    /// The data rows appended to the report sheet so far.
    package private(set) var rowCount = 0
    /// The rows appended to the rejected rows sheet so far.
    package private(set) var rejectedCount = 0

    /// Excel's rows per sheet, the header included.
    package static let maxRowsPerSheet = xlsxMaxRowsPerSheet

    private let sheetName: String
    private let labels: XLSXReportLabels
    private let options: XLSXReportOptions
    /// The workbook until it is closed (committed) or freed (abandoned).
    private var workbook: UnsafeMutablePointer<lxw_workbook>?
    /// libxlsxwriter keeps this pointer (the `tmpdir` option) until the workbook is closed.
    private var temporaryDirectory: UnsafeMutablePointer<CChar>?
    private let sheets: Sheets
    private let palette: XLSXFormatPalette
    private var widths: XLSXColumnWidths
    private var rejectWidths: XLSXColumnWidths
    private let durations: XLSXDurationText
    /// A text cell's bytes and a NUL, for libxlsxwriter.
    private var scratch: [CChar] = []

    /// The three worksheets.
    private struct Sheets {
        var report: UnsafeMutablePointer<lxw_worksheet>
        var summary: UnsafeMutablePointer<lxw_worksheet>
        var rejects: UnsafeMutablePointer<lxw_worksheet>
        var all: [UnsafeMutablePointer<lxw_worksheet>] { [report, summary, rejects] }
    }

    /// Starts a report in `file` (see ``XLSXReportBackend``): the workbook and its three sheets,
    /// and the report's and the rejects' headers.
    /// - Parameters:
    ///   - sheetName: the report sheet's name, e.g. «Сроки» (at most 31 characters, none of `[]:*?/\`).
    ///   - header: the report sheet's column names (1 to 16 384).
    /// - Throws: `SrokError.invalidValue` for a bad sheet name or header, `SrokError.io` when
    ///   libxlsxwriter's temporary files cannot be created.
    init(
        file: AtomicFile, sheetName: String, header: [String], labels: XLSXReportLabels,
        options: XLSXReportOptions
    ) throws(SrokError) {
        let path = file.target
        guard !header.isEmpty, header.count <= 16_384 else {
            throw .invalidValue(
                field: "Excel report header", value: String(header.count),
                expected: LocalizedText(
                    ru: "от 1 до 16 384 столбцов (предел Excel)", en: "1 to 16 384 columns (Excel's limit)"))
        }
        if let dir = options.temporaryDirectory {
            // libxlsxwriter would quietly fall back to another folder (tmpfileplus tries $TMP,
            // $TEMP, /tmp): a folder given must be usable.
            var info = stat()
            let problem: LocalizedText? =
                stat(dir, &info) != 0
                ? SystemErrorText.text(errno)
                : (info.st_mode & S_IFMT) != S_IFDIR
                    ? LocalizedText(ru: "это не каталог", en: "not a folder")
                    : access(dir, W_OK | X_OK) != 0 ? SystemErrorText.text(errno) : nil
            if let problem {
                throw .io(
                    path: dir,
                    message: LocalizedText(
                        ru: "здесь нельзя держать временные файлы отчёта Excel: ",
                        en: "cannot keep the Excel report's temporary files there: ") + problem)
            }
        }
        let tmpdir = options.temporaryDirectory.map { strdup($0)! }
        var settings = lxw_workbook_options(constant_memory: 1, tmpdir: tmpdir, use_zip64: 0)
        guard let workbook = workbook_new_opt(file.descriptorPath, &settings) else {
            free(tmpdir)
            throw .io(
                path, ru: "не удаётся начать книгу Excel (не хватает памяти)",
                en: "cannot start the Excel workbook (out of memory)")
        }
        var added: [UnsafeMutablePointer<lxw_worksheet>] = []
        for name in [sheetName, labels.summarySheet, labels.rejectsSheet] {
            let valid = name.isEmpty ? LXW_ERROR_PARAMETER_VALIDATION : workbook_validate_sheet_name(workbook, name)
            guard valid == LXW_NO_ERROR, let sheet = workbook_add_worksheet(workbook, name) else {
                XLSXReportWriter.release(workbook, sheets: added)
                free(tmpdir)
                if valid != LXW_NO_ERROR {
                    throw .invalidValue(field: "Excel sheet name", value: name, expected: XLSXSheetNames.accepted)
                }
                let folder = options.temporaryDirectory
                throw .io(
                    path: path,
                    message: LocalizedText(
                        ru: "не удаётся создать временный файл листа «\(name)» в "
                            + (folder ?? "системном каталоге временных файлов") + ": ",
                        en: "cannot create the temporary file of sheet «\(name)» in "
                            + (folder ?? "the system's temporary folder") + ": ") + SystemErrorText.text(errno))
            }
            added.append(sheet)
        }
        self.header = header
        self.sheetName = sheetName
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
        self.durations = XLSXDurationText(language: labels.language)
        try writeHeader(header, to: sheets.report)
        try writeHeader(rejectHeader, to: sheets.rejects)
    }

    deinit { abandon() }

    func appendEncodedRows(_ rows: UnsafeBufferPointer<UInt8>) throws(SrokError) {
        guard workbook != nil else { throw finished }
        var decoder = XLSXRowDecoder(rows)
        while let highlight = decoder.nextRow() {
            guard rowCount + 1 < xlsxMaxRowsPerSheet else { throw Self.tooManyRows(sheet: sheetName) }
            let row = UInt32(rowCount + 1)
            let fill = XLSXFormatPalette.Fill(highlight)
            let measuring = widths.measuring
            var column = 0
            while let (cell, overdue) = decoder.nextCell() {
                guard column < header.count else { throw Self.tooManyCells(row: rowCount + 1, columns: header.count) }
                try write(
                    cell, to: sheets.report, row: row, column: UInt16(column), fill: overdue ? .overdueCell : fill)
                if measuring {
                    widths.observe(column: column, length: XLSXColumnWidths.length(of: cell, durations: durations))
                }
                column += 1
            }
            if fill != .none {
                for c in column..<header.count {
                    try write(XLSXEncodedCell.empty, to: sheets.report, row: row, column: UInt16(c), fill: fill)
                }
            }
            if measuring { widths.endRow() }
            rowCount += 1
        }
    }

    /// Appends a row to the rejected rows sheet.
    /// - Throws: `SrokError.invalidValue` beyond Excel's 1 048 576 rows.
    func appendRejected(_ rejected: XLSXRejectedRow) throws(SrokError) {
        guard workbook != nil else { throw finished }
        guard rejectedCount + 1 < xlsxMaxRowsPerSheet else { throw Self.tooManyRows(sheet: labels.rejectsSheet) }
        let row = UInt32(rejectedCount + 1)
        let cells: [XLSXCell] = [
            .integer(rejected.line), .text(rejected.column), .text(rejected.value), .text(rejected.reason),
        ]
        for (column, cell) in cells.enumerated() {
            try write(cell, to: sheets.rejects, row: row, column: UInt16(column))
        }
        if rejectWidths.measuring { rejectWidths.observe(cells) }
        rejectedCount += 1
    }

    func finish(summary: XLSXSummary) throws(SrokError) {
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
                let why =
                    errno == 0
                    ? LocalizedText(verbatim: "")
                    : LocalizedText(verbatim: " (") + SystemErrorText.text(errno) + ")"
                throw .io(
                    path: path,
                    message: LocalizedText(
                        ru: "не удаётся записать книгу Excel: ошибка libxlsxwriter № \(closed.rawValue)",
                        en: "cannot write the Excel workbook: \(String(cString: lxw_strerror(closed)))") + why)
            }
        } catch {
            abandon()
            throw error
        }
    }

    /// Frees the workbook and drops the file (``XLSXReportBackend/abandon()``).
    func abandon() {
        if let workbook {
            XLSXReportWriter.release(workbook, sheets: sheets.all)
            self.workbook = nil
        }
        free(temporaryDirectory)
        temporaryDirectory = nil
        file.abandon()
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
            try check(
                writeText(Array(name.utf8), sheet, 0, UInt16(column), palette.header),
                LocalizedText(ru: "запись заголовка", en: "writing the header"))
        }
        worksheet_freeze_panes(sheet, 1, 0)
    }

    /// Sets the autofilter over the header and `rows` data rows, and the column widths.
    private func finishTable(_ sheet: UnsafeMutablePointer<lxw_worksheet>, rows: Int, widths: XLSXColumnWidths)
        throws(SrokError)
    {
        let last = UInt16(widths.widths.count - 1)
        try check(
            worksheet_autofilter(sheet, 0, 0, UInt32(rows), last),
            LocalizedText(ru: "установка автофильтра", en: "setting the autofilter"))
        for column in 0...last {
            try check(
                worksheet_set_column(sheet, column, column, widths.width(Int(column)), nil),
                LocalizedText(ru: "установка ширины столбцов", en: "setting the column widths")
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
            guard row < xlsxMaxRowsPerSheet else { throw Self.tooManyRows(sheet: labels.summarySheet) }
        }
        for line in summary.lines {
            try write(.text(line), to: sheet, row: UInt32(row), column: 0)
            try next()
        }
        for table in summary.tables {
            if row > 0 { try next() }
            try check(
                writeText(Array(table.section.utf8), sheet, UInt32(row), 0, palette.header),
                LocalizedText(ru: "запись сводки", en: "writing the summary"))
            try check(
                writeText(Array(labels.countHeader.utf8), sheet, UInt32(row), 1, palette.header),
                LocalizedText(ru: "запись сводки", en: "writing the summary"))
            keyWidth = max(keyWidth, XLSXColumnWidths.length(of: table.section))
            try next()
            for (key, count) in table.counts {
                try write(.text(key), to: sheet, row: UInt32(row), column: 0)
                try write(.integer(count), to: sheet, row: UInt32(row), column: 1)
                keyWidth = max(keyWidth, XLSXColumnWidths.length(of: key))
                try next()
            }
        }
        if !summary.tables.isEmpty {
            let countWidth = XLSXColumnWidths.length(of: labels.countHeader) + 2
            try check(
                worksheet_set_column(sheet, 0, 0, Double(min(keyWidth + 2, options.maxColumnWidth)), nil),
                LocalizedText(ru: "установка ширины столбцов", en: "setting the column widths"))
            try check(
                worksheet_set_column(sheet, 1, 1, Double(max(countWidth, 12)), nil),
                LocalizedText(ru: "установка ширины столбцов", en: "setting the column widths"))
        }
    }

    // MARK: - Cells

    /// Writes one cell of the summary or the rejects (no fill).
    private func write(
        _ cell: XLSXCell, to sheet: UnsafeMutablePointer<lxw_worksheet>, row: UInt32, column: UInt16
    ) throws(SrokError) {
        switch cell {
        case .text(let s):
            try check(
                writeText(Array(s.utf8), sheet, row, column, nil),
                LocalizedText(ru: "запись строки \(row + 1)", en: "writing row \(row + 1)"))
        case .integer(let n): try write(.integer(n), to: sheet, row: row, column: column, fill: .none)
        default: try write(XLSXEncodedCell.empty, to: sheet, row: row, column: column, fill: .none)
        }
    }

    /// Writes one cell with `fill`.
    @inline(__always)
    private func write(
        _ cell: XLSXEncodedCell, to sheet: UnsafeMutablePointer<lxw_worksheet>, row: UInt32, column: UInt16,
        fill: XLSXFormatPalette.Fill
    ) throws(SrokError) {
        let result: lxw_error
        switch cell {
        case .empty:
            if fill == .none { return }
            result = worksheet_write_blank(sheet, row, column, palette.format(.general, fill))
        case .text(let text):
            result = writeText(text, sheet, row, column, palette.format(.general, fill))
        case .integer(let n):
            if n.magnitude <= 999_999_999_999_999 {
                result = worksheet_write_number(sheet, row, column, Double(n), palette.format(.general, fill))
            } else {
                result = writeText(Array(String(n).utf8), sheet, row, column, palette.format(.general, fill))
            }
        case .date(let day):
            if let serial = ExcelSerialDate.serial(date: day, secondOfDay: 0) {
                result = worksheet_write_number(sheet, row, column, serial, palette.format(.date, fill))
            } else {
                result = writeText(
                    Array(XLSXReportWriter.russian(day).utf8), sheet, row, column, palette.format(.general, fill))
            }
        case .dateTime(let day, let second):
            if let serial = ExcelSerialDate.serial(date: day, secondOfDay: second) {
                result = worksheet_write_number(sheet, row, column, serial, palette.format(.dateTime, fill))
            } else {
                let text =
                    XLSXReportWriter.russian(day) + " " + XLSXReportWriter.two(second / 3600) + ":"
                    + XLSXReportWriter.two(second / 60 % 60)
                result = writeText(Array(text.utf8), sheet, row, column, palette.format(.general, fill))
            }
        case .duration(let minutes, let style):
            result = durations.withText(minutes, style) {
                writeText($0, sheet, row, column, palette.format(.general, fill))
            }
        }
        try check(
            result,
            LocalizedText(
                ru: "запись строки \(row + 1), столбца \(column + 1)",
                en: "writing row \(row + 1), column \(column + 1)"))
    }

    /// Writes a string cell of UTF-8 bytes (made safe for Excel by `XLSXText`); an empty text
    /// writes a blank, or nothing without a fill.
    private func writeText(
        _ text: UnsafeBufferPointer<UInt8>, _ sheet: UnsafeMutablePointer<lxw_worksheet>, _ row: UInt32,
        _ column: UInt16, _ format: UnsafeMutablePointer<lxw_format>?
    ) -> lxw_error {
        if text.isEmpty { return format == nil ? LXW_NO_ERROR : worksheet_write_blank(sheet, row, column, format) }
        if text.count > XLSXText.maxLength || text.contains(where: { $0 == 0x5F || $0 == 0xEF }),
            let safe = XLSXText.cellSafe(String(decoding: text, as: UTF8.self))
        {
            return safe.withCString { worksheet_write_string(sheet, row, column, $0, format) }
        }
        scratch.removeAll(keepingCapacity: true)
        for b in text { scratch.append(CChar(bitPattern: b)) }
        scratch.append(0)
        return scratch.withUnsafeBufferPointer { worksheet_write_string(sheet, row, column, $0.baseAddress, format) }
    }

    /// Writes a string cell.
    private func writeText(
        _ text: [UInt8], _ sheet: UnsafeMutablePointer<lxw_worksheet>, _ row: UInt32, _ column: UInt16,
        _ format: UnsafeMutablePointer<lxw_format>?
    ) -> lxw_error {
        text.withUnsafeBufferPointer { writeText($0, sheet, row, column, format) }
    }

    /// `dd.mm.yyyy` as text, for a day before 1900 (no Excel serial).
    static func russian(_ day: CivilDate) -> String {
        let c = day.components
        return two(c.day) + "." + two(c.month) + "." + String(repeating: "0", count: max(0, 4 - String(c.year).count))
            + String(c.year)
    }

    /// Two digits.
    static func two(_ v: Int) -> String { v < 10 ? "0" + String(v) : String(v) }

    // MARK: - Errors

    /// Throws when libxlsxwriter reports an error (`doing` is only built then).
    @inline(__always)
    private func check(_ result: lxw_error, _ doing: @autoclosure () -> LocalizedText) throws(SrokError) {
        guard result != LXW_NO_ERROR else { return }
        let what = doing()
        throw .io(
            path: path,
            message: LocalizedText(
                ru: "\(what.ru) отчёта Excel: ошибка libxlsxwriter № \(result.rawValue)",
                en: "\(what.en) of the Excel report failed: \(String(cString: lxw_strerror(result)))"))
    }
}
