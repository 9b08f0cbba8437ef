import PropertyBased
import Testing

@testable import SrokCore

@Suite("Timestamps and time zones")
struct TimestampTests {
    let moscow = try! ZoneRules(identifier: "Europe/Moscow")

    @Test func parsesOffsetsAndZulu() throws {
        let a = try Timestamp(parsing: "2024-03-29T10:15+03:00")
        let b = try Timestamp(parsing: "2024-03-29T07:15:00Z")
        let c = try Timestamp(parsing: "2024-03-29T10:15:00.250+0300")
        #expect(a == b)
        #expect(a == c)
        guard case .instant(let i) = a else {
            Issue.record("expected an instant")
            return
        }
        #expect(i.description == "2024-03-29T07:15:00Z")
    }

    @Test func datesBefore1970AndTheEndOfTheDay() throws {
        // Found by the fuzzer: local times before 1970 were split into day and second with a
        // division that rounds towards zero.
        guard case .local(let l) = try Timestamp(parsing: "0024-02-28T10:10") else {
            Issue.record("expected a local time")
            return
        }
        #expect(l.date == CivilDate(year: 24, month: 2, day: 28))
        #expect(l.secondOfDay == 10 * 3600 + 600)
        guard case .local(let midnight) = try Timestamp(parsing: "2024-03-29T24:00") else {
            Issue.record("expected a local time")
            return
        }
        #expect(midnight.date.iso == "2024-03-30" && midnight.secondOfDay == 0)
        guard case .instant(let i) = try Timestamp(parsing: "1969-12-31T23:00-01:00") else {
            Issue.record("expected an instant")
            return
        }
        #expect(i.secondsSinceEpoch == 0)
    }

    @Test func localTimesResolveInTheZone() throws {
        let t = try Timestamp(parsing: "29.03.2024 10:15")
        guard case .local(let l) = t else {
            Issue.record("expected a local time")
            return
        }
        #expect(l.description == "2024-03-29T10:15:00")
        #expect(moscow.iso8601(t.resolve(in: moscow)) == "2024-03-29T10:15:00+03:00")
        let dateOnly = try Timestamp(parsing: "2024-03-29")
        #expect(moscow.iso8601(dateOnly.resolve(in: moscow)) == "2024-03-29T00:00:00+03:00")
    }

    @Test(arguments: [
        "2024-03-29T25:00", "2024-02-30T10:00Z", "2024-03-29T10:15+19:00", "2024-03-29T10", "2024-03-29X10:00",
        "yesterday", "2024-03-29T10:15+03:0",
    ])
    func rejectsBadTimestamps(_ text: String) {
        #expect(throws: SrokError.self) { try Timestamp(parsing: text, field: "registered_at") }
    }

    @Test func moscowWasUTCPlus4From2011To2014() throws {
        func offset(_ s: String) throws -> Int {
            guard case .instant(let i) = try Timestamp(parsing: s) else { return -1 }
            return moscow.offset(at: i)
        }
        #expect(try offset("2010-07-01T12:00Z") == 4 * 3600)  // summer time 2010 (MSD)
        #expect(try offset("2010-12-01T12:00Z") == 3 * 3600)  // winter time 2010 (MSK)
        #expect(try offset("2011-03-26T22:59Z") == 3 * 3600)  // just before the last spring change
        #expect(try offset("2011-03-26T23:00Z") == 4 * 3600)  // 2011-03-27 02:00 local → permanent +4
        #expect(try offset("2012-01-01T00:00Z") == 4 * 3600)
        #expect(try offset("2014-10-25T21:59Z") == 4 * 3600)
        #expect(try offset("2014-10-25T22:00Z") == 3 * 3600)  // 2014-10-26 02:00 local → +3
        #expect(try offset("2024-01-01T00:00Z") == 3 * 3600)
    }

    @Test func localDayBoundariesAcrossThe2014Change() throws {
        let day = CivilDate(year: 2014, month: 10, day: 26)!
        // 26.10.2014 in Moscow lasted 25 hours: the clock went from 02:00 back to 01:00.
        #expect(moscow.startOfDay(day).seconds(to: moscow.endOfDay(day)) == 25 * 3600)
        #expect(moscow.iso8601(moscow.startOfDay(day)) == "2014-10-26T00:00:00+04:00")
        let normal = CivilDate(year: 2024, month: 3, day: 29)!
        #expect(moscow.startOfDay(normal).seconds(to: moscow.endOfDay(normal)) == 24 * 3600)
    }

    @Test func localTimeInTheAmbiguousHourTakesTheEarlierInstant() throws {
        let t = try Timestamp(parsing: "2014-10-26T01:30")
        #expect(moscow.iso8601(t.resolve(in: moscow)) == "2014-10-26T01:30:00+04:00")
    }

    @Test func localTimeInASpringGapLandsAfterIt() throws {
        // 27.03.2011 02:00 → 03:00 in Moscow: 02:30 does not exist.
        let t = try Timestamp(parsing: "2011-03-27T02:30")
        #expect(moscow.iso8601(t.resolve(in: moscow)) == "2011-03-27T03:30:00+04:00")
    }

    @Test func otherZones() throws {
        let vladivostok = try ZoneRules(identifier: "Asia/Vladivostok")
        guard case .instant(let i2012) = try Timestamp(parsing: "2012-06-01T00:00Z"),
            case .instant(let i2024) = try Timestamp(parsing: "2024-06-01T00:00Z")
        else { return }
        #expect(vladivostok.offset(at: i2012) == 11 * 3600)
        #expect(vladivostok.offset(at: i2024) == 10 * 3600)
        let kaliningrad = try ZoneRules(identifier: "Europe/Kaliningrad")
        #expect(kaliningrad.offset(at: i2024) == 2 * 3600)
        let kamchatka = try ZoneRules(identifier: "Asia/Kamchatka")
        #expect(kamchatka.offset(at: i2024) == 12 * 3600)
    }

    @Test func unknownZoneIsATypedError() {
        #expect(throws: SrokError.unknownTimeZone("Europe/Atlantis")) { try ZoneRules(identifier: "Europe/Atlantis") }
        #expect(throws: SrokError.self) { try ZoneRules(identifier: "") }
    }
}

@Suite("Timestamp fast path")
struct TimestampFastPathTests {
    /// `YYYY-MM-DDTHH:MM:SS±HH:MM` with fields over and past their ranges (Feb 30, 24:00, 61 s,
    /// offsets past 18 h, years outside 1900–2100): the fast path answers exactly when and as
    /// the general parser does, or leaves the text to it.
    @Test func takesTheExportForm() throws {
        for (text, expected) in [
            ("2024-03-29T10:15:00+03:00", "2024-03-29T07:15:00Z"),
            ("1999-12-31 23:59:59-09:30", "2000-01-01T09:29:59Z"),
            ("2100-02-28T00:00:00+00:00", "2100-02-28T00:00:00Z"),
        ] {
            let fast = Array(text.utf8).withUnsafeBufferPointer { Timestamp.parseFixedISO($0) }
            #expect(fast == (try Timestamp(parsing: expected)).resolve(in: try ZoneRules(identifier: "UTC")), "\(text)")
        }
        // Left to the general parser: 24:00, Feb 29 of a common year, an offset past 18 h.
        for text in ["2024-03-29T24:00:00+03:00", "2023-02-29T10:00:00+03:00", "2024-03-29T10:00:00+19:00"] {
            #expect(Array(text.utf8).withUnsafeBufferPointer { Timestamp.parseFixedISO($0) } == nil, "\(text)")
        }
    }

    @Test func agreesWithTheGeneralParser() async {
        await propertyCheck(
            count: 4000, input: Gen.int(in: 1850...2150), Gen.int(in: 0...13), Gen.int(in: 0...32),
            Gen.int(in: 0...25), Gen.int(in: 0...61), Gen.int(in: -20...20)
        ) { y, m, d, h, mi, oh in
            func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
            let text =
                "\(y)-\(two(m))-\(two(d))T\(two(h)):\(two(mi)):\(two(mi % 60))\(oh < 0 ? "-" : "+")\(two(abs(oh))):\(two(mi % 4 * 15))"
            #expect(text.utf8.count == 25)
            let bytes = Array(text.utf8)
            let fast = bytes.withUnsafeBufferPointer { Timestamp.parseFixedISO($0) }
            let general = bytes.withUnsafeBufferPointer { Timestamp.parseGeneral($0) }
            let parsed = bytes.withUnsafeBufferPointer { Timestamp.parse($0) }
            if let fast { #expect(general == .instant(fast), "\(text)") }
            #expect(parsed == general, "\(text)")
        }
    }
}
