import Testing

@testable import SrokCore

/// An unknown region is answered with what was probably meant: the region whose administrative
/// centre it names, names containing it, or names a typing error or two away.
@Suite("Region suggestions")
struct RegionSuggestionTests {
    let regions = Fixtures.context.regions

    /// The message of the error `resolve` throws for `text`.
    func message(_ text: String) -> String {
        Fixtures.errorText { _ = try regions.resolve(text) }
    }

    @Test func everySubjectButTheFederalCitiesHasACapitalCitingItsCharter() {
        // Data/regions/subjects.srokcal: the 83 subjects of ISO 3166-2:RU, Крым and Севастополь (the
        // region files add to the same codes).
        let subjects = Array(regions.regions.values)
        #expect(subjects.count == 85)
        // Москва, Санкт-Петербург and Севастополь are cities of federal significance: their own centres.
        let cities: Set = ["RU-MOW", "RU-SPE", "RU-SEV"]
        for r in subjects.sorted(by: { $0.code < $1.code }) {
            if cities.contains(r.code) {
                #expect(r.capitals.isEmpty, "\(r.code)")
                continue
            }
            #expect(r.capitals.count == 1, "\(r.code)")
            for c in r.capitals {
                // The citation names the subject's basic law: «Конституция …», «Степное Уложение
                // (Конституция) …» (Калмыкия) or «Устав …».
                #expect(c.citation.contains("Конституция") || c.citation.hasPrefix("Устав"), "\(r.code): \(c.citation)")
            }
        }
        #expect(regions.regions["RU-TA"]?.capitals.map(\.name) == ["Казань"])
    }

    @Test func aCapitalNamesItsRegion() {
        // Constitution of Tatarstan: Казань is its capital. Not accepted as a region, but named.
        #expect(regions.suggestions(for: "Казань").map(\.code) == ["RU-TA"])
        #expect(regions.suggestions(for: "  КАЗАНЬ ").map(\.code) == ["RU-TA"])
        // Suggested, not listed as known: «perhaps you meant», the centre named in each language
        // (the names are the data's, in Russian).
        #expect(
            message("Казань")
                == "unknown region 'Казань'; perhaps you meant RU-TA (Республика Татарстан, capital Казань)")
        #expect(
            Fixtures.errorText(.ru) { _ = try regions.resolve("Казань") }
                == "неизвестный регион «Казань»; возможно, имелся в виду RU-TA (Республика Татарстан, центр — Казань)")
        // ё and е are one letter for matching: Орёл is written Орел as often.
        #expect(regions.suggestions(for: "Орел").first?.description == "RU-ORL (Орловская область, центр — Орёл)")
        // The Leningrad oblast's charter (2021) seats its bodies in Гатчина.
        #expect(regions.suggestions(for: "Гатчина").map(\.code) == ["RU-LEN"])
        #expect(regions.suggestions(for: "Петропавловск-Камчатский").map(\.code) == ["RU-KAM"])
    }

    @Test func aPartOfANameOrACapitalNamesItsRegion() {
        #expect(regions.suggestions(for: "город Казань").map(\.code) == ["RU-TA"])
        // «Башкир» begins the alias «Башкирия» (not «Башкортостан»).
        #expect(regions.suggestions(for: "Башкир").map(\.code) == ["RU-BA"])
        // «Новгород» is in two capitals: Великий Новгород and Нижний Новгород.
        #expect(regions.suggestions(for: "Новгород").map(\.code) == ["RU-NGR", "RU-NIZ"])
    }

    @Test func aNameOneOrTwoTypingErrorsAwayIsSuggested() {
        // «Татарстн»: one letter dropped from «Татарстан».
        #expect(regions.suggestions(for: "Татарстн").map(\.code) == ["RU-TA"])
        // Two neighbours swapped is one error: «Татрастан» is «Татарстан» with «ар» swapped.
        #expect(regions.suggestions(for: "Татрастан").map(\.code) == ["RU-TA"])
        // A code one letter off: RU-TAA is one insertion from RU-TA and one substitution from RU-TAM.
        #expect(regions.suggestions(for: "RU-TAA").map(\.code) == ["RU-TA", "RU-TAM"])
    }

    @Test func nothingCloseListsTheCodesInstead() {
        #expect(regions.suggestions(for: "RU-ZZZ").isEmpty)
        #expect(regions.suggestions(for: "Атлантида").isEmpty)
        // A word in 46 names («область») tells nothing either.
        #expect(regions.suggestions(for: "область").isEmpty)
        let text = message("RU-ZZZ")
        #expect(text.hasPrefix("unknown region 'RU-ZZZ'; known: RU, RU-AD,"), "\(text)")
        #expect(text.hasSuffix("(or any other ISO 3166-2:RU code or subject's name)"), "\(text)")
    }

    @Test func theDistanceIsTheOptimalStringAlignmentOne() {
        func d(_ a: String, _ b: String, _ limit: Int = 10) -> Int {
            RegionCatalog.distance(Array(a), Array(b), limit: limit)
        }
        #expect(d("", "") == 0)
        #expect(d("abc", "") == 3)
        #expect(d("kitten", "sitting") == 3)  // k→s, e→i, +g
        #expect(d("ab", "ba") == 1)  // one swap
        #expect(d("ca", "abc") == 3)  // OSA, not Damerau: no edit of a swapped pair
        #expect(d("kitten", "sitting", 1) == 2)  // stops past the limit, reporting limit + 1
    }

    @Test func capitalLinesNeedANameAndACitation() {
        let noCitation = Fixtures.errorText {
            _ = try RegionDefinition.parse(files: [("r.srokcal", "subject RU-XX Тест\n  capital Город\n")])
        }
        #expect(noCitation == "r.srokcal:2: 'capital' needs a citation of its legal source after ' | '")
        let noName = Fixtures.errorText {
            _ = try RegionDefinition.parse(files: [("r.srokcal", "subject RU-XX Тест\n  capital | Устав\n")])
        }
        #expect(noName == "r.srokcal:2: 'capital' needs a city name")
    }
}
