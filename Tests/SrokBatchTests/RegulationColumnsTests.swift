import Testing

@testable import SrokBatch
@testable import SrokCore

/// The issue 11 columns (effective due, controls, audit) come out the same from the straight-line
/// writer of the default CSV columns and from the general column writer, and the export's values
/// are read as the platform writes them.
@Suite("Batch: regulation columns")
struct RegulationColumnsTests {
    @Test func theDefaultCSVPathMatchesTheGeneralWriterWithControlsPostponementsAndTheAudit() throws {
        let evaluator = BatchEvaluator(
            context: BatchFixtures.context, defaults: BatchDefaults(asOf: BatchFixtures.t("2024-04-20T12:00+03:00")))
        let days = DayTexts.shared
        var withControls = 0
        var postponed = 0
        var overdueControls = 0
        for delimiter: UInt8 in [0x2C, 0x3B] {
            for audit in [false, true] {
                let format = BatchFormat(
                    input: .csv(delimiter: delimiter), output: .csv(delimiter: delimiter),
                    columns: OutputColumn.defaults + (audit ? OutputColumn.audit : []))
                #expect(format.defaultCSV?.audit == audit)
                for profile in ["bryansk", "krasnodar-krai", "federal"] {
                    let engine = try evaluator.resolver.engine(profile: profile, region: nil, tz: nil)
                    for day in stride(from: 1, through: 19, by: 3) {
                        for stage in Stage.allCases {
                            for postpone in [false, true] {
                                let registered = Timestamp.instant(
                                    BatchFixtures.t("2024-03-\(day < 10 ? "0" : "")\(day)T10:15+03:00"))
                                var history = MessageHistory(registered: Instant(secondsSinceEpoch: 0))
                                if postpone { history.postponements = [BatchFixtures.d("2024-05-20")] }
                                let status = try evaluator.resolver.status(
                                    registered: registered, term: .days(30), termField: "term_days", regime: nil,
                                    stage: stage,
                                    stageEnteredAt: .instant(BatchFixtures.t("2024-04-\(10 + day % 9)T09:00+03:00")),
                                    asOf: evaluator.asOf, engine: engine, prepared: &history)
                                if !status.controls.isEmpty { withControls += 1 }
                                if status.controls.overdueCount > 0 { overdueControls += 1 }
                                if status.dueReason != nil { postponed += 1 }
                                let id = Array("id-\(day)".utf8)
                                id.withUnsafeBufferPointer { idBytes in
                                    var row = ParsedRow(id: idBytes, registered: registered)
                                    if day % 2 == 1 { row.posPlannedDate = BatchFixtures.d("2024-04-\(10 + day)") }
                                    var fast = ByteSink(capacity: 64)
                                    var general = ByteSink(capacity: 64)
                                    RowWriter.writeDefaultCSV(
                                        status, engine, row, delimiter: delimiter, audit: audit, formulaGuard: true,
                                        days: days, into: &fast)
                                    RowWriter.write(status, engine, row, format: format, days: days, into: &general)
                                    #expect(fast.text == general.text)
                                }
                            }
                        }
                    }
                }
            }
        }
        #expect(withControls > 0 && overdueControls > 0 && postponed > 0)
    }

    /// The verdict of the audit: Srok's date minus the platform's (research § 9).
    @Test func plannedCheckBySign() {
        #expect(PlannedCheck(diffDays: 0) == .agrees)
        #expect(PlannedCheck(diffDays: -2) == .platformLater)  // Srok 30.04.2025, platform 02.05.2025
        #expect(PlannedCheck(diffDays: 1) == .platformEarlier)  // Srok 09.04.2025, platform 08.04.2025
    }

    /// «ФЗ» holds «Обычное сообщение» or a 59-ФЗ label (domain.md, the ПОС export).
    @Test func theExportsRegimeLabels() {
        #expect(RowParser.exportRegime("Обычное сообщение") == .message)
        #expect(RowParser.exportRegime("обычное  сообщение") == .message)
        #expect(RowParser.exportRegime("59-ФЗ") == .appeal)
        #expect(RowParser.exportRegime("Обращение по 59-ФЗ") == .appeal)
        #expect(RowParser.exportRegime("Жалоба") == nil)
    }

    /// `d1;d2`: every date, in order; a bad part is reported.
    @Test func postponementLists() {
        var dates: [CivilDate] = []
        Array("2024-04-30; 20.05.2024".utf8).withUnsafeBufferPointer { RowParser.postponements($0, into: &dates) }
        #expect(dates == [BatchFixtures.d("2024-04-30"), BatchFixtures.d("2024-05-20")])
        var bad = 0
        Array("2024-04-30;soon".utf8).withUnsafeBufferPointer {
            RowParser.forEachDate($0) { if $0 == nil { bad += 1 } }
        }
        #expect(bad == 1)
    }
}
