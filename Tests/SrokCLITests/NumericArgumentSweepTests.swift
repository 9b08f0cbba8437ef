import Foundation
import Testing

/// Issue 10: every command's numeric arguments at 0, −1, the Int32 and Int64 limits and 10^18
/// must give an answer or a usage error (exit 2 with a message) — never a crash (a Swift trap on
/// an overflow is a signal). The commands the attack crashed are among them
/// (`srok calendar 5881581`, `--chunk-bytes 2^62`).
@Suite("Numeric arguments at their limits (the built executable)")
struct NumericArgumentSweepTests {
    static let values = [
        "0", "-1", "1", "2147483647", "2147483648", "-2147483648", "-2147483649", "5881581", "-5881580",
        "100000000", "4611686018427387904", "1000000000000", "9223372036854775807", "-9223372036854775808",
        "1000000000000000000", "9223372036854775808",
    ]

    /// Every numeric argument, as a command line with `N` where the number goes.
    static let commands: [[String]] = [
        ["calendar", "N"],
        ["calendar", "N", "--format", "csv"],
        ["add", "2024-01-01", "N"],
        ["add", "2024-01-01", "N", "--working"],
        ["due", "--registered", "2024-03-30T10:15+03:00", "--days", "N"],
        ["due", "--registered", "2024-03-30T10:15+03:00", "--days", "N", "--regime", "appeal"],
        ["due", "--registered", "2024-03-30T10:15+03:00", "--fast-track", "N"],
        [
            "status", "--registered", "2024-03-30T10:15+03:00", "--regime", "appeal", "--extension-days", "N",
            "--as-of", "2024-04-20T12:00+03:00",
        ],
        ["day", "2024-04-27", "--provisional", "N"],
        ["table", "--days", "N"],
        [
            "batch", "examples/pos-export.csv", "-o", "-", "--rejects", "/dev/null", "--jobs", "N", "--as-of",
            "2024-04-20T12:00+03:00",
        ],
        [
            "batch", "examples/pos-export.csv", "-o", "-", "--rejects", "/dev/null", "--chunk-bytes", "N", "--as-of",
            "2024-04-20T12:00+03:00",
        ],
    ]

    @Test(arguments: commands)
    func neverACrash(_ command: [String]) throws {
        for v in Self.values {
            // A leading minus would read as an option: pass it with `--` where it is a positional argument.
            var args = command.map { $0 == "N" ? v : $0 }
            if v.hasPrefix("-"), let i = command.firstIndex(of: "N"), i > 0, !command[i - 1].hasPrefix("--") {
                args.insert("--", at: i)
            }
            let r = try CLI.run(args)
            #expect(!r.crashed, "\(args.joined(separator: " ")) crashed: \(r.stderr.prefix(300))")
            #expect([0, 1, 2].contains(r.status), "\(args.joined(separator: " ")): status \(r.status)")
            if r.status == 2 {
                #expect(!r.stderr.isEmpty, "\(args.joined(separator: " ")): exit 2 without a message")
                #expect(!r.stderr.contains("Fatal error"), "\(args.joined(separator: " ")): \(r.stderr.prefix(300))")
            }
        }
    }
}
