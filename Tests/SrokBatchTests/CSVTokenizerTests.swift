import PropertyBased
import Testing

@testable import SrokBatch

/// The CSV tokenizer (sixteen bytes at a time for quote-free lines, eight at a time when it
/// copies a quoted record) against a plain byte-by-byte reference: the same records, fields,
/// line counts and resume points, wherever a delimiter, quote or line end falls in a block.
@Suite("CSV tokenizer")
struct CSVTokenizerTests {
    /// One `read` as the reference sees it.
    enum Read: Equatable, CustomStringConvertible {
        case record(next: Int, lines: Int, fields: [[UInt8]])
        case unbalancedQuote(next: Int)
        case junkAfterQuote(next: Int, lines: Int)

        var description: String {
            switch self {
            case .record(let next, let lines, let fields):
                "record(next: \(next), lines: \(lines), fields: \(fields.map { String(decoding: $0, as: UTF8.self) }))"
            case .unbalancedQuote(let next): "unbalancedQuote(next: \(next))"
            case .junkAfterQuote(let next, let lines): "junkAfterQuote(next: \(next), lines: \(lines))"
            }
        }
    }

    static let lf: UInt8 = 0x0A
    static let cr: UInt8 = 0x0D
    static let quote: UInt8 = 0x22

    /// RFC 4180 as the batch reads it, one byte at a time: a field that starts with a quote is
    /// quoted (a doubled quote is one quote; LF, CR and the delimiter are text in it; it ends at
    /// the quote before the delimiter or the line end, anything else there is junk up to the
    /// line end); any other field runs to the delimiter or the line end, a quote in it is text.
    /// A line end is an LF, a CRLF (one) or a lone CR; inside quotes each is counted.
    static func referenceRead(_ b: [UInt8], from start: Int, end: Int, delimiter d: UInt8) -> Read {
        func after(_ i: Int) -> Int { b[i] == cr && i + 1 < end && b[i + 1] == lf ? i + 2 : i + 1 }
        var fields: [[UInt8]] = []
        var i = start
        var lines = 0
        while true {
            var field: [UInt8] = []
            if i < end && b[i] == quote {
                i += 1
                while true {
                    guard i < end else {
                        // Resume after the first line end of the record's first line.
                        var j = start
                        while j < end && b[j] != lf && b[j] != cr { j += 1 }
                        return .unbalancedQuote(next: j < end ? after(j) : end)
                    }
                    let c = b[i]
                    if c == quote {
                        if i + 1 < end && b[i + 1] == quote {
                            field.append(quote)
                            i += 2
                            continue
                        }
                        i += 1
                        break
                    }
                    if c == lf || (c == cr && (i + 1 == end || b[i + 1] != lf)) { lines += 1 }
                    field.append(c)
                    i += 1
                }
                fields.append(field)
                if i == end { return .record(next: end, lines: lines, fields: fields) }
                if b[i] == d {
                    i += 1
                    continue
                }
                if b[i] == lf || b[i] == cr { return .record(next: after(i), lines: lines + 1, fields: fields) }
                var j = i
                while j < end && b[j] != lf && b[j] != cr { j += 1 }
                return j == end
                    ? .junkAfterQuote(next: end, lines: lines) : .junkAfterQuote(next: after(j), lines: lines + 1)
            }
            while i < end && b[i] != d && b[i] != lf && b[i] != cr {
                field.append(b[i])
                i += 1
            }
            fields.append(field)
            if i == end { return .record(next: end, lines: lines, fields: fields) }
            if b[i] == d {
                i += 1
                continue
            }
            return .record(next: after(i), lines: lines + 1, fields: fields)
        }
    }

    /// What the tokenizer reads at `start` of `b[..<end]`, in the reference's terms; checks on
    /// the way that a record called ASCII is, and that a quote-free line's ASCII flag is exact.
    static func read(_ t: inout CSVTokenizer, _ b: [UInt8], from start: Int, end: Int) -> Read {
        b.withUnsafeBufferPointer { p in
            switch t.read(p, from: start, end: end) {
            case .record(let next, let lines):
                let fields = (0..<t.count).map { Array(t.record[t.range($0)]) }
                #expect(t.ends[t.count - 1] == t.record.count)
                let raw = b[start..<next]
                let isASCII = t.isASCII
                let record = Array(t.record)
                if isASCII { #expect(record.allSatisfy { $0 < 0x80 }, "called ASCII: \(raw)") }
                if !raw.contains(quote) {
                    let line = raw.prefix { $0 != lf && $0 != cr }
                    #expect(isASCII == line.allSatisfy { $0 < 0x80 }, "ASCII flag of \(Array(raw))")
                }
                return .record(next: next, lines: lines, fields: fields)
            case .unbalancedQuote(let next): return .unbalancedQuote(next: next)
            case .junkAfterQuote(let next, let lines): return .junkAfterQuote(next: next, lines: lines)
            }
        }
    }

    /// Every record of `b[..<end]` read one after the other (as a worker walks its segment), by
    /// the tokenizer and by the reference; nil when they agree, else the first difference.
    static func firstDifference(_ b: [UInt8], end: Int, delimiter d: UInt8) -> String? {
        var t = CSVTokenizer(delimiter: d)
        var i = 0
        while i < end {
            let expected = referenceRead(b, from: i, end: end, delimiter: d)
            let got = read(&t, b, from: i, end: end)
            if got != expected { return "at \(i) of \(b) (end \(end)): \(got), expected \(expected)" }
            switch got {
            case .record(let next, _, _), .unbalancedQuote(let next), .junkAfterQuote(let next, _): i = next
            }
        }
        return nil
    }

    /// The fields of the one record `text` is (a whole line), read by the tokenizer.
    static func fields(_ text: [UInt8], delimiter d: UInt8 = 0x2C) -> [[UInt8]]? {
        var t = CSVTokenizer(delimiter: d)
        guard case .record(_, _, let f) = read(&t, text, from: 0, end: text.count) else { return nil }
        return f
    }

    /// Pieces rows are made of: text of every length up to a block and more, Cyrillic (two-byte
    /// characters), a byte that is not UTF-8, the delimiters, quotes, line ends of every style,
    /// a TAB and other bytes 0x08–0x0F next to LF and CR.
    static let pieces: [[UInt8]] = [
        Array("a".utf8), Array("bcdefgh".utf8), Array("0123456789abcdefghi".utf8), Array("Я".utf8),
        Array("ЯмыВыбоины".utf8), [0xFF], [0x2C], [0x2C], [0x2C], [0x3B], [0x09], [0x22], [0x22, 0x22], [0x0A],
        [0x0D], [0x0D, 0x0A], [0x0A, 0x0D], [0x08], [0x0B], [0x0C], [0x0E], [0x0F], [0x07], [0x10], [0x00],
    ]
    static let rows = Gen.int(in: 0...(pieces.count - 1)).map { pieces[$0] }.array(of: 0...80).map { $0.flatMap { $0 } }

    @Test func agreesWithTheByteByByteReferenceOnRandomRows() async {
        await propertyCheck(count: 3000, input: Self.rows, Gen.int(in: 0...2), Gen.int(in: 0...100)) {
            b, delimiterChoice, cut in
            let d: UInt8 = [0x2C, 0x3B, 0x09][delimiterChoice]
            // The whole buffer, and a segment that ends earlier (the bytes after it are line
            // ends and delimiters: a read past the end would change what is found).
            #expect(Self.firstDifference(b, end: b.count, delimiter: d) == nil)
            let end = b.count * cut / 100
            let fenced = Array(b[..<end]) + Array(repeating: 0x0A, count: 8) + Array(repeating: d, count: 24)
            #expect(Self.firstDifference(fenced, end: end, delimiter: d) == nil)
        }
    }

    @Test func quoteFreeLinesSplitAtEveryDelimiterWhereverItFalls() {
        // A first field of `p` bytes, then a field with a delimiter after `k` bytes: the
        // delimiter lies at every lane of a sixteen-byte block and on both sides of its end.
        for p in 0...17 {
            for k in 0...40 {
                let first = Array(repeating: UInt8(ascii: "p"), count: p)
                let x = Array(repeating: UInt8(ascii: "x"), count: k)
                let y = Array("yyyyy".utf8)
                let line = first + [0x2C] + x + [0x2C] + y + [0x0A]
                #expect(Self.fields(line) == [first, x, y], "p \(p) k \(k)")
                // Two delimiters side by side: an empty field between them.
                let empty = first + [0x2C] + x + [0x2C, 0x2C] + y
                #expect(Self.fields(empty) == [first, x, [], y], "p \(p) k \(k)")
            }
        }
    }

    @Test func everyLineEndStyleEndsTheRecordWhereverItFalls() {
        for p in 0...17 {
            for k in 0...40 {
                let head = Array(repeating: UInt8(ascii: "p"), count: p) + [0x2C] + Array(repeating: 0x78, count: k)
                for lineEnd: [UInt8] in [[0x0A], [0x0D], [0x0D, 0x0A]] {
                    // `head` ⏎ `zz`: the first record is head's two fields; the next starts after
                    // the whole line end (a CRLF is one), one line spanned.
                    let b = head + lineEnd + Array("zz".utf8)
                    var t = CSVTokenizer(delimiter: 0x2C)
                    let first = Self.read(&t, b, from: 0, end: b.count)
                    let next = head.count + lineEnd.count
                    #expect(
                        first == .record(next: next, lines: 1, fields: [Array(head[..<p]), Array(head[(p + 1)...])]),
                        "p \(p) k \(k) \(lineEnd)")
                    #expect(
                        Self.read(&t, b, from: next, end: b.count)
                            == .record(next: b.count, lines: 0, fields: [[0x7A, 0x7A]]))
                }
            }
        }
    }

    @Test func aQuoteAnywhereIsReadAsRFC4180Says() {
        for p in 0...17 {
            for k in 0...40 {
                let first = Array(repeating: UInt8(ascii: "p"), count: p)
                let x = Array(repeating: UInt8(ascii: "x"), count: k)
                // A quote after `k` bytes of a field: at its start it opens a quoted field (here
                // `"y"` → `y`); later in the field it is text.
                let line = first + [0x2C] + x + [0x22, 0x79, 0x22] + [0x2C, 0x7A, 0x0A]
                let expected = k == 0 ? [0x79] : x + [0x22, 0x79, 0x22]
                #expect(Self.fields(line) == [first, expected, [0x7A]], "p \(p) k \(k)")
                // Inside a quoted field the delimiter, a doubled quote, LF, CR and CRLF are text
                // wherever they fall, each line end counted.
                let quoted = first + [0x2C, 0x22] + x + Array(",\"\"\n\r\r\n".utf8) + x + [0x22, 0x2C, 0x7A]
                var t = CSVTokenizer(delimiter: 0x2C)
                #expect(
                    Self.read(&t, quoted, from: 0, end: quoted.count)
                        == .record(
                            next: quoted.count, lines: 3, fields: [first, x + Array(",\"\n\r\r\n".utf8) + x, [0x7A]]),
                    "p \(p) k \(k)")
            }
        }
    }

    @Test func bytesAbove0x7FAnywhereAreTextAndClearTheASCIIFlag() {
        for k in 0...40 {
            let x = Array(repeating: UInt8(ascii: "x"), count: k)
            for high: UInt8 in [0x80, 0xD0, 0xFF] {
                let line = x + [high] + Array(",b\n".utf8)
                var t = CSVTokenizer(delimiter: 0x2C)
                #expect(
                    Self.read(&t, line, from: 0, end: line.count)
                        == .record(next: line.count, lines: 1, fields: [x + [high], [0x62]]))
                let nonASCII = !t.isASCII
                #expect(nonASCII)
                // The next line's bytes (in the same block) do not count for this one.
                let two = x + Array(",b\n".utf8) + [high]
                #expect(
                    Self.read(&t, two, from: 0, end: two.count) == .record(next: k + 3, lines: 1, fields: [x, [0x62]]))
                let isASCII = t.isASCII
                #expect(isASCII, "k \(k)")
            }
        }
    }

    @Test func emptyFieldsAndEmptyLines() {
        // `,,,` is four empty fields; an empty line one empty field; a record that is the
        // segment's end without a line end counts no line.
        #expect(Self.fields(Array(",,,\n".utf8)) == [[], [], [], []])
        #expect(Self.fields(Array("\n".utf8)) == [[]])
        #expect(Self.fields(Array("\"\",\"\"".utf8)) == [[], []])
        var t = CSVTokenizer(delimiter: 0x2C)
        let b = Array("a,b".utf8)
        #expect(Self.read(&t, b, from: 0, end: 3) == .record(next: 3, lines: 0, fields: [[0x61], [0x62]]))
    }

    @Test func badQuotesResumeWhereTheReferenceDoes() {
        // `"ab"c` is junk after a closing quote: the record is skipped to its line end (byte 7).
        var t = CSVTokenizer(delimiter: 0x2C)
        let junk = Array("x,\"ab\"c\ny\n".utf8)
        #expect(Self.read(&t, junk, from: 0, end: junk.count) == .junkAfterQuote(next: 8, lines: 1))
        // A quote never closed: resume after the record's first line (byte 5).
        let open = Array("x,\"a\nb,c\n".utf8)
        #expect(Self.read(&t, open, from: 0, end: open.count) == .unbalancedQuote(next: 5))
    }

    @Test func aTabDelimiterAmongTheLineEndBytes() {
        // TAB (0x09) lies among the bytes 0x08–0x0F the scan stops at for LF and CR.
        for k in 0...20 {
            let x = Array(repeating: UInt8(ascii: "x"), count: k)
            let line = x + [0x09] + x + [0x0B, 0x09, 0x0D, 0x0A]
            #expect(Self.fields(line, delimiter: 0x09) == [x, x + [0x0B], []], "k \(k)")
            #expect(Self.fields(line, delimiter: 0x2C) == [line.dropLast(2).map { $0 }], "k \(k)")
        }
    }
}
