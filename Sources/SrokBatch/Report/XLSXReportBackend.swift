import SrokCore

/// A writer of the Excel report: the workbook ``XLSXReportWriter`` describes (the report sheet, the
/// summary, the rejected rows), written into an ``AtomicFile`` that its owner renames into place.
///
/// Two writers do it: ``XLSXStreamWriter``, the one `srok batch` uses (its own SpreadsheetML and
/// ZIP, deflated at zlib's fastest level as it goes), and ``XLSXReportWriter`` (libxlsxwriter),
/// kept as the independent reference the first is compared with cell by cell and as
/// `--xlsx-writer libxlsxwriter`. Not thread-safe: one writer is driven by one thread.
protocol XLSXReportBackend: AnyObject {
    /// Starts a report in `file` (a new temporary file): the three sheets and the headers of the
    /// report and of the rejected rows.
    /// - Throws: `SrokError.invalidValue` for a bad sheet name or header (1 to 16 384 names),
    ///   `SrokError.io` when the workbook cannot be started.
    init(
        file: AtomicFile, sheetName: String, header: [String], labels: XLSXReportLabels, options: XLSXReportOptions
    ) throws(SrokError)
    /// The file the workbook is written to.
    var file: AtomicFile { get }
    /// The report sheet's column names.
    var header: [String] { get }
    /// Data rows appended so far.
    var rowCount: Int { get }
    /// Rejected rows appended so far.
    var rejectedCount: Int { get }
    /// Appends encoded rows (``XLSXRowEncoding``) to the report sheet: each row's cells fill the
    /// columns from the first; the columns after its last cell are empty (filled blanks in a
    /// highlighted row).
    /// - Throws: `SrokError.invalidValue` for a row with more cells than columns or beyond Excel's
    ///   1 048 576 rows; `SrokError.io` when writing fails.
    func appendEncodedRows(_ rows: UnsafeBufferPointer<UInt8>) throws(SrokError)
    /// Appends a row to the rejected rows sheet.
    /// - Throws: `SrokError.invalidValue` beyond Excel's 1 048 576 rows.
    func appendRejected(_ rejected: XLSXRejectedRow) throws(SrokError)
    /// Writes the summary sheet and completes the workbook in ``file`` (which the caller then
    /// prepares and publishes, or abandons). Nothing can be appended after.
    func finish(summary: XLSXSummary) throws(SrokError)
    /// Drops the workbook and its file (``AtomicFile/abandon()``: a file already renamed into place stays).
    func abandon()
}

/// Excel's rows per sheet, the header included.
let xlsxMaxRowsPerSheet = 1_048_576

extension XLSXReportBackend {
    /// Starts a report that ``commit(summary:)`` puts at `path` (written beside it in an
    /// ``AtomicFile``, synced when `options.durable`).
    init(
        path: String, sheetName: String, header: [String], labels: XLSXReportLabels = .russian,
        options: XLSXReportOptions = XLSXReportOptions()
    ) throws(SrokError) {
        let file = try AtomicFile(target: path, durable: options.durable)
        try self.init(file: file, sheetName: sheetName, header: header, labels: labels, options: options)
    }

    /// Appends a data row to the report sheet.
    /// - Parameters:
    ///   - cells: one cell per header column, in order; fewer leave the last columns empty.
    ///   - highlight: the whole row's fill.
    ///   - overdueColumns: the 0-based columns of overdue control cells, filled in a stronger red
    ///     than the row.
    /// - Throws: `SrokError.invalidValue` for more cells than columns, an overdue column outside
    ///   the header, an impossible date or time, or a row beyond Excel's 1 048 576; nothing of the
    ///   row is written then.
    func appendRow(_ cells: [XLSXCell], highlight: XLSXRowHighlight = .none, overdueColumns: [Int] = [])
        throws(SrokError)
    {
        guard cells.count <= header.count, overdueColumns.allSatisfy({ (0..<header.count).contains($0) }) else {
            throw .invalidValue(
                field: "Excel report row \(rowCount + 1)", value: String(cells.count),
                expected: Self.cellsExpected(header.count))
        }
        for (column, cell) in cells.enumerated() {
            try XLSXCell.validate(cell, row: rowCount + 1, column: column)
        }
        var sink = ByteSink(capacity: 256)
        XLSXRowEncoder.encode(cells, highlight: highlight, overdueColumns: overdueColumns, into: &sink)
        try sink.withUnsafeBytes { (p) throws(SrokError) in try appendEncodedRows(p) }
    }

    /// Writes the summary, completes the workbook and renames it over the path (``AtomicFile``:
    /// synced, and its folder, when durable). On failure the temporary file is removed and the
    /// path left as it was.
    func commit(summary: XLSXSummary) throws(SrokError) {
        do throws(SrokError) {
            try finish(summary: summary)
            try file.commit()
        } catch {
            abandon()
            throw error
        }
    }

    /// The error of a row past Excel's limit on sheet `sheet`.
    static func tooManyRows(sheet: String) -> SrokError {
        .invalidValue(
            field: "Excel report sheet '\(sheet)' rows", value: "> \(xlsxMaxRowsPerSheet - 1)",
            expected: LocalizedText(
                ru:
                    "не больше 1 048 575 строк после заголовка (предел Excel для листа); для больших входов пишите CSV",
                en: "at most 1 048 575 rows after the header (Excel's limit per sheet); write CSV for larger inputs"))
    }

    /// The error of a row with more cells than the header has columns.
    static func tooManyCells(row: Int, columns: Int) -> SrokError {
        .invalidValue(field: "Excel report row \(row)", value: "> \(columns)", expected: cellsExpected(columns))
    }

    /// What a row's cells must be: at most one per header column.
    static func cellsExpected(_ columns: Int) -> LocalizedText {
        LocalizedText(
            ru: "не больше \(columns) ячеек, по одной на столбец заголовка",
            en: "at most \(columns) cells, one per header column")
    }

    /// The error of anything done after ``finish(summary:)`` or ``abandon()``.
    var finished: SrokError {
        .io(
            file.target, ru: "отчёт Excel уже завершён или брошен; в него больше ничего не записать",
            en: "the Excel report was already completed or abandoned; nothing more can be written to it")
    }
}

extension XLSXCell {
    /// Checks that a date or time cell names a real moment (the rest cannot be wrong).
    static func validate(_ cell: XLSXCell, row: Int, column: Int) throws(SrokError) {
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
            expected: LocalizedText(
                ru: "настоящая дата (год 1–9999, месяц 1–12, день этого месяца) и время 00:00:00–23:59:59",
                en: "a real date (year 1–9999, month 1–12, a day of that month) and a time 00:00:00–23:59:59"))
    }
}

/// An Excel report at a path, written by either writer: the report writers' API for code outside
/// the module (the write benchmark). Not thread-safe.
package final class XLSXReportFile {
    private let backend: any XLSXReportBackend

    /// Starts a report that ``commit(summary:)`` puts at `path` (see ``XLSXReportBackend``).
    package init(
        _ kind: XLSXWriterKind, path: String, sheetName: String, header: [String],
        labels: XLSXReportLabels = .russian, options: XLSXReportOptions = XLSXReportOptions()
    ) throws(SrokError) {
        switch kind {
        case .stream:
            backend = try XLSXStreamWriter(
                path: path, sheetName: sheetName, header: header, labels: labels, options: options)
        case .libxlsxwriter:
            backend = try XLSXReportWriter(
                path: path, sheetName: sheetName, header: header, labels: labels, options: options)
        }
    }

    /// Appends a data row (``XLSXReportBackend/appendRow(_:highlight:overdueColumns:)``).
    package func appendRow(_ cells: [XLSXCell], highlight: XLSXRowHighlight = .none, overdueColumns: [Int] = [])
        throws(SrokError)
    {
        try backend.appendRow(cells, highlight: highlight, overdueColumns: overdueColumns)
    }

    /// Appends a rejected row.
    package func appendRejected(_ rejected: XLSXRejectedRow) throws(SrokError) {
        try backend.appendRejected(rejected)
    }

    /// Completes the workbook and renames it over the path.
    package func commit(summary: XLSXSummary) throws(SrokError) { try backend.commit(summary: summary) }

    /// Drops the report and its temporary file.
    package func abandon() { backend.abandon() }
}
