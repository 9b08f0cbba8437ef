import Foundation
import Testing

@testable import SrokCore

/// The JSON call's answers in one language at a time: codes the same in both, words (the
/// `*_text` keys, `term_source`) and errors' messages in the call's language, Russian by default;
/// the warnings of a fast-track mark and the `not-yet-registered` status under the CLI's keys.
@Suite("Answers: one language at a time")
struct AnswerLanguageTests {
    /// 2024-06-01T00:00Z, "now" for requests that give no as-of.
    static let now = Instant(secondsSinceEpoch: 1_717_200_000)

    func call(_ lang: Language) -> MessageJSONCall {
        var c = MessageJSONCall(context: Fixtures.context)
        c.language = lang
        return c
    }

    func object(_ bytes: [UInt8]) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
    }

    @Test func aFastTrackMarkWithoutACategoryIsFlaggedInTheAnswer() throws {
        // Brasovsky lists fast-track categories; a mark without one gets the general term, flagged.
        let request = Array(
            #"{"registered_at": "2024-04-15T10:00+03:00", "profile": "brasovsky", "fast_track": true}"#.utf8)
        let ru = try object(try call(.ru).due(request, now: Self.now))
        #expect(ru["warnings"] as? [String] == ["fast-track-without-category"])
        #expect(
            ru["warnings_text"] as? String
                == "отмечен фаст-трек, но категория не указана или у профиля нет каталога категорий: применён общий срок"
        )
        let en = try object(try call(.en).due(request, now: Self.now))
        #expect(en["warnings"] as? [String] == ["fast-track-without-category"])
        #expect((en["warnings_text"] as? String)?.hasPrefix("marked fast-track, but no category is given") == true)
        // Without the mark: no warning, an empty list and a null text.
        let plain = try object(
            try call(.ru).due(
                Array(#"{"registered_at": "2024-04-15T10:00+03:00", "profile": "brasovsky"}"#.utf8), now: Self.now))
        #expect(plain["warnings"] as? [String] == [] && plain["warnings_text"] is NSNull)
    }

    @Test func aMessageRegisteredAfterTheAsOfInstant() throws {
        let request = Array(#"{"registered_at": "2024-04-25T10:00+03:00", "as_of": "2024-04-20T12:00+03:00"}"#.utf8)
        let ru = try object(try call(.ru).status(request, now: Self.now))
        #expect(ru["status"] as? String == "not-yet-registered")
        #expect(ru["status_text"] as? String == "ещё не поступило")
        let en = try object(try call(.en).status(request, now: Self.now))
        #expect(en["status"] as? String == "not-yet-registered")
        #expect(en["status_text"] as? String == "not yet registered")
        // The answer reads back, the texts with it.
        let answer = try JSONDecoder().decode(
            StatusAnswer.self, from: Data(try call(.en).status(request, now: Self.now)))
        #expect(answer.status == .notYetRegistered && answer.statusText == "not yet registered")
    }

    @Test func wordsAndTermSourceInTheCallsLanguage() throws {
        // 30 days from 29.03.2024 end on Sunday 28.04, moved to the preceding working day, 27.04
        // (a Saturday made working by the 2024 transfer decree).
        let request = Array(#"{"registered_at": "2024-03-29T10:15+03:00", "term_days": 30}"#.utf8)
        let ru = try object(try call(.ru).due(request, now: Self.now))
        let en = try object(try call(.en).due(request, now: Self.now))
        #expect(
            ru["rolled"] as? String == "preceding:2024-04-28>2024-04-27"
                && en["rolled"] as? String == ru["rolled"] as? String)
        #expect(ru["rolled_text"] as? String == "28.04.2024 → 27.04.2024, перенос на предшествующий рабочий день")
        #expect(en["rolled_text"] as? String == "2024-04-28 → 2024-04-27, moved to the preceding working day")
        #expect(ru["term_source"] as? String == "задано ключом term_days")
        #expect(en["term_source"] as? String == "given with the key term_days")
    }

    @Test func errorsInTheCallsLanguage() throws {
        let request = Array(#"{"registered_at": "2024-03-29T10:15+03:00", "term": 30}"#.utf8)
        for (lang, expected) in [
            (
                Language.ru,
                "недопустимое значение запрос: term: «term»; ожидается известный ключ (возможно, term_days?)"
            ),
            (.en, "invalid request: term: 'term'; expected a known key (did you mean term_days?)"),
        ] {
            do {
                _ = try call(lang).due(request, now: Self.now)
                Issue.record("an unknown key was read")
            } catch {
                #expect(error.message(lang).hasPrefix(expected), "\(error.message(lang))")
                let json = try object(error.json(lang))
                #expect((json["message"] as? String)?.hasPrefix(expected) == true)
                #expect(json["field"] as? String == "term")
            }
        }
    }
}
