import ArgumentParser
import Srok

/// `--input-format` of `srok batch`.
enum BatchInputFormat: String, CaseIterable, ExpressibleByArgument {
    /// Comma-, semicolon- or TAB-separated values with a header row.
    case csv
    /// JSON Lines: one JSON object per line.
    case jsonl
    /// An Office Open XML workbook (.xlsx).
    case xlsx
}

/// `--encoding` of `srok batch`: a CSV input's text encoding (the library's ``InputEncoding``,
/// with its aliases: `utf8`, `utf-16`, `cp1251`, `1251` …).
enum InputEncodingArgument: String, CaseIterable, ExpressibleByArgument {
    /// Detected: a BOM, else valid UTF-8, else Windows-1251.
    case auto
    /// UTF-8.
    case utf8 = "utf-8"
    /// UTF-16 little-endian (Excel's "Текст Юникод").
    case utf16le = "utf-16le"
    /// UTF-16 big-endian.
    case utf16be = "utf-16be"
    /// Windows-1251 (Russian Excel's CSV).
    case windows1251 = "windows-1251"

    init?(argument: String) {
        guard let e = try? InputEncoding(argument: argument) else { return nil }
        self.init(rawValue: e.rawValue)
    }

    /// The library's value.
    var encoding: InputEncoding { InputEncoding(rawValue: rawValue)! }
}

/// `--output-encoding` of `srok batch` (the library's ``OutputEncoding``, with its aliases).
enum OutputEncodingArgument: String, CaseIterable, ExpressibleByArgument {
    /// UTF-8 without a BOM.
    case utf8 = "utf-8"
    /// UTF-8 with a BOM (Excel's "CSV UTF-8").
    case utf8BOM = "utf-8-bom"
    /// UTF-16 little-endian with a BOM.
    case utf16le = "utf-16le"
    /// UTF-16 big-endian with a BOM.
    case utf16be = "utf-16be"
    /// Windows-1251.
    case windows1251 = "windows-1251"

    init?(argument: String) {
        guard let e = try? OutputEncoding(argument: argument) else { return nil }
        self.init(rawValue: e.rawValue)
    }

    /// The library's value.
    var encoding: OutputEncoding { OutputEncoding(rawValue: rawValue)! }
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

/// `--delimiter` and `--output-delimiter` of `srok batch` (and `--delimiter` of `srok calendar
/// --format csv`): written as the character itself
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

    /// The same as a character.
    var character: Character { Character(Unicode.Scalar(byte)) }
}
