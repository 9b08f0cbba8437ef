import SrokCore

/// The character encoding of a text (CSV) input (`--encoding`).
public enum InputEncoding: String, Sendable, Hashable, CaseIterable {
    /// Detected: a byte-order mark (UTF-8, UTF-16LE, UTF-16BE), else UTF-8 when the text is
    /// valid UTF-8, else Windows-1251 (Russian Excel's "CSV (разделители — запятые)").
    case auto
    /// UTF-8, with or without a BOM (Excel's "CSV UTF-8" writes one).
    case utf8 = "utf-8"
    /// UTF-16 little-endian, with or without a BOM (Excel's "Текст Юникод": BOM, TAB-separated).
    case utf16le = "utf-16le"
    /// UTF-16 big-endian, with or without a BOM.
    case utf16be = "utf-16be"
    /// Windows-1251 (Cyrillic).
    case windows1251 = "windows-1251"

    /// What `--encoding` accepts, for messages.
    public static let accepted = LocalizedText(
        ru: "auto, utf-8, utf-16le, utf-16be или windows-1251 (также utf8, utf-16, cp1251, 1251)",
        en: "auto, utf-8, utf-16le, utf-16be or windows-1251 (also utf8, utf-16, cp1251, 1251)")

    /// Parses an `--encoding` value, ignoring case (`utf-16` means little-endian, as Excel and
    /// Windows write it).
    public init(argument: String) throws(SrokError) {
        switch argument.lowercased() {
        case "auto": self = .auto
        case "utf-8", "utf8": self = .utf8
        case "utf-16le", "utf16le", "utf-16", "utf16", "unicode": self = .utf16le
        case "utf-16be", "utf16be": self = .utf16be
        case "windows-1251", "cp1251", "1251", "win1251", "windows1251": self = .windows1251
        default: throw .invalidValue(field: "--encoding", value: argument, expected: Self.accepted)
        }
    }

    /// ICU's converter name (nil for UTF-8 and auto, which need no conversion).
    var icuName: String? {
        switch self {
        case .auto, .utf8: nil
        case .utf16le: "UTF-16LE"
        case .utf16be: "UTF-16BE"
        case .windows1251: "windows-1251"
        }
    }

    /// The BOM this encoding may start with.
    var byteOrderMark: [UInt8] {
        switch self {
        case .utf8: [0xEF, 0xBB, 0xBF]
        case .utf16le: [0xFF, 0xFE]
        case .utf16be: [0xFE, 0xFF]
        case .auto, .windows1251: []
        }
    }
}
