@testable import SrokCore

/// Shared values of the batch tests: the embedded data, loaded once.
enum BatchFixtures {
    static let context: SrokContext = try! SrokContext()

    static func d(_ s: String) -> CivilDate { try! CivilDate(parsing: s) }

    /// An instant from an ISO 8601 text with offset or Z.
    static func t(_ s: String) -> Instant {
        guard case .instant(let i) = try! Timestamp(parsing: s) else { fatalError("\(s) has no offset") }
        return i
    }
}
