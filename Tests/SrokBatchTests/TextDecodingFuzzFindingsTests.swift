import Foundation
import SrokCore
import Testing

@testable import SrokBatch

/// What the decoding fuzz harness (Fuzz/DecodingFuzz.swift) found: inputs whose reading in
/// pieces differed from reading them whole.
@Suite("Text decoding: fuzz findings")
struct TextDecodingFuzzFindingsTests {
    typealias F = InputFixtures

    /// The error reading `bytes` (from a file) as `encoding` in chunks of `chunk` bytes, the first
    /// `prefix` of them handed over already read, as the batch hands over its first block.
    private func error(_ bytes: [UInt8], _ encoding: InputEncoding, chunk: Int, prefix: Int = 0) throws -> SrokError? {
        let folder = try TemporaryFolder()
        let path = folder.file("in.txt")
        #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes[prefix...])))
        let fd = open(path, O_RDONLY)
        #expect(fd >= 0)
        defer { close(fd) }
        let reader = TranscodingReader(
            fd: fd, path: "in.txt", encoding: encoding, chunk: chunk, prefix: Array(bytes[..<prefix]))
        return F.error { try reader.readAll() }
    }

    @Test func aLoneLeadSurrogateAfterAHandedOverPrefix() throws {
        // Fuzz/regressions/decoding/lead-surrogate-split-after-prefix: UTF-16LE 53 D8 (U+D853, a
        // lead surrogate) then 65 65 (U+6565, not a trail), the first 3 bytes handed over. The
        // surrogate is at byte 0; the reader said byte 1 (ICU, given the lead surrogate and one
        // byte of the next unit in one call and the other byte in the next, keeps that byte and
        // points one byte late).
        let e = try error([0x53, 0xD8, 0x65, 0x65], .utf16le, chunk: 90, prefix: 3)
        guard case .invalidValue(let field, let value, _)? = e else {
            Issue.record("expected invalidValue, got \(String(describing: e))")
            return
        }
        #expect(field == "in.txt, byte 0")
        #expect(value == "0x53 0xD8")
    }

    @Test(arguments: [InputEncoding.utf16le, .utf16be])
    func aLoneLeadSurrogateAtTheEndOfAChunk(_ encoding: InputEncoding) throws {
        // BOM (2 bytes), "abcdef" (12), U+D800 (bytes 14–15, the end of the first 16-byte chunk),
        // then "g": the surrogate is at byte 14, whatever the chunks.
        func unit(_ u: UInt16) -> [UInt8] {
            encoding == .utf16le ? [UInt8(u & 0xFF), UInt8(u >> 8)] : [UInt8(u >> 8), UInt8(u & 0xFF)]
        }
        let bytes = unit(0xFEFF) + "abcdef".utf16.flatMap(unit) + unit(0xD800) + unit(0x67)
        let bad = unit(0xD800).map { "0x" + String($0, radix: 16, uppercase: true) }.joined(separator: " ")
        for (chunk, prefix) in [(16, 0), (17, 0), (15, 0), (64, 0), (16, 15), (64, 17)] {
            for requested in [encoding, .auto] {
                let e = try error(bytes, requested, chunk: chunk, prefix: prefix)
                guard case .invalidValue(let field, let value, _)? = e else {
                    Issue.record(
                        "chunk \(chunk), prefix \(prefix): expected invalidValue, got \(String(describing: e))")
                    continue
                }
                #expect(field == "in.txt, byte 14", "chunk \(chunk), prefix \(prefix)")
                #expect(value == bad)
            }
        }
    }

    @Test func twoLeadSurrogatesEndingTheText() throws {
        // Fuzz/regressions/decoding/two-lead-surrogates-at-chunk-end: UTF-16LE U+D830 U+D865, two
        // lead surrogates, read in one chunk that does not yet know it is the end. The first is
        // unpaired (a lead surrogate follows it): the error is at byte 0, not 1 (holding the
        // second back for its trail left the first alone at the end of a call).
        for chunk in [16, 17, 64] {
            let e = try error([0x30, 0xD8, 0x65, 0xD8], .utf16le, chunk: chunk)
            guard case .invalidValue(let field, let value, _)? = e else {
                Issue.record("expected invalidValue, got \(String(describing: e))")
                continue
            }
            #expect(field == "in.txt, byte 0", "chunk \(chunk)")
            #expect(value == "0x30 0xD8")
        }
    }

    @Test func aSurrogatePairAcrossChunksIsStillOneCharacter() throws {
        // "a", U+1F600 (D83D DE00) with its lead surrogate ending the first 16-byte chunk: read whole.
        let units: [UInt16] = [0xFEFF] + Array("abcdef".utf16) + [0xD83D, 0xDE00, 0x0A]
        let bytes = units.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let folder = try TemporaryFolder()
        let path = folder.file("in.txt")
        #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
        for chunk in [16, 17, 18, 19] {
            let fd = open(path, O_RDONLY)
            defer { close(fd) }
            let text = try TranscodingReader(fd: fd, path: path, chunk: chunk).readAll()
            #expect(String(decoding: text, as: UTF8.self) == "abcdef\u{1F600}\n", "chunk \(chunk)")
        }
    }
}
