/// Where a value came from: a file (or `<embedded>/…`) and a 1-based line.
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    /// The file name or path (embedded files are named `<embedded>/calendars/…`).
    public var file: String
    /// The 1-based line number.
    public var line: Int
    /// Creates a location.
    public init(file: String, line: Int) {
        self.file = file
        self.line = line
    }
    /// `file:line`.
    public var description: String { "\(file):\(line)" }
}

/// Every error Srok reports. Each case says what was wrong, where, and what is accepted.
public enum SrokError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A value (CLI argument, CSV field, API input) that is malformed or not allowed.
    case invalidValue(field: String, value: String, expected: String)
    /// A required value (CLI argument, request key, column) that was not given at all.
    case missing(field: String, expected: String)
    /// A date outside the range a calendar covers, with the covered range and what to do.
    case outOfCoverage(date: CivilDate, calendar: String, covered: ClosedRange<CivilDate>, hint: String)
    /// A syntax or consistency error in a data file (calendar, region, profile).
    case data(location: SourceLocation, message: String)
    /// A data set that does not match its officially published figures.
    case dataMismatch(calendar: String, year: Int, message: String)
    /// An IANA time-zone identifier ICU does not know.
    case unknownTimeZone(String)
    /// A calendar, region or profile identifier that is not loaded.
    case unknown(kind: String, name: String, known: [String])
    /// An ICU call that failed (ICU's UErrorCode value).
    case icu(operation: String, code: Int32)
    /// A file that could not be read or written.
    case io(path: String, message: String)

    /// A readable, single-line message.
    public var description: String {
        switch self {
        case .invalidValue(let field, let value, let expected):
            return "invalid \(field): '\(value)'; expected \(expected)"
        case .missing(let field, let expected):
            return "missing \(field): expected \(expected)"
        case .outOfCoverage(let date, let calendar, let covered, let hint):
            return
                "\(date) is outside calendar \(calendar), which covers \(covered.lowerBound)…\(covered.upperBound)\(hint.isEmpty ? "" : "; " + hint)"
        case .data(let location, let message):
            return "\(location): \(message)"
        case .dataMismatch(let calendar, let year, let message):
            return "calendar \(calendar), year \(year): \(message)"
        case .unknownTimeZone(let zone):
            return "unknown time zone '\(zone)'; expected an IANA zone such as Europe/Moscow or Asia/Yekaterinburg"
        case .unknown(let kind, let name, let known):
            return "unknown \(kind) '\(name)'; known: \(known.joined(separator: ", "))"
        case .icu(let operation, let code):
            return "ICU failed in \(operation) (UErrorCode \(code))"
        case .io(let path, let message):
            return "\(path): \(message)"
        }
    }
}
