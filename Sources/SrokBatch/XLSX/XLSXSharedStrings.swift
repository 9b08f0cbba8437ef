import CXLSX
import SrokCore

/// The shared-strings table, read whole (its size is the one part of a workbook the reader's
/// memory grows with): each `<si>`'s text with rich-text runs joined and phonetic runs left out.
/// Strings become Swift strings on first use and are kept, so a repeated value costs one lookup.
package final class XLSXSharedStrings {
    private let handle: OpaquePointer
    /// The number of strings.
    package let count: Int
    private let offsets: UnsafePointer<Int64>
    private let bytes: UnsafePointer<UInt8>?
    private var cache: [String?]

    /// At most 1 GiB of text.
    static let limit: Int64 = 1 << 30

    /// Reads `part` of the workbook at `location`.
    package init(part: String, at location: XLSXLocation) throws(SrokError) {
        var status: Int32 = 0
        var message = [CChar](repeating: 0, count: 512)
        guard let h = srok_xlsx_strings_read(location.file, part, Self.limit, &status, &message, Int32(message.count))
        else {
            throw XLSXStatus.error(status, message: XLSXStatus.text(message), part: part, at: location)
        }
        handle = h
        count = Int(srok_xlsx_strings_count(h))
        offsets = srok_xlsx_strings_offsets(h)
        bytes = srok_xlsx_strings_bytes(h)
        cache = Array(repeating: nil, count: count)
    }

    deinit { srok_xlsx_strings_close(handle) }

    /// String `index` (0-based), or nil when the table has no such entry.
    package func string(_ index: Int) -> String? {
        guard index >= 0 && index < count else { return nil }
        if let s = cache[index] { return s }
        let start = Int(offsets[index])
        let end = Int(offsets[index + 1])
        let s = bytes.map { XLSXEscapes.string(UnsafeBufferPointer(start: $0 + start, count: end - start)) } ?? ""
        cache[index] = s
        return s
    }
}
