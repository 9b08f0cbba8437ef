import SrokCore

/// Durations as a report shows them beside their minutes: «2 дня 4 часа», «5 часов 10 минут»,
/// «просрочено на 1 день 3 часа» (`2 days 4 hours` in English).
///
/// Days are calendar days of 24 hours (the minutes columns count wall-clock time). From one day
/// up the text gives days and hours (the minutes are in the number beside it); below a day,
/// hours and minutes; parts that are zero are left out, and zero is «0 минут». The Russian forms
/// come from ICU's plural rules (``RussianText``: 1 день, 2 дня, 5 дней, 21 день), looked up once
/// per number and kept, so a long report asks ICU a few hundred times at most. Not thread-safe:
/// one per report writer.
final class XLSXDurationText {
    private let language: Language
    private let plural: RussianText?
    /// The words of each number of days, hours and minutes asked so far («5 дней»).
    private var days: [Int: [UInt8]] = [:]
    private var hours: [[UInt8]?] = Array(repeating: nil, count: 24)
    private var minutes: [[UInt8]?] = Array(repeating: nil, count: 60)
    private var scratch: [UInt8] = []
    /// Parts of the current text written so far.
    private var parts = 0

    /// Texts in `language` (Russian needs ICU's plural rules; without them the English forms are used).
    init(language: Language) {
        self.language = language
        plural = language == .ru ? try? RussianText() : nil
        scratch.reserveCapacity(64)
    }

    /// Calls `body` with the UTF-8 text of `minutes` in `style`.
    func withText<R>(_ minutes: Int, _ style: XLSXDurationStyle, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        scratch.removeAll(keepingCapacity: true)
        parts = 0
        let magnitude = minutes.magnitude > UInt(Int.max / 2) ? Int.max / 2 : Int(minutes.magnitude)
        if minutes < 0 {
            switch style {
            case .remaining: scratch.append(contentsOf: (plural != nil ? "просрочено на " : "overdue by ").utf8)
            case .plain: scratch.append(contentsOf: "−".utf8)
            }
        }
        let d = magnitude / 1440
        let h = magnitude % 1440 / 60
        let m = magnitude % 60
        if d > 0 {
            append(dayWords(d))
            if h > 0 { append(hourWords(h)) }
        } else if h > 0 {
            append(hourWords(h))
            if m > 0 { append(minuteWords(m)) }
        } else {
            append(minuteWords(m))
        }
        return scratch.withUnsafeBufferPointer(body)
    }

    /// The text of `minutes` in `style` as a string (tests and the width measure).
    func text(_ minutes: Int, _ style: XLSXDurationStyle) -> String {
        withText(minutes, style) { String(decoding: $0, as: UTF8.self) }
    }

    /// Appends the words of one part, after a space when a part is there already.
    private func append(_ words: [UInt8]) {
        if parts > 0 { scratch.append(0x20) }
        parts += 1
        scratch.append(contentsOf: words)
    }

    private func dayWords(_ n: Int) -> [UInt8] {
        if let w = days[n] { return w }
        let w = Array(words(n, one: "день", few: "дня", many: "дней", english: "day").utf8)
        if days.count < 4096 { days[n] = w }
        return w
    }

    private func hourWords(_ n: Int) -> [UInt8] {
        if let w = hours[n] { return w }
        let w = Array(words(n, one: "час", few: "часа", many: "часов", english: "hour").utf8)
        hours[n] = w
        return w
    }

    private func minuteWords(_ n: Int) -> [UInt8] {
        if let w = minutes[n] { return w }
        let w = Array(words(n, one: "минута", few: "минуты", many: "минут", english: "minute").utf8)
        minutes[n] = w
        return w
    }

    /// «n» and the noun's form for it.
    private func words(_ n: Int, one: String, few: String, many: String, english: String) -> String {
        if let plural { return plural.count(n, one: one, few: few, many: many) }
        return "\(n) \(english)\(n == 1 ? "" : "s")"
    }
}
