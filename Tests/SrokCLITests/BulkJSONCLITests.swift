import Foundation
import Srok
import Testing

/// The bulk API's types as JSON and `srok batch` with JSON Lines: a `BatchMessage` encodes as a
/// row the batch reads, and a `BatchResult` as the row the batch writes for it (the same keys and
/// values, `id` aside).
@Suite("The bulk API's JSON and srok batch's JSON Lines agree")
struct BulkJSONCLITests {
    static let asOf = "2024-04-20T12:00+03:00"

    /// Messages of several kinds: local times and instants, zones, regions, profiles, fast-tracks,
    /// categories, stages with and without entries, «Отложено», 59-ФЗ extensions, closed ones, and
    /// three the batch refuses (31 days; fast-tracks the act does not list).
    static func messages() throws -> [BatchMessage] {
        func t(_ s: String) throws -> Timestamp { try Timestamp(parsing: s) }
        var out: [BatchMessage] = []
        let zones = ["Europe/Moscow", "Asia/Yekaterinburg", "Asia/Vladivostok"]
        let profiles = ["federal", "bryansk", "mamadysh", "krasnodar-krai", "brasovsky"]
        for i in 0..<60 {
            var m = BatchMessage(
                id: "r\(i)",
                registeredAt: try t(i % 3 == 0 ? "2024-03-\(10 + i % 18) 10:00" : "2024-03-\(10 + i % 18)T10:15+03:00"),
                tz: zones[i % 3], region: i % 7 == 0 ? "RU-TA" : nil, profile: profiles[i % 5])
            switch i % 6 {
            case 0: m.termDays = 30
            case 1: m.fastTrackDays = [10, 5, 8][i / 6 % 3]
            case 2: (m.category, m.subcategory) = ("Мусор", "Уборка мусора во дворах")
            case 3: m.termDays = i == 3 ? 31 : 20
            default: break
            }
            if i % 4 != 0 { m.stage = Stage(rawValue: i % 5) }
            if i % 8 == 1 { m.stageEnteredAt = try t("2024-03-28T09:00+03:00") }
            if i % 9 == 2 { m.postponedUntil = try CivilDate(parsing: "2024-05-20") }
            if i % 10 == 5 {
                m.regime = .appeal
                m.extensionDays = 10
            }
            if i % 11 == 4 { m.closedAt = try t("2024-04-15T12:00+03:00") }
            out.append(m)
        }
        return out
    }

    @Test func resultsEncodeAsTheBatchsRows() throws {
        let messages = try Self.messages()
        guard case .instant(let asOf) = try Timestamp(parsing: Self.asOf) else { return }
        let results = BatchEvaluator(context: try SrokContext(), defaults: BatchDefaults(asOf: asOf)).evaluate(messages)

        // The messages, encoded, are the batch's JSON Lines input.
        let input = try messages.map { String(decoding: try OrderedJSONEncoder().encode($0), as: UTF8.self) }
        let dir = FileManager.default.temporaryDirectory
        let inPath = dir.appendingPathComponent("srok-bulk-\(UUID().uuidString).jsonl").path
        let outPath = inPath + ".out.jsonl"
        let rejectsPath = inPath + ".rejects.csv"
        defer { for p in [inPath, outPath, rejectsPath] { try? FileManager.default.removeItem(atPath: p) } }
        try (input.joined(separator: "\n") + "\n").write(toFile: inPath, atomically: true, encoding: .utf8)
        let columns = (["id"] + BatchResult.columns.map(\.rawValue)).joined(separator: ",")
        let run = try CLI.run([
            "batch", inPath, "-o", outPath, "--rejects", rejectsPath, "--as-of", Self.asOf, "--columns", columns,
            "--no-progress",
        ])
        #expect(run.status == 1, "some rows are refused: \(run.stderr)")
        let written = try String(contentsOfFile: outPath, encoding: .utf8).split(separator: "\n").map(String.init)
        let rejected = try String(contentsOfFile: rejectsPath, encoding: .utf8).split(separator: "\n").dropFirst()
            .map { $0.split(separator: ",", maxSplits: 4, omittingEmptySubsequences: false).map(String.init) }

        var good = 0
        var bad: [String: String] = [:]
        for (m, r) in zip(messages, results) {
            switch r {
            case .success(let result):
                let json = String(decoding: try OrderedJSONEncoder().encode(result), as: UTF8.self)
                #expect(written[good] == #"{"id":"\#(m.id)","# + json.dropFirst(), "\(m.id)")
                good += 1
            case .failure(let e): bad[m.id] = e.column
            }
        }
        #expect(good == written.count)
        // Rejects: line,id,column,value,reason.
        #expect(Dictionary(uniqueKeysWithValues: rejected.map { ($0[1], $0[2]) }) == bad)
        // r3: 31 days, beyond a ПОС message's 1–30. r31 and r49: an 8-day fast-track where the act
        // lists 10 days only (bryansk: seed 003 п. 1.4; brasovsky: seed 000 приложение № 2).
        #expect(bad == ["r3": "term_days", "r31": "fast_track_days", "r49": "fast_track_days"])
    }
}
