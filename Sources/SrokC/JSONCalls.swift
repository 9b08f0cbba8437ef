import Foundation
import SrokCore

/// The JSON calls (`srok_due_json`, `srok_status_json`): the core's ``MessageJSONCall`` — its one
/// strict request reader and its answer encoder — with the current time as `now`.
extension CContext {
    /// Which answer a JSON call gives.
    enum Answer {
        /// ``DueAnswer`` (`srok due --format json`).
        case due
        /// ``StatusAnswer`` (`srok status --format json`).
        case status
    }

    /// The answer to the request in `json`, as compact UTF-8 JSON.
    /// - Throws: ``CFailure`` naming the request key at fault.
    func answer(_ kind: Answer, to json: [UInt8]) throws(CFailure) -> [UInt8] {
        let now = Instant(Date())
        do {
            switch kind {
            case .due: return try calls.due(json, now: now)
            case .status: return try calls.status(json, now: now)
            }
        } catch {
            throw CFailure(error)
        }
    }
}
