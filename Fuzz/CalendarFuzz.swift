// fuzz-options: -max_len=40000

// libFuzzer harness for the calendar file parser (Sources/SrokCore/Calendar/CalendarParser.swift,
// grammar in Data/FORMAT.md), the way a user file given to `--calendar-file` is read: on top of the
// embedded calendars, then compiled. Invariants: never crash or loop; a refused file is a `data`
// error naming this file and a line of it; every calendar the text defines or changes either
// compiles or fails with an error; a compiled calendar answers every day of every year the text
// wrote (its kind and working minutes agree with `isWorkingDay`), and its published totals are
// compared without a crash.

/// The embedded definitions (Data/calendars), parsed once.
private let embedded = try! CalendarCatalog.embedded().definitions
private let file = "fuzz.srokcal"

@_cdecl("LLVMFuzzerTestOneInput")
public func calendarFuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let lines = text.utf8.reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
    let definitions: [String: CalendarDefinition]
    do {
        definitions = try CalendarDefinition.parse(files: [(name: file, text: text)], extending: embedded)
    } catch {
        checkDataError(error, file: file, lines: lines)
        return 0
    }
    for (id, definition) in definitions {
        // The years this file wrote (a year block replaces the embedded one).
        let written = definition.years.values.filter { $0.location.file == file }.map(\.year).sorted()
        guard embedded[id] == nil || !written.isEmpty else { continue }
        let calendar: WorkingCalendar
        do { calendar = try WorkingCalendar.compile(definition) } catch { continue }
        for year in written.prefix(3) {
            var day = CivilDate(year: year, month: 1, day: 1)!
            let end = CivilDate(year: year + 1, month: 1, day: 1)!
            while day < end {
                if calendar.coverage.contains(day) {
                    guard let working = try? calendar.isWorkingDay(day), let minutes = try? calendar.workingMinutes(of: day) else {
                        fatalError("\(id): \(day) is covered but has no answer")
                    }
                    guard working == (minutes > 0) else { fatalError("\(id): \(day) working \(working) with \(minutes) minutes") }
                }
                day = day.adding(days: 1)
            }
            _ = try? calendar.totals(year: year)
        }
        _ = calendar.totalsMismatches()
    }
    return 0
}

/// A parser error must be a `data` error at a line of the file (or of a year block in it).
private func checkDataError(_ error: SrokError, file: String, lines: Int) {
    guard case let .data(location, message) = error, !message.isEmpty else { fatalError("not a data error: \(error)") }
    guard location.file == file, (1...lines).contains(location.line) else { fatalError("error at \(location), the file has \(lines) lines: \(message)") }
}
