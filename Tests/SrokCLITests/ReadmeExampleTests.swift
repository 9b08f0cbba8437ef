import Foundation
import Srok
import Testing

@Suite("README")
struct ReadmeExampleTests {
    // The example is compared line by line with README.md: swift-format must leave it as written.
    // swift-format-ignore
    @Test func theLibraryExampleRunsAndIsTheSameTextAsTheReadme() throws {
        // readme-example:begin
        let context = try SrokContext()                         // embedded calendars and profiles
        let profile = try context.profile("brasovsky")
        var conventions = profile.conventions                    // count days, roll preceding, basis clock24
        conventions.roll = .preceding
        let engine = try context.engine(profile: profile, conventions: conventions)
        let (term, _) = try profile.term(category: "Мусор", subcategory: "Уборка мусора во дворах")   // 10 days
        guard case .instant(let registered) = try Timestamp(parsing: "2024-03-29T10:15+03:00") else { fatalError() }
        let schedule = try engine.schedule(registered: registered, term: term)
        print(schedule.dueDate, engine.zone.iso8601(schedule.stageDue.execution))   // 2024-04-08 2024-04-04T22:15:00+03:00

        let history = MessageHistory(registered: registered, term: term, entries: [
            StageEntry(.coordination, at: registered.adding(minutes: 30)),
            StageEntry(.execution, at: registered.adding(minutes: 24 * 60)),
        ])
        let status = try engine.status(of: history, asOf: registered.adding(minutes: 9 * 24 * 60), controls: profile.controls)
        print(status.state, status.currentStage!, status.stages.execution.state)    // approaching execution overdue
        // readme-example:end

        #expect(schedule.dueDate.iso == "2024-04-08")
        // brasovsky uses its act's published stage table (budgets published): the 10-day column of
        // Приложение 1 к Регламенту gives moderation «4 часа», coordination «4 часа», execution «6
        // календарных дней 4 часа»: 6 days 12 hours after 29.03 10:15 is 04.04 22:15.
        #expect(engine.zone.iso8601(schedule.stageDue.execution) == "2024-04-04T22:15:00+03:00")
        #expect(status.state == .approaching)
        #expect(status.currentStage == .execution)
        #expect(status.stages.execution.state == .overdue)

        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let me = try String(contentsOf: URL(fileURLWithPath: #filePath), encoding: .utf8)
        func lines(_ s: String, from begin: String, to end: String) -> [String] {
            let all = s.components(separatedBy: "\n")
            guard let a = all.firstIndex(where: { $0.contains(begin) }), let b = all.firstIndex(where: { $0.contains(end) }) else { return [] }
            return all[(a + 1)..<b].map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && !$0.hasPrefix("```") && $0 != "import Srok" }
        }
        let fromReadme = lines(readme, from: "readme-example:begin", to: "readme-example:end")
        let fromTest = lines(me, from: "// readme-example:begin", to: "// readme-example:end")
        #expect(!fromReadme.isEmpty)
        #expect(fromReadme == fromTest)
    }

    // swift-format-ignore
    @Test func theResolverExampleRunsAndIsTheSameTextAsTheReadme() throws {
        // readme-resolver:begin
        let resolver = MessageResolver(context: try SrokContext())   // embedded data; MessageDefaults() by default
        let request = try MessageRequest(json: Array("""
            {"registered_at": "2024-03-29T10:15+03:00", "profile": "brasovsky",
             "category": "Мусор", "subcategory": "Уборка мусора во дворах",
             "entries": [{"stage": "execution", "at": "2024-03-30T09:00+03:00"}],
             "as_of": "2024-04-20T12:00+03:00"}
            """.utf8), source: "request")
        let message = try resolver.resolve(request, now: Instant(secondsSinceEpoch: 1_713_600_000))
        print(message.term, try message.schedule().dueDate, try message.status().state)   // 10 calendar-days 2024-04-08 overdue
        // readme-resolver:end

        // Брасовский район (seed 000): «Уборка мусора во дворах» is a 10-day fast-track; from Friday
        // 29.03.2024 day 10 is Monday 08.04.2024; by 20.04.2024 the message is overdue.
        #expect(message.term == .days(10))
        #expect(try message.schedule().dueDate.iso == "2024-04-08")
        #expect(try message.status().state == .overdue)

        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let me = try String(contentsOf: URL(fileURLWithPath: #filePath), encoding: .utf8)
        func lines(_ s: String, _ marker: String) -> [String] {
            let all = s.components(separatedBy: "\n")
            guard let a = all.firstIndex(where: { $0.contains(marker + ":begin") }),
                  let b = all.firstIndex(where: { $0.contains(marker + ":end") }) else { return [] }
            return all[(a + 1)..<b].map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && !$0.hasPrefix("```") && $0 != "import Srok" }
        }
        let fromReadme = lines(readme, "readme-resolver")
        #expect(!fromReadme.isEmpty)
        #expect(fromReadme == lines(me, "readme-resolver"))
    }

    // swift-format-ignore
    @Test func theSwiftSectionRunsAndIsTheSameTextAsTheReadme() throws {
        // readme-swift:begin
        let call = MessageJSONCall(context: try SrokContext())
        let request = Array("""
            {"registered_at": "2024-03-29T10:15+03:00", "profile": "brasovsky",
             "category": "Мусор", "subcategory": "Уборка мусора во дворах",
             "entries": [{"stage": "execution", "at": "2024-03-30T09:00+03:00"}], "as_of": "2024-04-20T12:00+03:00"}
            """.utf8)
        let answer = try call.statusAnswer(request, now: .now())
        print(answer.schedule.due, answer.status, answer.stage!)   // 2024-04-08T23:59:59+03:00 overdue execution
        let json = try call.status(request, now: .now())            // [UInt8]: {"profile":"brasovsky","regime":"message",…}

        // Many messages on every core, results in input order: registered 25.03 … 31.03.2024, 30 days each.
        let evaluator = BatchEvaluator(context: try SrokContext(), defaults: BatchDefaults(asOf: .now()))
        let messages = try (25...31).map { day in
            BatchMessage(id: "\(day)", registeredAt: try Timestamp(parsing: "\(day).03.2024 10:00"), termDays: 30)
        }
        for case .success(let r) in evaluator.evaluate(messages) { print(r.status.dueDate, terminator: " ") }
        // 2024-04-24 2024-04-25 2024-04-26 2024-04-27 2024-04-27 2024-04-27 2024-04-27
        // readme-swift:end

        // Брасовский район (seed 000, приложение № 2): «Уборка мусора во дворах» is 10 days; from
        // Friday 29.03.2024 the 10th day is Monday 08.04.2024, due at its end; late on 20.04.
        #expect(answer.schedule.due.description == "2024-04-08T23:59:59+03:00")
        #expect(answer.status == .overdue && answer.stage == .execution)
        #expect(String(decoding: json, as: UTF8.self).hasPrefix(#"{"profile":"brasovsky","regime":"message","#))
        #expect(try JSONDecoder().decode(StatusAnswer.self, from: Data(json)) == answer)
        // 30 days (ГК РФ ст. 191: from the next day): 25.03 → Wednesday 24.04, 26.03 → 25.04,
        // 27.03 → 26.04, 28.03 → Saturday 27.04, worked (Пост. Правительства РФ от 10.08.2023
        // № 1314); 29.03 → Sunday 28.04, 30.03 → Monday 29.04 and 31.03 → Tuesday 30.04 are days
        // off (the decree moved 27.04's and 2.11's days off there), all rolled back to 27.04.
        let dues = evaluator.evaluate(messages).map { (try? $0.get())?.status.dueDate.iso }
        #expect(dues == ["2024-04-24", "2024-04-25", "2024-04-26", "2024-04-27", "2024-04-27", "2024-04-27", "2024-04-27"])

        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let me = try String(contentsOf: URL(fileURLWithPath: #filePath), encoding: .utf8)
        func lines(_ s: String, _ marker: String) -> [String] {
            let all = s.components(separatedBy: "\n")
            guard let a = all.firstIndex(where: { $0.contains(marker + ":begin") }),
                  let b = all.firstIndex(where: { $0.contains(marker + ":end") }) else { return [] }
            return all[(a + 1)..<b].map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && !$0.hasPrefix("```") && $0 != "import Srok" }
        }
        let fromReadme = lines(readme, "readme-swift")
        #expect(fromReadme.count > 10)
        #expect(fromReadme == lines(me, "readme-swift"))
    }
}
