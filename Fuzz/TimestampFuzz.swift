// libFuzzer harness for the timestamp and date parsers (Fuzz/run.sh builds it).
// Invariants: never crash; an accepted text names a real date and time; what is accepted
// round-trips through formatting; the fixed-form fast path agrees with the general parser.

@_cdecl("LLVMFuzzerTestOneInput")
public func timestampFuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    // The word-at-a-time fast path agrees with the general parser wherever it answers.
    if size == 25, let fast = Timestamp.parseFixedISO(bytes) {
        guard case .instant(let general)? = Timestamp.parseGeneral(bytes), general == fast else { fatalError("fast path \(fast) differs") }
    }
    if let t = Timestamp.parse(bytes) {
        switch t {
        case .instant(let i):
            // Formatting in UTC and parsing again gives the same instant.
            let text = Array(i.description.utf8)
            guard case .instant(let j)? = text.withUnsafeBufferPointer({ Timestamp.parse($0) }), i == j else { fatalError("instant round trip: \(i)") }
        case .local(let l):
            guard l.secondOfDay >= 0 && l.secondOfDay < 86_400 else { fatalError("second of day \(l.secondOfDay)") }
            let (y, m, d) = l.date.components
            guard CivilDate(year: y, month: m, day: d) == l.date else { fatalError("impossible date accepted") }
        }
    }
    if let d = CivilDate.parse(bytes: bytes) {
        let (y, m, day) = d.components
        guard CivilDate(year: y, month: m, day: day) == d, (1...12).contains(m), day >= 1 else { fatalError("bad date \(d)") }
        let iso = Array(d.iso.utf8)
        guard iso.withUnsafeBufferPointer({ CivilDate.parse(bytes: $0) }) == d else { fatalError("date round trip \(d)") }
    }
    return 0
}
