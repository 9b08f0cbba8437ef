// fuzz-options: -max_len=64

// libFuzzer harness for the timestamp and date parsers (Fuzz/run.sh builds it).
// Invariants: never crash; an accepted text names a real date and time; every accepted instant
// formats (in UTC) and parses back to itself, and so does every accepted local time; the
// fixed-form fast path agrees with the general parser; the String API agrees with the byte API;
// reading a local time in a zone and formatting the instant in that zone gives the local time
// back (up to a gap where clocks moved forward); a date or time written without leading zeros
// (`1.3.2025 9:05`, as Excel writes it) names what its zero-padded form names, and a two-digit
// year is never accepted.

/// A zone with a long history of changes (Moscow: DST until 2011, UTC+4 2011–2014, UTC+3 since).
private let moscow = try! ZoneRules(identifier: "Europe/Moscow")

@_cdecl("LLVMFuzzerTestOneInput")
public func timestampFuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    // The word-at-a-time fast path agrees with the general parser wherever it answers.
    if size == 25, let fast = Timestamp.parseFixedISO(bytes) {
        guard case .instant(let general)? = Timestamp.parseGeneral(bytes), general == fast else { fatalError("fast path \(fast) differs") }
    }
    let parsed = Timestamp.parse(bytes)
    // The String API (the CLI's and the history JSON's) accepts exactly what the byte API accepts.
    if let text = String(validating: bytes, as: UTF8.self) {
        let viaString = try? Timestamp(parsing: text, field: "fuzz")
        guard viaString == parsed else { fatalError("String API \(String(describing: viaString)) vs bytes \(String(describing: parsed))") }
    }
    if let t = parsed {
        switch t {
        case .instant(let i):
            // Formatting in UTC and parsing again gives the same instant (item 17 of issue 10:
            // an instant outside years 1–9999 would format as something the parser refuses).
            let text = Array(i.description.utf8)
            guard case .instant(let j)? = text.withUnsafeBufferPointer({ Timestamp.parse($0) }), i == j else {
                fatalError("instant \(i) (seconds \(i.secondsSinceEpoch)) does not parse back from '\(i.description)'")
            }
        case .local(let l):
            guard l.secondOfDay >= 0 && l.secondOfDay < 86_400 else { fatalError("second of day \(l.secondOfDay)") }
            let (y, m, d) = l.date.components
            guard CivilDate(year: y, month: m, day: d) == l.date else { fatalError("impossible date accepted: \(l.date.daysSinceEpoch)") }
            // A local time formats and parses back to itself.
            let text = Array(l.description.utf8)
            guard case .local(let back)? = text.withUnsafeBufferPointer({ Timestamp.parse($0) }), back == l else {
                fatalError("local time \(l) does not parse back")
            }
            // Read in a zone and shown in that zone again, a local time is itself, or later by
            // at most the gap it fell into (Moscow's gaps are 1 or 2 hours).
            let instant = t.resolve(in: moscow)
            let shown = moscow.local(instant)
            let shift = shown.localSeconds - l.localSeconds
            guard shift >= 0 && shift <= 7_200 else { fatalError("local \(l) read in Moscow shows as \(shown)") }
        }
    }
    if let text = String(validating: bytes, as: UTF8.self) {
        let (padded, twoDigitYear) = peoplesForm(text)
        if let padded {
            let viaPadded = Array(padded.utf8).withUnsafeBufferPointer { Timestamp.parse($0) }
            guard viaPadded == parsed else {
                fatalError("'\(text)' reads as \(String(describing: parsed)), its padded form '\(padded)' as \(String(describing: viaPadded))")
            }
        }
        if twoDigitYear { guard parsed == nil else { fatalError("two-digit year accepted in '\(text)'") } }
    }
    if let d = CivilDate.parse(bytes: bytes) {
        let (y, m, day) = d.components
        guard CivilDate(year: y, month: m, day: day) == d, (1...12).contains(m), day >= 1 else { fatalError("bad date \(d)") }
        let iso = Array(d.iso.utf8)
        guard iso.withUnsafeBufferPointer({ CivilDate.parse(bytes: $0) }) == d else { fatalError("date round trip \(d)") }
        let russian = Array(d.russian.utf8)
        guard russian.withUnsafeBufferPointer({ CivilDate.parse(bytes: $0) }) == d else { fatalError("Russian date round trip \(d)") }
    }
    return 0
}

/// For `D.M.YYYY[ H:MM[:SS]]` (day, month and hour of one or two digits, nothing around it): the
/// same with every field zero-padded (`01.03.2025 09:05`); and whether the text is that form with
/// a two-digit year (`1.3.25`).
private func peoplesForm(_ text: String) -> (padded: String?, twoDigitYear: Bool) {
    let parts = text.split(separator: " ", omittingEmptySubsequences: false)
    guard parts.count == 1 || parts.count == 2 else { return (nil, false) }
    func digits(_ s: Substring, _ counts: ClosedRange<Int>) -> Bool {
        counts.contains(s.count) && s.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }
    func pad(_ s: Substring) -> String { s.count == 1 ? "0" + s : String(s) }
    let date = parts[0].split(separator: ".", omittingEmptySubsequences: false)
    guard date.count == 3, digits(date[0], 1...2), digits(date[1], 1...2) else { return (nil, false) }
    if digits(date[2], 2...2) { return (nil, true) }
    guard digits(date[2], 4...4) else { return (nil, false) }
    var out = pad(date[0]) + "." + pad(date[1]) + "." + date[2]
    if parts.count == 2 {
        let time = parts[1].split(separator: ":", omittingEmptySubsequences: false)
        guard time.count == 2 || time.count == 3, digits(time[0], 1...2), digits(time[1], 2...2),
            time.count == 2 || digits(time[2], 2...2)
        else { return (nil, false) }
        out += " " + pad(time[0]) + ":" + time[1] + (time.count == 3 ? ":" + time[2] : "")
    }
    return (out, false)
}
