import Foundation
import Srok
import Testing

/// The same messages through the library's bulk API (`BatchEvaluator`) and through `srok batch` on
/// a CSV file: both must give every row the same schedule and status, and reject the same rows
/// on the same column. A few rows are also checked against the regulations directly.
@Suite("The bulk API and srok batch agree")
struct BulkAPITests {
    /// One input row, as text, in the order of `header`.
    struct Row {
        var id: String
        var registeredAt: String
        var tz = "", region = "", profile = "", termDays = "", fastTrackDays = "", category = "", subcategory = ""
        var regime = "", stage = "", stageEnteredAt = "", postponedUntil = "", extensionDays = "", closedAt = ""

        var csv: String {
            [
                id, registeredAt, tz, region, profile, termDays, fastTrackDays, category, subcategory, regime, stage,
                stageEnteredAt, postponedUntil, extensionDays, closedAt,
            ].joined(separator: ",")
        }

        /// The same row for the bulk API.
        func message() throws -> BatchMessage {
            func text(_ s: String) -> String? { s.isEmpty ? nil : s }
            func timestamp(_ s: String) throws -> Timestamp? { s.isEmpty ? nil : try Timestamp(parsing: s) }
            return BatchMessage(
                id: id, registeredAt: try Timestamp(parsing: registeredAt), tz: text(tz), region: text(region),
                profile: text(profile), termDays: Int(termDays), fastTrackDays: Int(fastTrackDays),
                category: text(category), subcategory: text(subcategory), regime: Regime(rawValue: regime),
                stage: stage.isEmpty ? nil : try Stage(parsing: stage), stageEnteredAt: try timestamp(stageEnteredAt),
                postponedUntil: postponedUntil.isEmpty ? nil : try CivilDate(parsing: postponedUntil),
                extensionDays: Int(extensionDays), closedAt: try timestamp(closedAt))
        }
    }

    static let header =
        "id,registered_at,tz,region,profile,term_days,fast_track_days,category,subcategory,regime,stage,stage_entered_at,postponed_until,extension_days,closed_at"
    static let columns =
        "id,due_date,due,stage,stage_due,stage_status,status,remaining_minutes,overdue_minutes,rolled,profile,region,tz,term"
    static let asOf = "2024-04-20T12:00+03:00"

    static let rows: [Row] = [
        // Seed 000, приложение № 2, строка 3: «Мусор / Уборка мусора во дворах», 10 days. From Friday
        // 29.03.2024: 29.03 + 10 = Monday 08.04, a working day; overdue as of 20.04.
        Row(
            id: "a1", registeredAt: "2024-03-29T10:15+03:00", category: "Мусор", subcategory: "Уборка мусора во дворах",
            stage: "execution"),
        // A ПОС message's term is 1–30 days: 31 is rejected on term_days.
        Row(id: "b2", registeredAt: "2024-03-30T10:15+03:00", termDays: "31"),
        // Tatarstan: 11.03 + 30 = 10.04.2024, Ураза-байрам (Указ Раиса РТ), a day off there; the
        // preceding working day is Tuesday 09.04. A local time, read in the profile's zone.
        Row(id: "c3", registeredAt: "2024-03-11 10:00", region: "RU-TA", termDays: "30"),
        // 30.03 + 30 = Monday 29.04.2024, a day off moved from Saturday 27.04 (Пост. Правительства
        // РФ от 10.08.2023 № 1314); preceding: the worked Saturday 27.04, end of day in UTC+5.
        Row(
            id: "d4", registeredAt: "2024-03-30T10:15+05:00", tz: "Asia/Yekaterinburg", profile: "federal",
            termDays: "30"),
        // A 59-ФЗ appeal with a 10-day extension (ст. 12 ч. 2).
        Row(
            id: "e5", registeredAt: "2024-03-30T10:15+03:00", profile: "federal", termDays: "30", regime: "appeal",
            extensionDays: "10"),
        // Due Wednesday 10.04 (11.03 + 30), overdue on 20.04 but for «Отложено» until 20.05.
        Row(
            id: "f6", registeredAt: "2024-03-11T10:00+03:00", profile: "federal", termDays: "30", stage: "execution",
            postponedUntil: "2024-05-20"),
        // Answered on 10.04, before its due date.
        Row(
            id: "g7", registeredAt: "2024-03-30T10:15+03:00", profile: "federal", termDays: "30",
            closedAt: "2024-04-10T12:00+03:00"),
        // A 7-day fast-track: seed 000 (brasovsky) lists only 10 days (приложение № 2: «не более 10
        // календарных дней»), so 7 is refused on fast_track_days, naming the allowed term.
        Row(
            id: "h8", registeredAt: "2024-03-30T10:15+03:00", fastTrackDays: "7", stage: "coordination",
            stageEnteredAt: "2024-03-30T12:00+03:00"),
        Row(id: "i9", registeredAt: "2024-03-30T10:15+03:00", profile: "nowhere", termDays: "30"),
        // Before the calendar data (1999 onwards).
        Row(id: "j10", registeredAt: "1998-06-01T10:00+03:00", termDays: "30"),
        // A stage with no entry time: taken as entered when the plan says it starts.
        Row(id: "k11", registeredAt: "2024-04-01T09:00+03:00", termDays: "30", stage: "approval"),
        Row(
            id: "l12", registeredAt: "2024-04-15T09:00+03:00", termDays: "30", stage: "final_approval",
            stageEnteredAt: "2024-04-18T09:00+03:00"),
    ]

    /// The output line `srok batch --columns <columns>` writes for a result of the bulk API.
    static func line(_ id: String, _ r: BatchResult) -> String {
        let s = r.schedule
        let st = r.status
        let zone = r.zone
        let stage = st.currentStage
        // The effective due (issue 11 #1: the batch writes the postponed or extended due in due/due_date).
        return [
            id, st.dueDate.iso, zone.iso8601(st.due), stage?.code ?? "",
            stage.flatMap { st.stages[$0].dwellDue }.map(zone.iso8601) ?? "",
            stage.map { st.stages[$0].state.rawValue } ?? "", st.state.rawValue, String(st.remainingMinutes),
            String(st.overdueMinutes), s.roll?.code ?? "", r.profile, r.calendar, zone.identifier,
            String(s.term.amount),
        ].joined(separator: ",")
    }

    @Test func theBulkAPIMatchesTheCLI() throws {
        guard case .instant(let asOf) = try Timestamp(parsing: Self.asOf) else {
            Issue.record("\(Self.asOf) has no offset")
            return
        }
        var defaults = BatchDefaults(asOf: asOf)
        defaults.profile = "brasovsky"
        let evaluator = BatchEvaluator(context: try SrokContext(), defaults: defaults)
        let results = evaluator.evaluate(try Self.rows.map { try $0.message() }, jobs: 2)

        let run = try BatchRun(
            ([Self.header] + Self.rows.map(\.csv)).joined(separator: "\n") + "\n",
            ["--profile", "brasovsky", "--columns", Self.columns])
        defer { run.clean() }
        #expect(run.result.status == 1, "some rows are rejected: \(run.result.stderr)")
        #expect(run.outputLines.first == Self.columns)
        let written = Dictionary(
            uniqueKeysWithValues: run.outputLines.dropFirst().map { (String($0.prefix { $0 != "," }), $0) })
        // Rejects: line,id,column,value,reason.
        let rejected = Dictionary(
            uniqueKeysWithValues: run.rejectLines.dropFirst().map { line in
                let f = line.split(separator: ",", maxSplits: 4, omittingEmptySubsequences: false).map(String.init)
                return (f[1], (column: f[2], value: f[3]))
            })

        var good: [String: BatchResult] = [:]
        for (row, result) in zip(Self.rows, results) {
            switch result {
            case .success(let r):
                good[row.id] = r
                #expect(written[row.id] == Self.line(row.id, r), "row \(row.id)")
                #expect(rejected[row.id] == nil, "row \(row.id)")
            case .failure(let e):
                let cli = try #require(
                    rejected[row.id], "row \(row.id): the API rejects it on \(e.column), srok batch does not")
                #expect(cli.column == e.column, "row \(row.id)")
                // srok batch gives the value as the row wrote it; the API, the value it was given
                // or the resolver's reading of it (j10: the day out of the calendar's coverage).
                let fields = row.csv.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                let asWritten = Self.header.split(separator: ",").firstIndex { $0 == e.column }.map { fields[$0] }
                #expect(cli.value == (asWritten ?? e.value), "row \(row.id)")
                #expect(written[row.id] == nil, "row \(row.id)")
            }
        }
        #expect(written.count + rejected.count == Self.rows.count)
        #expect(Set(rejected.keys) == ["b2", "h8", "i9", "j10"])
        #expect(rejected["h8"]?.column == "fast_track_days")
        #expect(rejected["b2"]?.column == "term_days")
        #expect(rejected["i9"]?.column == "profile")
        #expect(rejected["j10"]?.column == "registered_at")

        // The values worked out above, from the regulations and the calendars.
        #expect(good["a1"]?.schedule.dueDate.iso == "2024-04-08")
        #expect(good["a1"]?.status.state == .overdue)
        #expect(good["c3"]?.calendar == "RU-TA")
        #expect(good["c3"]?.schedule.dueDate.iso == "2024-04-09")
        #expect(written["d4"]?.contains(",2024-04-27,2024-04-27T23:59:59+05:00,") == true)
        #expect(good["d4"]?.schedule.roll?.code == "preceding:2024-04-29>2024-04-27")
        #expect(good["f6"]?.schedule.dueDate.iso == "2024-04-10")
        #expect(good["f6"]?.status.state != .overdue)
        #expect(good["g7"]?.status.state == .closed)
        #expect(good["g7"]?.status.overdueMinutes == 0)
    }
}
