import SrokCore

/// The bounds of what a batch run reads: every size that comes from the input or from
/// ``BatchRunOptions`` is checked against one of these before it is used in arithmetic or
/// allocation.
public enum BatchLimits {
    /// The longest CSV header accepted, in bytes from its first byte (after a BOM) to its line end
    /// included: 64 KiB. A longer first line (a file without line breaks, `/dev/zero`, a
    /// concatenation of rows) is a fatal error, after reading at most this much.
    public static let headerBytes = 64 << 10
    /// The most columns a CSV header may have: 1024 (the ПОС export has about 40).
    public static let headerColumns = 1024
    /// The default of ``BatchRunOptions/maxRecordBytes``: 16 MiB.
    public static let defaultMaxRecordBytes = 16 << 20
    /// The accepted ``BatchRunOptions/chunkBytes``: 64 bytes to 1 GiB.
    public static let chunkBytesRange = 64...(1 << 30)
    /// The accepted ``BatchRunOptions/maxRecordBytes``: 64 bytes to 1 GiB.
    public static let maxRecordBytesRange = 64...(1 << 30)
    /// The accepted ``BatchRunOptions/jobs``: 1 to 256 worker threads.
    public static let jobsRange = 1...256
    /// How much of an input text a message echoes: 80 characters.
    public static let echoCharacters = 80
    /// How many bytes of an oversized record its reject shows (`value`): 64, the smallest
    /// ``maxRecordBytesRange``, so the reader always holds them whatever the chunk size.
    static let previewBytes = 64

    /// At most ``echoCharacters`` characters of `text`, control characters written as escapes
    /// (`\t`, `\r`, `\n`, `\u{0}`), with `…` when it was cut.
    public static func echo(_ text: some StringProtocol) -> String {
        var out = ""
        var count = 0
        for c in text.unicodeScalars {
            if count == echoCharacters { return out + "…" }
            switch c {
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case "\n": out += "\\n"
            case _ where c.value < 0x20 || c.value == 0x7F: out += "\\u{\(String(c.value, radix: 16))}"
            default: out.unicodeScalars.append(c)
            }
            count += 1
        }
        return out
    }
}

extension BatchRunOptions {
    /// Checks every size against ``BatchLimits`` (the library's callers do not go through the
    /// CLI's validation), so no later arithmetic on them can overflow.
    func validate() throws(SrokError) {
        func check(_ value: Int, _ range: ClosedRange<Int>, _ field: String, _ expected: LocalizedText)
            throws(SrokError)
        {
            guard range.contains(value) else {
                throw .invalidValue(field: field, value: String(value), expected: expected)
            }
        }
        let bytes = LocalizedText(ru: "от 64 до 1073741824 байт (1 ГиБ)", en: "64 to 1073741824 bytes (1 GiB)")
        try check(chunkBytes, BatchLimits.chunkBytesRange, "--chunk-bytes", bytes)
        try check(maxRecordBytes, BatchLimits.maxRecordBytesRange, "--max-record-bytes", bytes)
        try check(jobs, BatchLimits.jobsRange, "--jobs", .wholeNumber(from: 1, to: 256))
    }
}
