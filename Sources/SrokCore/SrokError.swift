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

/// Every error Srok reports. Each case says what was wrong, where, and what is accepted, in both
/// output languages (``LocalizedText``): ``message(_:)`` renders it in one of them.
public enum SrokError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A value (CLI argument, CSV field, API input) that is malformed or not allowed. `field` is a
    /// code the user typed or reads (an option, a request key, a column) or one of the generic
    /// names ``fieldName(_:_:)`` translates.
    case invalidValue(field: String, value: String, expected: LocalizedText)
    /// A required value (CLI argument, request key, column) that was not given at all.
    case missing(field: String, expected: LocalizedText)
    /// A date outside the range a calendar covers, with the covered range and what to do.
    case outOfCoverage(date: CivilDate, calendar: String, covered: ClosedRange<CivilDate>, hint: LocalizedText)
    /// A syntax or consistency error in a data file (calendar, region, profile).
    case data(location: SourceLocation, message: LocalizedText)
    /// A data set that does not match its officially published figures.
    case dataMismatch(calendar: String, year: Int, message: LocalizedText)
    /// An IANA time-zone identifier ICU does not know.
    case unknownTimeZone(String)
    /// A calendar, region or profile identifier that is not loaded (`kind` in the nominative),
    /// the known ones and, optionally, what else is accepted. With no known ones but a hint, the
    /// hint alone follows the name (the suggestions for what was probably meant).
    case unknown(kind: LocalizedText, name: String, known: [String], hint: LocalizedText = LocalizedText(verbatim: ""))
    /// An ICU call that failed (ICU's UErrorCode value).
    case icu(operation: String, code: Int32)
    /// A file that could not be read or written.
    case io(path: String, message: LocalizedText)

    /// The message in Russian, the default language (see ``message(_:)``).
    public var description: String { message(.ru) }

    /// A readable, single-line message in `lang`.
    public func message(_ lang: Language) -> String {
        let ru = lang == .ru
        switch self {
        case .invalidValue(let field, let value, let expected):
            let name = Self.fieldName(field, lang)
            return ru
                ? "недопустимое значение \(name): «\(value)»; ожидается \(expected.ru)"
                : "invalid \(name): '\(value)'; expected \(expected.en)"
        case .missing(let field, let expected):
            let name = Self.fieldName(field, lang)
            return ru ? "не указано \(name): ожидается \(expected.ru)" : "missing \(name): expected \(expected.en)"
        case .outOfCoverage(let date, let calendar, let covered, let hint):
            let tail = hint.isEmpty ? "" : "; " + hint(lang)
            return ru
                ? "дата \(date.russian) вне календаря \(calendar), который охватывает \(covered.lowerBound.russian)–\(covered.upperBound.russian)\(tail)"
                : "\(date) is outside calendar \(calendar), which covers \(covered.lowerBound)…\(covered.upperBound)\(tail)"
        case .data(let location, let message):
            return "\(location): \(message(lang))"
        case .dataMismatch(let calendar, let year, let message):
            return ru
                ? "календарь \(calendar), \(year) год: \(message.ru)"
                : "calendar \(calendar), year \(year): \(message.en)"
        case .unknownTimeZone(let zone):
            return ru
                ? "неизвестный часовой пояс «\(zone)»; ожидается зона IANA, например Europe/Moscow или Asia/Yekaterinburg"
                : "unknown time zone '\(zone)'; expected an IANA zone such as Europe/Moscow or Asia/Yekaterinburg"
        case .unknown(let kind, let name, let known, let hint):
            let list = known.joined(separator: ", ")
            if known.isEmpty, !hint.isEmpty {
                // Suggestions instead of a list: «…; возможно, имелся в виду RU-TA (…)».
                return ru ? "неизвестный \(kind.ru) «\(name)»; \(hint.ru)" : "unknown \(kind.en) '\(name)'; \(hint.en)"
            }
            let tail = hint.isEmpty ? "" : " " + hint(lang)
            return ru
                ? "неизвестный \(kind.ru) «\(name)»; известны: \(list.isEmpty ? "нет ни одного" : list)\(tail)"
                : "unknown \(kind.en) '\(name)'; known: \(list.isEmpty ? "none" : list)\(tail)"
        case .icu(let operation, let code):
            return ru
                ? "сбой ICU в вызове \(operation) (код ошибки \(code))"
                : "ICU failed in \(operation) (UErrorCode \(code))"
        case .io(let path, let message):
            return path.isEmpty ? message(lang) : "\(path): \(message(lang))"
        }
    }

    /// The message in both languages (to carry it inside another message).
    public var localized: LocalizedText { LocalizedText(ru: message(.ru), en: message(.en)) }

    /// The name of `field` in a message: codes (options, request keys, columns) as they are; the
    /// generic names the core uses where no code applies (`year`, `month`, `date` …) translated.
    public static func fieldName(_ field: String, _ lang: Language) -> String {
        guard lang == .ru else { return field }
        switch field {
        case "year": return "год"
        case "month": return "месяц"
        case "quarter": return "квартал"
        case "date": return "дата"
        case "timestamp": return "время"
        case "days": return "срок в днях"
        case "through": return "конец периода"
        case "header": return "заголовок"
        case "month-day": return "месяц и день"
        case "row": return "строка"
        case "stage shares": return "доли этапов"
        case "term": return "срок"
        case "warningPercent": return "порог предупреждения"
        case "minutes": return "минуты"
        case "request": return "запрос"
        case "Excel report header": return "заголовок отчёта Excel"
        case "Excel sheet name": return "название листа Excel"
        default: return russianPlace(field) ?? field
        }
    }

    /// The Russian of a generic name with a part that varies (`share of execution`, `control
    /// executor-take`, `request: term_days`, the Excel report's rows and cells, a workbook's or a
    /// converter's place `<file>, sheet 'S', cell B7` / `<file>, byte N`), or nil for a code. Read
    /// byte by byte: a batch renders it for every rejected row.
    private static func russianPlace(_ field: String) -> String? {
        let u = field.utf8
        func drop(_ n: Int) -> Substring { field.dropFirst(n) }
        if u.starts(with: "share of ".utf8) { return "доля этапа " + drop(9) }
        if u.starts(with: "control ".utf8) { return "контроль " + drop(8) }
        // A request read without a source's name (`request: term_days`): the word translated.
        if u.starts(with: "request: ".utf8) { return "запрос: " + drop(9) }
        // The Excel report's cells: `Excel report row 5[, column 3]`, `Excel report sheet 'X' rows`.
        if u.starts(with: "Excel report row ".utf8) {
            let rest = drop(17)
            if let c = rest.firstRange(of: ", column ") {
                return "строка \(rest[..<c.lowerBound]), столбец \(rest[c.upperBound...]) отчёта Excel"
            }
            return "строка \(rest) отчёта Excel"
        }
        if u.starts(with: "Excel report sheet '".utf8), field.hasSuffix("' rows") {
            return "строки листа «" + field.dropFirst(20).dropLast(6) + "» отчёта Excel"
        }
        // Only a place has a comma: `<file>, sheet 'S', cell B7`, `…, row 7`, `<file>, byte N`.
        guard u.contains(UInt8(ascii: ",")) else { return nil }
        if let s = field.firstRange(of: ", sheet '"), let q = field[s.upperBound...].lastIndex(of: "'") {
            let rest = String(field[field.index(after: q)...])
            return field[..<s.lowerBound] + ", лист «" + field[s.upperBound..<q] + "»" + (russianPlace(rest) ?? rest)
        }
        if let c = field.firstRange(of: ", cell ") {
            return field[..<c.lowerBound] + ", ячейка " + field[c.upperBound...]
        }
        if let r = field.firstRange(of: ", row "), field[r.upperBound...].allSatisfy(\.isNumber) {
            return field[..<r.lowerBound] + ", строка " + field[r.upperBound...]
        }
        // `<file>, byte N` (a converter's error): only that word is translated.
        if let comma = field.lastIndex(of: ","), field[comma...].hasPrefix(", byte ") {
            return field[..<comma] + ", байт " + field[field.index(comma, offsetBy: 7)...]
        }
        return nil
    }
}
