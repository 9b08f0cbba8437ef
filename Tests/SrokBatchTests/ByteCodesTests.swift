import Testing

@testable import SrokBatch
@testable import SrokCore

/// The writer's code texts (``ByteWriter/append(code:)``, from the table ``CodeTexts`` builds out of
/// the core's own texts) are those texts: each case's bytes equal its `rawValue` (the column values
/// documented for the output), so every case lands in its own slot and a new or renamed case
/// cannot drift between the two.
@Suite("Byte codes")
struct ByteCodesTests {
    /// The bytes one append writes.
    private func bytes(_ write: (inout ByteWriter) -> Void) -> [UInt8] {
        var sink = ByteSink(capacity: 64)
        sink.withWriter { write(&$0) }
        return sink.withUnsafeBytes { Array($0) }
    }

    @Test func stageCodes() {
        for s in Stage.allCases { #expect(bytes { $0.append(code: s) } == Array(s.code.utf8), "\(s)") }
    }

    @Test func stateCodes() {
        for s in SLAState.allCases { #expect(bytes { $0.append(code: s) } == Array(s.rawValue.utf8)) }
    }

    @Test func controlCodes() {
        for k in ControlKind.allCases { #expect(bytes { $0.append(code: k) } == Array(k.rawValue.utf8)) }
    }

    @Test func dueReasonCodes() {
        for r in DueReason.allCases { #expect(bytes { $0.append(code: r) } == Array(r.rawValue.utf8)) }
    }

    @Test func plannedCheckCodes() {
        for c in PlannedCheck.allCases { #expect(bytes { $0.append(code: c) } == Array(c.rawValue.utf8)) }
    }

    /// Every convention, rolled as configured and reversed (`following(reversed)` whatever the convention).
    @Test func rollLabels() {
        let d = CivilDate(year: 2024, month: 4, day: 28)!
        for c in RollConvention.allCases {
            for reversed in [false, true] {
                let r = RollOutcome(from: d, to: d.adding(days: -1), convention: c, reversed: reversed)
                #expect(bytes { $0.append(label: r) } == Array(r.label.utf8))
            }
        }
    }
}
