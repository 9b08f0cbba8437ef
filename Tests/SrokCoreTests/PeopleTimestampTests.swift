import PropertyBased
import Testing

@testable import SrokCore

/// Issue 12: dates and times as Excel and people write them — `1.3.2025`, `01.03.2025 9:05`,
/// `01.03.2025 09:05:00`, `2025-03-01 09:05` — read as local times in the organisation's zone;
/// a two-digit year refused, saying why.
@Suite("Timestamps as people write them")
struct PeopleTimestampTests {
    let moscow = try! ZoneRules(identifier: "Europe/Moscow")
    let vladivostok = try! ZoneRules(identifier: "Asia/Vladivostok")

    /// The local date-time of `text`, as `YYYY-MM-DDTHH:MM:SS`, or nil.
    func local(_ text: String) -> String? {
        guard case .local(let l)? = try? Timestamp(parsing: text) else { return nil }
        return l.description
    }

    @Test(arguments: [
        // (text, the local time it names: day, month and year as written, the hour and minute too)
        ("1.3.2025", "2025-03-01T00:00:00"),
        ("01.03.2025 9:05", "2025-03-01T09:05:00"),
        ("01.03.2025 09:05:00", "2025-03-01T09:05:00"),
        ("2025-03-01 09:05", "2025-03-01T09:05:00"),
        ("1.3.2025 9:05", "2025-03-01T09:05:00"),
        ("1.3.2025 9:05:07", "2025-03-01T09:05:07"),
        ("01.3.2025 23:59", "2025-03-01T23:59:00"),
        ("1.03.2025", "2025-03-01T00:00:00"),
        ("31.12.2024 0:00", "2024-12-31T00:00:00"),
        ("29.2.2024 12:30", "2024-02-29T12:30:00"),
        ("2025-03-01 9:05", "2025-03-01T09:05:00"),
        (" 1.3.2025 9:05 ", "2025-03-01T09:05:00"),
        ("1.3.2025 24:00", "2025-03-02T00:00:00"),
    ])
    func formsPeopleWrite(_ text: String, _ expected: String) {
        #expect(local(text) == expected, "\(text)")
    }

    @Test func localTimesAreReadInTheOrganisationsZone() throws {
        // 01.03.2025 09:05 in Moscow (UTC+3 since 2014) is 06:05Z; in Vladivostok (UTC+10) 23:05Z
        // the day before.
        let t = try Timestamp(parsing: "01.03.2025 9:05")
        #expect(moscow.iso8601(t.resolve(in: moscow)) == "2025-03-01T09:05:00+03:00")
        #expect(t.resolve(in: moscow).description == "2025-03-01T06:05:00Z")
        #expect(t.resolve(in: vladivostok).description == "2025-02-28T23:05:00Z")
    }

    @Test(arguments: [
        "1.3.202", "1.3.20255", "32.1.2025", "1.13.2025", "29.2.2025", "1.3.2025 9:5", "1.3.2025T9:05",
        "01.03.2025 24:01", "1..2025", "1.3.", ".3.2025", "111.3.2025", "1.3.2025 9", "1.3.2025 9:05:7", "1/3/2025",
    ])
    func malformedOrImpossibleFormsAreRefused(_ text: String) {
        #expect(throws: SrokError.self, "\(text)") { try Timestamp(parsing: text, field: "registered_at") }
    }

    @Test(arguments: ["01.03.25", "1.3.25", "1.3.25 9:05", "01.03.25 09:05:00"])
    func aTwoDigitYearIsRefusedSayingWhy(_ text: String) {
        do {
            _ = try Timestamp(parsing: text, field: "registered_at")
            Issue.record("\(text) was accepted")
        } catch {
            // The year as written, both centuries it could mean, and the forms accepted.
            #expect(error.message(.ru).contains("двузначный год «25» неоднозначен (1925 или 2025?)"), "\(error)")
            #expect(error.message(.en).contains("the two-digit year '25' is ambiguous (1925 or 2025?)"))
            #expect(error.message(.en).contains("1.3.2025 9:05"))
            #expect(error.message(.ru).contains("29.03.2024 10:15"))
        }
        // A date alone too.
        let date = Fixtures.errorText { _ = try CivilDate(parsing: String(text.prefix { $0 != " " }), field: "d") }
        #expect(date.contains("the two-digit year '25' is ambiguous"), "\(date)")
    }

    @Test func datesAloneTakeTheShortFormsToo() throws {
        #expect(try CivilDate(parsing: "1.3.2025").iso == "2025-03-01")
        #expect(try CivilDate(parsing: "9.12.2024").iso == "2024-12-09")
        #expect(try CivilDate(parsing: "09.1.2024").iso == "2024-01-09")
        #expect(throws: SrokError.self) { try CivilDate(parsing: "1.3.2025 9:05") }
        #expect(throws: SrokError.self) { try CivilDate(parsing: "30.2.2025") }
    }

    /// Any day and time written with or without leading zeros (day, month, hour) names the same
    /// local time as the ISO form of the same numbers.
    @Test func leadingZerosDoNotMatter() async {
        await propertyCheck(
            count: 3000, input: Gen.int(in: 1900...2100), Gen.int(in: 1...12), Gen.int(in: 1...31), Gen.int(in: 0...23),
            Gen.int(in: 0...59), Gen.int(in: 0...3)
        ) { year, month, day, hour, minute, shape in
            guard day <= CivilDate.daysIn(month: month, year: year) else { return }
            func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
            let iso = "\(year)-\(two(month))-\(two(day))T\(two(hour)):\(two(minute)):00"
            let d = shape & 1 == 0 ? String(day) : two(day)
            let m = shape & 2 == 0 ? String(month) : two(month)
            let text = "\(d).\(m).\(year) \(hour):\(two(minute))"
            #expect(local(text) == iso, "\(text)")
        }
    }
}

@Suite("Messages registered after the as-of instant")
struct NotYetRegisteredTests {
    @Test func aMessageRegisteredAfterTheAsOfInstantHasNotComeInYet() throws {
        // federal, 30 calendar days from Wednesday 01.05.2024 (registration 10:00 Moscow): the
        // count starts on 02.05 (ГК РФ ст. 191), day 30 is Friday 31.05.2024, a working day, so the
        // term ends at 23:59:59 that day. As of 20.04.2024 12:00 the message has not come in: from
        // then to the due time are 41 days 11 h 59 min 59 s, i.e. 41 × 1440 + 11 × 60 + 59 = 59 759
        // whole minutes.
        var request = MessageRequest(registeredAt: try Timestamp(parsing: "2024-05-01T10:00+03:00"))
        request.asOf = try Timestamp(parsing: "2024-04-20T12:00+03:00")
        let r = try MessageResolver(context: Fixtures.context).resolve(
            request, now: Instant(secondsSinceEpoch: 0))
        let st = try r.status()
        #expect(st.state == .notYetRegistered)
        #expect(st.state.rawValue == "not-yet-registered")
        #expect(st.state.text(.ru) == "ещё не поступило" && st.state.text(.en) == "not yet registered")
        #expect(r.engine.zone.iso8601(st.due) == "2024-05-31T23:59:59+03:00")
        #expect(st.remainingMinutes == 59_759)
        #expect(st.overdueMinutes == 0)
        #expect(st.currentStage == nil)
        // At the instant of registration it has come in: in time.
        request.asOf = request.registeredAt
        let at = try MessageResolver(context: Fixtures.context).resolve(request, now: Instant(secondsSinceEpoch: 0))
        #expect(try at.status().state == .ok)
    }
}

@Suite("Warnings: fast-track marks without a catalogue entry")
struct MessageWarningsTests {
    func warnings(_ profile: String, category: String?, subcategory: String? = nil, explicit: Bool = false) throws
        -> MessageWarnings
    {
        MessageResolver.termWarnings(
            fastTrack: true, explicitTerm: explicit, category: category, subcategory: subcategory,
            profile: try Fixtures.context.profile(profile))
    }

    @Test func theTwoCases() throws {
        // brasovsky's catalogue (seed 000 приложение № 2) lists «Мусор / Уборка мусора во дворах».
        #expect(try warnings("brasovsky", category: "Мусор", subcategory: "Уборка мусора во дворах") == [])
        #expect(try warnings("brasovsky", category: "Сантехника") == .categoryNotInProfile)
        #expect(try warnings("brasovsky", category: "Мусор", subcategory: "Вывоз снега") == .categoryNotInProfile)
        #expect(try warnings("brasovsky", category: nil) == .fastTrackWithoutCategory)
        #expect(try warnings("brasovsky", category: "  ") == .fastTrackWithoutCategory)
        // bryansk's act lists no categories (п. 1.4): a mark cannot find its term.
        #expect(try warnings("bryansk", category: "Мусор") == .fastTrackWithoutCategory)
        // A term given explicitly (days, a level) needs no catalogue.
        #expect(try warnings("bryansk", category: nil, explicit: true) == [])
        #expect(MessageWarnings.fastTrackWithoutCategory.code == "fast-track-without-category")
        #expect(MessageWarnings.categoryNotInProfile.code == "category-not-in-profile")
        #expect(MessageWarnings([.fastTrackWithoutCategory, .categoryNotInProfile]).codes.count == 2)
    }

    @Test func theRequestCarriesThemAndStrictCategoriesRefuses() throws {
        var request = MessageRequest(registeredAt: try Timestamp(parsing: "2024-03-29T10:15+03:00"))
        request.profile = "bryansk"
        request.fastTrack = true
        let r = try MessageResolver(context: Fixtures.context).resolve(request, now: Instant(secondsSinceEpoch: 0))
        // The general term, 30 days (п. 1.4), flagged.
        #expect(r.term == .days(30) && r.warnings == .fastTrackWithoutCategory)
        var strict = MessageDefaults()
        strict.strictCategories = true
        #expect(throws: MessageFieldError.self) {
            _ = try MessageResolver(context: Fixtures.context, defaults: strict).resolve(
                request, now: Instant(secondsSinceEpoch: 0))
        }
        // From JSON: "fast_track": true.
        let json = try MessageRequest(
            json: Array(#"{"registered_at": "2024-03-29T10:15+03:00", "fast_track": true}"#.utf8), source: "t")
        #expect(json.fastTrack)
    }
}

@Suite("Texts in two languages")
struct LocalizedTextTests {
    @Test func russianPluralsAgreeWithICU() throws {
        let icu = try RussianText()
        for n in 0...300 {
            let expected: String
            switch icu.pluralCategory(n) {
            case "one": expected = "день"
            case "few": expected = "дня"
            default: expected = "дней"
            }
            #expect(RussianPlural.form(n, "день", "дня", "дней") == expected, "\(n)")
        }
        #expect(RussianPlural.workingDays(1) == "1 рабочий день" && RussianPlural.workingDays(3) == "3 рабочих дня")
        #expect(RussianPlural.calendarDays(11) == "11 календарных дней")
        #expect(EnglishPlural.count(1, "day") == "1 day" && EnglishPlural.count(2, "day") == "2 days")
    }

    @Test func errorsRenderInEitherLanguage() {
        let e = SrokError.invalidValue(field: "year", value: "10000", expected: .year(from: 1, to: 9999))
        #expect(e.message(.ru) == "недопустимое значение год: «10000»; ожидается год от 1 до 9999")
        #expect(e.message(.en) == "invalid year: '10000'; expected a year from 1 to 9999")
        #expect(e.description == e.message(.ru))
        #expect(
            SrokError.unknown(kind: LocalizedText(ru: "профиль", en: "profile"), name: "x", known: ["a"]).message(.en)
                == "unknown profile 'x'; known: a")
        #expect(Language(code: "EN") == .en && Language(code: "русский") == .ru && Language(code: "de") == nil)
    }

    @Test func statusWordsAndConventionsHaveNoCodesInThem() {
        for s in SLAState.allCases { #expect(s.text(.ru) != s.rawValue) }
        #expect(RollConvention.preceding.text(.ru) == "перенос на предшествующий рабочий день")
        #expect(StageBasis.clock24.text(.ru) == "этапы в 24-часовых сутках")
        #expect(ControlKind.executorTake.title(.ru) == "контроль: исполнитель берёт в работу")
        let reversed = RollOutcome(
            from: CivilDate(year: 2024, month: 4, day: 28)!, to: CivilDate(year: 2024, month: 4, day: 29)!,
            convention: .preceding, reversed: true)
        #expect(!reversed.text(.ru).contains("following") && !reversed.text(.ru).contains("preceding"))
        #expect(reversed.label == "following(reversed)")  // the code stays
    }
}
