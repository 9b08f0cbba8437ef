/// Normalises names for matching: lower case, ё→е, runs of spaces folded, trimmed.
package enum TextKey {
    /// The matching key of `text`.
    ///
    /// Text of ASCII and the basic Cyrillic letters (U+0400–U+045F) — every name and value of a
    /// ПОС export — is keyed byte by byte (``asciiCyrillicKey(_:)``); any other text by
    /// ``characterKey(_:)``, character by character. Both give the same key: a batch row's «Стадия»,
    /// «ФЗ» and «Да»/«Нет» are keyed per row, and the character path costs about 50 times more.
    package static func normalize(_ text: String) -> String {
        var text = text
        if let key = text.withUTF8({ asciiCyrillicKey($0) }) { return key }
        return characterKey(text)
    }

    /// The key, character by character (Swift's lowercasing, grapheme by grapheme).
    package static func characterKey(_ text: String) -> String {
        var out = ""
        var pendingSpace = false
        for ch in text.lowercased() {
            if ch == " " || ch == "\t" || ch == "\u{00A0}" || ch == "\n" || ch == "\r" {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace {
                out.append(" ")
                pendingSpace = false
            }
            out.append(ch == "ё" ? "е" : ch)
        }
        return out
    }

    /// The key of UTF-8 text made only of ASCII, U+0400–U+045F and no-break spaces, computed on
    /// the bytes; nil for any other text (a combining mark, another script), which
    /// ``characterKey(_:)`` keys. As that path reads characters, a CR LF pair is one character
    /// that is not a space, and is kept.
    package static func asciiCyrillicKey(_ b: UnsafeBufferPointer<UInt8>) -> String? {
        var ok = true
        let key = String(unsafeUninitializedCapacity: max(1, b.count)) { out in
            var n = 0
            var pendingSpace = false
            var i = 0
            func put(_ hi: UInt8, _ lo: UInt8?) {
                if pendingSpace {
                    out[n] = 0x20
                    n += 1
                    pendingSpace = false
                }
                out[n] = hi
                n += 1
                if let lo {
                    out[n] = lo
                    n += 1
                }
            }
            while i < b.count {
                let c = b[i]
                if c < 0x80 {
                    let crlf = c == 0x0D && i + 1 < b.count && b[i + 1] == 0x0A
                    if c == 0x20 || c == 0x09 || c == 0x0A || (c == 0x0D && !crlf) {
                        pendingSpace = n > 0
                        i += 1
                    } else if crlf {
                        put(0x0D, 0x0A)
                        i += 2
                    } else {
                        put(c >= 0x41 && c <= 0x5A ? c | 0x20 : c, nil)
                        i += 1
                    }
                    continue
                }
                guard i + 1 < b.count, b[i + 1] & 0xC0 == 0x80 else {
                    ok = false
                    return 0
                }
                let d = b[i + 1]
                // A no-break space, then the Cyrillic letters: U+0400–U+040F → U+0450–U+045F,
                // А–П → а–п, Р–Я → р–я, and Ё, ё → е.
                switch (c, d) {
                case (0xC2, 0xA0): pendingSpace = n > 0
                case (0xD0, 0x81), (0xD1, 0x91): put(0xD0, 0xB5)
                case (0xD0, 0x80...0x8F): put(0xD1, d + 0x10)
                case (0xD0, 0x90...0x9F): put(0xD0, d + 0x20)
                case (0xD0, 0xA0...0xAF): put(0xD1, d - 0x20)
                case (0xD0, _), (0xD1, 0x80...0x9F): put(c, d)
                default:
                    ok = false
                    return 0
                }
                i += 2
            }
            return n
        }
        return ok ? key : nil
    }
}
