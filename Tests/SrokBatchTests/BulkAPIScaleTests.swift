import Foundation
import Testing

@testable import SrokBatch
@testable import SrokCore

/// The bulk API over arrays and AsyncSequences: every message's result is the one the
/// per-message resolver gives (`MessageResolver.resolve` + `status()`), whatever the number of
/// threads or the chunking, in input order.
@Suite("The bulk API: arrays, async sequences, threads")
struct BulkAPIScaleTests {
    static let asOf = BatchFixtures.t("2024-06-20T12:00+03:00")
    static let evaluator = BatchEvaluator(context: BatchFixtures.context, defaults: BatchDefaults(asOf: asOf))

    /// `n` messages of every kind the bulk API reads (fixed seed): zones, regions, profiles, local
    /// times and instants, terms by days, fast-track days or category, every stage with or
    /// without its entry, postponements, 59-ФЗ extensions, closed ones — and some that must be
    /// refused (31 days, an unknown profile or zone, a fast-track the act does not list, an
    /// extension of a message).
    static func messages(_ n: Int, seed: UInt64 = 7) -> [BatchMessage] {
        var state = seed
        func next() -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int(truncatingIfNeeded: (z ^ (z >> 31)) >> 1)
        }
        func one<T>(_ items: [T]) -> T { items[next() % items.count] }
        let start: Int64 = 1_704_067_200  // 2024-01-01T00:00Z
        return (0..<n).map { i in
            let seconds = start + Int64(next() % (160 * 86_400))
            let zone = one([
                "Europe/Moscow", "Asia/Yekaterinburg", "Asia/Vladivostok", "Europe/Kaliningrad", nil, "Mars/Base",
            ])
            let registered: Timestamp =
                next() % 3 == 0
                ? .local(LocalDateTime(instant: Instant(secondsSinceEpoch: seconds / 60 * 60), offsetSeconds: 10_800))
                : .instant(Instant(secondsSinceEpoch: seconds))
            var m = BatchMessage(
                id: "m\(i)", registeredAt: registered, tz: zone, region: one([nil, "RU-TA", "RU-BA", "Татарстан"]),
                profile: one(["federal", "bryansk", "mamadysh", "krasnodar-krai", "brasovsky", nil, "nowhere"]))
            switch next() % 5 {
            case 0: m.termDays = one([30, 20, 10, 31])
            case 1: m.fastTrackDays = one([3, 5, 7, 8, 10, 4])
            case 2:
                (m.category, m.subcategory) = one([
                    ("Мусор", "Уборка мусора во дворах"), ("Автомобильные дороги", "Ямы, выбоины"),
                    ("Образование", nil),
                ])
            default: break
            }
            if next() % 4 == 0 { m.regime = one([.message, .appeal]) }
            if next() % 5 != 0 {
                m.stage = one(Stage.allCases)
                if next() % 2 == 0 {
                    m.stageEnteredAt = .instant(Instant(secondsSinceEpoch: seconds + Int64(next() % (25 * 86_400))))
                }
            }
            if next() % 6 == 0 { m.postponedUntil = CivilDate(daysSinceEpoch: Int32(seconds / 86_400) + 40) }
            if next() % 8 == 0 { m.extensionDays = one([10, 30]) }
            if next() % 10 == 0 {
                m.closedAt = .instant(Instant(secondsSinceEpoch: seconds + Int64(next() % (40 * 86_400))))
            }
            return m
        }
    }

    /// The message as a request for the per-message resolver.
    static func request(_ m: BatchMessage) -> MessageRequest {
        var r = MessageRequest(registeredAt: m.registeredAt)
        r.tz = m.tz
        r.region = m.region
        r.profile = m.profile
        r.termDays = m.termDays
        r.fastTrackDays = m.fastTrackDays
        r.category = m.category
        r.subcategory = m.subcategory
        r.regime = m.regime
        r.stage = m.stage
        r.stageEnteredAt = m.stageEnteredAt
        r.postponedUntil = m.postponedUntil.map { [$0] } ?? []
        r.extensionDays = m.extensionDays
        r.closedAt = m.closedAt
        return r
    }

    /// The per-message resolver's answer: the status, or the field at fault.
    static func reference(_ m: BatchMessage) -> Result<MessageStatus, MessageFieldError> {
        do throws(MessageFieldError) {
            return .success(try evaluator.resolver.resolve(request(m), now: asOf).status())
        } catch {
            return .failure(error)
        }
    }

    @Test func everyResultIsTheResolversOnAnyNumberOfThreads() throws {
        let messages = Self.messages(3000)
        let one = Self.evaluator.evaluate(messages, jobs: 1)
        #expect(one.count == messages.count)
        var good = 0
        for (m, r) in zip(messages, one) {
            switch (r, Self.reference(m)) {
            case (.success(let b), .success(let s)):
                good += 1
                #expect(b.status == s, "\(m)")
                #expect(b.schedule == s.schedule)
            case (.failure(let e), .failure(let r)):
                #expect(e.column == r.field, "\(m): \(e)")
            case (let b, let s):
                Issue.record("\(m): bulk \(b), resolver \(s)")
            }
        }
        // Both kinds are exercised.
        #expect(good > 1000 && good < messages.count)
        for jobs in [2, 3, 8] {
            #expect(Self.evaluator.evaluate(messages, jobs: jobs) == one, "jobs \(jobs)")
        }
        // One at a time, as the single-message call.
        for (m, r) in zip(messages.prefix(200), one) {
            typealias R = Result<BatchResult, BatchRowError>
            do throws(BatchRowError) { #expect(R.success(try Self.evaluator.evaluate(m)) == r) } catch {
                #expect(R.failure(error) == r)
            }
        }
    }

    @Test func anEmptyArrayAndTheDefaultThreads() {
        #expect(Self.evaluator.evaluate([]).isEmpty)
        #expect(BatchEvaluator.defaultJobs >= 1)
        let messages = Self.messages(5000, seed: 11)
        #expect(Self.evaluator.evaluate(messages) == Self.evaluator.evaluate(messages, jobs: 1))
    }

    /// Messages from an array, one at a time, failing after `failAfter` when set.
    struct Stream: AsyncSequence, Sendable {
        typealias Element = BatchMessage
        struct StreamError: Error, Equatable {}
        let messages: [BatchMessage]
        var failAfter: Int?
        struct AsyncIterator: AsyncIteratorProtocol {
            let messages: [BatchMessage]
            let failAfter: Int?
            var i = 0
            mutating func next() async throws -> BatchMessage? {
                if let f = failAfter, i == f { throw StreamError() }
                guard i < messages.count else { return nil }
                defer { i += 1 }
                return messages[i]
            }
        }
        func makeAsyncIterator() -> AsyncIterator { AsyncIterator(messages: messages, failAfter: failAfter) }
    }

    @Test func anAsyncSequenceGivesTheSameResultsInOrder() async throws {
        let messages = Self.messages(2500, seed: 3)
        let expected = Self.evaluator.evaluate(messages, jobs: 1)
        for (jobs, chunk) in [(1, 4096), (2, 7), (3, 100), (2, 2500), (4, 1)] {
            var got: [Result<BatchResult, BatchRowError>] = []
            for try await r in Self.evaluator.evaluate(Stream(messages: messages), jobs: jobs, chunkSize: chunk) {
                got.append(r)
            }
            #expect(got == expected, "jobs \(jobs), chunk \(chunk)")
        }
        var none = 0
        for try await _ in Self.evaluator.evaluate(Stream(messages: [])) { none += 1 }
        #expect(none == 0)
    }

    /// From an actor (here the main actor) the loop runs on that actor and the chunks elsewhere.
    @MainActor @Test func anAsyncSequenceReadFromAnActor() async throws {
        let messages = Self.messages(3000, seed: 13)
        var got: [Result<BatchResult, BatchRowError>] = []
        for try await r in Self.evaluator.evaluate(Stream(messages: messages), chunkSize: 256) { got.append(r) }
        #expect(got == Self.evaluator.evaluate(messages, jobs: 1))
    }

    @Test func anAsyncSequencesErrorComesAfterTheResultsBeforeIt() async {
        let messages = Self.messages(1000, seed: 5)
        let expected = Self.evaluator.evaluate(Array(messages.prefix(777)), jobs: 1)
        var got: [Result<BatchResult, BatchRowError>] = []
        do {
            for try await r in Self.evaluator.evaluate(
                Stream(messages: messages, failAfter: 777), jobs: 2, chunkSize: 50)
            {
                got.append(r)
            }
            Issue.record("the stream's error was not thrown")
        } catch {
            #expect(error is Stream.StreamError)
        }
        #expect(got == expected)
    }

    @Test func handWorkedMessagesThroughTheAsyncVariant() async throws {
        // Federal, 30 days from Friday 29.03.2024: the 30th day, Sunday 28.04, is off and rolls to
        // the worked Saturday 27.04 (Пост. Правительства РФ № 1314). Tatarstan: 11.03 + 30 = 10.04.2024,
        // Ураза-байрам (Указ Раиса РТ), rolls to Tuesday 09.04. A 31-day message term is refused.
        let messages = [
            BatchMessage(id: "a", registeredAt: try Timestamp(parsing: "2024-03-29T10:15+03:00"), termDays: 30),
            BatchMessage(
                id: "b", registeredAt: try Timestamp(parsing: "2024-03-11 10:00"), region: "RU-TA", termDays: 30),
            BatchMessage(id: "c", registeredAt: try Timestamp(parsing: "2024-03-30T10:15+03:00"), termDays: 31),
        ]
        var results: [Result<BatchResult, BatchRowError>] = []
        for try await r in Self.evaluator.evaluate(Stream(messages: messages), jobs: 2, chunkSize: 1) {
            results.append(r)
        }
        #expect(results.count == 3)
        #expect((try? results[0].get())?.status.dueDate == BatchFixtures.d("2024-04-27"))
        #expect((try? results[1].get())?.status.dueDate == BatchFixtures.d("2024-04-09"))
        #expect((try? results[1].get())?.calendar == "RU-TA")
        guard case .failure(let e) = results[2] else {
            Issue.record("31 days was accepted")
            return
        }
        #expect(e.column == "term_days")
    }

    @Test func messagesAndErrorsReadBackFromTheirJSON() throws {
        for m in Self.messages(300, seed: 9) {
            let json = try OrderedJSONEncoder().encode(m)
            #expect(try JSONDecoder().decode(BatchMessage.self, from: Data(json)) == m)
        }
        // A reason is written in one language (Russian unless the encoder asks otherwise) and read back as it was.
        let e = BatchRowError(column: "term_days", value: "31", reason: LocalizedText(verbatim: "срок 1–30 дней"))
        #expect(try JSONDecoder().decode(BatchRowError.self, from: try JSONEncoder().encode(e)) == e)
        do {
            _ = try JSONDecoder().decode(
                BatchMessage.self, from: Data(#"{"id": 1, "registered_at": "2024-03-29", "term": 30}"#.utf8))
            Issue.record("an unknown key was read")
        } catch let error as BatchRowError {
            #expect(error.column == "term" && error.reason.ru.contains("неизвестный ключ; известны: id, registered_at"))
            #expect(error.reason.en.contains("an unknown key; known: id, registered_at"))
        }
        let numbered = try JSONDecoder().decode(
            BatchMessage.self,
            from: Data(#"{"id": 17, "registered_at": "29.03.2024", "regime": "59-ФЗ", "stage": "Исполнение"}"#.utf8))
        #expect(numbered.id == "17" && numbered.regime == .appeal && numbered.stage == .execution)
    }
}
