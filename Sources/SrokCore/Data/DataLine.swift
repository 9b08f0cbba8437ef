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
    func fail(_ message: LocalizedText) -> SrokError { .data(location: location, message: message) }

    /// Throws a data error at this line that carries another error's message.
    func fail(_ error: SrokError) -> SrokError { fail(error.localized) }

    /// Throws a data error at this line, in both languages.
    func fail(ru: String, en: String) -> SrokError { fail(LocalizedText(ru: ru, en: en)) }

    /// The field at `index`, or an error naming what was expected there.
    func field(_ index: Int, _ what: LocalizedText) throws(SrokError) -> String {
        guard index < fields.count else {
            throw fail(
                ru: "после «\(keyword)» в поле \(index + 1) нужно: \(what.ru)",
                en: "'\(keyword)' needs \(what.en) as field \(index + 1)")
        }
        return fields[index]
    }

    /// The citation, or an error when the directive requires one.
    func requiredCitation() throws(SrokError) -> String {
        guard let c = citation, !c.isEmpty else {
            throw fail(
                ru: "у «\(keyword)» нужна ссылка на правовой источник после « | »",
                en: "'\(keyword)' needs a citation of its legal source after ' | '")
        }
        return c
    }

    /// Parses field `index` as a date.
    func date(_ index: Int) throws(SrokError) -> CivilDate {
        let text = try field(index, LocalizedText(ru: "дата", en: "a date"))
        do { return try CivilDate(parsing: text) } catch {
            throw fail(
                ru: "«\(text)» — не дата; ожидается ГГГГ-ММ-ДД", en: "'\(text)' is not a date; expected YYYY-MM-DD")
        }
    }

    /// Parses field `index` as an integer in `range`.
    func int(_ index: Int, _ what: LocalizedText, in range: ClosedRange<Int>) throws(SrokError) -> Int {
        let text = try field(index, what)
        guard let v = Int(text), range.contains(v) else {
            throw fail(
                ru: "«\(text)» — не \(what.ru) (\(range.lowerBound)–\(range.upperBound))",
                en: "'\(text)' is not \(what.en) (\(range.lowerBound)…\(range.upperBound))")
        }
        return v
    }

    /// Parses field `index` as a year of ``YearSpan/supportedYears``.
    func year(_ index: Int, _ what: LocalizedText = LocalizedText(ru: "год", en: "a year")) throws(SrokError) -> Int {
        try int(index, what, in: YearSpan.supportedYears)
    }

    /// Parses fields `index` and `index + 1` as a first year and a last year or `open`.
    func yearSpan(_ index: Int) throws(SrokError) -> YearSpan {
        let from = try year(index, LocalizedText(ru: "первый год", en: "a first year"))
        let toText = try field(index + 1, LocalizedText(ru: "последний год или «open»", en: "a last year or 'open'"))
        return YearSpan(
            from: from,
            through: toText == "open"
                ? nil
                : try int(
                    index + 1, LocalizedText(ru: "последний год", en: "a last year"),
                    in: from...YearSpan.supportedYears.upperBound))
    }

    /// Parses field `index` as a date in `year` (or, with `orAdjacent`, in the year before or after).
    func date(_ index: Int, inYear year: Int, orAdjacent: Bool = false) throws(SrokError) -> CivilDate {
        let d = try date(index)
        guard d.year == year || (orAdjacent && abs(d.year - year) == 1) else {
            throw fail(ru: "\(d) — не в \(year) году", en: "\(d) is not in year \(year)")
        }
        return d
    }

    /// Splits a data file into directive lines, dropping comments and blank lines.
    ///
    /// Works on UTF-8 bytes (the embedded data is parsed at every process start, so this is on
    /// the path of every `srok` command): only the kept pieces become `String`s.
    static func lines(of text: String, file: String) -> [DataLine] {
        var out: [DataLine] = []
        var text = text
        text.withUTF8 { b in
            var number = 0
            var lineStart = 0
            while lineStart <= b.count {
                var lineEnd = lineStart
                while lineEnd < b.count, b[lineEnd] != 0x0A { lineEnd += 1 }
                number += 1
                if let line = parseLine(b, lineStart, lineEnd, number: number, file: file) { out.append(line) }
                lineStart = lineEnd + 1
            }
        }
        return out
    }

    private static func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0D }

    private static func parseLine(
        _ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int,
        number: Int, file: String
    ) -> DataLine? {
        var hi = end
        // A comment: '#' at the line start or after a space or tab.
        var i = start
        while i < hi {
            if b[i] == 0x23, i == start || b[i - 1] == 0x20 || b[i - 1] == 0x09 {
                hi = i
                break
            }
            i += 1
        }
        // The citation: after the first " | ".
        var citation: String?
        i = start
        while i + 2 < hi {
            if b[i] == 0x20, b[i + 1] == 0x7C, b[i + 2] == 0x20 {
                citation = trimmed(b, i + 3, hi)
                hi = i
                break
            }
            i += 1
        }
        var lo = start
        while lo < hi, isSpace(b[lo]) { lo += 1 }
        while hi > lo, isSpace(b[hi - 1]) { hi -= 1 }
        if lo == hi { return nil }
        var words: [String] = []
        var w = lo
        while w < hi {
            while w < hi, isSpace(b[w]) { w += 1 }
            let ws = w
            while w < hi, !isSpace(b[w]) { w += 1 }
            if w > ws { words.append(String(decoding: UnsafeBufferPointer(rebasing: b[ws..<w]), as: UTF8.self)) }
        }
        var restStart = lo + words[0].utf8.count
        while restStart < hi, isSpace(b[restStart]) { restStart += 1 }
        let rest = String(decoding: UnsafeBufferPointer(rebasing: b[restStart..<hi]), as: UTF8.self)
        return DataLine(
            keyword: words[0], fields: Array(words.dropFirst()), rest: rest,
            citation: citation, location: SourceLocation(file: file, line: number))
    }

    private static func trimmed(_ b: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int) -> String {
        var lo = lo
        var hi = hi
        while lo < hi, isSpace(b[lo]) { lo += 1 }
        while hi > lo, isSpace(b[hi - 1]) { hi -= 1 }
        return String(decoding: UnsafeBufferPointer(rebasing: b[lo..<hi]), as: UTF8.self)
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces, tabs and carriage returns.
    package var trimmingSpaces: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\u{00A0}" }
        guard let first = firstIndex(where: { !isSpace($0) }) else { return "" }
        let last = lastIndex(where: { !isSpace($0) })!
        return String(self[first...last])
    }
}
