import Testing

@testable import SrokCore

@Suite("Regional calendars")
struct RegionalCalendarTests {
    let context = Fixtures.context
    let d = Fixtures.d

    @Test func icuRulesForTheKnownYears() throws {
        let e = try HolidayRuleEvaluator()
        #expect(try e.orthodoxEaster(2024) == d("2024-05-05"))
        #expect(try e.orthodoxEaster(2025) == d("2025-04-20"))
        #expect(try e.orthodoxEaster(2026) == d("2026-04-12"))
        #expect(try e.islamicDates(month: 10, day: 1, gregorianYear: 2024) == [d("2024-04-10")])
        #expect(try e.lunarDate(month: 1, day: 1, gregorianYear: 2025) == d("2025-01-29"))
        let civil = try HolidayRuleEvaluator(islamicCalendar: .civil)
        #expect(try civil.islamicDates(month: 10, day: 1, gregorianYear: 2024) == [d("2024-04-10")])
    }

    @Test func theTwoIslamicCalendarsDifferWhereTheTabularOneRunsADayLate() throws {
        // 1 Shawwal 1446 in the tabular calendar (Reingold & Dershowitz, «Calendrical
        // Calculations», fixed-from-islamic): epoch R.D. 227015 (16.07.622 Julian), so
        // 227014 + 1445·354 + ⌊(3 + 11·1446)/30⌋ + 29·9 + ⌊10/2⌋ + 1
        // = 227014 + 511530 + 530 + 261 + 5 + 1 = R.D. 739341; 01.01.2025 is R.D. 739252, so day 90
        // of 2025 = 31 March. Umm al-Qura put it on 30 March 2025 (Eid al-Fitr in Saudi Arabia;
        // the Bashkortostan act moved that Sunday's Ураза-байрам to Monday 31.03).
        #expect(
            try HolidayRuleEvaluator(islamicCalendar: .civil).islamicDates(month: 10, day: 1, gregorianYear: 2025) == [
                d("2025-03-31")
            ])
        #expect(
            try HolidayRuleEvaluator(islamicCalendar: .umalqura).islamicDates(month: 10, day: 1, gregorianYear: 2025)
                == [d("2025-03-30")])
        #expect(IslamicCalendar.allCases.map(\.icuIdentifier) == ["islamic-umalqura", "islamic-civil"])
    }

    @Test func namesResolveToCodes() throws {
        for name in ["RU-TA", "ru-ta", "Татарстан", "Республика Татарстан", "Tatarstan"] {
            #expect(try context.regions.resolve(name) == "RU-TA", "\(name)")
        }
        #expect(try context.regions.resolve("Башкирия") == "RU-BA")
        #expect(try context.regions.resolve("Тверская область") == "RU-TVE")
        #expect(try context.regions.resolve("RU") == "RU")
        #expect(throws: SrokError.self) { try context.regions.resolve("Атлантида") }
        #expect(context.regions.regions.count >= 83)
    }

    @Test func weekendPolicies() throws {
        // Ураза-байрам 2025 fell on Sunday 30 March: moved to Monday in Bashkortostan, not in Tatarstan.
        let ba = try context.calendar(region: "RU-BA")
        let ta = try context.calendar(region: "RU-TA")
        #expect(try !ba.isWorkingDay(d("2025-03-31")))
        #expect(try ba.info(for: d("2025-03-31")).name?.contains("Ураза") == true)
        #expect(try ta.isWorkingDay(d("2025-03-31")))
        #expect(try ta.info(for: d("2025-03-30")).name == "Ураза-байрам")
        // Saturday 11.10.2025, the Day of the Republic of Bashkortostan → Monday 13.10.
        #expect(try !ba.isWorkingDay(d("2025-10-13")))
        #expect(try Fixtures.federal.isWorkingDay(d("2025-10-13")))
    }

    @Test func regionalDaysAndTheirEves() throws {
        let ta = try context.calendar(region: "RU-TA")
        #expect(try !ta.isWorkingDay(d("2024-04-10")))
        #expect(try ta.kind(of: d("2024-04-10")) == .otherDayOff)
        #expect(try ta.workingMinutes(of: d("2024-04-09")) == 420)  // ст. 95: the eve is shortened
        #expect(try !ta.isWorkingDay(d("2025-08-30")) && !ta.isWorkingDay(d("2025-11-06")))
        #expect(try Fixtures.federal.isWorkingDay(d("2024-04-10")))
    }

    @Test func saturdaySwaps() throws {
        let ad = try context.calendar(region: "RU-AD")
        #expect(try ad.kind(of: d("2025-04-26")) == .workedWeekend)
        #expect(try ad.isWorkingDay(d("2025-04-26")))
        #expect(try !ad.isWorkingDay(d("2025-04-30")))
        #expect(try !ad.isWorkingDay(d("2025-04-29")))  // Радоница
    }

    @Test func scopeOfStateOnlyDays() throws {
        let state = try context.calendar(region: "RU-SA")
        let other = try WorkingCalendar.compileRegion(
            context.regions.regions["RU-SA"]!, base: context.calendars.definition("RU"),
            options: CalendarOptions(employer: .other))
        #expect(try !state.isWorkingDay(d("2025-06-23")) || !state.isWorkingDay(d("2025-04-28")))
        #expect(try other.isWorkingDay(d("2025-04-28")))
        #expect(try other.isWorkingDay(d("2025-06-23")))
    }

    @Test func aTermEndingOnARegionalDayOffRollsOnlyThere() throws {
        // 11.03.2024 + 30 days = 10.04.2024, Ураза-байрам in Tatarstan.
        let reg = Fixtures.t("2024-03-11T10:00+03:00")
        let ta = SLAEngine(calendar: try context.calendar(region: "RU-TA"), zone: Fixtures.moscow)
        let ru = SLAEngine(calendar: Fixtures.federal, zone: Fixtures.moscow)
        #expect(try ta.schedule(registered: reg, term: .days(30)).dueDate == d("2024-04-09"))
        #expect(try ru.schedule(registered: reg, term: .days(30)).dueDate == d("2024-04-10"))
        let mamadysh = try context.engine(profile: context.profile("mamadysh"))
        #expect(mamadysh.calendar.id == "RU-TA")
        #expect(try mamadysh.schedule(registered: reg, term: .days(30)).dueDate == d("2024-04-09"))
    }

    @Test func yearsWithoutActsAreProvisionalOrRefused() throws {
        let ta = try context.calendar(region: "RU-TA")
        let info = try ta.info(for: d("2027-03-09"))
        #expect(info.kind == .otherDayOff)
        #expect(info.isProvisional)
        #expect(info.source?.contains("прогноз") == true)
        #expect(!(try ta.info(for: d("2024-04-10")).isProvisional))
        let strict = try WorkingCalendar.compileRegion(
            context.regions.regions["RU-TA"]!, base: context.calendars.definition("RU"),
            options: CalendarOptions(strictRegionalDates: true))
        do {
            _ = try strict.kind(of: d("2027-03-09"))
            Issue.record("strict must refuse 2027")
        } catch {
            #expect(error.message(.en).contains("strict"))
        }
        #expect(try strict.kind(of: d("2024-04-10")) == .otherDayOff)
    }

    @Test func decreedDatesAgainstTheICUForecast() throws {
        // The data is the authority; the forecast may differ. Report every difference, and require
        // the decreed Islamic dates to lie within two days of ICU's Umm al-Qura forecast and the
        // Easter-based ones to equal the computus (a larger gap would be a typo in the data).
        let e = try HolidayRuleEvaluator()
        var report: [String] = []
        for region in context.regions.regions.values.sorted(by: { $0.code < $1.code }) {
            for (year, acts) in region.years.sorted(by: { $0.key < $1.key }) {
                for rule in region.rules where rule.isInForce(year) && (rule.kind == .islamic || rule.kind == .easter) {
                    guard let forecast = try e.dates(of: rule, in: year).first else { continue }
                    let key = rule.name.split(separator: " ").first.map(String.init) ?? rule.name
                    let decreed = acts.daysOff.filter { $0.name.hasPrefix(key) }.map(\.date)
                    guard
                        let nearest = decreed.min(by: {
                            abs($0.distance(to: forecast)) < abs($1.distance(to: forecast))
                        })
                    else { continue }
                    let gap = nearest.distance(to: forecast)
                    if gap != 0 {
                        report.append("\(region.code) \(year) \(key): decreed \(nearest.iso), forecast \(forecast.iso)")
                    }
                    #expect(
                        abs(gap) <= (rule.kind == .islamic ? 2 : 1),
                        "\(region.code) \(year) \(rule.name): \(nearest.iso) vs \(forecast.iso)")
                }
            }
        }
        print("Decreed dates that differ from the ICU forecast:\n" + report.joined(separator: "\n"))
    }

    @Test func regionFileErrors() {
        func message(_ text: String) -> String {
            Fixtures.errorText { _ = try RegionDefinition.parse(files: [("r.srokcal", text)]) }
        }
        #expect(message("region RU-XX\n  holiday moon 01-01 X | c\n").contains("fixed, islamic, easter or lunar"))
        #expect(message("region RU-XX\n  dayoff 2025-01-01 X | c\n").contains("outside a 'year' block"))
        #expect(
            message("region RU-XX\n  weekend-policy 2015 open sometimes | c\n").contains(
                "keep, next-working or per-act"))
        #expect(message("region TA\n").contains("RU-XX"))
        #expect(message("region RU-XX\n  holiday islamic 10-01 scope=nobody X | c\n").contains("scope="))
    }
}
