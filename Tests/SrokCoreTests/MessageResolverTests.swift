import Testing

@testable import SrokCore

/// The single message resolver: precedence of request, defaults and profile; the term rules; the
/// planned entry of a current stage; errors naming the request key.
@Suite("Message resolver")
struct MessageResolverTests {
    let now = Fixtures.t("2024-04-20T12:00+03:00")
    func registered(_ s: String) -> Timestamp { try! Timestamp(parsing: s) }

    @Test func aCatalogueCategoryGetsItsFastTrack() throws {
        // Брасовский район: «Уборка мусора во дворах» is a 10-day fast-track (Data/profiles/brasovsky).
        // Registered Friday 29.03.2024: day 1 is 30.03 (ГК ст. 191), day 10 is Monday 08.04.2024, a working day.
        var r = MessageRequest(registeredAt: registered("2024-03-29T10:15+03:00"))
        r.profile = "brasovsky"
        r.category = "Мусор"
        r.subcategory = "Уборка мусора во дворах"
        let m = try MessageResolver(context: Fixtures.context).resolve(r, now: now)
        #expect(m.term == .days(10))
        #expect(try m.schedule().dueDate == Fixtures.d("2024-04-08"))
        guard case .profile = m.termSource else {
            Issue.record("source \(m.termSource)")
            return
        }
    }

    @Test func explicitDaysWinOverTheCatalogue() throws {
        var r = MessageRequest(registeredAt: registered("2024-03-29T10:15+03:00"))
        r.profile = "brasovsky"
        r.category = "Мусор"
        r.subcategory = "Уборка мусора во дворах"
        r.termDays = 15
        let m = try MessageResolver(context: Fixtures.context).resolve(r, now: now)
        #expect(m.term == .days(15) && m.termSource == .explicit)
    }

    @Test func theMigrationTermIsForAppealsOnly() throws {
        // 59-ФЗ ст. 12 ч. 1.1: 20 days. From Friday 29.03.2024 day 20 is Thursday 18.04.2024.
        var r = MessageRequest(registeredAt: registered("2024-03-29T10:15+03:00"))
        r.regime = .appeal
        r.migration = true
        let resolver = MessageResolver(context: Fixtures.context)
        let m = try resolver.resolve(r, now: now)
        #expect(m.term == .days(20) && m.termSource == .migrationLaw)
        #expect(try m.schedule().dueDate == Fixtures.d("2024-04-18"))
        r.regime = .message
        #expect(throws: MessageFieldError.self) { try resolver.resolve(r, now: now) }
        do { _ = try resolver.resolve(r, now: now) } catch { #expect(error.field == "migration") }
    }

    @Test func requestOverDefaultsOverProfile() throws {
        var defaults = MessageDefaults()
        defaults.profile = "mamadysh"  // a Tatarstan profile (RU-TA, Europe/Moscow)
        defaults.conventions.roll = .following
        let resolver = MessageResolver(context: Fixtures.context, defaults: defaults)
        var r = MessageRequest(registeredAt: registered("2024-03-29T10:15+03:00"))
        var m = try resolver.resolve(r, now: now)
        #expect(
            m.profile.id == "mamadysh" && m.engine.calendar.id == "RU-TA" && m.engine.conventions.roll == .following)
        r.profile = "federal"
        r.conventions.roll = RollConvention.none
        r.tz = "Asia/Yekaterinburg"
        m = try resolver.resolve(r, now: now)
        #expect(m.profile.id == "federal" && m.engine.calendar.id == "RU")
        #expect(m.engine.conventions.roll == RollConvention.none && m.engine.zone.identifier == "Asia/Yekaterinburg")
    }

    @Test func aCurrentStageWithoutEntryStartsWhenThePlanSays() throws {
        // 30 days from 29.03.2024 10:15: clock24 shares of 30 × 24 h = 43 200 min. Moderation (5 %)
        // is 2160 min = 36 h, so coordination is planned to start 30.03 22:15; coordination (5 %)
        // another 36 h, so execution starts 01.04 10:15 (+03:00).
        var r = MessageRequest(registeredAt: registered("2024-03-29T10:15+03:00"))
        r.stage = .execution
        let m = try MessageResolver(context: Fixtures.context).resolve(r, now: now)
        #expect(m.history.entries == [StageEntry(.execution, at: Fixtures.t("2024-04-01T10:15+03:00"))])
        // Not later than the as-of instant: as of 31.03 the entry is capped at 31.03.
        let early = try MessageResolver(context: Fixtures.context).resolve(r, now: Fixtures.t("2024-03-31T00:00+03:00"))
        #expect(early.history.entries.first?.at == Fixtures.t("2024-03-31T00:00+03:00"))
    }

    @Test func errorsNameTheRequestKey() {
        let resolver = MessageResolver(context: Fixtures.context)
        func field(_ change: (inout MessageRequest) -> Void) -> String {
            var r = MessageRequest(registeredAt: registered("2024-03-29T10:15+03:00"))
            change(&r)
            do {
                _ = try resolver.resolve(r, now: now)
                return ""
            } catch { return error.field }
        }
        #expect(field { $0.registeredAt = nil } == "registered_at")
        #expect(field { $0.profile = "nowhere" } == "profile")
        #expect(field { $0.tz = "Mars/Olympus" } == "tz")
        #expect(field { $0.region = "RU-XX" } == "region")
        #expect(field { $0.termDays = 31 } == "term_days")  // a ПОС message takes 1–30 days
        #expect(field { $0.fastTrackDays = 40 } == "fast_track_days")
        #expect(
            field {
                $0.profile = "krasnodar-krai"
                $0.level = "9"
            } == "level")
    }

    @Test func strictCategoriesRejectAnUnknownCategory() throws {
        var defaults = MessageDefaults()
        defaults.strictCategories = true
        var r = MessageRequest(registeredAt: registered("2024-03-29T10:15+03:00"))
        r.profile = "brasovsky"
        r.category = "Мусорр"
        do {
            _ = try MessageResolver(context: Fixtures.context, defaults: defaults).resolve(r, now: now)
            Issue.record("accepted a misspelt category")
        } catch { #expect(error.field == "category" && error.description.contains("Мусор")) }
        // Without strictness the same row gets the general term (30 days).
        #expect(try MessageResolver(context: Fixtures.context).resolve(r, now: now).term == .days(30))
    }

    @Test func flagsOverAFileAndListsAddUp() {
        var file = MessageRequest(registeredAt: registered("2024-03-29T10:15+03:00"))
        file.profile = "bryansk"
        file.termDays = 30
        file.postponedUntil = [Fixtures.d("2024-05-15")]
        file.entries = [.init(stage: .coordination, at: registered("2024-03-29T11:00+03:00"))]
        var flags = MessageRequest()
        flags.termDays = 10
        flags.postponedUntil = [Fixtures.d("2024-05-20")]
        flags.entries = [.init(stage: .execution, at: registered("2024-03-30T09:00+03:00"))]
        let m = flags.merged(over: file)
        #expect(m.profile == "bryansk" && m.termDays == 10 && m.registeredAt == file.registeredAt)
        #expect(m.postponedUntil == [Fixtures.d("2024-05-20"), Fixtures.d("2024-05-15")])
        #expect(m.entries.map(\.stage) == [.coordination, .execution])
    }

    @Test func theStatusCarriesTheProfilesControls() throws {
        // Брянск (seed 003 п. 6.2): «В течение 3 дней с момента поступления сообщения, Исполнителю
        // необходимо взять его в работу». Entered execution on 30.03 and not taken into work by
        // 20.04: the control is overdue. Краснодарский край (seed 002 п. 9): the coordinator decides
        // within 3 days; still in coordination three weeks later, overdue too.
        var r = MessageRequest(registeredAt: registered("2024-03-29T10:15+03:00"))
        r.profile = "bryansk"
        r.entries = [.init(stage: .execution, at: registered("2024-03-30T09:00+03:00"))]
        let st = try MessageResolver(context: Fixtures.context).resolve(r, now: now).status()
        #expect(st.controls.contains { $0.kind == .executorTake && $0.state == .overdue })
        r.profile = "krasnodar-krai"
        r.entries = [.init(stage: .coordination, at: registered("2024-03-29T11:00+03:00"))]
        let k = try MessageResolver(context: Fixtures.context).resolve(r, now: now).status()
        #expect(k.controls.contains { $0.kind == .coordinatorDecision && $0.state == .overdue })
    }
}
