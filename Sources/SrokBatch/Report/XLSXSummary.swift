/// The content of the report's second sheet («Сводка»): free text lines first (calendar and data
/// version, the as-of instant, the input file…), then one table of counts per section (by
/// status, stage, organisation, executor, the audit of the platform's planned dates…).
package struct XLSXSummary: Sendable {
    /// Lines written one per row in column A, in order, before the tables.
    package var lines: [String]
    /// The tables, in order, each after a blank row.
    package var tables: [XLSXSummaryTable]

    /// Creates a summary.
    package init(lines: [String] = [], tables: [XLSXSummaryTable] = []) {
        self.lines = lines
        self.tables = tables
    }
}

/// One section of the summary: a bold title row (the section in column A, the count header in
/// column B), then one row per key with its count (a number cell).
package struct XLSXSummaryTable: Sendable {
    /// The section's title, e.g. «По статусу».
    package var section: String
    /// The keys and their counts, in the order given.
    package var counts: [(key: String, count: Int)]

    /// Creates a table.
    package init(section: String, counts: [(key: String, count: Int)]) {
        self.section = section
        self.counts = counts
    }
}
