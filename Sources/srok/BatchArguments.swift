import ArgumentParser

/// `--input-format` and `--output-format` of `srok batch`.
enum BatchFileFormat: String, CaseIterable, ExpressibleByArgument {
    /// Comma- or semicolon-separated values with a header row.
    case csv
    /// JSON Lines: one JSON object per line.
    case jsonl
}

/// `--output-format` of `srok batch`.
enum BatchOutputFormat: String, CaseIterable, ExpressibleByArgument {
    /// Comma- or semicolon-separated values with a header row.
    case csv
    /// JSON Lines: one JSON object per line.
    case jsonl
    /// An Excel workbook, the report: the input's columns and Srok's, a summary sheet and the
    /// rejected rows (chosen by default for an output named `*.xlsx`).
    case xlsx
}

/// `--delimiter` and `--output-delimiter` of `srok batch`: written as the character itself
/// (`,` `;`, or `\t` for a tab) or by name.
enum CSVDelimiter: String, CaseIterable, ExpressibleByArgument {
    /// `,`.
    case comma
    /// `;` (the ПОС export's).
    case semicolon
    /// A tab.
    case tab

    init?(argument: String) {
        switch argument {
        case ",", "comma": self = .comma
        case ";", "semicolon": self = .semicolon
        case "\t", "\\t", "tab": self = .tab
        default: return nil
        }
    }

    /// The byte the CSV reader and writer use.
    var byte: UInt8 {
        switch self {
        case .comma: 0x2C
        case .semicolon: 0x3B
        case .tab: 0x09
        }
    }
}
