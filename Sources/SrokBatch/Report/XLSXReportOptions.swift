/// How an Excel report is written (the defaults suit `srok batch -o report.xlsx`).
package struct XLSXReportOptions: Hashable, Sendable {
    /// Whether `commit()` makes the report durable: fsync of the file before the rename and of its
    /// folder after it (the CLI's `--no-fsync` turns it off).
    package var durable: Bool
    /// Where libxlsxwriter keeps its temporary files (one per sheet in constant-memory mode, about
    /// the size of the sheet's XML, unlinked as soon as they are created); `nil`: the system's
    /// (`tmpfile(3)`, i.e. /tmp).
    package var temporaryDirectory: String?
    /// How many data rows (after the header) are measured for the column widths.
    package var widthSampleRows: Int
    /// The widest a column is made, in Excel's character units.
    package var maxColumnWidth: Int

    /// Creates options.
    package init(
        durable: Bool = true, temporaryDirectory: String? = nil, widthSampleRows: Int = 1000, maxColumnWidth: Int = 60
    ) {
        self.durable = durable
        self.temporaryDirectory = temporaryDirectory
        self.widthSampleRows = widthSampleRows
        self.maxColumnWidth = maxColumnWidth
    }
}
