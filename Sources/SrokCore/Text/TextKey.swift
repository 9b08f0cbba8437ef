/// Normalises names for matching: lower case, ё→е, runs of spaces folded, trimmed.
package enum TextKey {
    /// The matching key of `text`.
    package static func normalize(_ text: String) -> String {
        var out = ""
        var pendingSpace = false
        for ch in text.lowercased() {
            if ch == " " || ch == "\t" || ch == "\u{00A0}" || ch == "\n" || ch == "\r" {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace {
                out.append(" ")
                pendingSpace = false
            }
            out.append(ch == "ё" ? "е" : ch)
        }
        return out
    }
}
