import Testing

@testable import SrokCore

@Suite("Regulation profiles (embedded data)")
struct ProfileTests {
    let context = Fixtures.context

    @Test func allSixProfilesLoad() {
        #expect(
            Set(context.profiles.keys) == ["federal", "brasovsky", "staritsa", "krasnodar-krai", "bryansk", "mamadysh"])
        for p in context.profiles.values {
            #expect(!p.term.citation.isEmpty, "\(p.id)")
            #expect(p.conventionCitations["count"] != nil, "\(p.id) count")
            #expect(p.conventionCitations["roll"] != nil, "\(p.id) roll")
            #expect(Stage.allCases.reduce(0) { $0 + p.conventions.shares.basisPoints[$1] } == 10_000)
        }
    }

    @Test func regionsAndRegimes() throws {
        #expect(try context.profile("mamadysh").region.value == "RU-TA")
        #expect(try context.profile("brasovsky").region.value == "RU-BRY")
        #expect(try context.profile("krasnodar-krai").region.value == "RU-KDA")
        #expect(try context.profile("staritsa").conventions.roll == .preceding)
        #expect(try context.profile("mamadysh").postponements.value == .atMost(1))
    }

    @Test func brasovskyFastTracksMatchIgnoringCaseSpacesAndYo() throws {
        let p = try context.profile("brasovsky")
        #expect(p.fastTracks.count == 5)
        for f in p.fastTracks {
            let (term, source) = try p.term(
                category: f.category.uppercased(), subcategory: f.subcategory.map { "  " + $0.replacingE() + "  " })
            #expect(term == .days(f.days), "\(f.category) / \(f.subcategory ?? "")")
            #expect(source == f.citation)
        }
        #expect(try p.term(category: "мусор", subcategory: "уборка   мусора во дворах").term == .days(10))
        #expect(
            try p.term(category: "Дворы и территория общего пользования", subcategory: "Зелёные насаждения").term
                == .days(10))
        // Not a fast-track: the general term.
        #expect(try p.term(category: "Мусор", subcategory: "Свалки").term == .days(30))
        #expect(try p.term(category: "Образование").term == .days(30))
    }

    @Test func everyProfilesLevelsAndRanges() throws {
        let krasnodar = try context.profile("krasnodar-krai")
        #expect(try krasnodar.term(level: "1").term == .days(8))
        #expect(try krasnodar.term(level: "2").term == .days(10))
        #expect(throws: SrokError.self) { try krasnodar.term(level: "3") }
        // fast-tracks are shorter than 30 days
        #expect(throws: SrokError.self) { try krasnodar.term(fastTrackDays: 30) }
        let mamadysh = try context.profile("mamadysh")
        for days in [3, 5, 7, 10] { #expect(try mamadysh.term(level: String(days)).term == .days(days)) }
        #expect(throws: SrokError.self) { try mamadysh.term(fastTrackDays: 2) }
        #expect(try context.profile("staritsa").term(fastTrackDays: 10).term == .days(10))
        #expect(throws: SrokError.self) { try context.profile("staritsa").term(fastTrackDays: 11) }
        #expect(try context.profile("bryansk").term().term == .days(30))
        #expect(try context.profile("federal").term(fastTrackDays: 30).term == .days(30))
        for p in context.profiles.values {
            for (_, level) in p.fastTrackLevels { #expect(p.fastTrackTerms.value.contains(level.value), "\(p.id)") }
            for f in p.fastTracks { #expect(p.fastTrackTerms.value.contains(f.days), "\(p.id) \(f.category)") }
        }
    }

    @Test func controlPointsFromTheSeeds() throws {
        let bryansk = try context.profile("bryansk")
        #expect(
            bryansk.controls.contains(
                ControlPoint(.executorTake, 3, citation: bryansk.controls.first { $0.kind == .executorTake }!.citation))
        )
        #expect(bryansk.controls.contains { $0.kind == .executorReturn && $0.amount == 7 })
        #expect(bryansk.controls.contains { $0.kind == .redirectApproval && $0.amount == 2 && $0.workingDays })
        #expect(
            try context.profile("krasnodar-krai").controls.contains {
                $0.kind == .coordinatorDecision && $0.amount == 3
            })
        #expect(try context.profile("mamadysh").controls.contains { $0.kind == .appealRedirect && $0.amount == 7 })
    }

    @Test func unknownProfileListsTheKnownOnes() {
        do {
            _ = try context.profile("nowhere")
            Issue.record("must throw")
        } catch {
            #expect(error.description.contains("brasovsky"))
        }
    }

    @Test func profileErrorsNameTheLine() {
        func message(_ text: String) -> String {
            Fixtures.errorText { _ = try RegulationProfile.parse(files: [("p.srokprofile", text)]) }
        }
        #expect(
            message(
                "profile x\n  stage moderation 50 | a\n  stage coordination 5 | a\n  stage execution 65 | a\n  stage approval 15 | a\n  stage final-approval 10 | a\n"
            ).contains("100"))
        #expect(message("profile x\n  term 30\n").contains("p.srokprofile:2"))
        #expect(message("profile x\n  count sideways | c\n").contains("one of days, days-inclusive, clock"))
        #expect(message("term 30 | x\n").contains("before any 'profile"))
        #expect(message("profile x\n  control coffee 3 days | c\n").contains("coordinator-decision"))
        #expect(
            message("profile x\n  control executor-take 3 weeks | c\n").contains(
                "days, days-inclusive, clock or working-days"))
        #expect(message("profile x\n  control executor-take 3 | c\n  control executor-take 4 | c\n").contains("twice"))
        #expect(message("profile x\n  control postponements many | c\n").contains("p.srokprofile:2"))
        #expect(message("profile x\n  budgets published | c\n").contains("'table' lines"))
    }
}

@Suite("The regulations' tables as regression tests")
struct RegulationTableTests {
    /// Seed 000 (`shared/seeds/000_79a15ed1ef9858bf.txt`: проект постановления администрации
    /// Брасовского района, 2024), «Приложение 1 к Регламенту работы в Платформе обратной связи»,
    /// transcribed from the act, not from `Data/profiles/brasovsky.srokprofile`: for each stage row
    /// (1. Модерация … 5. Утверждение) the «Доля этапа, %» cell and the cells of the five «Срок
    /// обработки … в течение N дней» columns (1, 7, 10, 15, 30), with the act's line breaks and
    /// non-breaking spaces. Beside each cell, its minutes as the text reads with calendar days of
    /// 24 hours («1 календарный день 4 часа» = 1440 + 4 × 60).
    static let act: [(share: Int, cells: [(days: Int, text: String, minutes: Int)])] = [
        (
            5,
            [
                (1, "1 час\n12 минут", 1 * 60 + 12),
                (7, "8 часов\n24 минуты", 8 * 60 + 24),
                (10, "4 часа", 4 * 60),
                (15, "18 часов", 18 * 60),
                (30, "1 календарный\u{A0}день\n4 часа", 1 * 1440 + 4 * 60),
            ]
        ),
        (
            5,
            [
                (1, "1 час\n12 минут", 1 * 60 + 12),
                (7, "8 часов\n24 минуты", 8 * 60 + 24),
                (10, "4 часа", 4 * 60),
                (15, "18 часов", 18 * 60),
                (30, "1 календарный\u{A0}день\n4 часа", 1 * 1440 + 4 * 60),
            ]
        ),
        (
            65,
            [
                (1, "15 часов\n36 минут", 15 * 60 + 36),
                (7, "4 календарных дня\n13 часов\n12 минут", 4 * 1440 + 13 * 60 + 12),
                (10, "6 календарных дней\n4 часа", 6 * 1440 + 4 * 60),
                (15, "9 календарных дней\n18 часов", 9 * 1440 + 18 * 60),
                (30, "19 календарных\u{A0}дней\n4 часа", 19 * 1440 + 4 * 60),
            ]
        ),
        (
            15,
            [
                (1, "3 часа\n36 минут", 3 * 60 + 36),
                (7, "1 календарный день\n1 час\n12 минут", 1 * 1440 + 1 * 60 + 12),
                (10, "1 календарный день\n\u{A0}4 часа", 1 * 1440 + 4 * 60),
                (15, "2 календарных дня\n6 часов", 2 * 1440 + 6 * 60),
                (30, "4 календарных\u{A0}дня\n4 часа", 4 * 1440 + 4 * 60),
            ]
        ),
        (
            10,
            [
                (1, "2 часа\n24 минуты", 2 * 60 + 24),
                (7, "16 часов\n48 минут", 16 * 60 + 48),
                (10, "1 календарный день", 1 * 1440),
                (15, "1 календарный день\n12 часов", 1 * 1440 + 12 * 60),
                (30, "4 календарных\u{A0}дня\n4 часа", 4 * 1440 + 4 * 60),
            ]
        ),
    ]

    /// The act's cell text with its line breaks and non-breaking spaces read as single spaces.
    static func spaced(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\u{A0}" }).joined(separator: " ")
    }

    /// The act's cells by term column, in stage order, spaced.
    static var published: [Int: [String]] {
        var out: [Int: [String]] = [:]
        for row in act { for cell in row.cells { out[cell.days, default: []].append(spaced(cell.text)) } }
        return out
    }

    @Test func theProfileHoldsSeed000AppendixOneCellByCell() throws {
        let p = try Fixtures.context.profile("brasovsky")
        #expect(p.table.count == 25)
        let checks = p.checkTable()
        for (stage, row) in zip(Stage.allCases, Self.act) {
            // «Доля этапа, %»: 5 % is 500 basis points.
            #expect(p.conventions.shares.basisPoints[stage] == row.share * 100, "\(stage)")
            for cell in row.cells {
                let held = try #require(
                    checks.first { $0.cell.days == cell.days && $0.cell.stage == stage }, "\(cell.days) \(stage)")
                #expect(Self.spaced(held.cell.text) == Self.spaced(cell.text), "\(cell.days) \(stage)")
                #expect(held.publishedClock24Minutes == cell.minutes, "\(cell.days) \(stage)")
            }
        }
        // The transcription's own check: in the 1-, 7- and 15-day columns every cell is the stage's
        // share of N × 24 h (7 days × 65 % = 6552 minutes = 4 дня 13 часов 12 минут).
        for (row, cell) in Self.act.flatMap({ row in row.cells.map { (row, $0) } })
        where [1, 7, 15].contains(cell.days) {
            #expect(cell.minutes == cell.days * 1440 * row.share / 100, "\(cell.text)")
        }
    }

    @Test(arguments: [1, 7, 15])
    func columnsOf1_7And15DaysAreSharesOfNx24h(_ days: Int) throws {
        let plural = try RussianText()
        for row in try StageTable.rows(days: [days], basis: .clock24) {
            let text = StageTable.text(row, lang: .ru, plural: plural)
            #expect(text == Self.published[days]![row.stage.rawValue], "\(days) \(row.stage)")
        }
    }

    @Test(arguments: [10, 30])
    func columnsOf10And30DaysAreSharesOfNx8hIn8HourDays(_ days: Int) throws {
        let checks = try Fixtures.context.profile("brasovsky").checkTable().filter { $0.cell.days == days }
        for c in checks where !(days == 30 && c.cell.stage == .finalApproval) {
            #expect(c.matches.contains(.workday8), "\(days) \(c.cell.stage)")
            #expect(c.publishedWorkday8Minutes == c.modelWorkday8Minutes)
        }
        // Written in 8-hour days: «6 календарных дней 4 часа» = 52 h = 65 % of 80 h.
        if days == 10 { #expect(checks.first { $0.cell.stage == .execution }?.publishedWorkday8Minutes == 52 * 60) }
    }

    @Test func exactlyOneCellMatchesNoBasis() throws {
        let bad = try Fixtures.context.profile("brasovsky").checkTable().filter { $0.matches.isEmpty }
        #expect(bad.count == 1)
        let cell = try #require(bad.first)
        #expect(cell.cell.days == 30 && cell.cell.stage == .finalApproval)
        #expect(cell.cell.text == "4 календарных дня 4 часа")
        #expect(cell.modelClock24Minutes == 3 * 1440)
        #expect(cell.modelWorkday8Minutes == 3 * 480)
    }

    @Test func durationTextRoundTrips() throws {
        let plural = try RussianText()
        #expect(
            DurationText.russian(6552, dayMinutes: 1440, working: false, plural: plural)
                == "4 календарных дня 13 часов 12 минут")
        #expect(DurationText.russian(1440, dayMinutes: 1440, working: false, plural: plural) == "1 календарный день")
        #expect(
            DurationText.russian(21 * 1440 + 60, dayMinutes: 1440, working: false, plural: plural)
                == "21 календарный день 1 час")
        #expect(DurationText.russian(3120, dayMinutes: 480, working: true, plural: plural) == "6 рабочих дней 4 часа")
        #expect(DurationText.english(1508, dayMinutes: 1440, working: false) == "1 day 1 hour 8 minutes")
        #expect(DurationText.parse("4 календарных дня 13 часов 12 минут")! == (4, 13, 12))
        #expect(DurationText.parse("1 календарный день\n 4 часа")! == (1, 4, 0))
        #expect(DurationText.parse("сорок дней") == nil)
        #expect(DurationText.parse("") == nil)
    }
}

extension String {
    func replacingE() -> String { String(map { $0 == "е" ? "ё" : $0 }) }
}
