import PropertyBased
import Testing

@testable import SrokCore

/// The byte-level key of ASCII and Cyrillic text is the character-level key: the latter is the
/// definition (Swift's lowercasing of grapheme clusters), the former its fast path.
@Suite("Text keys")
struct TextKeyTests {
    /// ASCII (letters, digits, punctuation), spaces of every kind the key folds (CR LF as a pair
    /// too), the Cyrillic block U+0400–U+045F, and characters outside the fast path: a combining
    /// acute, é, Σ, a historic Cyrillic capital (Ѣ, U+0462), an emoji.
    static let alphabet: [String] =
        (0x20...0x7E).map { String(UnicodeScalar(UInt8($0))) } + ["\t", "\n", "\r", "\r\n", "\u{00A0}", "  "]
        + (0x400...0x45F).map { String(UnicodeScalar(UInt32($0))!) }
        + ["\u{0301}", "é", "Σ", "\u{0462}", "\u{1F600}"]

    @Test func theFastKeyIsTheCharacterKey() async {
        await propertyCheck(count: 3000, input: Gen.element(of: Self.alphabet).array(of: 0...12)) { parts in
            let text = parts.compactMap { $0 }.joined()
            #expect(TextKey.normalize(text) == TextKey.characterKey(text), "\(Array(text.unicodeScalars))")
        }
    }

    @Test func theExportsValuesTakeTheFastPath() {
        for text in ["Обычное сообщение", " Фаст-трек ", "ЁЛКА\u{00A0} ёж", "На исполнении", "59-ФЗ", "Нет", "ДА"] {
            var s = text
            let fast = s.withUTF8 { TextKey.asciiCyrillicKey($0) }
            #expect(fast != nil, "\(text)")
            #expect(fast == TextKey.characterKey(text), "\(text)")
        }
        // By the definition: lower case, ё → е, inner runs of spaces one space, ends trimmed.
        #expect(TextKey.normalize("  ЁЛКА\u{00A0}\t ёж ") == "елка еж")
        // Outside the fast path (a combining acute), the same rule.
        #expect(TextKey.normalize("Е\u{0301}ЛКА") == "е\u{0301}лка")
    }
}
