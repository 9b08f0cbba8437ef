// fuzz-options: -max_len=1024
import Foundation

// libFuzzer harness for the batch JSON Lines reader (Sources/SrokBatch/JSONLineReader.swift).
// The input is split at line feeds and every line read by one reader, as the batch does.
// Invariants: never crash or loop; a failure has a message; every field of
// an accepted line is a range inside the reader's scratch; a warmed-up reader (its per-position
// key cache filled by the lines before) reads each line exactly as a fresh reader does; a line
// the reader accepts is a flat JSON object by RFC 8259's grammar (``FlatJSON``, on valid UTF-8
// lines); where Foundation's JSONSerialization reads the line too, the two agree on the value of
// every known column (the same text for strings; the same number; null is absent).

@_cdecl("LLVMFuzzerTestOneInput")
public func jsonLinesFuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let input = UnsafeBufferPointer(start: data, count: size)
    var warm = JSONLineReader()
    var warmFields = RowFields()
    var start = 0
    while start <= size {
        var end = start
        while end < size, input[end] != 0x0A { end += 1 }
        let line = UnsafeBufferPointer(rebasing: input[start..<end])
        check(line, warm: &warm, warmFields: &warmFields)
        start = end + 1
    }
    return 0
}

/// The value of each column slot as read: nil when absent (or null).
private typealias Values = [[UInt8]?]

private func read(_ line: UnsafeBufferPointer<UInt8>, _ reader: inout JSONLineReader, _ fields: inout RowFields) -> (values: Values?, error: String?) {
    do {
        try reader.read(line, into: &fields)
    } catch {
        let message = String(describing: error)
        guard !message.isEmpty else { fatalError("an empty error message") }
        return (nil, message)
    }
    var values: Values = []
    for c in InputColumn.allCases {
        guard let r = fields[c.slot] else { values.append(nil); continue }
        guard r.lowerBound >= 0, r.upperBound <= reader.scratch.count else { fatalError("field \(c) range \(r) outside scratch \(reader.scratch.count)") }
        values.append(Array(reader.scratch[r]))
    }
    return (values, nil)
}

private func check(_ line: UnsafeBufferPointer<UInt8>, warm: inout JSONLineReader, warmFields: inout RowFields) {
    let seen = read(line, &warm, &warmFields)
    var fresh = JSONLineReader()
    var freshFields = RowFields()
    let first = read(line, &fresh, &freshFields)
    guard seen.values == first.values, seen.error == first.error else {
        fatalError("warm reader \(String(describing: seen)) vs fresh \(String(describing: first))")
    }
    guard let values = first.values else { return }
    // What the reader accepts is a flat JSON object (judged on valid UTF-8 only: the batch
    // checks UTF-8 before the reader sees a line).
    if String(validating: line, as: UTF8.self) != nil, !FlatJSON.isObject(line) {
        fatalError("the reader accepts a line that is not a flat JSON object: \(String(decoding: line, as: UTF8.self).debugDescription)")
    }
    // Differential: Foundation's reading of the same line, when it reads it (it refuses numbers
    // beyond Double's range, which RFC 8259 allows).
    guard let object = try? JSONSerialization.jsonObject(with: Data(line), options: []) as? [String: Any] else { return }
    // Keys the reader saw (a fresh reader remembers one per position); compare only when Foundation
    // saw as many (no duplicate key it merged) and no two keys name the same column.
    guard object.count == fresh.lastKeys.count else { return }
    var columns: [InputColumn: Any] = [:]
    for (key, value) in object {
        guard let column = fresh.lookup[TextKey.normalize(key)] else { continue }
        guard columns[column] == nil else { return }
        columns[column] = value
    }
    for c in InputColumn.allCases {
        let mine = values[InputColumn.allCases.firstIndex(of: c)!]
        switch columns[c] {
        case nil, is NSNull:
            guard mine == nil else { fatalError("\(c): reader has \(mine!), Foundation none") }
        case let s as String:
            guard let mine, mine == Array(s.utf8) else { fatalError("\(c): reader has \(String(describing: mine)), Foundation \(Array(s.utf8))") }
        case let n as NSNumber:
            guard let mine else { fatalError("\(c): reader has none, Foundation \(n)") }
            let text = String(decoding: mine, as: UTF8.self)
            if text == "true" || text == "false" { continue }  // NSNumber also holds booleans
            // Foundation keeps a long integer as a Decimal of 38 digits: beyond Double's 15–17
            // significant digits the two readings agree only to a relative 1e-12.
            let d = n.doubleValue
            guard let v = Double(text), v == d || (v.isNaN && d.isNaN) || abs(v - d) <= 1e-12 * max(abs(v), abs(d)) else {
                fatalError("\(c): reader has \(text), Foundation \(n)")
            }
        default:
            return  // a nested value: the reader refuses those, so it cannot be here
        }
    }
}

/// RFC 8259's grammar for one line holding an object whose values are strings, numbers, `true`,
/// `false` or `null` (the reader's format), written out independently of the reader.
enum FlatJSON {
    static func isObject(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = b.count
        func ws() { while i < n, b[i] == 0x20 || b[i] == 0x09 || b[i] == 0x0D || b[i] == 0x0A { i += 1 } }
        func eat(_ c: UInt8) -> Bool { if i < n, b[i] == c { i += 1; return true }; return false }
        func digits() -> Bool { let from = i; while i < n, b[i] &- 0x30 <= 9 { i += 1 }; return i > from }
        func hex() -> Bool {
            guard i < n else { return false }
            let c = b[i] | 0x20
            guard c &- 0x30 <= 9 || (c >= 0x61 && c <= 0x66) else { return false }
            i += 1; return true
        }
        func string() -> Bool {
            guard eat(0x22) else { return false }
            while i < n, b[i] != 0x22 {
                if b[i] < 0x20 { return false }
                if b[i] == 0x5C {
                    i += 1
                    guard i < n else { return false }
                    switch b[i] {
                    case 0x22, 0x5C, 0x2F, 0x62, 0x66, 0x6E, 0x72, 0x74: i += 1
                    case 0x75: i += 1; guard hex(), hex(), hex(), hex() else { return false }
                    default: return false
                    }
                } else { i += 1 }
            }
            return eat(0x22)
        }
        func number() -> Bool {
            _ = eat(0x2D)
            if eat(0x30) {} else if i < n, b[i] >= 0x31 && b[i] <= 0x39 { _ = digits() } else { return false }
            if eat(0x2E) { guard digits() else { return false } }
            if i < n, b[i] | 0x20 == 0x65 { i += 1; if !eat(0x2B) { _ = eat(0x2D) }; guard digits() else { return false } }
            return true
        }
        func literal(_ word: StaticString) -> Bool {
            let w = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
            guard i + w.count <= n, b[i..<(i + w.count)].elementsEqual(w) else { return false }
            i += w.count; return true
        }
        func value() -> Bool {
            guard i < n else { return false }
            switch b[i] {
            case 0x22: return string()
            case 0x74: return literal("true")
            case 0x66: return literal("false")
            case 0x6E: return literal("null")
            default: return number()
            }
        }
        ws()
        guard eat(0x7B) else { return false }
        ws()
        if !eat(0x7D) {
            repeat {
                ws()
                guard string() else { return false }
                ws()
                guard eat(0x3A) else { return false }
                ws()
                guard value() else { return false }
                ws()
            } while eat(0x2C)
            guard eat(0x7D) else { return false }
        }
        ws()
        return i == n
    }
}
