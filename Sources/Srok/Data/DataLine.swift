/// One directive line of a Srok data file: `keyword field field … | citation  # comment`.
///
/// The grammar is shared by calendar, region and profile files (see `Data/FORMAT.md`).
struct DataLine: Sendable {
    /// The first word.
    var keyword: String
    /// The words after the keyword (before ` | `).
    var fields: [String]
    /// The text after the keyword, before ` | `, trimmed (for names that contain spaces).
    var rest: String
    /// The text after ` | `, trimmed; `nil` when absent.
    var citation: String?
    /// Where the line is.
    var location: SourceLocation

    /// The text after the first `n` fields, trimmed (a name that follows `n` fixed fields).
    func text(after n: Int) -> String {
        var s = Substring(rest)
        for _ in 0..<n {
            s = s.drop(while: { $0 == " " || $0 == "\t" })
            s = s.drop(while: { $0 != " " && $0 != "\t" })
        }
        return s.trimmingSpaces
    }

    /// Throws a data error at this line.
    func fail(_ message: String) -> SrokError { .data(location: location, message: message) }

    /// The field at `index`, or an error naming what was expected there.
    func field(_ index: Int, _ what: String) throws(SrokError) -> String {
        guard index < fields.count else { throw fail("'\(keyword)' needs \(what) as field \(index + 1)") }
        return fields[index]
    }

    /// The citation, or an error when the directive requires one.
    func requiredCitation() throws(SrokError) -> String {
        guard let c = citation, !c.isEmpty else {
            throw fail("'\(keyword)' needs a citation of its legal source after ' | '")
        }
        return c
    }

    /// Parses field `index` as a date.
    func date(_ index: Int) throws(SrokError) -> CivilDate {
        let text = try field(index, "a date")
        do { return try CivilDate(parsing: text) } catch {
            throw fail("'\(text)' is not a date; expected YYYY-MM-DD")
        }
    }

    /// Parses field `index` as an integer in `range`.
    func int(_ index: Int, _ what: String, in range: ClosedRange<Int>) throws(SrokError) -> Int {
        let text = try field(index, what)
        guard let v = Int(text), range.contains(v) else {
            throw fail("'\(text)' is not \(what) (\(range.lowerBound)…\(range.upperBound))")
        }
        return v
    }

    /// Splits a data file into directive lines, dropping comments and blank lines.
    static func lines(of text: String, file: String) -> [DataLine] {
        var out: [DataLine] = []
        var number = 0
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            var line = Substring(raw)
            if line.hasSuffix("\r") { line = line.dropLast() }
            if let hash = commentStart(line) { line = line[..<hash] }
            var citation: String?
            if let bar = citationBar(line) {
                citation = line[line.index(bar, offsetBy: 3)...].trimmingSpaces
                line = line[..<bar]
            }
            let body = line.trimmingSpaces
            if body.isEmpty { continue }
            let words = body.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            let keyword = words[0]
            let rest = Substring(body).dropFirst(keyword.count).trimmingSpaces
            out.append(DataLine(keyword: keyword, fields: Array(words.dropFirst()), rest: rest,
                                citation: citation, location: SourceLocation(file: file, line: number)))
        }
        return out
    }

    /// Index of the first ` | ` (space, bar, space).
    private static func citationBar(_ line: Substring) -> Substring.Index? {
        var i = line.startIndex
        while i < line.endIndex {
            if line[i] == " ", line[i...].hasPrefix(" | ") { return i }
            i = line.index(after: i)
        }
        return nil
    }

    /// Index of a `#` that starts a comment: at the line start or after a space or tab.
    private static func commentStart(_ line: Substring) -> Substring.Index? {
        var previous: Character = " "
        var i = line.startIndex
        while i < line.endIndex {
            let c = line[i]
            if c == "#" && (previous == " " || previous == "\t") { return i }
            previous = c
            i = line.index(after: i)
        }
        return nil
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces, tabs and carriage returns.
    var trimmingSpaces: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\u{00A0}" }
        guard let first = firstIndex(where: { !isSpace($0) }) else { return "" }
        let last = lastIndex(where: { !isSpace($0) })!
        return String(self[first...last])
    }
}
