import CXLSX
import SrokCore

/// A small XML part of a workbook (relationships, workbook, styles) read whole as its elements'
/// start and end events, with names and attribute values as strings (namespace prefixes
/// dropped: `r:id` is `id`).
package struct XLSXElements {
    /// One event.
    struct Element {
        /// True for a start tag (with attributes), false for an end tag.
        var isStart: Bool
        /// The local name.
        var name: String
        /// Attributes by local name.
        var attributes: [String: String]
    }

    /// The events in document order.
    var elements: [Element] = []

    /// The largest small part read (64 MiB uncompressed; styles of real workbooks are well below).
    static let limit: Int64 = 64 << 20

    /// Reads `part` of the workbook at `location`.
    package init(part: String, at location: XLSXLocation) throws(SrokError) {
        var status: Int32 = 0
        var message = [CChar](repeating: 0, count: 512)
        guard let e = srok_xlsx_elements_read(location.file, part, Self.limit, &status, &message, Int32(message.count))
        else {
            throw XLSXStatus.error(status, message: XLSXStatus.text(message), part: part, at: location)
        }
        defer { srok_xlsx_elements_close(e) }
        let count = Int(srok_xlsx_elements_count(e))
        guard count > 0 else { return }
        let events = srok_xlsx_elements_events(e)!
        let attributes = srok_xlsx_elements_attributes(e)
        let bytes = srok_xlsx_elements_bytes(e)!
        func text(_ s: srok_xlsx_span) -> String {
            String(decoding: UnsafeBufferPointer(start: bytes + Int(s.offset), count: Int(s.length)), as: UTF8.self)
        }
        elements.reserveCapacity(count)
        for k in 0..<count {
            let ev = events[k]
            var attrs: [String: String] = [:]
            if let attributes, ev.attribute_count > 0 {
                for a in Int(ev.first_attribute)..<Int(ev.first_attribute + ev.attribute_count) {
                    attrs[text(attributes[a].name)] = text(attributes[a].value)
                }
            }
            elements.append(Element(isStart: ev.kind == 1, name: text(ev.name), attributes: attrs))
        }
    }

    /// Reads `part` when the workbook has it, else nil.
    static func optional(part: String, at location: XLSXLocation) throws(SrokError) -> XLSXElements? {
        do { return try XLSXElements(part: part, at: location) } catch {
            if srok_xlsx_has_entry(location.file, part) == 0 { return nil }
            throw error
        }
    }
}
