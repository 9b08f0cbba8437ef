extension RegionDefinition {
    /// Parses region files (grammar: `Data/FORMAT.md`, «Region files»), including `subject` lines
    /// that name federal subjects with no days of their own.
    /// - Throws: ``SrokError/data(location:message:)`` with file, line and the accepted forms.
    public static func parse(files: [(name: String, text: String)]) throws(SrokError) -> [String: RegionDefinition] {
        var out: [String: RegionDefinition] = [:]
        for (name, text) in files {
            var current: String?
            var year: Int?
            for line in DataLine.lines(of: text, file: name) {
                switch line.keyword {
                case "region", "subject":
                    let code = try line.field(0, LocalizedText(ru: "код ISO 3166-2", en: "an ISO 3166-2 code"))
                    guard code.hasPrefix("RU-"), code.count >= 4 else {
                        throw line.fail(
                            ru: "«\(code)» — не код региона; ожидается RU-XX (ISO 3166-2)",
                            en: "'\(code)' is not a region code; expected RU-XX (ISO 3166-2)")
                    }
                    if out[code] == nil { out[code] = RegionDefinition(code: code, location: line.location) }
                    if line.keyword == "subject" {
                        let n = line.text(after: 1)
                        if out[code]!.name.isEmpty {
                            out[code]!.name = n
                        } else if !n.isEmpty {
                            out[code]!.aliases.append(n)
                        }
                    }
                    current = code
                    year = nil
                    continue
                default: break
                }
                guard let code = current else {
                    throw line.fail(
                        ru: "«\(line.keyword)» до первой строки «region CODE»",
                        en: "'\(line.keyword)' before any 'region CODE' line")
                }
                try apply(line, to: &out[code]!, year: &year)
            }
        }
        return out
    }

    private static func apply(_ line: DataLine, to r: inout RegionDefinition, year: inout Int?) throws(SrokError) {
        func options(from index: Int) throws(SrokError) -> (span: Int, scope: DayScope, years: YearSpan, nameStart: Int)
        {
            var span = 1
            var scope = DayScope.all
            var from: Int?
            var to: Int?
            var i = index
            while i < line.fields.count, let eq = line.fields[i].firstIndex(of: "=") {
                let key = String(line.fields[i][..<eq])
                let value = String(line.fields[i][line.fields[i].index(after: eq)...])
                switch key {
                case "days":
                    guard let v = Int(value), (1...10).contains(v) else {
                        throw line.fail(ru: "days=\(value): ожидается 1–10", en: "days=\(value): expected 1–10")
                    }
                    span = v
                case "scope":
                    guard let s = DayScope(rawValue: value) else {
                        throw line.fail(
                            ru: "scope=\(value): ожидается all, state или recommended",
                            en: "scope=\(value): expected all, state or recommended")
                    }
                    scope = s
                case "from", "to":
                    guard let v = Int(value), YearSpan.supportedYears.contains(v) else {
                        throw line.fail(
                            LocalizedText(verbatim: "\(key)=\(value): ")
                                + LocalizedText(ru: "ожидается ", en: "expected ") + YearSpan.acceptedYears)
                    }
                    if key == "from" { from = v } else { to = v }
                default:
                    throw line.fail(
                        ru: "неизвестный параметр «\(key)»; ожидается days=, scope=, from=, to=",
                        en: "unknown option '\(key)'; expected days=, scope=, from=, to=")
                }
                i += 1
            }
            if let from, let to, to < from {
                throw line.fail(ru: "to=\(to) раньше, чем from=\(from)", en: "to=\(to) is before from=\(from)")
            }
            return (span, scope, YearSpan(from: from, through: to), i)
        }
        switch line.keyword {
        case "name": r.name = line.rest
        case "alias": r.aliases.append(line.rest)
        case "capital":
            guard !line.rest.isEmpty else {
                throw line.fail(ru: "у «capital» нужно название города", en: "'capital' needs a city name")
            }
            r.capitals.append(RegionCapital(name: line.rest, citation: try line.requiredCitation()))
        case "base":
            r.base = try line.field(0, LocalizedText(ru: "идентификатор базового календаря", en: "a base calendar id"))
        case "weekend-policy":
            let years = try line.yearSpan(0)
            let p = try line.field(2, LocalizedText(ru: "правило выходных", en: "a policy"))
            guard let policy = WeekendPolicy(rawValue: p) else {
                throw line.fail(
                    ru: "«\(p)» — не правило выходных; ожидается keep, next-working или per-act",
                    en: "'\(p)' is not a weekend policy; expected keep, next-working or per-act")
            }
            r.weekendPolicies.append(
                WeekendPolicyRule(years: years, policy: policy, citation: try line.requiredCitation()))
        case "holiday":
            let kindText = try line.field(0, LocalizedText(ru: "вид правила", en: "a rule kind"))
            guard let kind = HolidayRuleKind(rawValue: kindText) else {
                throw line.fail(
                    ru: "«\(kindText)» — не вид правила; ожидается fixed, islamic, easter или lunar",
                    en: "'\(kindText)' is not a rule kind; expected fixed, islamic, easter or lunar")
            }
            let spec = try line.field(1, LocalizedText(ru: "дата правила", en: "the rule's date"))
            var month = 0
            var day = 0
            var offset = 0
            if kind == .easter {
                guard let v = Int(spec.hasPrefix("+") ? String(spec.dropFirst()) : spec), (-60...60).contains(v) else {
                    throw line.fail(
                        ru: "«\(spec)» — не смещение от Пасхи; ожидается, например, +9",
                        en: "'\(spec)' is not an Easter offset; expected +9")
                }
                offset = v
            } else {
                let md = spec.split(separator: "-")
                guard md.count == 2, let m = Int(md[0]), let d = Int(md[1]), (1...13).contains(m), (1...31).contains(d)
                else {
                    throw line.fail(
                        ru: "«\(spec)» — не месяц и день; ожидается ММ-ДД",
                        en: "'\(spec)' is not a month-day; expected MM-DD")
                }
                month = m
                day = d
            }
            let o = try options(from: 2)
            let name = line.text(after: o.nameStart)
            guard !name.isEmpty else {
                throw line.fail(ru: "у «holiday» нужно название", en: "'holiday' needs a name")
            }
            r.rules.append(
                RegionalHolidayRule(
                    kind: kind, month: month, day: day, offset: offset, span: o.span, scope: o.scope,
                    years: o.years, name: name, citation: try line.requiredCitation()))
        case "year":
            let y = try line.int(0, LocalizedText(ru: "год", en: "a year"), in: 1990...2200)
            if r.years[y] == nil { r.years[y] = RegionYear(year: y) }
            year = y
        case "act", "dayoff", "swap", "transfer":
            guard let y = year else {
                throw line.fail(
                    ru: "«\(line.keyword)» вне блока «year»", en: "'\(line.keyword)' outside a 'year' block")
            }
            switch line.keyword {
            case "act": r.years[y]!.acts.append(line.rest)
            case "dayoff":
                let d = try line.date(0, inYear: y)
                let o = try options(from: 1)
                let name = line.text(after: o.nameStart)
                guard !name.isEmpty else {
                    throw line.fail(ru: "у «dayoff» нужно название", en: "'dayoff' needs a name")
                }
                r.years[y]!.daysOff.append(
                    RegionalDayOff(date: d, scope: o.scope, name: name, citation: try line.requiredCitation()))
            default:
                let a = try line.date(0)
                let b = try line.date(1)
                let move = RegionalMove(from: a, to: b, citation: try line.requiredCitation())
                if line.keyword == "swap" { r.years[y]!.swaps.append(move) } else { r.years[y]!.transfers.append(move) }
            }
        default:
            throw line.fail(
                ru:
                    "неизвестная директива «\(line.keyword)»; ожидается name, alias, capital, base, weekend-policy, holiday, year, act, dayoff, swap или transfer",
                en:
                    "unknown directive '\(line.keyword)'; expected name, alias, capital, base, weekend-policy, holiday, year, act, dayoff, swap or transfer"
            )
        }
    }
}
