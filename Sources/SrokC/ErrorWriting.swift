import CSrok
import SrokCore

extension CFailure {
    /// Writes the failure into the caller's `srok_error` (nothing when `error` is NULL), its
    /// message in `language`, and returns its code. `index`: the element of `srok_due_many` at
    /// fault, or -1.
    func report(to error: UnsafeMutablePointer<srok_error>?, index: Int = -1, language: Language = .ru)
        -> srok_code
    {
        guard let error else { return code }
        let message = message(language)
        error.pointee.code = Int32(bitPattern: code.rawValue)
        error.pointee.index = Int64(index)
        withUnsafeMutableBytes(of: &error.pointee.field) { Self.copy(field, into: $0) }
        withUnsafeMutableBytes(of: &error.pointee.message) { Self.copy(message, into: $0) }
        return code
    }

    /// Clears the caller's `srok_error` (when not NULL) for a call that succeeded.
    static func clear(_ error: UnsafeMutablePointer<srok_error>?) {
        guard let error else { return }
        error.pointee.code = 0
        error.pointee.index = -1
        withUnsafeMutableBytes(of: &error.pointee.field) { $0[0] = 0 }
        withUnsafeMutableBytes(of: &error.pointee.message) { $0[0] = 0 }
    }

    /// Copies `text` as UTF-8 into `buffer` with a terminating NUL; a text too long is cut at a
    /// character boundary and ends with "…".
    private static func copy(_ text: String, into buffer: UnsafeMutableRawBufferPointer) {
        var utf8 = Array(text.utf8)
        if utf8.count >= buffer.count {
            let ellipsis = Array("…".utf8)
            var end = buffer.count - 1 - ellipsis.count
            // Not inside a character: continuation bytes are 0b10xxxxxx.
            while end > 0 && utf8[end] & 0xC0 == 0x80 { end -= 1 }
            utf8 = Array(utf8[0..<end]) + ellipsis
        }
        buffer.copyBytes(from: utf8)
        buffer[utf8.count] = 0
    }
}
