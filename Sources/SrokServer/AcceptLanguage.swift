import Hummingbird
import Srok

extension Language {
    /// The language an `Accept-Language` header prefers among Russian and English: the one with the
    /// higher quality (`en;q=0.9, ru;q=0.5` is English), Russian when the header is absent, names
    /// neither, or ranks them equally.
    public init(acceptLanguage header: String?) {
        var ru: Double = -1
        var en: Double = -1
        for item in (header ?? "").split(separator: ",") {
            let parts = item.split(separator: ";")
            guard let tag = parts.first?.trimmingCharacters(in: " \t").lowercased() else { continue }
            var q = 1.0
            for p in parts.dropFirst() {
                let kv = p.trimmingCharacters(in: " \t")
                if kv.hasPrefix("q="), let v = Double(kv.dropFirst(2)), (0...1).contains(v) { q = v }
            }
            let primary = tag.split(separator: "-").first.map(String.init) ?? tag
            if primary == "ru" {
                ru = max(ru, q)
            } else if primary == "en" {
                en = max(en, q)
            } else if tag == "*" {
                ru = max(ru, q)
            }
        }
        self = en > 0 && en > ru ? .en : .ru
    }
}

extension Request {
    /// The language the request's `Accept-Language` asks for (Russian by default): of the answers'
    /// texts (`*_text`, `term_source`, names and acts) as well as of problems.
    var language: Language { Language(acceptLanguage: headers[.acceptLanguage]) }
}

extension StringProtocol {
    /// The text without leading and trailing characters of `set`.
    func trimmingCharacters(in set: String) -> String {
        var s = Substring(self)
        while let c = s.first, set.contains(c) { s = s.dropFirst() }
        while let c = s.last, set.contains(c) { s = s.dropLast() }
        return String(s)
    }
}
