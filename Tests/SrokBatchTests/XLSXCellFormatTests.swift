import SrokCore
import Testing

@testable import SrokBatch

/// Serial dates, number formats and cell references, against values worked out by hand from
/// Excel's documented rules.
@Suite struct XLSXCellFormatTests {
    private func civil(_ y: Int, _ m: Int, _ d: Int) -> CivilDate { CivilDate(year: y, month: m, day: d)! }

    @Test func the1900SystemWithItsLeapYearQuirk() {
        let s = XLSXDateSystem.from1900
        // Serial 1 is 1900-01-01 and 59 is 1900-02-28 (31 + 28 days).
        #expect(s.dateTime(serial: 1)?.date == civil(1900, 1, 1))
        #expect(s.dateTime(serial: 59)?.date == civil(1900, 2, 28))
        // 60 is Excel's 1900-02-29, a day that never was; 61 is 1900-03-01.
        #expect(s.dateTime(serial: 60) == nil)
        #expect(s.dateTime(serial: 60.5) == nil)
        #expect(s.dateTime(serial: 61)?.date == civil(1900, 3, 1))
        // (2025-03-01 − 1899-12-30) = 45 717 days (Python: (date(2025,3,1) - date(1899,12,30)).days).
        #expect(s.dateTime(serial: 45717)?.date == civil(2025, 3, 1))
        // 2 958 465 is 9999-12-31, Excel's last day.
        #expect(s.dateTime(serial: 2_958_465)?.date == civil(9999, 12, 31))
        #expect(s.dateTime(serial: 2_958_465.999)?.secondsOfDay == 86_314)  // 0.999 × 86 400 = 86 313.6 → 86 314
        #expect(s.dateTime(serial: 2_958_466) == nil)
        // Day 0 (Excel's 1900-01-00) holds times of day.
        #expect(s.dateTime(serial: 0.5) == XLSXDateTime(date: civil(1899, 12, 31), secondsOfDay: 43_200, serial: 0.5))
    }

    @Test func timeOfDayRoundsToTheNearestSecond() {
        let s = XLSXDateSystem.from1900
        // 09:05 = 32 700 s = 0.378472222… of a day; Excel stores 15 significant digits.
        #expect(s.dateTime(serial: 45717.3784722222)?.secondsOfDay == 32_700)
        // 0.4 s rounds down, 0.6 s up.
        #expect(s.dateTime(serial: 45717 + 10.4 / 86_400)?.secondsOfDay == 10)
        #expect(s.dateTime(serial: 45717 + 10.6 / 86_400)?.secondsOfDay == 11)
        // 23:59:59.7 rounds to midnight of the next day.
        let late = s.dateTime(serial: 45717 + 86_399.7 / 86_400)
        #expect(late?.date == civil(2025, 3, 2))
        #expect(late?.secondsOfDay == 0)
        #expect(s.dateTime(serial: 45717.75)?.text == "2025-03-01 18:00:00")
        #expect(s.dateTime(serial: 45717)?.text == "2025-03-01")
    }

    @Test func the1904System() {
        let s = XLSXDateSystem.from1904
        #expect(s.dateTime(serial: 0)?.date == civil(1904, 1, 1))
        #expect(s.dateTime(serial: 60)?.date == civil(1904, 3, 1))  // 31 + 29 days: 1904 is a leap year
        // The systems are 1 462 days apart: 45 717 − 1 462 = 44 255.
        #expect(s.dateTime(serial: 44_255)?.date == civil(2025, 3, 1))
        #expect(s.dateTime(serial: 2_957_003)?.date == civil(9999, 12, 31))
        #expect(s.dateTime(serial: 2_957_004) == nil)
    }

    @Test func serialsThatAreNoDate() {
        for s in [XLSXDateSystem.from1900, .from1904] {
            for x in [-1, -0.0001, .nan, .infinity, -.infinity, 1e300, Double(Int.max)] {
                #expect(s.dateTime(serial: x) == nil, "\(x)")
            }
        }
    }

    @Test(arguments: [
        ("DD.MM.YYYY", true), ("dd/mm/yyyy\\ hh:mm", true), ("[$-F800]dddd\\,\\ mmmm\\ dd\\,\\ yyyy", true),
        ("[h]:mm", true), ("[mm]:ss", true), ("h:mm AM/PM", true), ("yyyy-mm-dd", true),
        ("mm/dd/yy\\ hh:mm\\ AM/PM", true),
        ("General", false), ("0.00", false), ("# ##0 ₽", false), ("0.00E+00", false), ("@", false),
        ("0\" дн.\"", false), ("[Red]0.00", false), ("\\d0", false), ("_-* #,##0_-;\\-* #,##0_-", false),
        ("[$₽-419]# ##0", false),
    ])
    func customFormatCodes(code: String, isDate: Bool) {
        #expect(XLSXNumberFormat.isDate(code: code) == isDate)
    }

    @Test func builtInDateFormats() {
        let dates = Set(14...22).union(45...47)
        for id in 0...60 { #expect(XLSXNumberFormat.isBuiltInDate(id) == dates.contains(id), "\(id)") }
    }

    @Test func cellReferences() {
        #expect(XLSXCellReference("A1") == XLSXCellReference(column: 1, row: 1))
        #expect(XLSXCellReference("b7") == XLSXCellReference(column: 2, row: 7))
        // AA = 26 + 1; XFD = 24 × 676 + 6 × 26 + 4 = 16 384.
        #expect(XLSXCellReference("AA10")?.column == 27)
        #expect(XLSXCellReference("XFD1048576") == XLSXCellReference(column: 16_384, row: 1_048_576))
        for bad in [
            "", "A", "7", "A0", "XFE1", "ZZZZZZZ1", "A1048577", "A-1", "A1B", "$A$1", "A 1", "Я1",
            "A99999999999999999999",
        ] {
            #expect(XLSXCellReference(bad) == nil, "\(bad)")
        }
        #expect(XLSXCellReference.letters(1) == "A")
        #expect(XLSXCellReference.letters(26) == "Z")
        #expect(XLSXCellReference.letters(27) == "AA")
        #expect(XLSXCellReference.letters(16_384) == "XFD")
        #expect(XLSXCellReference(column: 3, row: 12).description == "C12")
    }

    @Test func decimalsReadDirectlyMatchSwiftsParser() {
        // The direct path (an integer below 2⁵³ over a power of ten) against Double(String), on
        // decimals of 1–17 digits with 0–12 after the point, from a fixed-seed generator.
        func number(_ s: String) -> Double? { Array(s.utf8).withUnsafeBufferPointer { XLSXCellDecoder.number($0) } }
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> UInt64 {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return seed >> 11
        }
        for _ in 0..<20_000 {
            let digits = Int(next() % 17) + 1
            var text = String((0..<digits).map { _ in Character(String(next() % 10)) })
            let point = Int(next() % 13)
            if point > 0 && point < digits {
                text.insert(".", at: text.index(text.startIndex, offsetBy: digits - point))
            }
            if next() % 4 == 0 { text = "-" + text }
            #expect(number(text) == Double(text), "\(text)")
        }
        for text in ["45747.37847222222", "0.1", "-0", "1.", ".5", "007", "2958465.99999"] {
            #expect(number(text) == Double(text), "\(text)")
        }
        for text in [".", "-", "1.2.3", "1e5", "+1", "NaN", "inf", "0x10", "1 2"] {
            #expect(number(text) == Double(text) || (number(text)?.isNaN ?? false), "\(text)")
        }
    }

    @Test func valueTexts() {
        #expect(XLSXValue.number(12345).text == "12345")
        #expect(XLSXValue.number(-2).text == "-2")
        #expect(XLSXValue.number(0.1).text == "0.1")
        #expect(XLSXValue.number(4.5).text == "4.5")
        #expect(XLSXValue.bool(true).text == "TRUE")
        #expect(XLSXValue.error("#DIV/0!").text == "#DIV/0!")
    }

    @Test func escapes() {
        func decode(_ s: String) -> String { Array(s.utf8).withUnsafeBufferPointer { XLSXEscapes.string($0) } }
        #expect(decode("a_x000D_b") == "a\rb")
        #expect(decode("x_x005F_x000D_") == "x_x000D_")  // _x005F_ is the underscore itself
        #expect(decode("_xD83D__xDE00_") == "😀")  // a surrogate pair
        #expect(decode("_x00zz_ and _x41") == "_x00zz_ and _x41")
        #expect(decode("нет подчёркиваний") == "нет подчёркиваний")
    }

    @Test func sheetSelectorArguments() {
        #expect(XLSXSheetSelector(argument: "3") == .index(3))
        #expect(XLSXSheetSelector(argument: "Лист1") == .name("Лист1"))
        #expect(XLSXSheetSelector(argument: "-1") == .name("-1"))
        #expect(XLSXSheetSelector(argument: "") == .name(""))
    }

    @Test func relationshipTargets() {
        #expect(XLSXWorkbook.resolve("worksheets/sheet1.xml", from: "xl/") == "xl/worksheets/sheet1.xml")
        #expect(XLSXWorkbook.resolve("/xl/styles.xml", from: "xl/") == "xl/styles.xml")
        #expect(XLSXWorkbook.resolve("../xl/./sharedStrings.xml", from: "xl/") == "xl/sharedStrings.xml")
        #expect(XLSXWorkbook.directory(of: "xl/workbook.xml") == "xl/")
        #expect(XLSXWorkbook.directory(of: "workbook.xml") == "")
    }
}
