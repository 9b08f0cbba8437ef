import CXLSX
import SrokCore

/// Streams the rows of one worksheet of an .xlsx workbook in bounded memory.
///
/// The sheet's XML is inflated from the ZIP archive (minizip) and parsed (libxml2's SAX2 push
/// parser) 64 KiB at a time; only the rows of that chunk are held, never the sheet. The
/// shared-strings table is read whole first: it is the one part whose size the memory follows.
///
/// ```swift
/// let reader = try XLSXReader(path: "export.xlsx")                 // the first sheet
/// let header = try XLSXHeaderFinder.find(in: reader, known: ["Номер", "Дата поступления"])
/// while let row = try reader.nextRow() { … row.texts(count: header.row.cells.count) … }
/// ```
///
/// Values are typed (``XLSXValue``): shared and inline strings, numbers, booleans, errors, a
/// formula's cached value, and dates decided by the cell's style (see ``XLSXNumberFormat``)
/// converted with the workbook's ``XLSXDateSystem``. See ``XLSXRow`` for empty cells and merged
/// ranges.
///
/// Errors are ``SrokError`` values naming the file, sheet and cell. A damaged archive or
/// malformed XML ends the reading (every later call throws the same error); a bad value in one
/// row (a reference like `A0`, a shared-string index past the table, a date serial Excel
/// cannot show) throws for that row only, and the next call goes on with the next row.
/// Not thread-safe: one reader per thread.
package final class XLSXReader {
    /// The workbook's structure.
    package let workbook: XLSXWorkbook
    /// The sheet being read.
    package let sheet: XLSXSheetInfo
    private let handle: OpaquePointer
    private let decoder: XLSXCellDecoder
    private var previous = 0
    private var failure: SrokError?
    /// Rows handed out (or thrown for) so far.
    package private(set) var rowsRead = 0
    /// The number of the row last handed out or thrown for (0 before the first).
    package var lastRowNumber: Int { previous }
    /// Whether reading has ended on a damaged archive or malformed XML (every call throws).
    package var isBroken: Bool { failure != nil }

    /// Opens the workbook at `path` and the sheet `selector` picks (the first by default).
    package init(path: String, sheet selector: XLSXSheetSelector = .first) throws(SrokError) {
        workbook = try XLSXWorkbook(path: path)
        sheet = try workbook.sheet(selector)
        let location = XLSXLocation(file: path, sheet: sheet.name)
        let strings = try workbook.sharedStringsPart.map { (part) throws(SrokError) in
            try XLSXSharedStrings(part: part, at: location)
        }
        let styles =
            try workbook.stylesPart.map { (part) throws(SrokError) in
                XLSXStyles(try XLSXElements(part: part, at: location))
            } ?? XLSXStyles()
        decoder = XLSXCellDecoder(strings: strings, styles: styles, dateSystem: workbook.dateSystem, location: location)
        var status: Int32 = 0
        var message = [CChar](repeating: 0, count: 512)
        let part = sheet.part!
        guard let h = srok_xlsx_sheet_open(path, part, &status, &message, Int32(message.count)) else {
            throw XLSXStatus.error(status, message: XLSXStatus.text(message), part: part, at: location)
        }
        handle = h
    }

    deinit { srok_xlsx_sheet_close(handle) }

    /// The next stored row, or nil after the last. See the type's notes for what throws.
    package func nextRow() throws(SrokError) -> XLSXRow? {
        if let failure { throw failure }
        var raw = srok_xlsx_row()
        let rc = srok_xlsx_sheet_next_row(handle, &raw)
        if rc == 0 { return nil }
        guard rc > 0 else {
            let e = XLSXStatus.error(
                rc, message: String(cString: srok_xlsx_sheet_message(handle)), part: sheet.part!,
                at: decoder.location.at(row: previous + 1))
            failure = e
            throw e
        }
        rowsRead += 1
        do {
            let row = try decoder.decode(raw, previous: previous)
            previous = row.number
            return row
        } catch {
            previous = (try? decoder.rowNumber(raw, previous: previous)) ?? previous + 1
            throw error
        }
    }

    /// The merged ranges (`A1:D1`) the sheet declares. They follow the rows in the file, so the
    /// list is complete only after ``nextRow()`` returned nil.
    package var mergedRanges: [String] {
        (0..<srok_xlsx_sheet_merge_count(handle)).map { String(cString: srok_xlsx_sheet_merge(handle, $0)) }
    }

    /// The sheet's declared used range (`A1:Y100001`), when the file has one: it precedes the
    /// rows, so it is known once ``nextRow()`` has been called (a hint for progress, not a promise).
    package var dimension: String? {
        let d = String(cString: srok_xlsx_sheet_dimension(handle))
        return d.isEmpty ? nil : d
    }

    /// Inflated bytes of the sheet's XML read so far and in total, for a progress line.
    package var progress: (read: Int64, total: Int64) {
        (srok_xlsx_sheet_bytes_read(handle), srok_xlsx_sheet_bytes_total(handle))
    }
}
