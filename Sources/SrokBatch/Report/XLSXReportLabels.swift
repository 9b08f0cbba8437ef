import SrokCore

/// The fixed words of an Excel report other than the caller's own header and summary text: the
/// names of the second and third sheets and their column headers, in one language.
package struct XLSXReportLabels: Hashable, Sendable {
    /// The language of the labels, and of the durations written as text.
    package var language: Language
    /// The summary sheet's name (at most 31 characters, none of `[]:*?/\`).
    package var summarySheet: String
    /// The rejected rows sheet's name (same rules).
    package var rejectsSheet: String
    /// The header of the counts column in the summary's tables.
    package var countHeader: String
    /// The rejected rows sheet's header of the input line column.
    package var rejectLine: String
    /// The rejected rows sheet's header of the input column (its own header name) column.
    package var rejectColumn: String
    /// The rejected rows sheet's header of the original value column.
    package var rejectValue: String
    /// The rejected rows sheet's header of the reason column.
    package var rejectReason: String

    /// Creates labels.
    package init(
        language: Language = .ru, summarySheet: String, rejectsSheet: String, countHeader: String,
        rejectLine: String, rejectColumn: String, rejectValue: String, rejectReason: String
    ) {
        self.language = language
        self.summarySheet = summarySheet
        self.rejectsSheet = rejectsSheet
        self.countHeader = countHeader
        self.rejectLine = rejectLine
        self.rejectColumn = rejectColumn
        self.rejectValue = rejectValue
        self.rejectReason = rejectReason
    }

    /// Russian (the default).
    package static let russian = XLSXReportLabels(
        language: .ru, summarySheet: "Сводка", rejectsSheet: "Отклонённые строки", countHeader: "Количество",
        rejectLine: "Строка", rejectColumn: "Столбец", rejectValue: "Исходное значение", rejectReason: "Причина")

    /// English (`--lang en`).
    package static let english = XLSXReportLabels(
        language: .en, summarySheet: "Summary", rejectsSheet: "Rejected rows", countHeader: "Count",
        rejectLine: "Line", rejectColumn: "Column", rejectValue: "Original value", rejectReason: "Reason")
}
