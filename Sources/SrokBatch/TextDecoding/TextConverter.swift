import CICUShim
import SrokCore

/// A streaming conversion with one of ICU's converters (`ucnv`): to UTF-8 from an input's
/// encoding, or from UTF-8 to an output's. It keeps a character split between two chunks (half a
/// UTF-16 unit, a surrogate pair) for the next call. Reading, a byte sequence the encoding does not
/// define stops the conversion with an error; writing, a character the encoding lacks becomes `?`.
final class TextConverter {
    private let handle: OpaquePointer
    /// ICU's name of the other encoding (`windows-1251`, `UTF-16LE`).
    let charset: String

    /// Where ICU writes before the bytes are appended to the caller's output.
    private let scratch = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: 64 << 10)

    /// A converter from `encoding` to UTF-8 (not UTF-8 or auto, which need none).
    init(_ encoding: InputEncoding) throws(SrokError) {
        var error: Int32 = 0
        guard let name = encoding.icuName, let h = srok_converter_open(name, &error) else {
            throw .icu(operation: "ucnv_open(\(encoding.rawValue))", code: error)
        }
        handle = h
        charset = name
    }

    /// A converter from UTF-8 to the charset ICU calls `name`.
    init(toCharset name: String) throws(SrokError) {
        var error: Int32 = 0
        guard let h = srok_converter_open_to(name, &error) else {
            throw .icu(operation: "ucnv_open(\(name))", code: error)
        }
        handle = h
        charset = name
    }

    deinit {
        srok_converter_close(handle)
        scratch.deallocate()
    }

    /// Converts `input`, appending the converted bytes to `output`; `flush` on the last call. On an invalid
    /// sequence, throws what `invalid` makes of its offset within `input` (negative when it began
    /// in the previous call's input) and its bytes.
    func convert(
        _ input: UnsafeBufferPointer<UInt8>, flush: Bool, into output: inout [UInt8],
        invalid: (_ offset: Int, _ bytes: [UInt8]) -> SrokError
    ) throws(SrokError) {
        let empty: [UInt8] = [0]
        try empty.withUnsafeBufferPointer { (e) throws(SrokError) in
            let start = input.baseAddress ?? e.baseAddress!
            let end = start + input.count
            var source: UnsafePointer<UInt8>? = start
            while true {
                var target: UnsafeMutablePointer<UInt8>? = scratch.baseAddress
                let rc = srok_converter_convert(
                    handle, &source, end, &target, scratch.baseAddress! + scratch.count, flush ? 1 : 0)
                output.append(
                    contentsOf: UnsafeBufferPointer(start: scratch.baseAddress, count: target! - scratch.baseAddress!))
                if rc <= 0 { return }  // U_ZERO_ERROR or a warning
                if rc == 15 { continue }  // U_BUFFER_OVERFLOW_ERROR: the scratch buffer is full, more to come
                var bad = [UInt8](repeating: 0, count: 16)
                let n = Int(srok_converter_invalid(handle, &bad, 16))
                throw invalid((source! - start) - n, Array(bad.prefix(n)))  // negative: bytes held from the last call
            }
        }
    }
}
