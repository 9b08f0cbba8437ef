import Foundation
import Testing

@testable import SrokBatch
@testable import SrokCore

/// Records what a run reports: its temporary files (and whether each existed when reported) and
/// its progress.
final class RecordingObserver: BatchRunObserver {
    var temporaryFiles: [String] = []
    var existedWhenReported: [Bool] = []
    var progress: [(rows: Int, bytes: Int, totalBytes: Int)] = []

    func created(temporaryFile path: String) {
        temporaryFiles.append(path)
        existedWhenReported.append(FileManager.default.fileExists(atPath: path))
    }

    func progress(rows: Int, bytes: Int, totalBytes: Int) { progress.append((rows, bytes, totalBytes)) }
}

/// `BatchRunner.run` called directly (not through the CLI) on files in a temporary folder.
@Suite("Batch runner")
struct BatchRunnerTests {
    static let asOf = BatchFixtures.t("2024-04-01T12:00+03:00")
    static let evaluator = BatchEvaluator(context: BatchFixtures.context, defaults: BatchDefaults(asOf: asOf))

    /// Four rows; the third (line 4, the header being line 1) has no valid registration.
    static let rows: [(id: String, registered: String, termDays: String, stage: String)] = [
        ("A1", "2024-03-01T10:00+03:00", "30", ""),
        ("A2", "2024-03-04T09:30+03:00", "5", "execution"),
        ("BAD", "not a date", "30", ""),
        ("A4", "2024-03-05 12:00", "", ""),
    ]
    static let csv =
        "id,registered_at,term_days,stage\n"
        + rows.map { "\($0.id),\($0.registered),\($0.termDays),\($0.stage)" }.joined(separator: "\n") + "\n"

    /// The default output header, as the batch's documentation lists its columns.
    static let header =
        "id,due_date,due,moderation_due,coordination_due,execution_due,approval_due,final_approval_due,stage,stage_due,status,remaining_minutes,overdue_minutes,rolled,original_due,due_reason,next_control,next_control_due,overdue_controls,controls_overdue_count,warnings"

    func options(_ folder: TemporaryFolder, input: String, output: String = "out.csv") -> BatchRunOptions {
        var o = BatchRunOptions()
        o.language = .en  // the reasons these tests read are the English ones
        o.input = folder.file(input)
        o.output = folder.file(output)
        o.rejects = folder.file("rejects.csv")
        o.summaryJSON = folder.file("summary.json")
        o.durable = false
        return o
    }

    /// The good rows through the bulk API (an evaluation path that reads no CSV and writes none).
    func bulk(_ row: (id: String, registered: String, termDays: String, stage: String)) throws -> BatchResult {
        try Self.evaluator.evaluate(
            BatchMessage(
                id: row.id, registeredAt: Timestamp(parsing: row.registered),
                termDays: Int(row.termDays), stage: row.stage.isEmpty ? nil : try Stage(parsing: row.stage)))
    }

    @Test func writesEveryGoodRowInOrderAndEveryBadOneToTheRejects() throws {
        let folder = try TemporaryFolder()
        folder.write("in.csv", Self.csv)
        let observer = RecordingObserver()
        let report = try BatchRunner.run(
            options(folder, input: "in.csv"), evaluator: Self.evaluator, observer: observer)

        #expect(report.stats.read == 4 && report.stats.written == 3 && report.stats.rejected == 1)
        #expect(report.rejectsPath == folder.file("rejects.csv"))
        #expect(folder.names == ["in.csv", "out.csv", "rejects.csv", "summary.json"])

        let lines = try #require(folder.text("out.csv")).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first.map(String.init) == Self.header)
        #expect(lines.last == "")
        let good = Self.rows.filter { $0.id != "BAD" }
        try #require(lines.count == good.count + 2)
        for (row, line) in zip(good, lines.dropFirst()) {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            try #require(fields.count == 21)
            let r = try bulk(row)
            #expect(fields[0] == row.id)
            #expect(fields[1] == r.status.dueDate.iso)
            #expect(fields[2] == r.zone.iso8601(r.status.due))
            #expect(fields[8] == (r.status.currentStage?.code ?? ""))
            #expect(fields[10] == r.status.state.rawValue)
            #expect(fields[20] == "")  // warnings: no row is marked fast-track
        }

        let rejects = try #require(folder.text("rejects.csv")).split(separator: "\n")
        #expect(rejects.count == 2)
        #expect(rejects.first == "line,id,column,value,reason")
        #expect(rejects.last?.hasPrefix("4,BAD,registered_at,not a date,") == true)

        let summaryText = try #require(folder.text("summary.json"))
        let summary = try #require(JSONSerialization.jsonObject(with: Data(summaryText.utf8)) as? [String: Any])
        #expect(summary["rows_read"] as? Int == 4)
        #expect(summary["rows_written"] as? Int == 3)
        #expect(summary["rows_rejected"] as? Int == 1)
    }

    @Test func reportsItsTemporaryFilesAndItsProgress() throws {
        let folder = try TemporaryFolder()
        folder.write("in.csv", Self.csv)
        let size = Self.csv.utf8.count
        let observer = RecordingObserver()
        var o = options(folder, input: "in.csv")
        // Chunks of 64 bytes: the input is read in several blocks, each reported.
        o.chunkBytes = 64
        o.jobs = 3
        _ = try BatchRunner.run(o, evaluator: Self.evaluator, observer: observer)

        // Hidden beside each target: `.<name>.srok-tmp-<pid>-<16 hex digits>`.
        let pid = getpid()
        try #require(observer.temporaryFiles.count == 3)
        for (path, name) in zip(observer.temporaryFiles, ["out.csv", "rejects.csv", "summary.json"]) {
            let prefix = folder.file(".\(name).srok-tmp-\(pid)-")
            #expect(path.hasPrefix(prefix) && path.count == prefix.count + 16, "\(path)")
        }
        #expect(observer.existedWhenReported == [true, true, true])
        for path in observer.temporaryFiles { #expect(!FileManager.default.fileExists(atPath: path)) }

        #expect(observer.progress.count >= 2)
        #expect(observer.progress.allSatisfy { $0.totalBytes == size })
        #expect(
            zip(observer.progress, observer.progress.dropFirst()).allSatisfy {
                $0.rows <= $1.rows && $0.bytes <= $1.bytes
            })
        #expect(observer.progress.last?.rows == 4)
        #expect(observer.progress.last?.bytes == size)

        // Small chunks on three threads write what one large chunk writes.
        let small = try #require(folder.text("out.csv"))
        _ = try BatchRunner.run(options(folder, input: "in.csv"), evaluator: Self.evaluator)
        #expect(folder.text("out.csv") == small)
    }

    @Test func jsonLinesInAndOut() throws {
        let folder = try TemporaryFolder()
        folder.write("in.csv", Self.csv)
        let jsonl =
            Self.rows.map { r in
                "{\"id\":\"\(r.id)\",\"registered_at\":\"\(r.registered)\""
                    + (r.termDays.isEmpty ? "" : ",\"term_days\":\(r.termDays)")
                    + (r.stage.isEmpty ? "" : ",\"stage\":\"\(r.stage)\"") + "}"
            }.joined(separator: "\n") + "\n"
        folder.write("in.jsonl", jsonl)
        let report = try BatchRunner.run(
            options(folder, input: "in.jsonl", output: "out.jsonl"), evaluator: Self.evaluator)
        #expect(report.stats.read == 4 && report.stats.written == 3 && report.stats.rejected == 1)

        let objects = try #require(folder.text("out.jsonl")).split(separator: "\n").map { line in
            try #require(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
        let good = Self.rows.filter { $0.id != "BAD" }
        #expect(objects.count == good.count)
        for (row, object) in zip(good, objects) {
            let r = try bulk(row)
            #expect(object["id"] as? String == row.id)
            #expect(object["due_date"] as? String == r.schedule.dueDate.iso)
            #expect(object["due"] as? String == r.zone.iso8601(r.schedule.due))
            #expect(object["status"] as? String == r.status.state.rawValue)
            // A stage only when the row has one open; JSON null otherwise.
            if let stage = r.status.currentStage {
                #expect(object["stage"] as? String == stage.code)
            } else {
                #expect(object["stage"] is NSNull)
            }
        }
    }

    @Test func aFailureLeavesThePreviousOutputAndNoTemporaryFile() throws {
        let folder = try TemporaryFolder()
        folder.write("in.csv", Self.csv)
        folder.write("out.csv", "old\n")
        var o = options(folder, input: "in.csv")
        o.summaryJSON = folder.file("missing/summary.json")
        let observer = RecordingObserver()
        #expect(throws: SrokError.self) { try BatchRunner.run(o, evaluator: Self.evaluator, observer: observer) }
        #expect(folder.names == ["in.csv", "out.csv"])
        #expect(folder.text("out.csv") == "old\n")
        #expect(observer.temporaryFiles.isEmpty)
    }

    @Test func anUnreadableInputIsNamed() throws {
        let folder = try TemporaryFolder()
        let o = options(folder, input: "absent.csv")
        #expect {
            _ = try BatchRunner.run(o, evaluator: Self.evaluator)
        } throws: { error in
            guard case .io(let path, let message)? = error as? SrokError else { return false }
            return path == folder.file("absent.csv")
                && message.en == "cannot open the input: \(String(cString: strerror(ENOENT)))"
        }
        #expect(folder.names == [])
    }
}
