import SrokCore

/// The columns of the report sheet of `srok batch -o report.xlsx`: the input's columns first, as
/// the input had them (in order, under its own header names; none for JSON Lines input), then
/// Srok's ``OutputColumn``s (the batch's selection, without `id` when the input's columns are
/// there, since they hold it), each minutes column followed by the same duration as text.
package struct XLSXReportLayout: Sendable {
    /// The input's header names.
    package let inputHeader: [String]
    /// Srok's columns.
    package let columns: [OutputColumn]
    /// The language of the headers and texts.
    package let texts: XLSXReportTexts

    /// The layout of a run whose input has `inputHeader` and whose selected columns are `columns`.
    package init(inputHeader: [String], columns: [OutputColumn], language: Language) {
        self.inputHeader = inputHeader
        self.columns = inputHeader.isEmpty ? columns : columns.filter { $0 != .id }
        texts = XLSXReportTexts(language)
    }

    /// The report sheet's header.
    package var header: [String] {
        var h = inputHeader
        for c in columns {
            h.append(texts.header(c))
            if let text = texts.durationHeader(c) { h.append(text) }
        }
        return h
    }

    /// The 0-based index of the input column whose header is one of `names` (compared as the
    /// input columns are: case, `ё` and spaces aside), if any.
    package func inputColumn(named names: [String]) -> Int? {
        let keys = Set(names.map(TextKey.normalize))
        return inputHeader.firstIndex { keys.contains(TextKey.normalize($0)) }
    }

    /// Header names of an executor column (counted in the summary when the input has one).
    package static let executorNames = ["исполнитель", "executor", "ответственный исполнитель", "ответственный"]
}
