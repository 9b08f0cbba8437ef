import Foundation
import Testing

@testable import SrokBatch
@testable import SrokCore

/// The bulk API carries what the batch's columns carry: the `warnings` of a fast-track mark the
/// catalogue cannot give a term for, and the `not-yet-registered` status, with the same keys in a
/// result's JSON as the batch's output columns (words in the encoder's language, Russian by
/// default).
@Suite("The bulk API: warnings and not-yet-registered")
struct BulkWarningsTests {
    /// As of 20.04.2024 12:00 Moscow time.
    static let evaluator = BatchEvaluator(
        context: BatchFixtures.context, defaults: BatchDefaults(asOf: BatchFixtures.t("2024-04-20T12:00+03:00")))

    func object(_ value: some Encodable, _ lang: Language? = nil) throws -> [String: Any] {
        let encoder = JSONEncoder()
        if let lang { encoder.userInfo[Language.userInfoKey] = lang }
        return try #require(JSONSerialization.jsonObject(with: try encoder.encode(value)) as? [String: Any])
    }

    @Test func aFastTrackMarkWithoutACategoryIsComputedAndFlagged() throws {
        // Brasovsky's act lists fast-track categories (приложение № 2); a mark without one cannot
        // be looked up: the general term applies (30 calendar days, Регламент разд. 4 абз. 1).
        let m = BatchMessage(
            id: "W1", registeredAt: .instant(BatchFixtures.t("2024-04-15T10:00+03:00")), profile: "brasovsky",
            fastTrack: true)
        let r = try Self.evaluator.evaluate(m)
        #expect(r.warnings == .fastTrackWithoutCategory)
        #expect(r.status.schedule.term == Term(30, .calendarDays))
        let ru = try object(r)
        #expect(ru["warnings"] as? String == "fast-track-without-category")
        #expect(
            ru["warnings_text"] as? String
                == "отмечен фаст-трек, но категория не указана или у профиля нет каталога категорий: применён общий срок"
        )
        let en = try object(r, .en)
        #expect(
            en["warnings_text"] as? String
                == "marked fast-track, but no category is given or the profile has no category catalogue: the general term applies"
        )
        // A message with no mark has none, and the key is null.
        var plain = m
        plain.fastTrack = false
        let p = try Self.evaluator.evaluate(plain)
        #expect(p.warnings.isEmpty)
        #expect(try object(p)["warnings"] is NSNull)
    }

    @Test func aMessageRegisteredAfterTheAsOfInstantIsNotYetRegistered() throws {
        let m = BatchMessage(id: "N1", registeredAt: .instant(BatchFixtures.t("2024-04-25T10:00+03:00")))
        let r = try Self.evaluator.evaluate(m)
        #expect(r.status.state == .notYetRegistered)
        let o = try object(r)
        #expect(o["status"] as? String == "not-yet-registered")
        #expect(o["status_text"] as? String == "ещё не поступило")
        #expect(try object(r, .en)["status_text"] as? String == "not yet registered")
    }

    @Test func theMarkIsReadAndWrittenAsTheColumnHoldsIt() throws {
        // «Фаст-трек: Да» in JSON: the batch column's own words, or true.
        for value in [#""Да""#, "true", #""yes""#] {
            let m = try JSONDecoder().decode(
                BatchMessage.self,
                from: Data(#"{"id": "1", "registered_at": "2024-04-15", "fast_track_days": \#(value)}"#.utf8))
            #expect(m.fastTrack && m.fastTrackDays == nil, "\(value)")
            #expect(try JSONDecoder().decode(BatchMessage.self, from: try JSONEncoder().encode(m)) == m)
        }
        let days = try JSONDecoder().decode(
            BatchMessage.self, from: Data(#"{"id": "1", "registered_at": "2024-04-15", "fast_track_days": 10}"#.utf8))
        #expect(!days.fastTrack && days.fastTrackDays == 10)
        do {
            _ = try JSONDecoder().decode(
                BatchMessage.self,
                from: Data(#"{"id": "1", "registered_at": "2024-04-15", "fast_track_days": "может быть"}"#.utf8))
            Issue.record("«может быть» was read as a fast-track mark")
        } catch let e as BatchRowError {
            #expect(e.column == "fast_track_days" && e.value == "может быть")
            #expect(e.reason.ru == "ожидается число дней, true/false или да/нет")
        }
    }
}
