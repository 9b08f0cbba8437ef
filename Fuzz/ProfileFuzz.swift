// fuzz-options: -max_len=16000

// libFuzzer harness for the regulation profile parser (Sources/SrokCore/Profiles/ProfileParser.swift,
// grammar in Data/FORMAT.md «Regulation profiles»), as a user file given to `--profile-file` is
// read, then used: its published table checked against the model (`srok regulation check`) and
// an engine built for it over the embedded data. Invariants: never crash or loop; a refused file
// is a `data` error naming this file and a line of it; a parsed profile has stage shares summing
// to 100 %, a term and fast-track range within 1–366 days; every table cell is checked without
// a crash; an engine, when its region and zone exist, schedules a message for the profile's term
// with stage budgets that add up to no more than the term.

/// The embedded data, loaded once.
private let context = try! SrokContext()
/// 2024-06-03T06:00Z, a Monday morning in Moscow.
private let registered = Instant(secondsSinceEpoch: 1_717_394_400)
private let file = "fuzz.srokprofile"

@_cdecl("LLVMFuzzerTestOneInput")
public func profileFuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let lines = text.utf8.reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
    let profiles: [String: RegulationProfile]
    do {
        profiles = try RegulationProfile.parse(files: [(name: file, text: text)])
    } catch {
        guard case let .data(location, message) = error, !message.isEmpty else { fatalError("not a data error: \(error)") }
        guard location.file == file, (1...lines).contains(location.line) else { fatalError("error at \(location), the file has \(lines) lines: \(message)") }
        return 0
    }
    for id in profiles.keys.sorted().prefix(3) {
        let p = profiles[id]!
        let basisPoints = Stage.allCases.reduce(0) { $0 + p.conventions.shares.basisPoints[$1] }
        guard basisPoints == 10_000 else { fatalError("\(id): shares add up to \(basisPoints) basis points") }
        let fastTracks = p.fastTrackTerms.value
        guard (1...366).contains(p.term.value), (1...366).contains(fastTracks.shortest),
              (1...366).contains(fastTracks.longest) else { fatalError("\(id): term \(p.term.value), fast-track terms \(fastTracks)") }
        let checks = p.checkTable()
        guard checks.count == p.table.count else { fatalError("\(id): \(checks.count) checks for \(p.table.count) cells") }
        guard let engine = try? context.engine(profile: p) else { continue }
        guard let schedule = try? engine.schedule(registered: registered, term: .days(p.term.value)) else { continue }
        let budgets = Stage.allCases.reduce(0) { $0 + schedule.budgetMinutes[$1] }
        guard budgets <= p.term.value * 1440 else { fatalError("\(id): stage budgets \(budgets) min for a \(p.term.value)-day term") }
    }
    return 0
}
