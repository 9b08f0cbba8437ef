/// A region an unknown region text may have meant: the text is its capital, part of its name, or
/// a name or code one or two typing errors away.
public struct RegionSuggestion: Sendable, Hashable, CustomStringConvertible {
    /// The ISO 3166-2 code (`RU-TA`).
    public var code: String
    /// The official name (`Республика Татарстан`).
    public var name: String
    /// The capital the text named (or nearly named), when that is why the region is suggested.
    public var capital: String?

    /// `RU-TA (Республика Татарстан, центр — Казань)`; `RU-TA (Республика Татарстан)`.
    public var description: String { text(.ru) }

    /// The suggestion in `lang`: `RU-TA (Республика Татарстан, центр — Казань)`, in English
    /// `RU-TA (Республика Татарстан, capital Казань)` (the names are the data's, in Russian).
    public func text(_ lang: Language) -> String {
        let what = [name.isEmpty ? nil : name, capital.map { lang == .ru ? "центр — \($0)" : "capital \($0)" }]
            .compactMap { $0 }
        return what.isEmpty ? code : "\(code) (\(what.joined(separator: ", ")))"
    }

    /// The suggestion in both languages.
    public var localized: LocalizedText { LocalizedText(ru: text(.ru), en: text(.en)) }
}

extension RegionCatalog {
    /// The regions `text` (not a code or name the catalogue accepts) may mean, best first, at most
    /// `limit`: those whose capital it is (`Казань` → RU-TA); else those whose name, alias or
    /// capital contains it or is contained in it as a word (`Башкир` → RU-BA); else those whose code,
    /// name, alias or capital is closest to it within a few typing errors (`Татарстн` → RU-TA;
    /// one error for up to 5 letters, two up to 9, three beyond; codes one).
    public func suggestions(for text: String, limit: Int = 5) -> [RegionSuggestion] {
        let key = Array(TextKey.normalize(text))
        guard !key.isEmpty else { return [] }
        let all = regions.values.sorted { $0.code < $1.code }
        func suggestion(_ r: RegionDefinition, capital: String? = nil) -> RegionSuggestion {
            RegionSuggestion(code: r.code, name: r.name, capital: capital)
        }
        let byCapital = all.compactMap { r in
            r.capitals.first { Array(TextKey.normalize($0.name)) == key }.map { suggestion(r, capital: $0.name) }
        }
        if !byCapital.isEmpty { return Array(byCapital.prefix(limit)) }

        let keyText = String(key)
        if key.count >= 3 {
            let containing = all.compactMap { r -> RegionSuggestion? in
                for c in r.capitals where Self.overlaps(keyText, TextKey.normalize(c.name)) {
                    return suggestion(r, capital: c.name)
                }
                let names = [r.name] + r.aliases
                return names.contains { Self.overlaps(keyText, TextKey.normalize($0)) } ? suggestion(r) : nil
            }
            // A part shared by many names (`область`) tells nothing: then only typing errors.
            if (1...limit).contains(containing.count) { return containing }
        }

        let allowed = key.count <= 5 ? 1 : key.count <= 9 ? 2 : 3
        var scored: [(distance: Int, suggestion: RegionSuggestion)] = []
        for r in all {
            var best: (distance: Int, capital: String?)?
            func consider(_ candidate: String, capital: String? = nil, allowed: Int) {
                let d = Self.distance(key, Array(TextKey.normalize(candidate)), limit: allowed)
                if d <= allowed, d < (best?.distance ?? Int.max) { best = (d, capital) }
            }
            consider(r.code, allowed: 1)
            for n in [r.name] + r.aliases { consider(n, allowed: allowed) }
            for c in r.capitals { consider(c.name, capital: c.name, allowed: allowed) }
            if let best { scored.append((best.distance, suggestion(r, capital: best.capital))) }
        }
        return scored.sorted { ($0.distance, $0.suggestion.code) < ($1.distance, $1.suggestion.code) }
            .prefix(limit).map(\.suggestion)
    }

    /// Whether `key` is a word-bounded part of `name` (`татарстан` in `республика татарстан`, or a
    /// prefix of a word: `башкир` in `башкирия`), or `name` (4 letters or more) is one of `key`'s words
    /// (`город казань` holds `казань`).
    static func overlaps(_ key: String, _ name: String) -> Bool {
        func words(_ s: String) -> [Substring] { s.split(whereSeparator: { $0 == " " || $0 == "-" }) }
        let nameWords = words(name)
        let keyWords = words(key)
        if key.count >= 3, !keyWords.isEmpty {
            // The key's words are consecutive words of the name, the last one a prefix.
            let n = keyWords.count
            if n <= nameWords.count {
                for start in 0...(nameWords.count - n) {
                    let window = nameWords[start..<(start + n)]
                    if zip(window.dropLast(), keyWords.dropLast()).allSatisfy({ $0 == $1 }),
                        window.last!.hasPrefix(keyWords.last!)
                    {
                        return true
                    }
                }
            }
        }
        return name.count >= 4 && key.count > name.count && (" " + key + " ").contains(" " + name + " ")
    }

    /// The optimal-string-alignment distance between `a` and `b` (insertions, deletions,
    /// substitutions and swaps of neighbours, one each), or `limit + 1` as soon as it exceeds `limit`.
    static func distance(_ a: [Character], _ b: [Character], limit: Int) -> Int {
        if abs(a.count - b.count) > limit { return limit + 1 }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMin = current[0]
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var v = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { v = min(v, previous2[j - 2] + 1) }
                current[j] = v
                rowMin = min(rowMin, v)
            }
            if rowMin > limit { return limit + 1 }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[b.count]
    }
}
