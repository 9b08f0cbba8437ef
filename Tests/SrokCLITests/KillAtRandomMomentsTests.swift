import Foundation
import Testing

/// Issue 10, finding 11, end to end: a 1 M-row batch killed (SIGKILL, which cannot be caught, and
/// SIGTERM, which srok handles) at random moments, the whole output set checked after each kill.
///
/// Two inputs, A and B, differ in a bad row (so in their output and rejects) and in their
/// `--as-of` (so in their statuses and remaining minutes); the summary names its input. After a complete run of each
/// (the references), each further run writes the set the folder does not hold yet and is killed
/// at a random moment between its start and a little after a complete run's length. After every
/// kill the output, the rejects and the summary must be one set — A's or B's, all three — and
/// the set the folder held before the run, byte for byte, unless the run had finished; a SIGTERM
/// must say truly which. A final (short) run on the same output must leave no temporary or lock
/// file behind, removing what the killed runs left.
@Suite("srok batch: killed at random moments")
struct KillAtRandomMomentsTests {
    static let rows = 1_000_000

    /// The input: `id,registered_at,term_days,stage`, every 1000th row (from the 8th) with a
    /// registration that is not a date. Rows are put together from 112 precomputed tails (day of
    /// March, term, stage) so that the test spends its time in srok, not here.
    static func input() -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(rows * 42)
        bytes.append(contentsOf: "id,registered_at,term_days,stage\n".utf8)
        let stages = ["", "moderation", "execution", "approval"]
        let tails: [[UInt8]] = (0..<112).map { k in
            let day = 1 + k % 28
            return Array(",2024-03-\(day < 10 ? "0" : "")\(day)T10:15+03:00,\(1 + k % 30),\(stages[k % 4])\n".utf8)
        }
        let bad = Array(",not a date,30,\n".utf8)
        var digits = [UInt8](repeating: 0, count: 12)
        for i in 0..<rows {
            var n = i
            var count = 0
            repeat {
                digits[count] = UInt8(0x30 + n % 10)
                n /= 10
                count += 1
            } while n > 0
            for k in stride(from: count - 1, through: 0, by: -1) { bytes.append(digits[k]) }
            bytes.append(contentsOf: i % 1000 == 7 ? bad : tails[i % 112])
        }
        return bytes
    }

    /// One set's fixed parts: its input, `--as-of`, and the output and rejects a complete run writes.
    struct SetKind {
        let name: String
        let input: URL
        let asOf: String
        var output = Data()
        var rejects = Data()
    }

    /// The three files of the set in `folder` as they are now (nil: missing).
    struct Snapshot: Equatable {
        var output: Data?
        var rejects: Data?
        var summary: Data?

        init(_ folder: URL) {
            output = try? Data(contentsOf: folder.appendingPathComponent("out.csv"))
            rejects = try? Data(contentsOf: folder.appendingPathComponent("out.csv.rejects.csv"))
            summary = try? Data(contentsOf: folder.appendingPathComponent("summary.json"))
        }

        /// The input the summary names.
        var summaryInput: String? {
            guard let summary, let object = try? JSONSerialization.jsonObject(with: summary) as? [String: Any] else {
                return nil
            }
            return object["input"] as? String
        }
    }

    /// Starts `srok batch` writing the set of `kind` into `folder`.
    static func start(_ kind: SetKind, in folder: URL, stderr: Pipe) throws -> Process {
        let process = Process()
        process.executableURL = CLI.executable
        process.arguments = [
            "batch", kind.input.path, "-o", folder.appendingPathComponent("out.csv").path,
            "--summary-json", folder.appendingPathComponent("summary.json").path,
            "--columns", "id,due,status,remaining_minutes", "--as-of", kind.asOf, "--no-progress", "-j", "2",
        ]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = stderr
        try process.run()
        return process
    }

    /// Runs to the end; the wall time.
    static func complete(_ kind: SetKind, in folder: URL) throws -> Double {
        let started = Date()
        let err = Pipe()
        let process = try start(kind, in: folder, stderr: err)
        let text = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 1, "\(text)")  // 1: some rows rejected
        return Date().timeIntervalSince(started)
    }

    /// The hidden files srok leaves beside its targets, if any.
    static func leftovers(_ folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasPrefix(".") }
            .sorted()
    }

    @Test(.timeLimit(.minutes(10)))
    func theOutputSetIsAlwaysOneWholeSet() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("srok-killed-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var a = SetKind(name: "A", input: folder.appendingPathComponent("a.csv"), asOf: "2024-04-20T12:00+03:00")
        var b = SetKind(name: "B", input: folder.appendingPathComponent("b.csv"), asOf: "2024-05-06T09:30+03:00")
        // B: A's rows and one more bad one, so that its rejects differ too.
        var rows = Self.input()
        try Data(rows).write(to: a.input)
        rows.append(contentsOf: "X,not a date,30,\n".utf8)
        try Data(rows).write(to: b.input)

        // The references: a complete run of each; B's last, so the folder holds B's set.
        _ = try Self.complete(a, in: folder)
        a.output = try #require(Snapshot(folder).output)
        a.rejects = try #require(Snapshot(folder).rejects)
        let length = try Self.complete(b, in: folder)
        b.output = try #require(Snapshot(folder).output)
        b.rejects = try #require(Snapshot(folder).rejects)
        try #require(a.output != b.output && a.rejects != b.rejects)

        /// Which set the folder holds: A or B when the three files are one whole set, else nil.
        func whole(_ s: Snapshot) -> String? {
            for kind in [a, b]
            where s.output == kind.output && s.rejects == kind.rejects && s.summaryInput == kind.input.path {
                return kind.name
            }
            return nil
        }

        var current = "B"
        var generator = SystemRandomNumberGenerator()
        var outcomes: [String] = []
        // Eight kills, each signal four times: at any moment from just after the start to the
        // end of a complete run's length, or (three of them) near the end, where the files are
        // finished and renamed.
        let plan: [(signal: Int32, nearTheEnd: Bool)] = [
            (SIGKILL, false), (SIGTERM, false), (SIGKILL, true), (SIGTERM, true),
            (SIGKILL, false), (SIGTERM, false), (SIGKILL, true), (SIGTERM, false),
        ]
        for (trial, (signal, nearTheEnd)) in plan.enumerated() {
            let before = Snapshot(folder)
            let next = current == "A" ? b : a
            let delay = Double.random(in: nearTheEnd ? 0.85...1.1 : 0.02...1.0, using: &generator) * length
            let err = Pipe()
            let process = try Self.start(next, in: folder, stderr: err)
            Thread.sleep(forTimeInterval: delay)
            // (Not once it has ended: its process id could be another's by then.)
            if process.isRunning { kill(process.processIdentifier, signal) }
            let said = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            let after = Snapshot(folder)
            let held = whole(after)
            let what =
                "trial \(trial): \(signal == SIGKILL ? "SIGKILL" : "SIGTERM") after \(String(format: "%.2f", delay)) s of \(String(format: "%.2f", length)) s, exit \(process.terminationStatus) (\(process.terminationReason == .exit ? "exit" : "signal")), \(said)"
            outcomes.append("\(what) → \(held ?? "a mix")")

            // Never a mix, never a partial file: one whole set.
            #expect(held != nil, "\(what): the files are not one set")
            if held == current {
                // Not replaced: the previous set, byte for byte (the summary included).
                #expect(after == before, "\(what)")
            } else {
                #expect(held == next.name, "\(what)")
            }
            if signal == SIGTERM {
                // What srok said is true: nothing written, or the new set complete.
                // (In Russian, the default: «вывод не записан», «после окончания запуска».)
                if said.contains("вывод не записан") { #expect(held == current, "\(what)") }
                if said.contains("после окончания запуска") || said.contains("после того, как запуск закончил")
                    || process.terminationStatus == 1
                {
                    #expect(held == next.name, "\(what)")
                }
                // A handled SIGTERM removes its temporary files (a lock file stays for the next run,
                // and so may what a SIGKILLed run left, when this one was stopped before it got
                // to removing those).
                let mine = Self.leftovers(folder).filter { $0.contains(".srok-tmp-\(process.processIdentifier)") }
                #expect(mine == [], "\(what)")
            }
            current = held ?? current
        }

        // The next run (a short one) removes whatever the killed runs left, and leaves nothing of its own.
        let c = SetKind(name: "C", input: folder.appendingPathComponent("c.csv"), asOf: a.asOf)
        try Data("id,registered_at\nC,2024-03-01T10:00+03:00\n,\n".utf8).write(to: c.input)
        _ = try Self.complete(c, in: folder)
        #expect(Snapshot(folder).summaryInput == c.input.path)
        #expect(Self.leftovers(folder) == [], "\(outcomes.joined(separator: "\n"))")
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == [
                "a.csv", "b.csv", "c.csv", "out.csv", "out.csv.rejects.csv", "summary.json",
            ])
    }
}
