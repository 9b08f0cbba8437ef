// fuzz-options: -max_len=24000

// libFuzzer harness for the region file parser (Sources/SrokCore/Regions/RegionParser.swift,
// grammar in Data/FORMAT.md «Region files»), as a user file given to `--region-file` is read,
// then compiled over the embedded federal calendar. Invariants: never crash or loop; a refused
// file is a `data` error naming this file and a line of it; a parsed region either compiles into
// a regional calendar or fails with an error; a compiled one covers the federal range and answers
// every day of the years the file wrote, its kind agreeing with its working minutes.

/// The embedded federal definition (Data/calendars), parsed once, and its compiled range.
private let federal = try! CalendarCatalog.embedded().definition("RU")
private let federalCoverage = try! WorkingCalendar.compile(federal).coverage
private let file = "fuzz.srokcal"

@_cdecl("LLVMFuzzerTestOneInput")
public func regionFuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let lines = text.utf8.reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
    let regions: [String: RegionDefinition]
    do {
        regions = try RegionDefinition.parse(files: [(name: file, text: text)])
    } catch {
        guard case let .data(location, message) = error, !message.isEmpty else { fatalError("not a data error: \(error)") }
        guard location.file == file, (1...lines).contains(location.line) else { fatalError("error at \(location), the file has \(lines) lines: \(message)") }
        return 0
    }
    // Compiling runs ICU over every year of the federal range: two regions per input at most.
    for code in regions.keys.sorted().prefix(2) {
        let region = regions[code]!
        guard code.hasPrefix("RU-") else { fatalError("region code \(code) accepted") }
        let calendar: WorkingCalendar
        do { calendar = try WorkingCalendar.compileRegion(region, base: federal) } catch { continue }
        guard calendar.coverage.lowerBound <= federalCoverage.lowerBound || !region.hasOwnDays,
              calendar.coverage.upperBound >= federalCoverage.upperBound else {
            fatalError("\(code) covers \(calendar.coverage), the federal calendar \(federalCoverage)")
        }
        for year in region.years.keys.sorted().prefix(2) {
            var day = CivilDate(year: year, month: 1, day: 1)!
            let end = CivilDate(year: year + 1, month: 1, day: 1)!
            while day < end {
                if calendar.coverage.contains(day) {
                    guard let working = try? calendar.isWorkingDay(day), let minutes = try? calendar.workingMinutes(of: day) else {
                        fatalError("\(code): \(day) is covered but has no answer")
                    }
                    guard working == (minutes > 0) else { fatalError("\(code): \(day) working \(working) with \(minutes) minutes") }
                }
                day = day.adding(days: 1)
            }
        }
    }
    return 0
}
