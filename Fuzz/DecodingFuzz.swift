// fuzz-options: -max_len=4096

// libFuzzer harness for the text decoding of CSV inputs (SrokBatch/TextDecoding: EncodingDetector,
// BOM → UTF-8 → Windows-1251, and TranscodingReader over ICU's ucnv; Fuzz/run.sh builds it).
//
// The first four bytes are parameters, the rest is the file:
//   byte 0  the encoding asked for: auto (0–3), utf-8, utf-16le, utf-16be, windows-1251 (low 3 bits);
//   byte 1  the reader's chunk: 16 + the byte (255: 64 KiB, the whole file at once);
//   byte 2  how many of the first bytes are handed over already read (`prefix:`, as the batch
//           does after looking at its first block): 0, the whole file (255), else the byte mod
//           the size + 1;
//   byte 3  the size of the buffer read into (1 + the byte).
// The rest of the file comes through a pipe, so the reader sees it in pieces of its chunk.
//
// Invariants: never crash or loop; the detector's answer for the whole file (also the batch's
// own first-block detection) is: a BOM, else UTF-8 exactly when the standard library finds the
// bytes valid UTF-8, else Windows-1251 — a file called valid UTF-8 really is, and no prefix of
// a valid file is called invalid; the reader, fed in pieces, picks the same encoding as the
// whole file when its first piece is the whole file, and otherwise never Windows-1251 for valid
// UTF-8; it passes UTF-8 through without its BOM; another encoding's text is exactly what one
// ICU conversion of the whole body gives, and what the standard library (UTF-16) or Windows-1251's
// code chart gives; a conversion error is the same error at the same byte whatever the pieces.

#if canImport(Glibc)
    import Glibc
#endif

@_cdecl("LLVMFuzzerTestOneInput")
public func decodingFuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size >= 4 else { return 0 }
    let b = Array(UnsafeBufferPointer(start: data, count: size))
    let requested: InputEncoding =
        switch b[0] & 7 {
        case 4: .utf8
        case 5: .utf16le
        case 6: .utf16be
        case 7: .windows1251
        default: .auto
        }
    let chunk = b[1] == 255 ? 64 << 10 : 16 + Int(b[1])
    let text = Array(b[4...])
    let prefix = b[2] == 0 ? 0 : b[2] == 255 ? text.count : Int(b[2]) % (text.count + 1)
    let buffer = 1 + Int(b[3])

    checkDetector(text, salt: Int(b[2]))

    // The whole file's encoding and BOM, worked out plainly.
    var whole = requested
    var bom = 0
    if requested == .auto {
        if text.starts(with: [0xEF, 0xBB, 0xBF]) {
            (whole, bom) = (.utf8, 3)
        } else if text.starts(with: [0xFF, 0xFE]) {
            (whole, bom) = (.utf16le, 2)
        } else if text.starts(with: [0xFE, 0xFF]) {
            (whole, bom) = (.utf16be, 2)
        } else {
            whole = String(validating: text, as: UTF8.self) != nil ? .utf8 : .windows1251
        }
    } else if text.starts(with: requested.byteOrderMark) {
        bom = requested.byteOrderMark.count
    }
    let body = Array(text[bom...])

    // The reader, in pieces.
    let path = "fuzz.csv"
    var fds: [Int32] = [0, 0]
    guard pipe(&fds) == 0 else { fatalError("pipe: \(errno)") }
    let rest = Array(text[prefix...])
    var written = 0
    while written < rest.count {
        let n = rest.withUnsafeBytes { write(fds[1], $0.baseAddress! + written, $0.count - written) }
        guard n > 0 else { fatalError("write to the pipe: \(errno)") }
        written += n
    }
    close(fds[1])
    defer { close(fds[0]) }
    let reader = TranscodingReader(
        fd: fds[0], path: path, encoding: requested, chunk: chunk, prefix: Array(text[..<prefix]))
    var out: [UInt8] = []
    var failure: SrokError?
    let buf = UnsafeMutableRawBufferPointer.allocate(byteCount: buffer, alignment: 1)
    defer { buf.deallocate() }
    var reads = 0
    while true {
        reads += 1
        // Converted text is at most 3 bytes of UTF-8 per input byte (1251, and UTF-16's BMP units).
        guard reads <= 3 * text.count / buffer + text.count / 8 + 8 else { fatalError("the reader does not end") }
        do {
            let n = try reader.read(into: buf)
            if n == 0 { break }
            guard n <= buffer else { fatalError("read \(n) into \(buffer)") }
            out += buf[0..<n]
        } catch {
            failure = error
            break
        }
    }
    guard let detected = reader.detected else { fatalError("no encoding decided") }
    if failure == nil, (try? reader.read(into: buf)) != 0 { fatalError("a read after the end gave bytes") }

    // The encoding: the whole file's when the first piece is the whole file, except that the
    // reader decides before it knows the end, so a text valid UTF-8 but for a last character cut
    // off is UTF-8; never Windows-1251 for valid UTF-8 (a first piece of valid UTF-8 makes the
    // file UTF-8, passed through as it is).
    let firstPieceIsAll = prefix > 0 ? prefix == text.count && chunk >= text.count : chunk >= text.count
    let cutOff = text.withUnsafeBufferPointer { EncodingDetector.utf8Check($0, atEnd: false) } == .valid
    if bom > 0 || whole == .utf8 {
        guard detected == whole else { fatalError("detected \(detected), the whole file is \(whole)") }
    } else if detected != whole {
        guard detected == .utf8, whole == .windows1251, !firstPieceIsAll || cutOff else {
            fatalError("detected \(detected), the whole file is \(whole)")
        }
    }

    if detected == .utf8 {
        guard failure == nil, out == body else { fatalError("UTF-8 not passed through: \(String(describing: failure))") }
        return 0
    }

    // One ICU conversion of the whole body.
    var expected: [UInt8] = []
    var expectedFailure: (offset: Int, bytes: [UInt8])?
    do {
        let converter = try TextConverter(detected)
        try body.withUnsafeBufferPointer { (p) throws(SrokError) in
            try converter.convert(p, flush: true, into: &expected) { offset, bad in
                expectedFailure = (offset, bad)
                return .missing(field: "", expected: "")
            }
        }
    } catch {
        guard expectedFailure != nil else { fatalError("ICU's converter failed: \(error)") }
    }
    switch (failure, expectedFailure) {
    case (nil, nil):
        guard out == expected else { fatalError("pieces and the whole differ") }
    case (.invalidValue(let field, let value, _)?, let (offset, bad)?):
        // The same byte, in the file's numbering (the BOM counts), and the same bytes shown.
        let hex = bad.map { "0x" + String($0, radix: 16, uppercase: true) }.joined(separator: " ")
        guard field == "\(path), byte \(bom + offset)", value == hex else {
            fatalError("pieces fail with \(field) \(value), the whole at \(bom + offset) \(hex)")
        }
        // What went before the error is valid, and the bytes there are not; the text handed out
        // before the error (by either) is the start of that valid part's text. (ICU may keep text
        // back when it stops: the whole conversion's partial text can be shorter than the pieces'.)
        guard offset >= 0, offset <= body.count, let valid = plainDecode(Array(body[..<offset]), detected),
            plainDecode(Array(body[offset...]), detected) == nil
        else { fatalError("\(detected) error at \(offset) of \(body.count) bytes is not where the text stops being valid") }
        for text in [out, expected] where !valid.starts(with: text) {
            fatalError("the text before the error is not the valid part's")
        }
    default:
        fatalError("pieces: \(String(describing: failure)); the whole: \(String(describing: expectedFailure))")
    }

    // The same from the standard library and the code chart.
    let plain = plainDecode(body, detected)
    guard (plain == nil) == (expectedFailure != nil) else {
        fatalError("ICU \(expectedFailure == nil ? "converts" : "refuses") \(detected) that the oracle \(plain == nil ? "refuses" : "converts")")
    }
    if let plain, plain != expected { fatalError("ICU's \(detected) differs from the oracle's") }

    // Written back as UTF-16LE by ICU and read again, the text is the same.
    if let plain, let converter = try? TextConverter(toCharset: "UTF-16LE") {
        var utf16: [UInt8] = []
        plain.withUnsafeBufferPointer { p in
            _ = try? converter.convert(p, flush: true, into: &utf16) { _, _ in .missing(field: "", expected: "") }
        }
        let units = stride(from: 0, to: utf16.count - 1, by: 2).map { UInt16(utf16[$0]) | UInt16(utf16[$0 + 1]) << 8 }
        guard utf16.count % 2 == 0, String(decoding: units, as: UTF16.self).utf8.elementsEqual(plain) else {
            fatalError("UTF-16LE written back differs")
        }
    }
    return 0
}

/// `body` decoded without ICU: UTF-16 by the standard library (nil on an odd byte or a lone
/// surrogate), Windows-1251 by its code chart (0x98, unassigned, as U+0098 as ICU's table and
/// Windows' own conversion have it). UTF-8 as it is.
private func plainDecode(_ body: [UInt8], _ encoding: InputEncoding) -> [UInt8]? {
    switch encoding {
    case .utf16le, .utf16be:
        guard body.count % 2 == 0 else { return nil }
        let le = encoding == .utf16le
        let units = stride(from: 0, to: body.count, by: 2).map { k in
            le ? UInt16(body[k]) | UInt16(body[k + 1]) << 8 : UInt16(body[k]) << 8 | UInt16(body[k + 1])
        }
        return String(validating: units, as: UTF16.self).map { Array($0.utf8) }
    case .windows1251:
        var s = ""
        for c in body {
            s.unicodeScalars.append(Unicode.Scalar(c < 0x80 ? UInt32(c) : windows1251[Int(c) - 0x80])!)
        }
        return Array(s.utf8)
    case .utf8, .auto:
        return body
    }
}

/// Windows-1251, 0x80–0xFF (the Unicode Consortium's cp1251 mapping; 0x98 as U+0098).
private let windows1251: [UInt32] = [
    0x0402, 0x0403, 0x201A, 0x0453, 0x201E, 0x2026, 0x2020, 0x2021, 0x20AC, 0x2030, 0x0409, 0x2039, 0x040A, 0x040C,
    0x040B, 0x040F, 0x0452, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x0098, 0x2122, 0x0459, 0x203A,
    0x045A, 0x045C, 0x045B, 0x045F, 0x00A0, 0x040E, 0x045E, 0x0408, 0x00A4, 0x0490, 0x00A6, 0x00A7, 0x0401, 0x00A9,
    0x0404, 0x00AB, 0x00AC, 0x00AD, 0x00AE, 0x0407, 0x00B0, 0x00B1, 0x0406, 0x0456, 0x0491, 0x00B5, 0x00B6, 0x00B7,
    0x0451, 0x2116, 0x0454, 0x00BB, 0x0458, 0x0405, 0x0455, 0x0457,
] + (0x0410...0x044F).map { UInt32($0) }

/// The detector on the whole file and on prefixes of it.
private func checkDetector(_ text: [UInt8], salt: Int) {
    let valid = String(validating: text, as: UTF8.self) != nil
    text.withUnsafeBufferPointer { all in
        // A file called valid UTF-8 really is, and the other way round.
        let check = EncodingDetector.utf8Check(all, atEnd: true)
        guard check != .tooShort, (check == .valid) == valid else { fatalError("utf8Check says \(check), valid: \(valid)") }
        let decision = EncodingDetector.decide(all, isStart: true, atEnd: true)
        guard case .decided(let e, let bom) = decision else { fatalError("undecided at the end") }
        let boms: [(InputEncoding, [UInt8])] = [(.utf8, [0xEF, 0xBB, 0xBF]), (.utf16le, [0xFF, 0xFE]), (.utf16be, [0xFE, 0xFF])]
        if let (be, mark) = boms.first(where: { text.starts(with: $0.1) }) {
            guard e == be, bom == mark.count else { fatalError("BOM of \(be) read as \(decision)") }
        } else {
            guard bom == 0, e == (valid ? .utf8 : .windows1251) else { fatalError("\(decision) for valid: \(valid)") }
            // The batch's own look at its first block (4 KiB from the first non-ASCII byte: all of it here).
            guard BatchInput.detect(all, atEnd: true) == e else { fatalError("the batch detects otherwise") }
        }
        // Prefixes: an invalid one makes the file invalid; a decision on one holds for the file.
        let n = text.count
        for k in Set([salt % (n + 1), n / 2, max(0, n - 1), max(0, n - 2), max(0, n - 3)]) {
            let head = UnsafeBufferPointer(rebasing: all[..<k])
            let partial = EncodingDetector.utf8Check(head, atEnd: false)
            if partial == .invalid && valid { fatalError("a prefix of \(k) bytes of valid UTF-8 called invalid") }
            switch EncodingDetector.decide(head, isStart: true, atEnd: false) {
            case .decided(let pe, let pb) where pb > 0:
                guard pe == e, pb == bom else { fatalError("prefix BOM \(pe) vs \(e)") }
            case .decided(.windows1251, _):
                guard e == .windows1251 else { fatalError("a prefix of \(k) bytes called Windows-1251, the file \(e)") }
            case .decided(let pe, _):
                guard pe == .utf8, partial != .invalid, head.contains(where: { $0 >= 0x80 }) else {
                    fatalError("a prefix of \(k) bytes called \(pe)")
                }
            case .undecided:
                break
            }
            if BatchInput.detect(head, atEnd: false) == .windows1251, e != .windows1251, bom == 0 {
                fatalError("the batch calls a prefix of \(k) bytes Windows-1251, the file \(e)")
            }
        }
    }
}
