import Testing

@testable import SrokCore

/// The request/history JSON format (`srok status --history`, the service's bodies): one test per
/// key, each checking that the key lands in its field with the value as written, plus the
/// strictness rules (unknown keys, wrong types, null).
@Suite("Message request JSON: every key")
struct MessageRequestJSONTests {
    func parse(_ body: String) throws -> MessageRequest {
        try MessageRequest(json: Array(("{" + body + "}").utf8), source: "test.json")
    }

    func error(_ body: String) -> String {
        Fixtures.errorText { _ = try parse(body) }
    }

    static let ts = "2024-03-29T10:15+03:00"
    /// 2024-03-29 10:15 at +03:00 is 07:15 UTC: 1711696500 s since the epoch
    /// (19811 days from 1970-01-01 to 2024-03-29 × 86400 + 7 h 15 min).
    static let instant = Timestamp.instant(Instant(secondsSinceEpoch: 19811 * 86400 + 7 * 3600 + 15 * 60))

    @Test func registeredAt() throws {
        #expect(try parse(#""registered_at": "\#(Self.ts)""#).registeredAt == Self.instant)
        // A local time stays local: it is read in the message's zone at resolution.
        guard case .local(let l) = try parse(#""registered_at": "29.03.2024 10:15""#).registeredAt else {
            Issue.record("a local time became an instant")
            return
        }
        #expect(l.date == Fixtures.d("2024-03-29") && l.hour == 10 && l.minute == 15)
    }

    @Test func zoneRegionProfile() throws {
        let r = try parse(#""tz": "Asia/Vladivostok", "region": "RU-TA", "profile": "bryansk""#)
        #expect(r.tz == "Asia/Vladivostok" && r.region == "RU-TA" && r.profile == "bryansk")
    }

    @Test func termDaysFastTrackAndLevel() throws {
        #expect(try parse(#""term_days": 20"#).termDays == 20)
        #expect(try parse(#""fast_track_days": 7"#).fastTrackDays == 7)
        #expect(try parse(#""level": "1""#).level == "1")
    }

    @Test func categoryAndSubcategory() throws {
        let r = try parse(#""category": "Мусор", "subcategory": "Уборка мусора во дворах""#)
        #expect(r.category == "Мусор" && r.subcategory == "Уборка мусора во дворах")
    }

    @Test func regimeAndMigration() throws {
        #expect(try parse(#""regime": "appeal""#).regime == .appeal)
        #expect(try parse(#""regime": "обращение""#).regime == .appeal)
        #expect(try parse(#""migration": true"#).migration)
        #expect(try parse(#""migration": false"#).migration == false)
    }

    @Test func conventions() throws {
        let r = try parse(
            #""count": "days-inclusive", "roll": "following", "basis": "workday8", "schedule": "08:00-12:00,13:00-17:00", "roll_stages": true"#
        )
        #expect(r.conventions.count == .daysInclusive)
        #expect(r.conventions.roll == .following)
        #expect(r.conventions.basis == .workday8)
        // 08:00–12:00 and 13:00–17:00: two 4-hour spans, 480 minutes a day.
        #expect(r.conventions.schedule?.dayMinutes == 480)
        #expect(r.conventions.rollStageDueTimes == true)
    }

    @Test func entries() throws {
        let r = try parse(
            #"""
            "entries": [{"stage": "coordination", "at": "\#(Self.ts)"},
                        {"stage": "approval", "at": "2024-04-10T09:00+03:00", "redirect_approval": true}]
            """#)
        #expect(r.entries.count == 2)
        #expect(r.entries[0] == MessageRequest.Entry(stage: .coordination, at: Self.instant, redirectApproval: false))
        #expect(r.entries[1].stage == .approval && r.entries[1].redirectApproval)
    }

    @Test func currentStageAndWhenEntered() throws {
        let r = try parse(#""stage": "execution", "stage_entered_at": "\#(Self.ts)""#)
        #expect(r.stage == .execution && r.stageEnteredAt == Self.instant)
    }

    @Test func historyFacts() throws {
        let r = try parse(
            #"""
            "taken_into_work": "\#(Self.ts)", "redirected_at": "\#(Self.ts)", "received_at": "\#(Self.ts)",
            "closed_at": "\#(Self.ts)", "as_of": "\#(Self.ts)", "extension_days": 10
            """#)
        #expect(r.takenIntoWork == Self.instant && r.redirectedAt == Self.instant && r.receivedAt == Self.instant)
        #expect(r.closedAt == Self.instant && r.asOf == Self.instant && r.extensionDays == 10)
    }

    @Test func contactAndInformFacts() throws {
        // Seed 003 п. 6.3 (contact the applicant) and seed 004 раздел 2 (inform the head).
        let r = try parse(#""applicant_contacted_at": "\#(Self.ts)", "head_informed_at": "\#(Self.ts)""#)
        #expect(r.applicantContactedAt == Self.instant && r.headInformedAt == Self.instant)
    }

    @Test func outcomeAndRejectionReason() throws {
        // «Тип решения» as the platform writes it (seed 004 раздел 2 «Отклонено»), any case, or the code.
        #expect(try parse(#""outcome": "Отклонено""#).outcome == .rejected)
        #expect(try parse(#""outcome": "НЕ РЕШЕНО""#).outcome == .notResolved)
        #expect(try parse(#""outcome": "postponed""#).outcome == .postponed)
        #expect(try parse(#""outcome": "решено""#).outcome == .resolved)
        #expect(error(#""outcome": "maybe""#).contains("Отклонено"))
        // A reason is text, or the number of a ground in the act's list (seed 002 п. 12: 5 = «несколько проблем»).
        #expect(try parse(#""rejection_reason": "спам""#).rejectionReason == "спам")
        #expect(try parse(#""rejection_reason": 5"#).rejectionReason == "5")
        #expect(error(#""rejection_reason": true"#).contains("rejection_reason"))
    }

    @Test func postponedUntilOneDateOrAList() throws {
        #expect(try parse(#""postponed_until": "2024-05-15""#).postponedUntil == [Fixtures.d("2024-05-15")])
        #expect(
            try parse(#""postponed_until": ["2024-05-15", "01.06.2024"]"#).postponedUntil == [
                Fixtures.d("2024-05-15"), Fixtures.d("2024-06-01"),
            ])
    }

    @Test func nullIsTheSameAsMissing() throws {
        let r = try parse(#""closed_at": null, "term_days": null, "entries": null, "postponed_until": null"#)
        #expect(r == MessageRequest())
    }

    @Test func everyKeyIsListedAndKnown() throws {
        // The keys this suite covers, written out: the format's documentation.
        let covered = [
            "registered_at", "tz", "region", "profile", "term_days", "fast_track_days", "fast_track", "level",
            "category",
            "subcategory", "regime", "migration", "count", "roll", "basis", "schedule", "roll_stages", "entries",
            "stage", "stage_entered_at", "taken_into_work", "postponed_until", "extension_days", "redirected_at",
            "received_at", "closed_at", "as_of", "applicant_contacted_at", "head_informed_at", "outcome",
            "rejection_reason",
        ]
        #expect(Set(covered) == Set(MessageRequest.Key.allCases.map(\.rawValue)))
    }

    @Test func anUnknownKeyIsNamedWithTheKnownOnes() {
        let e = error(#""registered_at": "\#(Self.ts)", "term": 30"#)
        #expect(e.contains("'term'") && e.contains("test.json") && e.contains("term_days"))
        #expect(error(#""entries": [{"stage": "execution", "when": "\#(Self.ts)"}]"#).contains("'when'"))
    }

    @Test func wrongTypesAreErrorsNotCoercions() {
        // Issue 10 #16: `"term_days": true` used to become one day.
        #expect(error(#""term_days": true"#).contains("whole number"))
        #expect(error(#""term_days": 2.5"#).contains("whole number"))
        #expect(error(#""term_days": "30""#).contains("whole number"))
        #expect(error(#""migration": "yes""#).contains("true or false"))
        #expect(error(#""postponed_until": 5"#).contains("list of dates"))
        #expect(error(#""registered_at": "yesterday""#).contains("registered_at"))
        #expect(error(#""entries": {"stage": "execution"}"#).contains("a list of"))
        #expect(error(#""regime": "other""#).contains("message or appeal"))
    }

    @Test func notAnObjectIsAnError() {
        #expect(
            Fixtures.errorText { _ = try MessageRequest(json: Array("[1]".utf8), source: "x.json") }.contains(
                "JSON object"))
        #expect(
            Fixtures.errorText { _ = try MessageRequest(json: Array("{".utf8), source: "x.json") }.contains(
                "JSON object"))
    }
}
