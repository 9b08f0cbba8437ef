import Foundation
import PropertyBased
import Testing

@testable import SrokCore

/// `MessageRequest` as a `Codable` type: one strict reader behind `init(json:source:)`, the
/// `Decodable` conformance and `init(decodingJSON:source:)`; an encoder whose output reads back to
/// the same request.
@Suite("Message request: Codable")
struct RequestCodingTests {
    /// A request built from `seed`: every field set or not, local times and instants, entries,
    /// postponements, conventions.
    static func request(_ seed: Int) -> MessageRequest {
        var g = SplitMix(seed: UInt64(truncatingIfNeeded: seed))
        func maybe<T>(_ make: () -> T) -> T? { g.next() % 2 == 0 ? make() : nil }
        func timestamp() -> Timestamp {
            // 2000-01-01 … 2030-12-31 (seconds since the epoch), to the minute.
            let seconds = Int64(946_684_800 + Int(g.next() % 978_307_200) / 60 * 60)
            let i = Instant(secondsSinceEpoch: seconds)
            return g.next() % 2 == 0 ? .instant(i) : .local(LocalDateTime(instant: i, offsetSeconds: 10_800))
        }
        var r = MessageRequest(registeredAt: maybe(timestamp))
        r.tz = maybe { ["Europe/Moscow", "Asia/Yekaterinburg"][Int(g.next() % 2)] }
        r.region = maybe { "RU-TA" }
        r.profile = maybe { ["federal", "bryansk", "Ё \"кавычки\" \\ /"][Int(g.next() % 3)] }
        r.termDays = maybe { Int(g.next() % 40) - 5 }
        r.fastTrackDays = maybe { Int(g.next() % 30) + 1 }
        r.level = maybe { "1" }
        r.category = maybe { "Мусор" }
        r.subcategory = maybe { "Уборка мусора во дворах" }
        r.regime = maybe { Regime.allCases[Int(g.next() % 2)] }
        r.migration = g.next() % 2 == 0
        r.conventions.count = maybe { CountConvention.allCases[Int(g.next() % 3)] }
        r.conventions.roll = maybe { RollConvention.allCases[Int(g.next() % 5)] }
        r.conventions.basis = maybe { StageBasis.allCases[Int(g.next() % 2)] }
        r.conventions.schedule = maybe { try! WorkSchedule(parsing: "08:00-12:00,13:00-17:00") }
        r.conventions.rollStageDueTimes = maybe { g.next() % 2 == 0 }
        r.entries = (0..<Int(g.next() % 4)).map { _ in
            MessageRequest.Entry(
                stage: Stage.allCases[Int(g.next() % 5)], at: timestamp(), redirectApproval: g.next() % 2 == 0)
        }
        r.stage = maybe { Stage.allCases[Int(g.next() % 5)] }
        r.stageEnteredAt = maybe(timestamp)
        r.takenIntoWork = maybe(timestamp)
        r.postponedUntil = (0..<Int(g.next() % 3)).map { _ in
            CivilDate(daysSinceEpoch: Int32(11_000 + g.next() % 10_000))
        }
        r.extensionDays = maybe { Int(g.next() % 30) + 1 }
        r.redirectedAt = maybe(timestamp)
        r.receivedAt = maybe(timestamp)
        r.closedAt = maybe(timestamp)
        r.applicantContactedAt = maybe(timestamp)
        r.headInformedAt = maybe(timestamp)
        r.outcome = maybe { Outcome.allCases[Int(g.next() % 4)] }
        r.rejectionReason = maybe { ["спам", "5"][Int(g.next() % 2)] }
        r.asOf = maybe(timestamp)
        return r
    }

    /// A small deterministic generator (SplitMix64).
    struct SplitMix {
        var state: UInt64
        init(seed: UInt64) { state = seed }
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    @Test func everyRequestReadsBackFromItsJSON() async {
        await propertyCheck(count: 500, input: Gen.int(in: 0...Int.max)) { seed in
            let r = Self.request(seed)
            let ordered = try OrderedJSONEncoder().encode(r)
            #expect(try MessageRequest(json: ordered, source: "t") == r, "\(String(decoding: ordered, as: UTF8.self))")
            // Foundation's encoder (keys in any order) and decoder read the same.
            let foundation = try JSONEncoder().encode(r)
            #expect(try JSONDecoder().decode(MessageRequest.self, from: foundation) == r)
        }
    }

    @Test func theEncodedKeysAreTheRequestKeysInOrder() throws {
        var r = MessageRequest(registeredAt: .instant(Instant(secondsSinceEpoch: 1_711_696_500)))
        r.termDays = 30
        r.entries = [
            MessageRequest.Entry(
                stage: .finalApproval,
                at: .local(LocalDateTime(date: CivilDate(year: 2024, month: 4, day: 1)!, secondOfDay: 32_400)))
        ]
        r.postponedUntil = [CivilDate(year: 2024, month: 5, day: 15)!]
        r.profile = "bryansk"
        // 1 711 696 500 s is 2024-03-29T07:15:00Z (19 811 days × 86 400 + 7 h 15 min); a local
        // time is written without an offset; the stage by its code; one date as a list.
        #expect(
            try OrderedJSONEncoder().text(r)
                == #"{"registered_at":"2024-03-29T07:15:00Z","profile":"bryansk","term_days":30,"#
                + #""entries":[{"stage":"final-approval","at":"2024-04-01T09:00:00","redirect_approval":false}],"#
                + #""postponed_until":["2024-05-15"]}"#)
    }

    /// The texts every reader must read the same way (or refuse the same way).
    static let texts = [
        #"{"registered_at": "2024-03-29T10:15+03:00", "profile": "bryansk", "term_days": 30}"#,
        #"{"registered_at": "29.03.2024 10:15", "postponed_until": "2024-05-15", "outcome": "Отложено"}"#,
        #"{"entries": [{"stage": "Исполнение", "at": "2024-03-30T09:00+03:00", "redirect_approval": true}]}"#,
        #"{"rejection_reason": 5, "roll_stages": true, "schedule": "08:00-12:00,13:00-17:00"}"#,
        #"{"closed_at": null, "term_days": null, "entries": null}"#,
    ]

    @Test func theDecodableConformanceIsTheStrictReader() throws {
        for text in Self.texts {
            let bytes = Array(text.utf8)
            let strict = try MessageRequest(json: bytes, source: "t")
            #expect(try JSONDecoder().decode(MessageRequest.self, from: Data(bytes)) == strict, "\(text)")
            #expect(try MessageRequest(decodingJSON: bytes) == strict, "\(text)")
        }
    }

    /// The error of decoding `text` with Foundation's decoder (no source given: `request`).
    func decodingError(_ text: String) -> MessageFieldError? {
        do {
            _ = try JSONDecoder().decode(MessageRequest.self, from: Data(text.utf8))
            return nil
        } catch {
            return error as? MessageFieldError
        }
    }

    @Test func decodingErrorsNameTheKeyAndWhatIsAccepted() throws {
        let unknown = try #require(decodingError(#"{"registered_at": "2024-03-29T10:15+03:00", "term": 30}"#))
        #expect(unknown.field == "term")
        #expect(unknown.message(.en).contains("'term'") && unknown.message(.en).contains("term_days"))
        #expect(unknown.message(.en).contains("request: term"))
        // In Russian (the default), the key the user probably meant first: «возможно, term_days?».
        #expect(unknown.description.contains("«term»") && unknown.description.contains("(возможно, term_days?)"))

        let wrongType = try #require(decodingError(#"{"term_days": true}"#))
        #expect(wrongType.field == "term_days" && wrongType.value == "true")
        #expect(wrongType.message(.en).contains("whole number"))
        #expect(wrongType.description.hasSuffix("ожидается целое число"))

        let badStage = try #require(decodingError(#"{"entries": [{"stage": "review", "at": "2024-03-29"}]}"#))
        #expect(badStage.field == "entries[0].stage" && badStage.value == "review")
        #expect(badStage.description.contains("final-approval"))

        let unknownInEntry = try #require(
            decodingError(#"{"entries": [{"stage": "execution", "at": "2024-03-29"}, {"stage": "x", "when": 1}]}"#))
        #expect(unknownInEntry.field == "entries[1].when")
        #expect(unknownInEntry.description.contains("redirect_approval"))

        let badTime = try #require(decodingError(#"{"as_of": "yesterday"}"#))
        #expect(badTime.field == "as_of" && badTime.description.contains("ISO 8601"))

        let badDate = try #require(decodingError(#"{"postponed_until": ["2024-05-15", "2024-02-30"]}"#))
        #expect(badDate.field == "postponed_until" && badDate.value == "2024-02-30")
    }

    @Test func theSourceNamesTheInputInTheMessage() {
        #expect(throws: MessageFieldError.self) { try MessageRequest(decodingJSON: Array(#"{"x": 1}"#.utf8)) }
        do {
            _ = try MessageRequest(decodingJSON: Array(#"{"x": 1}"#.utf8), source: "body.json")
        } catch {
            #expect(error.field == "x" && error.description.contains("body.json: x"))
        }
        do {
            _ = try MessageRequest(decodingJSON: Array("[1, 2]".utf8), source: "body.json")
        } catch {
            #expect(error.field == "body" && error.message(.en).contains("JSON object"))
            #expect(error.description.contains("ожидается объект JSON с ключами registered_at"))
        }
    }

    @Test func aRequestNestedInAnotherTypeIsNamedByItsPath() throws {
        struct Batch: Decodable { var requests: [MessageRequest] }
        do {
            _ = try JSONDecoder().decode(
                Batch.self, from: Data(#"{"requests": [{"term_days": 30}, {"term_days": "30"}]}"#.utf8))
            Issue.record("a string term was read")
        } catch let error as MessageFieldError {
            #expect(error.field == "requests[1].term_days")
        }
    }
}
