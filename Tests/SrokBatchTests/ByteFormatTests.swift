import PropertyBased
import Testing

@testable import SrokBatch
@testable import SrokCore

/// The batch output's byte-level formatters must print exactly what the library's string
/// formatters print: ISO 8601 instants in any offset, dates in and out of the day-text table,
/// integers of any size and sign.
@Suite("Batch byte formatting")
struct ByteFormatTests {
    func text(_ write: (inout ByteWriter) -> Void) -> String {
        var o = ByteSink(capacity: 64)
        o.withWriter { write(&$0) }
        return o.text
    }

    /// Instants from 1850 to 2150 (across both ends of the 1900–2100 day-text table).
    static let seconds = Gen.int(in: -3_786_825_600...5_680_281_600)
    /// Offsets from −12:00 to +14:00 in quarter hours.
    static let offsets = Gen.int(in: -48...56).map { $0 * 900 }

    @Test func instantsMatchTheLibrarysISO8601() async {
        let days = DayTexts.shared
        await propertyCheck(count: 5000, input: Self.seconds, Self.offsets) { s, offset in
            let i = Instant(secondsSinceEpoch: Int64(s))
            let expected = LocalDateTime(instant: i, offsetSeconds: offset).iso8601(offsetSeconds: offset, zulu: false)
            let got = text { ByteFormat.instant(i, offset: offset, days: days, into: &$0) }
            #expect(got == expected)
        }
    }

    @Test func datesMatchISOInsideAndOutsideTheTable() {
        let days = DayTexts.shared
        for d in [
            CivilDate(year: 1899, month: 12, day: 31)!, CivilDate(year: 1900, month: 1, day: 1)!,
            CivilDate(year: 2024, month: 2, day: 29)!, CivilDate(year: 2100, month: 12, day: 31)!,
            CivilDate(year: 2101, month: 1, day: 1)!, CivilDate(year: 9999, month: 12, day: 31)!,
        ] {
            #expect(text { ByteFormat.date(d, days: days, into: &$0) } == d.iso)
        }
    }

    @Test func integersMatchStringConversion() async {
        await propertyCheck(count: 3000, input: Gen.int(in: Int.min...Int.max)) { v in
            #expect(text { ByteFormat.int(v, into: &$0) } == String(v))
        }
        for v in [0, 9, 10, 99, 100, -1, -10, 1_000_000_000_000_000_000, Int.max, Int.min] {
            #expect(text { ByteFormat.int(v, into: &$0) } == String(v))
        }
    }
}

/// The straight-line writer of the default CSV columns must print what the general column
/// writer prints, for every stage, state and kind of roll.
@Suite("Batch row writers")
struct RowWriterTests {
    @Test func theDefaultCSVPathMatchesTheGeneralWriter() throws {
        let evaluator = BatchEvaluator(
            context: BatchFixtures.context, defaults: BatchDefaults(asOf: BatchFixtures.t("2024-04-20T12:00+03:00")))
        let format = BatchFormat(
            input: .csv(delimiter: 0x2C), output: .csv(delimiter: 0x2C), columns: OutputColumn.defaults)
        #expect(format.defaultCSVDelimiter == 0x2C)
        let days = DayTexts.shared
        var checked = 0
        var rolled = 0
        for (profile, tz) in [
            ("federal", "Europe/Moscow"), ("brasovsky", "Asia/Yekaterinburg"), ("mamadysh", "Asia/Kamchatka"),
        ] {
            let engine = try evaluator.resolver.engine(profile: profile, region: nil, tz: tz)
            for day in stride(from: 1, through: 28, by: 3) {
                for stage in [nil] + Stage.allCases.map(Optional.some) {
                    for closed in [false, true] {
                        let registered = Timestamp.instant(
                            BatchFixtures.t("2024-03-\(day < 10 ? "0" : "")\(day)T10:15+03:00"))
                        var history = MessageHistory(registered: Instant(secondsSinceEpoch: 0))
                        let status = try evaluator.resolver.status(
                            registered: registered, term: .days(day % 2 == 0 ? 30 : 5), termField: "term_days",
                            regime: nil, stage: stage, stageEnteredAt: nil, postponedUntil: nil,
                            extensionDays: nil,
                            closedAt: closed ? .instant(BatchFixtures.t("2024-04-10T09:00+03:00")) : nil,
                            asOf: evaluator.asOf, engine: engine, history: &history)
                        // Every other id starts like a formula: both paths guard it alike.
                        let id = Array("\(day % 2 == 0 ? "=" : "")id-\(day)".utf8)
                        id.withUnsafeBufferPointer { idBytes in
                            let row = ParsedRow(id: idBytes, registered: registered)
                            var fast = ByteSink(capacity: 64)
                            var general = ByteSink(capacity: 64)
                            RowWriter.writeDefaultCSV(
                                status, engine, row, delimiter: 0x2C, audit: false, formulaGuard: format.formulaEscape,
                                days: days, into: &fast)
                            RowWriter.write(status, engine, row, format: format, days: days, into: &general)
                            #expect(fast.text == general.text)
                        }
                        checked += 1
                        if status.schedule.roll != nil { rolled += 1 }
                    }
                }
            }
        }
        #expect(checked == 3 * 10 * 6 * 2)
        #expect(rolled > 0)
    }
}

extension ByteSink {
    /// The contents as UTF-8 text (for comparing in tests).
    var text: String { withUnsafeBytes { String(decoding: $0, as: UTF8.self) } }
}
