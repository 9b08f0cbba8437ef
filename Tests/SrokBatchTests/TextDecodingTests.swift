import Foundation
import SrokCore
import Testing

@testable import SrokBatch

/// CSV text in the encodings Russian Excel saves, converted to UTF-8 by ICU. The fixtures were
/// written by Python's codecs (`make_fixtures.py`): the expected text is the one it encoded.
@Suite struct TextDecodingTests {
    typealias F = InputFixtures

    /// The text make_fixtures.py wrote into cp1251.csv (and, with TABs, into utf16.txt).
    static let text =
        "Номер;Дата поступления;Категория;Статус\r\n"
        + "3001;01.03.2025 9:05;Дороги — ямы;Новое\r\n"
        + "3002;1.3.2025;«Мусор», № 5;Ёлка ё\r\n"

    /// Decodes the file at `path` with `encoding` in chunks of `chunk` bytes.
    private func decode(_ path: String, _ encoding: InputEncoding = .auto, chunk: Int = 64 << 10) throws -> (
        String, InputEncoding?
    ) {
        let fd = open(path, O_RDONLY)
        #expect(fd >= 0)
        defer { close(fd) }
        let reader = TranscodingReader(fd: fd, path: path, encoding: encoding, chunk: chunk)
        let bytes = try reader.readAll()
        return (String(decoding: bytes, as: UTF8.self), reader.detected)
    }

    /// Writes `bytes` to a temporary file and returns its path.
    private func temporary(_ bytes: [UInt8], _ name: String = #function) throws -> String {
        let path = NSTemporaryDirectory() + "srok-text-\(getpid())-\(name.filter(\.isLetter)).txt"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func windows1251IsDetectedAndConverted() throws {
        let (text, detected) = try decode(F.path("cp1251.csv"))
        #expect(detected == .windows1251)
        #expect(text == Self.text)
    }

    @Test func excelUnicodeTextIsUTF16LEWithABOM() throws {
        let (text, detected) = try decode(F.path("utf16.txt"))
        #expect(detected == .utf16le)
        #expect(text == Self.text.replacingOccurrences(of: ";", with: "\t"))  // the BOM is not passed on
    }

    @Test(arguments: [16, 17, 18, 19, 23, 31, 64])
    func chunkBoundariesSplitCharacters(chunk: Int) throws {
        // Odd chunks cut UTF-16 units in half and 1251 text anywhere.
        #expect(try decode(F.path("utf16.txt"), chunk: chunk).0 == Self.text.replacingOccurrences(of: ";", with: "\t"))
        #expect(try decode(F.path("cp1251.csv"), chunk: chunk).0 == Self.text)
    }

    @Test func anOverrideWins() throws {
        #expect(try decode(F.path("utf16.txt"), .utf16le).0 == Self.text.replacingOccurrences(of: ";", with: "\t"))
        #expect(try decode(F.path("cp1251.csv"), .windows1251).0 == Self.text)
        // Read as UTF-8, the 1251 bytes pass through unchanged (and are not the text).
        let (raw, detected) = try decode(F.path("cp1251.csv"), .utf8)
        #expect(detected == .utf8)
        #expect(raw != Self.text)
    }

    @Test func utf8WithAndWithoutABOM() throws {
        let body = Array("Номер;Статус\r\n1;Новое\r\n".utf8)
        #expect(try decode(try temporary([0xEF, 0xBB, 0xBF] + body, "bom")) == ("Номер;Статус\r\n1;Новое\r\n", .utf8))
        #expect(try decode(try temporary(body, "plain")) == ("Номер;Статус\r\n1;Новое\r\n", .utf8))
        #expect(try decode(try temporary(Array("id,registered_at\n".utf8), "ascii")) == ("id,registered_at\n", .utf8))
        #expect(try decode(try temporary([], "empty")) == ("", .utf8))
    }

    @Test func aLongASCIIStartDefersTheDecision() throws {
        // 100 ASCII bytes, then «Привет» in Windows-1251 (П = 0xCF, р = 0xF0, и = 0xE8, в = 0xE2,
        // е = 0xE5, т = 0xF2), read 16 bytes at a time.
        let ascii = [UInt8](repeating: 0x61, count: 100)
        let path = try temporary(ascii + [0xCF, 0xF0, 0xE8, 0xE2, 0xE5, 0xF2, 0x0A])
        let (text, detected) = try decode(path, chunk: 16)
        #expect(detected == .windows1251)
        #expect(text == String(repeating: "a", count: 100) + "Привет\n")
    }

    @Test func aLargeFileInBoundedChunks() throws {
        // 2 MB of 1251 text through 64 KiB chunks: the output is the whole text.
        let line = Array("3001;01.03.2025;Дороги — ямы;Новое\r\n".utf8)
        let encoded: [UInt8] = Array("3001;01.03.2025;Дороги — ямы;Новое\r\n".data(using: .windowsCP1251)!)
        let count = 2_000_000 / encoded.count
        let path = try temporary(Array([[UInt8]](repeating: encoded, count: count).joined()), "large")
        let fd = open(path, O_RDONLY)
        defer { close(fd) }
        let reader = TranscodingReader(fd: fd, path: path)
        var buf = [UInt8](repeating: 0, count: 10_000)
        var total = 0
        var lines = 0
        while true {
            let n = try buf.withUnsafeMutableBytes { try reader.read(into: $0) }
            if n == 0 { break }
            total += n
            lines += buf[0..<n].filter { $0 == 0x0A }.count
        }
        #expect(total == line.count * count)
        #expect(lines == count)
    }

    @Test func anInvalidSequenceNamesItsByteOffset() throws {
        // "A", then a lone high surrogate D800, then "B", in UTF-16LE: the surrogate is at byte 2.
        let path = try temporary([0x41, 0x00, 0x00, 0xD8, 0x42, 0x00], "surrogate")
        let e = F.error { try decode(path, .utf16le) }
        guard case .invalidValue(let field, let value, let expected)? = e else {
            Issue.record("expected invalidValue, got \(String(describing: e))")
            return
        }
        #expect(field == "\(path), byte 2")
        #expect(value.hasPrefix("0x0 0xD8"))
        #expect(expected.en.hasPrefix("text in utf-16le (set --encoding"))
        // An odd number of UTF-16 bytes: the last one is cut off.
        let odd = try temporary([0x41, 0x00, 0x42], "odd")
        guard case .invalidValue(let f, let v, _)? = F.error({ try decode(odd, .utf16le) }) else {
            Issue.record("no error")
            return
        }
        #expect(f == "\(odd), byte 2")
        #expect(v == "0x42")
    }

    @Test func detection() {
        func decide(_ b: [UInt8], start: Bool = true, end: Bool = false) -> EncodingDetector.Decision {
            b.withUnsafeBufferPointer { EncodingDetector.decide($0, isStart: start, atEnd: end) }
        }
        #expect(decide([0xEF, 0xBB, 0xBF, 0x41]) == .decided(.utf8, bomLength: 3))
        #expect(decide([0xFF, 0xFE, 0x41, 0x00]) == .decided(.utf16le, bomLength: 2))
        #expect(decide([0xFE, 0xFF, 0x00, 0x41]) == .decided(.utf16be, bomLength: 2))
        #expect(decide([0xEF, 0xBB]) == .undecided)  // a BOM cut off: read on
        #expect(decide(Array("Дата".utf8)) == .decided(.utf8, bomLength: 0))
        #expect(decide([0xC4, 0xE0, 0xF2, 0xE0]) == .decided(.windows1251, bomLength: 0))  // «Дата» in 1251
        #expect(decide([0x41, 0x42]) == .undecided)
        #expect(decide([0x41, 0x42], end: true) == .decided(.utf8, bomLength: 0))
        #expect(decide([0x41, 0xD0]) == .undecided)  // half a UTF-8 letter
        #expect(decide([0x41, 0xD0], end: true) == .decided(.windows1251, bomLength: 0))
        // UTF-8's limits: an overlong form, a surrogate, beyond U+10FFFF.
        for bad: [UInt8] in [[0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80]] {
            #expect(decide(bad, end: true) == .decided(.windows1251, bomLength: 0))
        }
    }

    @Test func encodingArguments() throws {
        #expect(try InputEncoding(argument: "CP1251") == .windows1251)
        #expect(try InputEncoding(argument: "utf-16") == .utf16le)
        #expect(try InputEncoding(argument: "UTF8") == .utf8)
        #expect(try InputEncoding(argument: "auto") == .auto)
        guard
            case .invalidValue(let field, let value, let expected)? = F.error({ try InputEncoding(argument: "koi8-r") })
        else {
            Issue.record("no error")
            return
        }
        #expect(field == "--encoding")
        #expect(value == "koi8-r")
        #expect(expected == InputEncoding.accepted)
    }
}
