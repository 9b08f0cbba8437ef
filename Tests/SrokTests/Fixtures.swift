@testable import Srok

/// The embedded federal calendar, compiled once for the test process.
enum Fixtures {
    static let catalog: CalendarCatalog = try! CalendarCatalog.embedded()
    static let federal: WorkingCalendar = try! catalog.federal()

    static func d(_ s: String) -> CivilDate { try! CivilDate(parsing: s) }
}
