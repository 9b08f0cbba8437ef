import CSrok
import SrokCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The text fields of an `srok_request` that choose a message's engine and term, as the caller's
/// raw UTF-8 bytes (nil: not given). The buffers point into the caller's strings and are valid only
/// during the C call that read them: nothing keeps them.
struct RequestText {
    /// The fields in key order: profile, region, tz, category, subcategory.
    var fields:
        (
            UnsafeBufferPointer<UInt8>?, UnsafeBufferPointer<UInt8>?, UnsafeBufferPointer<UInt8>?,
            UnsafeBufferPointer<UInt8>?, UnsafeBufferPointer<UInt8>?
        )

    /// Whether the term comes from the category (the plan then holds it): the first byte of the key.
    var withCategory: Bool

    /// The text fields of `request`; with `withCategory` false the category and subcategory are
    /// left out (an explicit or fast-track term does not depend on them).
    init(_ request: srok_request, withCategory: Bool) {
        self.withCategory = withCategory
        fields = (
            Self.bytes(request.profile), Self.bytes(request.region), Self.bytes(request.tz),
            withCategory ? Self.bytes(request.category) : nil, withCategory ? Self.bytes(request.subcategory) : nil
        )
    }

    /// The bytes of a NUL-terminated C string, without the NUL.
    static func bytes(_ s: UnsafePointer<CChar>?) -> UnsafeBufferPointer<UInt8>? {
        guard let s else { return nil }
        return UnsafeBufferPointer(start: UnsafeRawPointer(s).assumingMemoryBound(to: UInt8.self), count: strlen(s))
    }

    /// Each field with its key, in order.
    private var each: [(key: String, bytes: UnsafeBufferPointer<UInt8>?)] {
        [
            ("profile", fields.0), ("region", fields.1), ("tz", fields.2), ("category", fields.3),
            ("subcategory", fields.4),
        ]
    }

    /// Calls `body` with each field in order, allocating nothing.
    @inline(__always) private func forEach(_ body: (UnsafeBufferPointer<UInt8>?) -> Void) {
        body(fields.0)
        body(fields.1)
        body(fields.2)
        body(fields.3)
        body(fields.4)
    }

    /// FNV-1a over the key: ``withCategory`` (1 or 0), then each field as 0x01, its bytes and
    /// 0x00, or a single 0x00 for a field not given (C strings hold no NUL, so the encoding is
    /// unambiguous whatever the bytes).
    var hash: UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        @inline(__always) func mix(_ b: UInt8) { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        mix(withCategory ? 1 : 0)
        forEach { field in
            if let field {
                mix(1)
                for b in field { mix(b) }
            }
            mix(0)
        }
        return h
    }

    /// The fields encoded as ``hash`` reads them, kept by the cache.
    var key: [UInt8] {
        var out: [UInt8] = [withCategory ? 1 : 0]
        forEach { field in
            if let field {
                out.append(1)
                out.append(contentsOf: field)
            }
            out.append(0)
        }
        return out
    }

    /// Whether `key` (a ``key`` kept earlier) encodes the same fields, compared without allocating.
    func matches(_ key: [UInt8]) -> Bool {
        key.withUnsafeBufferPointer { k in
            var at = 1
            var same = !k.isEmpty && k[0] == (withCategory ? 1 : 0)
            forEach { field in
                guard same else { return }
                if let field {
                    let n = field.count
                    same =
                        at + n + 1 < k.count && k[at] == 1 && k[at + n + 1] == 0
                        && (n == 0 || memcmp(k.baseAddress! + at + 1, field.baseAddress!, n) == 0)
                    at += n + 2
                } else {
                    same = at < k.count && k[at] == 0
                    at += 1
                }
            }
            return same && at == k.count
        }
    }

    /// The fields as Swift strings for the resolver (nil when not given).
    /// - Throws: ``MessageFieldError`` naming a field that is not valid UTF-8.
    func strings() throws(MessageFieldError) -> [String?] {
        var out: [String?] = []
        for (key, bytes) in each {
            guard let bytes else {
                out.append(nil)
                continue
            }
            guard let s = String(validating: bytes, as: UTF8.self) else {
                throw MessageFieldError(
                    field: key, value: String(decoding: bytes, as: UTF8.self),
                    error: .invalidValue(
                        field: key, value: String(decoding: bytes, as: UTF8.self),
                        expected: LocalizedText(ru: "текст в UTF-8", en: "UTF-8 text")))
            }
            out.append(s)
        }
        return out
    }
}
