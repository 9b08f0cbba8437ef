import SrokCore

/// A record longer than ``BatchRunOptions/maxRecordBytes``: one reject naming the limit, the same
/// whether the reader skipped it (``SkippedRecord``) or a worker found it whole in its segment.
enum OversizedRecord {
    /// The record's first line, at most ``BatchLimits/previewBytes`` bytes of it, cut before an
    /// incomplete UTF-8 sequence: the reject's value.
    static func preview(_ b: UnsafeBufferPointer<UInt8>) -> String {
        var n = 0
        while n < min(b.count, BatchLimits.previewBytes), b[n] != LineEnds.lf, b[n] != LineEnds.cr { n += 1 }
        // Drop a multi-byte sequence the cut left incomplete.
        var lead = n
        while lead > 0, lead > n - 4, b[lead - 1] & 0xC0 == 0x80 { lead -= 1 }
        if lead > 0, b[lead - 1] >= 0xC0 {
            let c = b[lead - 1]
            let length = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2
            if lead - 1 + length > n { n = lead - 1 }
        }
        return String(decoding: UnsafeBufferPointer(rebasing: b[..<n]), as: UTF8.self)
    }

    /// Why the record is rejected: its size, the limit and the option that sets it.
    static func reason(bytes: Int, unclosedQuote: Bool, limit: Int) -> LocalizedText {
        let quote =
            unclosedQuote
            ? LocalizedText(
                ru: "открытое в ней поле в кавычках не закрыто и тянется до конца входа: ",
                en: "a quoted field opened in it is never closed, so it runs to the end of the input: ")
            : LocalizedText(verbatim: "")
        return LocalizedText(ru: "слишком длинная запись: ", en: "record too long: ") + quote
            + LocalizedText(
                ru:
                    "\(bytes) байт, больше предела в \(limit) байт (--max-record-bytes); она пропущена целиком, чтение продолжается после неё",
                en:
                    "\(bytes) bytes, more than the limit of \(limit) bytes (--max-record-bytes); it is skipped whole and reading goes on after it"
            )
    }
}
