import Testing

@testable import SrokBatch
@testable import SrokCore

@Suite("Excel serial dates")
struct ExcelSerialDateTests {
    private func serial(_ y: Int, _ m: Int, _ d: Int, _ second: Int = 0) -> Double? {
        ExcelSerialDate.serial(date: CivilDate(year: y, month: m, day: d)!, secondOfDay: second)
    }

    /// Excel's 1900 date system (Microsoft's "Date systems in Excel"): 1 January 1900 is serial 1,
    /// 28 February 1900 is 59, serial 60 is the non-existent 29 February 1900 (kept from Lotus
    /// 1-2-3), so 1 March 1900 is 61; the Unix epoch 1970-01-01 is 25 569 (61 + the 25 508 days
    /// from 1900-03-01 to 1970-01-01: 69 years 10 months, i.e. 70 × 365 + 17 leap days − 59).
    @Test func theAnchorsOfThe1900System() {
        #expect(serial(1900, 1, 1) == 1)
        #expect(serial(1900, 2, 28) == 59)
        #expect(serial(1900, 3, 1) == 61)
        #expect(serial(1970, 1, 1) == 25_569)
        #expect(serial(1899, 12, 31) == nil)
    }

    /// 2025-03-01: 55 years after 1970 with the 14 leap days 1972…2024 give 20 075 + 14 = 20 089
    /// days to 2025-01-01, plus 31 + 28 = 20 148; + 25 569 = serial 45 717. 09:05 is 32 700 s of
    /// 86 400.
    @Test func aDateAndTime() {
        #expect(serial(2025, 3, 1) == 45_717)
        #expect(serial(2025, 3, 1, 9 * 3600 + 5 * 60) == 45_717 + 32_700.0 / 86_400)
    }
}
