import CXLSXWriter
import Foundation
import Testing

/// libxlsxwriter's C headers in one Swift module with Foundation (unlike system ICU, they need no
/// C shim: every name is `lxw_`/`LXW_`-prefixed and nothing clashes). This file compiling is half
/// the test; the other half is that the headers compiled against and the library loaded agree.
@Suite("libxlsxwriter beside Foundation")
struct CXLSXWriterImportTests {
    /// The header's `LXW_VERSION` is the version the loaded libxlsxwriter reports (a header from one
    /// install and a library from another would disagree on struct layouts such as
    /// `lxw_workbook_options`), and it is at least Debian bookworm's 1.1.4.
    @Test func theHeadersMatchTheLibrary() throws {
        let header = LXW_VERSION
        let library = String(cString: lxw_version())
        #expect(header == library)
        #expect(Int(lxw_version_id()) == Int(LXW_VERSION_ID))
        #expect(Int(LXW_VERSION_ID) >= 114)
        // Foundation's types in the same file.
        let url = URL(fileURLWithPath: "/tmp/report.xlsx")
        #expect(url.pathExtension == "xlsx")
    }
}
