import Foundation
import Srok

/// The command to paste after a date beyond the decree data: the user's own command line with
/// `--provisional YEAR`, for a year with which it was tried and ran (exit 0).
///
/// The year the error names is not always enough: a term that crosses New Year or a sum of
/// working days may reach a later year only once the first is computed. So the command is run
/// again in a child process (output discarded, standard input empty) with the year the error
/// names, then with each later year a failing run names, at most ``attempts`` times. A batch run
/// (it writes files) and a command that reads standard input (`-`) are not run again: no example.
enum ProvisionalExample {
    /// Set in the child's environment: the child does not try further and reports, on a failure
    /// for lack of years, only the year it needed (``neededYearPrefix``).
    static let probeVariable = "SROK_PROVISIONAL_PROBE"
    /// What a child prints on standard error before the year it needs.
    static let neededYearPrefix = "srok-provisional-year="
    /// How many years are tried.
    static let attempts = 4

    /// The year after the data that `error` needs, when it is a date after the covered range in
    /// a year `--provisional` accepts.
    static func neededYear(_ error: SrokError) -> Int? {
        guard case .outOfCoverage(let date, _, let covered, _) = error, date > covered.upperBound,
            CalendarOptionsGroup.provisionalYears.contains(date.year)
        else { return nil }
        return date.year
    }

    /// Reports `error` on standard error: its description, then the example command when there
    /// is one; in a child trying a year, also the year it needed.
    static func report(_ error: SrokError) {
        StandardStreams.error("srok: \(error.message(CLILanguage.current))\n")
        if isProbe {
            if let year = neededYear(error) { StandardStreams.error("\(neededYearPrefix)\(year)\n") }
        } else if let example = command(after: error) {
            StandardStreams.error("  \(example)\n")
        }
    }

    /// Whether this process is a child trying a year.
    static var isProbe: Bool { ProcessInfo.processInfo.environment[probeVariable] != nil }

    /// The command line (program as typed, arguments quoted for a POSIX shell) that ran with
    /// `--provisional YEAR`, or `nil`.
    static func command(after error: SrokError, arguments: [String] = CommandLine.arguments) -> String? {
        guard !isProbe, var year = neededYear(error), let program = arguments.first else { return nil }
        let rest = Array(arguments.dropFirst())
        guard rest.first != "batch", !rest.contains("-") else { return nil }
        for _ in 0..<attempts {
            let candidate = with(rest, provisional: year)
            switch run(candidate) {
            case .ran: return ([program] + candidate).map(shellQuoted).joined(separator: " ")
            case .needs(let later) where later > year: year = later
            default: return nil
            }
        }
        return nil
    }

    /// `arguments` with any `--provisional N` / `--provisional=N` replaced by `--provisional year`
    /// (before a `--` that ends the options).
    static func with(_ arguments: [String], provisional year: Int) -> [String] {
        var out: [String] = []
        var i = arguments.startIndex
        var end = arguments.endIndex
        if let dashes = arguments.firstIndex(of: "--") { end = dashes }
        while i < end {
            if arguments[i] == "--provisional" {
                i += 2
                continue
            }
            if !arguments[i].hasPrefix("--provisional=") { out.append(arguments[i]) }
            i += 1
        }
        return out + ["--provisional", String(year)] + arguments[min(end, arguments.endIndex)...]
    }

    enum Outcome {
        /// Exit 0.
        case ran
        /// Failed for lack of this year.
        case needs(Int)
        /// Failed otherwise, or could not be started.
        case failed
    }

    /// Runs this executable with `arguments` in the probe environment.
    static func run(_ arguments: [String]) -> Outcome {
        let process = Process()
        process.executableURL = Bundle.main.executableURL ?? URL(fileURLWithPath: "/proc/self/exe")
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment[probeVariable] = "1"
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        let err = Pipe()
        process.standardError = err
        do { try process.run() } catch { return .failed }
        let data = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        if process.terminationReason == .exit, process.terminationStatus == 0 { return .ran }
        let text = String(decoding: data, as: UTF8.self)
        guard let range = text.range(of: neededYearPrefix), let year = Int(text[range.upperBound...].prefix(4))
        else { return .failed }
        return .needs(year)
    }

    /// `word` as a POSIX shell reads it back: as it is when it holds only letters, digits and
    /// `@%+=:,./_-`; else in single quotes (a `'` inside written `'\''`).
    static func shellQuoted(_ word: String) -> String {
        let plain = !word.isEmpty && word.allSatisfy { $0.isLetter || $0.isNumber || "@%+=:,./_-".contains($0) }
        return plain ? word : "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
