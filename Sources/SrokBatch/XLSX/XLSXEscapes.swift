/// Office Open XML's escapes for characters XML cannot carry (ECMA-376 ST_Xstring): `_xHHHH_`
/// stands for UTF-16 code unit HHHH (Excel writes `_x000D_` for a carriage return, and
/// `_x005F_` for an underscore that would otherwise start an escape).
enum XLSXEscapes {
    /// The text of `bytes` (UTF-8) with escapes decoded; fast when there is no `_`.
    static func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard bytes.contains(0x5F) else { return String(decoding: bytes, as: UTF8.self) }
        var units: [UInt16] = []
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            if bytes[i] == 0x5F, i + 6 < bytes.count, bytes[i + 1] == 0x78, bytes[i + 6] == 0x5F,
                let u = hex(bytes, i + 2)
            {
                units.append(u)
                i += 7
                continue
            }
            flush(&units, into: &out)
            out.append(bytes[i])
            i += 1
        }
        flush(&units, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// The four hex digits at `at`, or nil.
    private static func hex(_ b: UnsafeBufferPointer<UInt8>, _ at: Int) -> UInt16? {
        var v: UInt16 = 0
        for k in at..<at + 4 {
            let c = b[k]
            let d: UInt8
            switch c {
            case 0x30...0x39: d = c - 0x30
            case 0x41...0x46: d = c - 0x37
            case 0x61...0x66: d = c - 0x57
            default: return nil
            }
            v = v << 4 | UInt16(d)
        }
        return v
    }

    /// Appends decoded UTF-16 units (surrogate pairs joined, a lone surrogate as U+FFFD) as UTF-8.
    private static func flush(_ units: inout [UInt16], into out: inout [UInt8]) {
        guard !units.isEmpty else { return }
        out.append(contentsOf: String(decoding: units, as: UTF16.self).utf8)
        units.removeAll(keepingCapacity: true)
    }
}
