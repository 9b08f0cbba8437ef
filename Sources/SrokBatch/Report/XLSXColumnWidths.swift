/// Column widths of a sheet, from its header and the longest values of its first rows.
///
/// A column is `max(header + 4, longest value + 2)` characters wide (2 of padding, and 2 more in
/// the header for the autofilter's button), at most `cap`. A value's length is its count of
/// Unicode scalars (its longest line for several lines); a date is 10, a date and time 16, a
/// number its digits and sign. Only the first `sampleRows` rows are measured, so a long report
/// costs nothing more.
struct XLSXColumnWidths {
    /// The widths so far, one per column.
    private(set) var widths: [Int]
    /// How many rows may still be measured.
    private var remaining: Int
    private let cap: Int

    /// Starts from the header's names.
    init(header: [String], sampleRows: Int, cap: Int) {
        widths = header.map { XLSXColumnWidths.length(of: $0) + 4 }
        remaining = sampleRows
        self.cap = cap
    }

    /// Whether rows are still being measured.
    var measuring: Bool { remaining > 0 }

    /// Measures one row.
    mutating func observe(_ cells: [XLSXCell]) {
        guard remaining > 0 else { return }
        remaining -= 1
        for (i, cell) in cells.enumerated() where i < widths.count {
            let w = XLSXColumnWidths.length(of: cell) + 2
            if w > widths[i] { widths[i] = w }
        }
    }

    /// Measures one cell of the row being measured (call ``endRow()`` after its last cell).
    @inline(__always) mutating func observe(column: Int, length: Int) {
        guard remaining > 0, column < widths.count else { return }
        if length + 2 > widths[column] { widths[column] = length + 2 }
    }

    /// Ends a row measured cell by cell.
    @inline(__always) mutating func endRow() {
        if remaining > 0 { remaining -= 1 }
    }

    /// Measures one row of texts.
    mutating func observe(texts: [String]) {
        observe(texts.map { XLSXCell.text($0) })
    }

    /// The widths to set, one per column.
    var all: [Double] { (0..<widths.count).map(width) }

    /// The width to set for column `i`.
    func width(_ i: Int) -> Double { Double(min(widths[i], cap)) }

    /// The length a cell shows (see the type's description).
    static func length(of cell: XLSXCell) -> Int {
        switch cell {
        case .empty: return 0
        case .text(let s): return length(of: s)
        case .integer(let n): return String(n).utf8.count
        case .date: return 10
        case .dateTime: return 16
        }
    }

    /// The length an encoded cell shows (as for ``XLSXCell``; a duration its text's).
    static func length(of cell: XLSXEncodedCell, durations: XLSXDurationText) -> Int {
        switch cell {
        case .empty: return 0
        case .text(let bytes): return length(of: bytes)
        case .integer(let n): return String(n).utf8.count
        case .date: return 10
        case .dateTime: return 16
        case .duration(let minutes, let style): return durations.withText(minutes, style) { length(of: $0) }
        }
    }

    /// The longest line of UTF-8 `text`, in Unicode scalars (bytes that do not continue one).
    static func length(of text: UnsafeBufferPointer<UInt8>) -> Int {
        var longest = 0
        var current = 0
        for b in text {
            if b == 0x0A {
                longest = max(longest, current)
                current = 0
            } else if b & 0xC0 != 0x80 {
                current += 1
            }
        }
        return max(longest, current)
    }

    /// The longest line of `text`, in Unicode scalars.
    static func length(of text: String) -> Int {
        var longest = 0
        var current = 0
        for scalar in text.unicodeScalars {
            if scalar == "\n" {
                longest = max(longest, current)
                current = 0
            } else {
                current += 1
            }
        }
        return max(longest, current)
    }
}
