import SrokCore

/// An ``OutputSink`` that writes UTF-8 text to another sink in an ``OutputEncoding``: the BOM
/// first, then every write converted by ICU (``TextConverter``). Each write is whole records, so
/// nothing is held between writes. Plain UTF-8 output is written straight to the file, without it.
final class EncodingSink: OutputSink {
    private let inner: any OutputSink
    private let converter: TextConverter?
    private var bom: [UInt8]
    private var buffer: [UInt8] = []

    /// Writes to `inner` in `encoding`.
    init(_ inner: any OutputSink, encoding: OutputEncoding) throws(SrokError) {
        self.inner = inner
        converter = try encoding.icuName.map { (name) throws(SrokError) in try TextConverter(toCharset: name) }
        bom = encoding.byteOrderMark
    }

    /// `inner` itself for plain UTF-8, else `inner` wrapped.
    static func wrap(_ inner: any OutputSink, encoding: OutputEncoding) throws(SrokError) -> any OutputSink {
        encoding == .utf8 ? inner : try EncodingSink(inner, encoding: encoding)
    }

    var temporaryPath: String? { inner.temporaryPath }

    func write(_ bytes: UnsafeBufferPointer<UInt8>) throws(SrokError) {
        if !bom.isEmpty {
            try inner.write(bom)
            bom = []
        }
        guard let converter else { return try inner.write(bytes) }
        buffer.removeAll(keepingCapacity: true)
        // UTF-8 to a charset substitutes what it cannot write: no sequence stops it.
        try converter.convert(bytes, flush: true, into: &buffer) { offset, _ in
            .invalidValue(
                field: "--output-encoding", value: String(offset),
                expected: LocalizedText(ru: "текст UTF-8 (байт \(offset))", en: "UTF-8 text (byte \(offset))"))
        }
        try inner.write(buffer)
    }

    func prepare() throws(SrokError) { try inner.prepare() }
    func publish() throws(SrokError) { try inner.publish() }
    func commit() throws(SrokError) { try inner.commit() }
    func abandon() { inner.abandon() }
}
