import Srok
import SrokServer
import Testing

/// `Accept-Language` → the language of problems: the higher quality of `ru` and `en` wins, Russian
/// when neither is asked for or they tie (RFC 9110 §12.5.4 quality values).
@Suite struct LanguageNegotiationTests {
    @Test(
        arguments: [
            (nil, Language.ru), ("", .ru), ("en", .en), ("en-US,en;q=0.9", .en), ("ru-RU,ru;q=0.9,en;q=0.8", .ru),
            ("en;q=0.4, ru", .ru), ("de, en;q=0.5", .en), ("de", .ru), ("*", .ru), ("en, ru", .ru), ("en;q=0", .ru),
            ("EN-gb", .en), ("en;q=abc", .en),
        ] as [(String?, Language)])
    func negotiated(_ header: String?, _ expected: Language) {
        #expect(Language(acceptLanguage: header) == expected)
    }
}
