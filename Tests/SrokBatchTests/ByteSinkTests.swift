import PropertyBased
import Testing

@testable import SrokBatch

/// The output buffer grows under any mix of appends and keeps exactly what was appended, in
/// order, checked against an array.
@Suite("Byte sink")
struct ByteSinkTests {
    /// One append: a byte, a run of bytes, or a reserved write of part of its room.
    enum Append: Sendable {
        case byte(UInt8)
        case bytes([UInt8])
        case reserved(room: Int, written: [UInt8])
    }

    static let append = zip(
        Gen.int(in: 0...2), Gen.int(in: 0...255).map { UInt8($0) }.array(of: 0...300), Gen.int(in: 0...50)
    ).map { kind, bytes, spare -> Append in
        switch kind {
        case 0: .byte(bytes.first ?? 0)
        case 1: .bytes(bytes)
        default: .reserved(room: bytes.count + spare, written: bytes)
        }
    }

    @Test func keepsEveryAppendInOrderAcrossGrowth() async {
        await propertyCheck(count: 500, input: Self.append.array(of: 0...60)) { appends in
            var sink = ByteSink(capacity: 64)
            var expected: [UInt8] = []
            for a in appends {
                sink.withWriter { w in
                    switch a {
                    case .byte(let b): w.append(b)
                    case .bytes(let bytes): bytes.withUnsafeBufferPointer { w.append($0) }
                    case .reserved(let room, let written):
                        w.withUnsafeReservedBytes(room) { raw in
                            #expect(raw.count == room)
                            raw.copyBytes(from: written)
                            return written.count
                        }
                    }
                }
                switch a {
                case .byte(let b): expected.append(b)
                case .bytes(let bytes), .reserved(_, let bytes): expected.append(contentsOf: bytes)
                }
                #expect(sink.count == expected.count)
            }
            #expect(sink.withUnsafeBytes { Array($0) } == expected)
            sink.removeAll()
            #expect(sink.count == 0)
            sink.withWriter { $0.append(ascii: "ok") }
            #expect(sink.withUnsafeBytes { Array($0) } == Array("ok".utf8))
        }
    }
}
