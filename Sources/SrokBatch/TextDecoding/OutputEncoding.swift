import SrokCore

/// The character encoding of a CSV output and of the rejects file (`--output-encoding`); by
/// default the input's, so that a file Russian Excel saved comes back in the form it opens.
public enum OutputEncoding: String, Sendable, Hashable, CaseIterable {
    /// UTF-8 without a BOM.
    case utf8 = "utf-8"
    /// UTF-8 with a BOM (Excel's "CSV UTF-8"; Excel reads UTF-8 without one as the ANSI code page).
    case utf8BOM = "utf-8-bom"
    /// UTF-16 little-endian with a BOM (Excel's "Текст Юникод").
    case utf16le = "utf-16le"
    /// UTF-16 big-endian with a BOM.
    case utf16be = "utf-16be"
    /// Windows-1251; a character it lacks (an emoji, a Latin letter with a diacritic) is written `?`.
    case windows1251 = "windows-1251"

    /// What `--output-encoding` accepts, for messages.
    public static let accepted = LocalizedText(
        ru: "utf-8, utf-8-bom, utf-16le, utf-16be или windows-1251 (также utf8, utf-16, cp1251, 1251)",
        en: "utf-8, utf-8-bom, utf-16le, utf-16be or windows-1251 (also utf8, utf-16, cp1251, 1251)")

    /// Parses an `--output-encoding` value, ignoring case (`utf-16` means little-endian, with a BOM).
    public init(argument: String) throws(SrokError) {
        switch argument.lowercased() {
        case "utf-8", "utf8": self = .utf8
        case "utf-8-bom", "utf8-bom", "utf-8-sig", "utf8bom": self = .utf8BOM
        case "utf-16le", "utf16le", "utf-16", "utf16", "unicode": self = .utf16le
        case "utf-16be", "utf16be": self = .utf16be
        case "windows-1251", "cp1251", "1251", "win1251", "windows1251": self = .windows1251
        default: throw .invalidValue(field: "--output-encoding", value: argument, expected: Self.accepted)
        }
    }

    /// The output encoding that gives back an input read as `input`; `bom` when it began with one.
    init(input: InputEncoding, bom: Bool) {
        switch input {
        case .auto, .utf8: self = bom ? .utf8BOM : .utf8
        case .utf16le: self = .utf16le
        case .utf16be: self = .utf16be
        case .windows1251: self = .windows1251
        }
    }

    /// ICU's converter name (nil for UTF-8, written as it is).
    var icuName: String? {
        switch self {
        case .utf8, .utf8BOM: nil
        case .utf16le: "UTF-16LE"
        case .utf16be: "UTF-16BE"
        case .windows1251: "windows-1251"
        }
    }

    /// The BOM written first.
    var byteOrderMark: [UInt8] {
        switch self {
        case .utf8, .windows1251: []
        case .utf8BOM: [0xEF, 0xBB, 0xBF]
        case .utf16le: [0xFF, 0xFE]
        case .utf16be: [0xFE, 0xFF]
        }
    }
}
