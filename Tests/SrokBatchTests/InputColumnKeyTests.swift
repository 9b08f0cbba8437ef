import Testing

@testable import SrokBatch
@testable import SrokCore

/// The batch's input columns and the request's JSON keys are one vocabulary: a column that
/// describes the message has the name of the request key it fills (the row's `id` and
/// `organisation` are the batch's own bookkeeping; `appeal_chosen`, the export's second 59-ФЗ
/// column, folds into `regime`; `pos_planned_date` is the platform's date, only audited).
@Suite("Input columns and request keys")
struct InputColumnKeyTests {
    @Test func everyMessageColumnIsARequestKey() {
        let keys = Set(MessageRequest.Key.allCases.map(\.rawValue))
        let bookkeeping: Set<InputColumn> = [.id, .organisation, .appealChosen, .posPlannedDate]
        for column in InputColumn.allCases where !bookkeeping.contains(column) {
            #expect(keys.contains(column.rawValue), "input column \(column.rawValue) is not a request key")
        }
    }
}
