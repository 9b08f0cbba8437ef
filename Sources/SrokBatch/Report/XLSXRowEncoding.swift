import SrokCore

/// The compact binary form of report rows that the batch's workers write (in parallel, into their
/// segment buffers) and a report writer reads (``XLSXReportBackend/appendEncodedRows(_:)``): no
/// `String` and no allocation per cell on either side.
///
/// A row is the byte ``rowMark`` and its highlight (0 none, 1 approaching, 2 overdue), then its
/// cells in column order until the next row's mark or the end of the buffer. A cell is a tag byte
/// — the kind in the low bits, ``overdueFlag`` for an overdue control cell — and its payload, in
/// the machine's byte order (the buffer never leaves the process):
///
/// | kind | payload |
/// |---|---|
/// | 0 empty | — |
/// | 1 text | UInt32 byte count, then that many bytes of valid UTF-8 |
/// | 2 integer | Int64 |
/// | 3 date | Int32 days since 1970-01-01 |
/// | 4 date and time | Int32 days since 1970-01-01, Int32 second of the day (0..<86 400) |
/// | 5 duration | Int64 minutes, UInt8 ``XLSXDurationStyle`` (written as text by the report writer) |
package enum XLSXRowEncoding {
    /// Starts a row.
    package static let rowMark: UInt8 = 0x40
    /// Set in a cell's tag: the cell is an overdue control, filled in a stronger red than its row.
    package static let overdueFlag: UInt8 = 0x80
    /// The cell kinds (the tag's low bits).
    package static let empty: UInt8 = 0
    /// Text.
    package static let text: UInt8 = 1
    /// A whole number.
    package static let integer: UInt8 = 2
    /// A calendar day.
    package static let date: UInt8 = 3
    /// A local date and time.
    package static let dateTime: UInt8 = 4
    /// A duration in minutes.
    package static let duration: UInt8 = 5

    /// The highlight's byte.
    @inline(__always) static func code(_ highlight: XLSXRowHighlight) -> UInt8 {
        switch highlight {
        case .none: 0
        case .approaching: 1
        case .overdue: 2
        }
    }

    /// The highlight of a byte (anything unknown: none).
    @inline(__always) static func highlight(_ code: UInt8) -> XLSXRowHighlight {
        code == 2 ? .overdue : code == 1 ? .approaching : .none
    }
}

/// How a duration cell is written as text (``XLSXDurationText``).
package enum XLSXDurationStyle: UInt8, Sendable {
    /// The length of time: «2 дня 4 часа».
    case plain = 0
    /// Time left: as `plain`, and a negative value says how late («просрочено на 3 часа»).
    case remaining = 1
}

/// Appends encoded cells to a ``ByteWriter`` (see ``XLSXRowEncoding``).
enum XLSXRowEncoder {
    /// Starts a row.
    @inline(__always) static func row(_ highlight: XLSXRowHighlight, into o: inout ByteWriter) {
        o.append(XLSXRowEncoding.rowMark)
        o.append(XLSXRowEncoding.code(highlight))
    }

    /// An empty cell.
    @inline(__always) static func empty(overdue: Bool = false, into o: inout ByteWriter) {
        o.append(XLSXRowEncoding.empty | (overdue ? XLSXRowEncoding.overdueFlag : 0))
    }

    /// A text cell of UTF-8 bytes (an empty text is an empty cell).
    @inline(__always) static func text(
        _ bytes: UnsafeBufferPointer<UInt8>, overdue: Bool = false, into o: inout ByteWriter
    ) {
        guard !bytes.isEmpty else { return empty(overdue: overdue, into: &o) }
        header(XLSXRowEncoding.text, overdue, UInt32(truncatingIfNeeded: bytes.count), into: &o)
        o.append(bytes)
    }

    /// A text cell (an empty text is an empty cell).
    @inline(__always) static func text(_ s: String, overdue: Bool = false, into o: inout ByteWriter) {
        guard !s.isEmpty else { return empty(overdue: overdue, into: &o) }
        header(XLSXRowEncoding.text, overdue, UInt32(truncatingIfNeeded: s.utf8.count), into: &o)
        o.append(s)
    }

    /// A text cell of ASCII or UTF-8 literal text.
    @inline(__always) static func text(literal s: StaticString, overdue: Bool = false, into o: inout ByteWriter) {
        text(UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount), overdue: overdue, into: &o)
    }

    /// A whole number.
    @inline(__always) static func integer(_ n: Int, overdue: Bool = false, into o: inout ByteWriter) {
        o.withUnsafeReservedBytes(9) { p in
            p[0] = XLSXRowEncoding.integer | (overdue ? XLSXRowEncoding.overdueFlag : 0)
            p.storeBytes(of: Int64(n), toByteOffset: 1, as: Int64.self)
            return 9
        }
    }

    /// A calendar day.
    @inline(__always) static func date(_ d: CivilDate, overdue: Bool = false, into o: inout ByteWriter) {
        o.withUnsafeReservedBytes(5) { p in
            p[0] = XLSXRowEncoding.date | (overdue ? XLSXRowEncoding.overdueFlag : 0)
            p.storeBytes(of: d.daysSinceEpoch, toByteOffset: 1, as: Int32.self)
            return 5
        }
    }

    /// A local date and time.
    @inline(__always) static func dateTime(_ t: LocalDateTime, overdue: Bool = false, into o: inout ByteWriter) {
        o.withUnsafeReservedBytes(9) { p in
            p[0] = XLSXRowEncoding.dateTime | (overdue ? XLSXRowEncoding.overdueFlag : 0)
            p.storeBytes(of: t.date.daysSinceEpoch, toByteOffset: 1, as: Int32.self)
            p.storeBytes(of: t.secondOfDay, toByteOffset: 5, as: Int32.self)
            return 9
        }
    }

    /// A duration of `minutes`, written as text in the report's language.
    @inline(__always) static func duration(
        _ minutes: Int, _ style: XLSXDurationStyle, overdue: Bool = false, into o: inout ByteWriter
    ) {
        o.withUnsafeReservedBytes(10) { p in
            p[0] = XLSXRowEncoding.duration | (overdue ? XLSXRowEncoding.overdueFlag : 0)
            p.storeBytes(of: Int64(minutes), toByteOffset: 1, as: Int64.self)
            p[9] = style.rawValue
            return 10
        }
    }

    @inline(__always) private static func header(
        _ kind: UInt8, _ overdue: Bool, _ count: UInt32, into o: inout ByteWriter
    ) {
        o.withUnsafeReservedBytes(5) { p in
            p[0] = kind | (overdue ? XLSXRowEncoding.overdueFlag : 0)
            p.storeBytes(of: count, toByteOffset: 1, as: UInt32.self)
            return 5
        }
    }

    /// Encodes a row of ``XLSXCell``s (checked already: real dates and times) into `sink`; the
    /// overdue control columns past the last cell given become filled blanks.
    static func encode(
        _ cells: [XLSXCell], highlight: XLSXRowHighlight, overdueColumns: [Int], into sink: inout ByteSink
    ) {
        let count = max(cells.count, (overdueColumns.max() ?? -1) + 1)
        sink.withWriter { o in
            row(highlight, into: &o)
            for column in 0..<count {
                let overdue = !overdueColumns.isEmpty && overdueColumns.contains(column)
                switch column < cells.count ? cells[column] : .empty {
                case .empty: empty(overdue: overdue, into: &o)
                case .text(let s): text(s, overdue: overdue, into: &o)
                case .integer(let n): integer(n, overdue: overdue, into: &o)
                case .date(let y, let m, let d): date(CivilDate(year: y, month: m, day: d)!, overdue: overdue, into: &o)
                case .dateTime(let y, let m, let d, let h, let mi, let s):
                    dateTime(
                        LocalDateTime(
                            date: CivilDate(year: y, month: m, day: d)!, secondOfDay: Int32(h * 3600 + mi * 60 + s)),
                        overdue: overdue, into: &o)
                }
            }
        }
    }
}

/// One decoded cell (its bytes are valid only while the buffer it came from is).
enum XLSXEncodedCell {
    /// No value.
    case empty
    /// UTF-8 text.
    case text(UnsafeBufferPointer<UInt8>)
    /// A whole number.
    case integer(Int)
    /// A calendar day.
    case date(CivilDate)
    /// A local date and time.
    case dateTime(CivilDate, secondOfDay: Int)
    /// A duration in minutes, with how it is written.
    case duration(Int, XLSXDurationStyle)
}

/// Reads encoded rows (see ``XLSXRowEncoding``) one cell at a time.
struct XLSXRowDecoder {
    private let base: UnsafePointer<UInt8>?
    private let end: Int
    private var i = 0

    /// Reads `bytes` (which must stay valid while the decoder is used).
    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        base = bytes.baseAddress
        end = bytes.count
    }

    /// The next row's highlight, or nil at the end of the buffer; the row's cells follow.
    @inline(__always) mutating func nextRow() -> XLSXRowHighlight? {
        guard let base, i + 1 < end, base[i] == XLSXRowEncoding.rowMark else { return nil }
        let h = XLSXRowEncoding.highlight(base[i + 1])
        i += 2
        return h
    }

    /// The next cell of the current row and whether it is an overdue control, or nil at the end
    /// of the row.
    @inline(__always) mutating func nextCell() -> (cell: XLSXEncodedCell, overdue: Bool)? {
        guard let base, i < end, base[i] != XLSXRowEncoding.rowMark else { return nil }
        let tag = base[i]
        let overdue = tag & XLSXRowEncoding.overdueFlag != 0
        let p = UnsafeRawPointer(base + i + 1)
        switch tag & 0x0F {
        case XLSXRowEncoding.text:
            let n = Int(p.loadUnaligned(as: UInt32.self))
            i += 5 + n
            return (.text(UnsafeBufferPointer(start: base + (i - n), count: n)), overdue)
        case XLSXRowEncoding.integer:
            i += 9
            return (.integer(Int(p.loadUnaligned(as: Int64.self))), overdue)
        case XLSXRowEncoding.date:
            i += 5
            return (.date(CivilDate(daysSinceEpoch: p.loadUnaligned(as: Int32.self))), overdue)
        case XLSXRowEncoding.dateTime:
            i += 9
            return (
                .dateTime(
                    CivilDate(daysSinceEpoch: p.loadUnaligned(as: Int32.self)),
                    secondOfDay: Int(p.loadUnaligned(fromByteOffset: 4, as: Int32.self))),
                overdue
            )
        case XLSXRowEncoding.duration:
            i += 10
            return (
                .duration(
                    Int(p.loadUnaligned(as: Int64.self)),
                    XLSXDurationStyle(rawValue: p.load(fromByteOffset: 8, as: UInt8.self)) ?? .plain),
                overdue
            )
        default:
            i += 1
            return (.empty, overdue)
        }
    }
}
