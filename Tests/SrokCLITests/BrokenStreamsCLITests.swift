import Foundation
import Testing

/// Issue 10 #6: a closed or broken stderr used to trap in `FileHandle.write` (exit 132) after the
/// batch had committed its output; a full stdout was not reported at all.
@Suite("srok with closed or failing standard streams")
struct BrokenStreamsCLITests {
    /// Runs `script` in bash with `$SROK` set to the built executable; returns bash's status.
    func bash(_ script: String) throws -> (status: Int32, stdout: String, stderr: String) {
        let r = try CLI.runTool("/bin/bash", ["-c", "SROK='\(CLI.executable.path)'; " + script])
        return (r.status, r.stdout, r.stderr)
    }

    @Test func aClosedStderrDoesNotCrashTheBatchAndTheOutputIsCommitted() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent(
            "srok-closed-stderr-\(UUID().uuidString).csv"
        ).path
        defer {
            try? FileManager.default.removeItem(atPath: out)
            try? FileManager.default.removeItem(atPath: out + ".rejects.csv")
        }
        let r = try bash(
            "\"$SROK\" batch examples/pos-export.csv -o '\(out)' --as-of 2024-04-20T12:00+03:00 2>&-; echo $?")
        #expect(r.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "0")
        #expect(FileManager.default.fileExists(atPath: out))
    }

    @Test func aBrokenStderrPipeDoesNotCrashTheBatch() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent(
            "srok-broken-stderr-\(UUID().uuidString).csv"
        ).path
        defer {
            try? FileManager.default.removeItem(atPath: out)
            try? FileManager.default.removeItem(atPath: out + ".rejects.csv")
        }
        let r = try bash(
            "\"$SROK\" batch examples/pos-export.csv -o '\(out)' --as-of 2024-04-20T12:00+03:00 2>&1 | true; echo ${PIPESTATUS[0]}"
        )
        #expect(r.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "0")
        #expect(FileManager.default.fileExists(atPath: out))
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/dev/full")))
    func aFullStandardOutputIsAnError() throws {
        // /dev/full fails every write with ENOSPC.
        let due = try bash("\"$SROK\" due --registered 2024-03-30T10:15+03:00 --days 30 > /dev/full")
        #expect(due.status == 2)
        // In Russian (the default), the system's reason in glibc's Russian words.
        #expect(
            due.stderr.contains("стандартный вывод")
                && due.stderr.contains("На устройстве не осталось свободного места"),
            "\(due.stderr)")
        let en = try bash("\"$SROK\" due --registered 2024-03-30T10:15+03:00 --days 30 --lang en > /dev/full")
        #expect(en.stderr.contains("standard output") && en.stderr.contains("No space left on device"))
        let calendar = try bash("\"$SROK\" calendar 2025 --format csv > /dev/full")
        #expect(calendar.status == 2)
    }
}
