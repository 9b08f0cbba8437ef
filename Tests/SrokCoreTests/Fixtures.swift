@testable import SrokCore

/// The embedded federal calendar, compiled once for the test process.
enum Fixtures {
    static let catalog: CalendarCatalog = try! CalendarCatalog.embedded()
    static let federal: WorkingCalendar = try! catalog.federal()

    static func d(_ s: String) -> CivilDate { try! CivilDate(parsing: s) }

    /// The message of the error `body` throws, in English (`lang`), or "" when it throws none.
    static func errorText(_ lang: Language = .en, _ body: () throws -> Void) -> String {
        do {
            try body()
            return ""
        } catch let e as SrokError {
            return e.message(lang)
        } catch let e as MessageFieldError {
            return e.message(lang)
        } catch { return "\(error)" }
    }
    static let context: SrokContext = try! SrokContext()
    static let moscow: ZoneRules = try! ZoneRules(identifier: "Europe/Moscow")

    /// An instant from an ISO 8601 text with offset or Z.
    static func t(_ s: String) -> Instant {
        guard case .instant(let i) = try! Timestamp(parsing: s) else { fatalError("\(s) has no offset") }
        return i
    }

    /// A federal engine in Moscow with conventions changed by `change`.
    static func engine(_ change: (inout SLAConventions) -> Void = { _ in }) -> SLAEngine {
        var c = SLAConventions()
        change(&c)
        return SLAEngine(calendar: federal, zone: moscow, conventions: c)
    }
}
