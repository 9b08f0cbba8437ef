import CXLSX
import SrokCore

/// Turns the cells of one raw row from the C layer into typed values: resolves references
/// (implicit ones count on from the previous cell), shared strings, booleans, errors, numbers
/// and, by the cell's style, dates.
struct XLSXCellDecoder {
    let strings: XLSXSharedStrings?
    let styles: XLSXStyles
    let dateSystem: XLSXDateSystem
    let location: XLSXLocation

    /// The row `raw`, whose number defaults to `previous + 1`.
    func decode(_ raw: srok_xlsx_row, previous: Int) throws(SrokError) -> XLSXRow {
        let base = raw.bytes
        func bytes(_ s: srok_xlsx_span) -> UnsafeBufferPointer<UInt8> {
            guard s.length > 0, let base else { return UnsafeBufferPointer(start: nil, count: 0) }
            return UnsafeBufferPointer(start: base + Int(s.offset), count: Int(s.length))
        }
        func text(_ s: srok_xlsx_span) -> String { String(decoding: bytes(s), as: UTF8.self) }

        let number = try rowNumber(raw, previous: previous)
        var cells: [XLSXRowCell] = []
        cells.reserveCapacity(Int(raw.cell_count))
        var column = 0
        for k in 0..<Int(raw.cell_count) {
            let c = raw.cells[k]
            if c.reference.length > 0 {
                guard let ref = XLSXCellReference.parse(bytes(c.reference)) else {
                    let r = text(c.reference)
                    throw location.at(cell: r).invalid(r, expected: XLSXCellReference.accepted)
                }
                column = ref.column
            } else {
                column += 1
                guard column <= XLSXCellReference.maxColumn else {
                    throw location.at(row: number).invalid(">XFD", expected: XLSXCellReference.accepted)
                }
            }
            if let value = try value(c, bytes: bytes, at: XLSXCellReference(column: column, row: number)) {
                cells.append(XLSXRowCell(column: column, value: value))
            }
        }
        return XLSXRow(number: number, cells: cells)
    }

    /// The row's `r`, or `previous + 1` when it has none.
    func rowNumber(_ raw: srok_xlsx_row, previous: Int) throws(SrokError) -> Int {
        guard raw.number.length > 0, let base = raw.bytes else { return previous + 1 }
        let b = UnsafeBufferPointer(start: base + Int(raw.number.offset), count: Int(raw.number.length))
        guard let n = Self.integer(b), n >= 1, n <= XLSXCellReference.maxRow else {
            throw location.at(row: previous + 1).invalid(
                "r=\"\(String(decoding: b, as: UTF8.self))\"",
                expected: LocalizedText(ru: "номер строки 1–1048576", en: "a row number 1–1048576"))
        }
        return n
    }

    /// One cell's value, nil when empty.
    private func value(
        _ c: srok_xlsx_cell, bytes: (srok_xlsx_span) -> UnsafeBufferPointer<UInt8>,
        at ref: XLSXCellReference
    ) throws(SrokError) -> XLSXValue? {
        let hasValue = c.flags & 2 != 0
        let inline = c.flags & 4 != 0
        let v = bytes(c.text)
        switch Self.type(bytes(c.type)) {
        case .inline:
            return inline || hasValue ? .text(XLSXEscapes.string(v)) : nil
        case .string:
            return hasValue ? .text(XLSXEscapes.string(v)) : nil
        case .shared:
            guard hasValue, v.count > 0 else { return nil }
            let count = strings?.count ?? 0
            guard let i = Self.integer(v), let s = strings?.string(i) else {
                throw location.at(cell: ref.description).invalid(
                    "t=\"s\" " + String(decoding: v, as: UTF8.self),
                    expected: count == 0
                        ? LocalizedText(
                            ru: "никакой ссылки на общую строку (в книге нет общих строк)",
                            en: "no shared-string reference (the workbook has no shared strings)")
                        : LocalizedText(
                            ru: "номер общей строки от 0 до \(count - 1)",
                            en: "a shared-string index from 0 to \(count - 1)"))
            }
            return .text(s)
        case .bool:
            guard hasValue, v.count > 0 else { return nil }
            switch String(decoding: v, as: UTF8.self) {
            case "1", "true", "TRUE": return .bool(true)
            case "0", "false", "FALSE": return .bool(false)
            case let other:
                throw location.at(cell: ref.description).invalid(
                    other, expected: LocalizedText(ru: "логическое значение 0 или 1", en: "a boolean 0 or 1"))
            }
        case .error:
            return hasValue ? .error(String(decoding: v, as: UTF8.self)) : nil
        case .isoDate:
            guard hasValue, v.count > 0 else { return nil }
            let t = String(decoding: v, as: UTF8.self)
            guard let d = Self.isoDate(t) else {
                throw location.at(cell: ref.description).invalid(
                    t,
                    expected: LocalizedText(
                        ru: "ячейка даты ISO 8601 (YYYY-MM-DD или YYYY-MM-DDTHH:MM:SS)",
                        en: "an ISO 8601 date cell (YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS)"))
            }
            return .date(d)
        case .number:
            guard hasValue, v.count > 0 else { return nil }
            guard let x = Self.number(v), x.isFinite else {
                throw location.at(cell: ref.description).invalid(
                    String(decoding: v, as: UTF8.self),
                    expected: LocalizedText(ru: "конечное число", en: "a finite number"))
            }
            let style = c.style.length > 0 ? Self.integer(bytes(c.style)) ?? -1 : 0
            guard styles.isDate(style) else { return .number(x) }
            guard let d = dateSystem.dateTime(serial: x) else {
                throw location.at(cell: ref.description).invalid(
                    String(decoding: v, as: UTF8.self), expected: dateSystem.accepted)
            }
            return .date(d)
        case nil:
            let t = String(decoding: bytes(c.type), as: UTF8.self)
            throw location.at(cell: ref.description).invalid(
                "t=\"\(t)\"",
                expected: LocalizedText(
                    ru: "тип ячейки n, s, str, inlineStr, b, e или d", en: "a cell type n, s, str, inlineStr, b, e or d"
                ))
        }
    }

    /// Cell types (`t`).
    private enum Kind { case number, shared, string, inline, bool, error, isoDate }

    private static func type(_ t: UnsafeBufferPointer<UInt8>) -> Kind? {
        switch t.count {
        case 0: return .number
        case 1:
            switch t[0] {
            case 0x73: return .shared  // s
            case 0x6E: return .number  // n
            case 0x62: return .bool  // b
            case 0x65: return .error  // e
            case 0x64: return .isoDate  // d
            default: return nil
            }
        case 3 where t[0] == 0x73 && t[1] == 0x74 && t[2] == 0x72: return .string  // str
        case 9 where String(decoding: t, as: UTF8.self) == "inlineStr": return .inline
        default: return nil
        }
    }

    /// A non-negative decimal integer of at most 18 digits (surrounding spaces allowed), or nil.
    static func integer(_ b: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = 0
        var end = b.count
        while i < end, b[i] == 0x20 { i += 1 }
        while end > i, b[end - 1] == 0x20 { end -= 1 }
        guard i < end, end - i <= 18 else { return nil }
        var n = 0
        while i < end {
            let d = b[i] &- 0x30
            guard d < 10 else { return nil }
            n = n * 10 + Int(d)
            i += 1
        }
        return n
    }

    /// 10⁰ … 10²², exact as doubles.
    private static let powersOfTen: [Double] = (0...22).map { k in (0..<k).reduce(1.0) { x, _ in x * 10 } }

    /// A number as a `<v>` holds it. Plain decimals (`-12`, `45747.37847222222`) whose digits
    /// make an integer below 2⁵³ are read directly: that integer divided by a power of ten up to
    /// 10²², both exact doubles, is the correctly rounded value (one IEEE division). Anything
    /// else (exponents, long mantissas, `NaN`) goes through Swift's parser.
    static func number(_ b: UnsafeBufferPointer<UInt8>) -> Double? {
        var i = 0
        var mantissa: UInt64 = 0
        var fraction = -1
        var negative = false
        if i < b.count, b[i] == 0x2D {
            negative = true
            i += 1
        }
        let first = i
        while i < b.count {
            let c = b[i]
            if c == 0x2E, fraction < 0 {
                fraction = 0
            } else {
                let d = c &- 0x30
                guard d < 10, mantissa < 1 << 49 else { return Double(String(decoding: b, as: UTF8.self)) }
                mantissa = mantissa * 10 + UInt64(d)
                if fraction >= 0 { fraction += 1 }
            }
            i += 1
        }
        guard i > first, fraction <= 22, !(fraction == 0 && i - first == 1) else {
            return Double(String(decoding: b, as: UTF8.self))
        }
        let x = fraction > 0 ? Double(mantissa) / powersOfTen[fraction] : Double(mantissa)
        return negative ? -x : x
    }

    /// `YYYY-MM-DD`, optionally `THH:MM[:SS[.fff]]` (a strict-OOXML `t="d"` cell).
    static func isoDate(_ t: String) -> XLSXDateTime? {
        let parts = t.split(separator: "T", maxSplits: 1)
        let d = parts[0].split(separator: "-")
        guard d.count == 3, d[0].count == 4, let y = Int(d[0]), let m = Int(d[1]), let day = Int(d[2]),
            let date = CivilDate(year: y, month: m, day: day)
        else { return nil }
        var seconds = 0
        if parts.count == 2 {
            let hms = parts[1].split(separator: ":")
            guard hms.count >= 2, hms.count <= 3, let h = Int(hms[0]), let mi = Int(hms[1]), (0..<24).contains(h),
                (0..<60).contains(mi)
            else { return nil }
            let s = hms.count == 3 ? Double(hms[2]) : 0
            guard let s, s >= 0, s < 60 else { return nil }
            seconds = min(86_399, h * 3600 + mi * 60 + Int(s.rounded()))
        }
        let serial =
            Double(date.daysSinceEpoch - CivilDate(year: 1899, month: 12, day: 30)!.daysSinceEpoch) + Double(seconds)
            / 86_400
        return XLSXDateTime(date: date, secondsOfDay: seconds, serial: serial)
    }
}
