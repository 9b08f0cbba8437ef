import Foundation
import Testing

@testable import SrokCore

/// The answer types (`DueAnswer`, `StatusAnswer`) and the JSON call that makes them: values worked
/// out from the regulations and the calendars, keys in the documented order, and JSON that reads
/// back to the same answer through Srok's ordered encoder and through Foundation's.
@Suite("Answers: Codable and the JSON call")
struct AnswerCodingTests {
    static let call = MessageJSONCall(context: Fixtures.context)
    /// 2024-06-01T00:00Z, "now" for requests that give no as-of.
    static let now = Instant(secondsSinceEpoch: 1_717_200_000)

    /// The JSON object `bytes` holds, for reading single values.
    func object(_ bytes: [UInt8]) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
    }

    /// The keys of a flat JSON object text, in the order written (top level only).
    func keys(_ bytes: [UInt8]) throws -> [String] {
        // Every answer key is `"name":` at depth 1; values never contain `":` at depth 1 unquoted.
        var out: [String] = []
        var depth = 0
        var inString = false
        var escaped = false
        var current = ""
        var lastString = ""
        for b in String(decoding: bytes, as: UTF8.self).unicodeScalars {
            if inString {
                if escaped {
                    escaped = false
                } else if b == "\\" {
                    escaped = true
                } else if b == "\"" {
                    inString = false
                    lastString = current
                } else {
                    current.unicodeScalars.append(b)
                }
                continue
            }
            switch b {
            case "\"":
                inString = true
                current = ""
            case "{", "[": depth += 1
            case "}", "]": depth -= 1
            case ":": if depth == 1 { out.append(lastString) }
            default: break
            }
        }
        return out
    }

    @Test func aDueAnswerWorkedOutByHand() throws {
        // Federal profile, 30 days from Friday 29.03.2024 10:15 MSK, counted from the next day (ГК
        // РФ ст. 191): the 30th day is Sunday 28.04.2024, a day off; the ПОС rule rolls it to the
        // preceding working day, Saturday 27.04.2024, worked by Пост. Правительства РФ от
        // 10.08.2023 № 1314 (transfer to Monday 29.04). Due the end of that day, 23:59:59 MSK.
        // Budgets (clock24): 30 × 1440 = 43 200 minutes, moderation 5 % = 2 160 (36 h: due
        // 30.03 22:15), coordination 5 % = 2 160, execution 65 % = 28 080, approval 15 % = 6 480,
        // final approval 10 % = 4 320.
        let json = try Self.call.due(
            Array(#"{"registered_at": "2024-03-29T10:15+03:00", "term_days": 30}"#.utf8), now: Self.now)
        let a = try JSONDecoder().decode(DueAnswer.self, from: Data(json))
        #expect(a.profile == "federal" && a.calendar == "RU" && a.tz == "Europe/Moscow" && a.regime == .message)
        #expect(a.dueDate == Fixtures.d("2024-04-27"))
        #expect(a.due.description == "2024-04-27T23:59:59+03:00")
        #expect(a.rolled == "preceding:2024-04-28>2024-04-27")
        #expect(a.stageDue.moderation.description == "2024-03-30T22:15:00+03:00")
        #expect(a.budgetMinutes == PerStage { [2160, 2160, 28_080, 6480, 4320][$0.rawValue] })
        #expect(a.termSource == "задано ключом term_days")
        #expect(a.originalDue == nil && a.dueReason == nil && !a.provisional)
        #expect(try keys(json) == DueAnswer.Key.allCases.map(\.rawValue))
        #expect(try object(json)["rolled"] as? String == "preceding:2024-04-28>2024-04-27")
        // Printed in the organisation's local time, not UTC.
        #expect(
            a.description.hasPrefix("due 2024-04-27T23:59:59+03:00 (30 calendar-days from 2024-03-29T10:15:00+03:00"))
    }

    @Test func aPostponedDueKeepsTheOriginal() throws {
        // Staritsa (seed 003 п. 6.3: «Отложено» to a date, no limit): 30 days from Monday
        // 03.03.2025 end on Wednesday 02.04.2025, a working day; postponed to 30.04.2025, the
        // effective due is the end of that day, the original stays 02.04.
        let a = try Self.call.dueAnswer(
            Array(
                #"{"registered_at": "2025-03-03T10:00+03:00", "profile": "staritsa", "term_days": 30, "postponed_until": "2025-04-30"}"#
                    .utf8), now: Self.now)
        #expect(a.dueDate == Fixtures.d("2025-04-30") && a.due.description == "2025-04-30T23:59:59+03:00")
        #expect(a.originalDueDate == Fixtures.d("2025-04-02") && a.dueReason == .postponed)
        #expect(a.originalDue?.description == "2025-04-02T23:59:59+03:00")
    }

    static let history = #"""
        {"registered_at": "2024-03-29T10:15+03:00", "profile": "bryansk", "term_days": 30,
         "entries": [{"stage": "moderation", "at": "2024-03-29T10:15+03:00"},
                     {"stage": "coordination", "at": "2024-03-29T12:00+03:00"},
                     {"stage": "execution", "at": "2024-04-01T09:00+03:00"}],
         "taken_into_work": "2024-04-02T10:00+03:00", "as_of": "2024-04-20T12:00+03:00"}
        """#

    @Test func aStatusAnswerWorkedOutByHand() throws {
        // Bryansk, 30 days from 29.03.2024: due Saturday 27.04.2024 23:59:59 (as above; the Bryansk
        // calendar has no holiday in between). As of 20.04 12:00: 7 days 11 h 59 min 59 s left,
        // 7 × 1440 + 719 = 10 799 whole minutes, ok. Execution since 01.04 09:00: 19 days 3 h =
        // 27 540 minutes of its 28 080 (65 %), 98 % ≥ 75 %: approaching. Coordination 29.03 12:00 –
        // 01.04 09:00 = 2 days 21 h = 4 140 minutes of 2 160: overdue by 1 980. Seed 003 п. 6.2: the
        // executor takes the message within 3 days (72 h) of its arrival, by 04.04 09:00; taken
        // 02.04 10:00: ok.
        let json = try Self.call.status(Array(Self.history.utf8), now: Self.now)
        let a = try JSONDecoder().decode(StatusAnswer.self, from: Data(json))
        #expect(a.status == .ok && a.remainingMinutes == 10_799 && a.overdueMinutes == 0)
        #expect(a.stage == .execution && a.stageStatus == .approaching)
        #expect(a.stageUsedMinutes == 27_540 && a.stageBudgetMinutes == 28_080)
        #expect(a.stages[1].stage == .coordination && a.stages[1].overdueMinutes == 1980)
        #expect(a.stages[1].lateBy == .share)
        #expect(a.controls.count == 1)
        #expect(a.controls.first?.control == .executorTake && a.controls.first?.status == .ok)
        #expect(a.controls.first?.deadline.description == "2024-04-04T09:00:00+03:00")
        #expect(a.controls.first?.metAt?.description == "2024-04-02T10:00:00+03:00")
        #expect(a.asOf.description == "2024-04-20T12:00:00+03:00")
        #expect(a.overdueControls.isEmpty && a.controlsOverdueCount == 0)
        #expect(
            try keys(json)
                == DueAnswer.Key.allCases.map(\.rawValue) + StatusAnswer.Key.allCases.map(\.rawValue))
        #expect(try object(json)["overdue_controls"] is NSNull)
        #expect(a.description.hasPrefix("ok as of 2024-04-20T12:00:00+03:00, due 2024-04-27T23:59:59+03:00"))
    }

    @Test func answersReadBackFromTheirJSON() throws {
        let requests = [
            Self.history,
            // Overdue controls, ;-separated: 59-ФЗ registration within 3 days of receipt (ст. 8
            // ч. 2: 25.03 → 28.03, registered 30.03) and redirect within 7 days (ст. 8 ч. 3: by
            // 06.04, redirected 12.04).
            #"{"registered_at": "2024-03-30T10:15+03:00", "regime": "appeal", "term_days": 30, "received_at": "2024-03-25T10:00+03:00", "redirected_at": "2024-04-12T10:00+03:00", "as_of": "2024-04-20T12:00+03:00"}"#,
            #"{"registered_at": "2025-03-28T10:00+03:00", "profile": "krasnodar-krai", "level": "1", "stage": "coordination", "stage_entered_at": "2025-03-28T10:30+03:00", "as_of": "2025-03-29T10:00+03:00"}"#,
        ]
        for text in requests {
            let a = try Self.call.statusAnswer(Array(text.utf8), now: Self.now)
            let ordered = try OrderedJSONEncoder().encode(a)
            #expect(try JSONDecoder().decode(StatusAnswer.self, from: Data(ordered)) == a)
            #expect(try JSONDecoder().decode(StatusAnswer.self, from: try JSONEncoder().encode(a)) == a)
            #expect(try JSONDecoder().decode(DueAnswer.self, from: Data(ordered)) == a.schedule)
            // The call's bytes are the ordered encoding of the answer.
            #expect(try Self.call.status(Array(text.utf8), now: Self.now) == ordered)
        }
        let appeal = try Self.call.statusAnswer(Array(requests[1].utf8), now: Self.now)
        #expect(appeal.overdueControls == [.appealRedirect, .appealRegistration])
        #expect(
            try object(OrderedJSONEncoder().encode(appeal))["overdue_controls"] as? String
                == "appeal-redirect;appeal-registration")
    }

    @Test func callErrorsNameTheKey() throws {
        func error(_ text: String) -> MessageFieldError? {
            do {
                _ = try Self.call.due(Array(text.utf8), now: Self.now)
                return nil
            } catch { return error }
        }
        #expect(error(#"{"registered_at": "2024-03-29T10:15+03:00", "term": 30}"#)?.field == "term")
        #expect(error(#"{"term_days": 30}"#)?.field == "registered_at")
        // A ПОС message's term is 1–30 days.
        #expect(error(#"{"registered_at": "2024-03-29T10:15+03:00", "term_days": 31}"#)?.field == "term_days")
        #expect(error(#"{"registered_at": "2024-03-29T10:15+03:00", "profile": "nowhere"}"#)?.field == "profile")
        let e = try #require(error(#"{"registered_at": "2024-03-29T10:15+03:00", "term": 30}"#))
        let o = try object(e.json)
        #expect(o["field"] as? String == "term" && o["value"] as? String == "term")
        #expect((o["message"] as? String)?.contains("term_days") == true)
    }

    @Test func offsetInstantsAreLocal() throws {
        // 2024-03-29T10:15+03:00 is 07:15 UTC: 1 711 696 500 s since the epoch.
        let moscow = try OffsetInstant(parsing: "2024-03-29T10:15+03:00")
        #expect(moscow.instant == Instant(secondsSinceEpoch: 1_711_696_500) && moscow.offsetSeconds == 10_800)
        #expect(moscow.description == "2024-03-29T10:15:00+03:00")
        #expect(try OffsetInstant(parsing: "2024-03-29T07:15:00Z").description == "2024-03-29T07:15:00+00:00")
        #expect(try OffsetInstant(parsing: "2024-03-28T21:15:00-10:00").instant == moscow.instant)
        // Moscow was UTC+4 from 2011-03-27 to 2014-10-26: the offset is the zone's at the instant.
        let summer2012 = Fixtures.t("2012-07-01T12:00:00Z")
        #expect(OffsetInstant(summer2012, in: Fixtures.moscow).description == "2012-07-01T16:00:00+04:00")
        #expect(throws: (any Error).self) { try OffsetInstant(parsing: "2024-03-29T10:15") }
        let decoded = try JSONDecoder().decode([OffsetInstant].self, from: Data(#"["2024-03-29T10:15:00+03:00"]"#.utf8))
        #expect(decoded == [moscow])
    }

    @Test func instantsBridgeToDates() throws {
        let i = Instant(secondsSinceEpoch: 1_711_696_500)
        #expect(Date(i) == Date(timeIntervalSince1970: 1_711_696_500))
        #expect(Instant(Date(timeIntervalSince1970: 1_711_696_500.9)) == i)
        // Before the epoch, rounded towards the past: −0.5 s is the second −1.
        #expect(Instant(Date(timeIntervalSince1970: -0.5)) == Instant(secondsSinceEpoch: -1))
        #expect(i.date == Date(i))
        let text = try OrderedJSONEncoder().text([i])
        #expect(text == #"["2024-03-29T07:15:00Z"]"#)
        #expect(try JSONDecoder().decode([Instant].self, from: Data(text.utf8)) == [i])
    }

    @Test func valueTypesReadWhatTheyWrite() throws {
        struct Values: Codable, Equatable {
            var date: CivilDate
            var term: Term
            var stage: Stage
            var rule: StageRule
            var lateBy: StageRule
            var schedule: WorkSchedule
        }
        let v = Values(
            date: Fixtures.d("2024-04-27"), term: Term(8, .workingHours), stage: .finalApproval,
            rule: .actTerm(.coordinatorDecision), lateBy: .effectiveDue(.extended),
            schedule: try WorkSchedule(parsing: "08:30-12:00,13:00-17:15"))
        let text = try OrderedJSONEncoder().text(v)
        #expect(
            text
                == #"{"date":"2024-04-27","term":"8 working-hours","stage":"final-approval","rule":"coordinator-decision","#
                + #""lateBy":"extended","schedule":"08:30-12:00,13:00-17:15"}"#)
        #expect(try JSONDecoder().decode(Values.self, from: Data(text.utf8)) == v)
        #expect(try Term(parsing: "30") == .days(30))
        #expect(throws: SrokError.self) { try Term(parsing: "30 weeks") }
    }
}
