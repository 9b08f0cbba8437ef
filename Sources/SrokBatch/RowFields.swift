import SrokCore

/// The fields of one input row, whatever the format: a byte range per known column in a scratch
/// buffer the reader owns, plus the header names for messages. Fixed storage, written per row
/// without copy-on-write checks.
struct RowFields: ~Copyable {
    /// A range per slot; an empty one for an absent column (read back as nil).
    private let storage: UnsafeMutablePointer<Range<Int>>
    private static var count: Int { InputColumn.allCases.count }
    /// The column names as the input wrote them (for reject messages).
    var names: [String] = InputColumn.allCases.map(\.rawValue)

    init() {
        storage = .allocate(capacity: Self.count)
        storage.initialize(repeating: 0..<0, count: Self.count)
    }

    deinit { storage.deallocate() }

    /// The byte range of the column in `slot` (``InputColumn/slot``); nil when absent or empty.
    @inline(__always) subscript(slot: Int) -> Range<Int>? {
        get {
            let r = storage[slot]
            return r.isEmpty ? nil : r
        }
        nonmutating set { storage[slot] = newValue ?? 0..<0 }
    }

    /// Forgets every range.
    func clear() { storage.update(repeating: 0..<0, count: Self.count) }
}

/// A row parsed from bytes without creating strings: the values, plus the raw bytes of the
/// columns that select an engine or a fast-track (resolved through the worker's caches).
struct ParsedRow {
    var id: UnsafeBufferPointer<UInt8>
    var registered: Timestamp
    var termDays: Int?
    var fastTrackDays: Int?
    /// Marked fast-track without days («Фаст-трек: Да»): the catalogue decides by category.
    var fastTrackMarked = false
    var regime: Regime?
    var stage: Stage?
    var stageEnteredAt: Timestamp?
    /// The «Отложено» dates as written (`d1;d2`: checked, read into the history by ``RowParser/postponements(_:into:)``).
    var postponements: UnsafeBufferPointer<UInt8>?
    var extensionDays: Int?
    var closedAt: Timestamp?
    var profile: UnsafeBufferPointer<UInt8>?
    var region: UnsafeBufferPointer<UInt8>?
    var tz: UnsafeBufferPointer<UInt8>?
    var category: UnsafeBufferPointer<UInt8>?
    var subcategory: UnsafeBufferPointer<UInt8>?
    var organisation: UnsafeBufferPointer<UInt8>?
    /// The type of answer (Тип решения).
    var outcome: Outcome?
    /// The reason of «Отклонено».
    var rejectionReason: UnsafeBufferPointer<UInt8>?
    /// The platform's planned date (Дата планируемого завершения работ).
    var posPlannedDate: CivilDate?
}

/// Turns row fields into a ``ParsedRow``, with precise errors.
enum RowParser {
    /// ASCII-lowercase equality of `b` and `literal` (ASCII).
    @inline(__always) static func equals(_ b: UnsafeBufferPointer<UInt8>, _ literal: StaticString) -> Bool {
        guard b.count == literal.utf8CodeUnitCount else { return false }
        let p = literal.utf8Start
        for i in 0..<b.count {
            var c = b[i]
            if c >= 0x41 && c <= 0x5A { c |= 0x20 }
            if c != p[i] { return false }
        }
        return true
    }

    /// The stage codes, matched a word at a time.
    private enum Keyword {
        static let moderation = ASCIIKeyword("moderation")
        static let coordination = ASCIIKeyword("coordination")
        static let execution = ASCIIKeyword("execution")
        static let approval = ASCIIKeyword("approval")
        static let finalApproval = ASCIIKeyword("final-approval")
        static let finalApprovalUnderscore = ASCIIKeyword("final_approval")
    }

    static func parse(_ f: borrowing RowFields, bytes b: UnsafeBufferPointer<UInt8>) throws(BatchRowError) -> ParsedRow
    {
        @inline(__always) func bytes(_ c: InputColumn) -> UnsafeBufferPointer<UInt8>? {
            guard let r = f[c.slot], let base = b.baseAddress else { return nil }
            var lo = r.lowerBound
            var hi = r.upperBound
            // Spaces and tabs around a value are not part of it; an end with a byte above 0x20
            // (the usual case) has none to trim.
            if base[lo] <= 0x20 { while lo < hi, base[lo] == 0x20 || base[lo] == 0x09 { lo &+= 1 } }
            if lo < hi, base[hi &- 1] <= 0x20 {
                while hi > lo, base[hi &- 1] == 0x20 || base[hi &- 1] == 0x09 { hi &-= 1 }
            }
            return lo == hi ? nil : UnsafeBufferPointer(start: base + lo, count: hi &- lo)
        }
        func name(_ c: InputColumn) -> String { f.names[c.slot] }
        func string(_ c: InputColumn) -> String? { bytes(c).map { String(decoding: $0, as: UTF8.self) } }
        func fail(_ c: InputColumn, _ reason: LocalizedText) -> BatchRowError {
            BatchRowError(column: name(c), value: string(c) ?? "", reason: reason)
        }
        func fail(_ c: InputColumn, ru: String, en: String) -> BatchRowError {
            fail(c, LocalizedText(ru: ru, en: en))
        }
        func int(_ v: UnsafeBufferPointer<UInt8>, _ c: InputColumn, _ range: ClosedRange<Int>, _ what: LocalizedText)
            throws(BatchRowError) -> Int
        {
            var n = 0
            for ch in v {
                let d = ch &- 0x30
                guard d <= 9, n < 100_000 else {
                    throw fail(
                        c,
                        ru: "не \(what.ru): ожидается целое число \(range.lowerBound)–\(range.upperBound)",
                        en: "not \(what.en): expected a whole number \(range.lowerBound)–\(range.upperBound)")
                }
                n = n * 10 + Int(d)
            }
            guard range.contains(n) else {
                throw fail(
                    c,
                    ru: "\(n) вне допустимого: ожидается \(what.ru) \(range.lowerBound)–\(range.upperBound)",
                    en: "\(n) is out of range: expected \(what.en) \(range.lowerBound)–\(range.upperBound)")
            }
            return n
        }
        func timestamp(_ c: InputColumn) throws(BatchRowError) -> Timestamp? {
            guard let v = bytes(c) else { return nil }
            guard let t = Timestamp.parse(v) else {
                throw fail(
                    c,
                    LocalizedText(ru: "не дата и не время; ожидается ", en: "not a date or time; expected ")
                        + Timestamp.refusal(for: String(decoding: v, as: UTF8.self)))
            }
            return t
        }
        guard let idBytes = bytes(.id) else {
            throw fail(.id, ru: "номер пуст; он нужен в каждой строке", en: "the id is empty; every row needs one")
        }
        guard let registered = try timestamp(.registeredAt) else {
            throw fail(
                .registeredAt,
                LocalizedText(
                    ru: "пусто; в каждой строке нужно время регистрации (",
                    en: "empty; every row needs its registration time (") + Timestamp.acceptedForms + ")")
        }
        var m = ParsedRow(id: idBytes, registered: registered)
        if let v = bytes(.termDays) {
            m.termDays = try int(v, .termDays, 1...366, LocalizedText(ru: "срок в днях", en: "a term in days"))
        }
        if let ft = bytes(.fastTrackDays) {
            if ft.allSatisfy({ $0 &- 0x30 <= 9 }) {
                m.fastTrackDays = try int(
                    ft, .fastTrackDays, 1...366,
                    LocalizedText(
                        ru: "срок фаст-трека в днях (или да/нет)", en: "a fast-track term in days (or да/нет)"))
            } else {
                switch TextKey.normalize(String(decoding: ft, as: UTF8.self)) {
                case "нет", "no", "false", "-": break
                case "да", "yes", "true": m.fastTrackMarked = true  // the catalogue decides by category
                default:
                    throw fail(
                        .fastTrackDays, ru: "не фаст-трек: ожидается число дней или да/нет",
                        en: "not a fast-track: expected a number of days or да/нет")
                }
            }
        }
        if let r = bytes(.regime) {
            // ASCII fast path; the export's labels next; every other spelling goes to the shared parser.
            if equals(r, "message") {
                m.regime = .message
            } else if equals(r, "appeal") {
                m.regime = .appeal
            } else {
                let text = String(decoding: r, as: UTF8.self)
                if let label = exportRegime(text) {
                    m.regime = label
                } else {
                    do { m.regime = try Regime(parsing: text, field: name(.regime)) } catch {
                        throw fail(
                            .regime,
                            error.localized
                                + LocalizedText(
                                    ru: "; в выгрузке ПОС в «ФЗ» пишут «Обычное сообщение» или пометку 59-ФЗ",
                                    en: "; the POS platform's export has «Обычное сообщение» or a 59-ФЗ label in «ФЗ»"))
                    }
                }
            }
        }
        if let c = bytes(.appealChosen) {
            // «Заявитель выбрал подачу по 59-ФЗ»: Да/Нет. The applicant's choice makes an appeal
            // (seed 000 раздел 1, seed 001 п. 2 «б»): appeal when either column says 59-ФЗ.
            let chosen: Regime
            switch TextKey.normalize(String(decoding: c, as: UTF8.self)) {
            case "да", "yes", "true", "1": chosen = .appeal
            case "нет", "no", "false", "0": chosen = .message
            default:
                throw fail(
                    .appealChosen, ru: "не Да/Нет: ожидается Да (заявитель выбрал 59-ФЗ) или Нет",
                    en: "not Да/Нет: expected Да (the applicant chose Federal Law 59-FZ) or Нет")
            }
            if chosen == .appeal || m.regime == nil { m.regime = chosen }
        }
        if let s = bytes(.stage) {
            // ASCII codes by length first, then one comparison; every other spelling goes to the shared parser.
            switch s.count {
            case 10 where Keyword.moderation.matches(s): m.stage = .moderation
            case 12 where Keyword.coordination.matches(s): m.stage = .coordination
            case 9 where Keyword.execution.matches(s): m.stage = .execution
            case 8 where Keyword.approval.matches(s): m.stage = .approval
            case 14 where Keyword.finalApproval.matches(s) || Keyword.finalApprovalUnderscore.matches(s):
                m.stage = .finalApproval
            default:
                let text = String(decoding: s, as: UTF8.self)
                if Stage.isClosedName(text) {
                    guard bytes(.closedAt) != nil else {
                        throw fail(
                            .stage, ru: "стадия говорит «завершено», но closed_at пусто",
                            en: "the stage says closed but closed_at is empty")
                    }
                } else {
                    do { m.stage = try Stage(parsing: text, field: name(.stage)) } catch {
                        throw fail(.stage, error.localized)
                    }
                }
            }
        }
        m.stageEnteredAt = try timestamp(.stageEnteredAt)
        if let p = bytes(.postponedUntil) {
            var ok = true
            forEachDate(p) { if $0 == nil { ok = false } }
            guard ok else {
                throw fail(
                    .postponedUntil,
                    LocalizedText(ru: "не дата; ожидается ", en: "not a date; expected ") + CivilDate.acceptedForms
                        + LocalizedText(
                            ru: ", несколько — через «;» (по порядку)", en: ", several separated by ';' (in order)"))
            }
            m.postponements = p
        }
        if let o = bytes(.outcome) {
            do { m.outcome = try Outcome(parsing: String(decoding: o, as: UTF8.self), field: name(.outcome)) } catch {
                throw fail(.outcome, error.localized)
            }
        }
        m.rejectionReason = bytes(.rejectionReason)
        if let d = bytes(.posPlannedDate) {
            guard let date = CivilDate.parse(bytes: d) ?? Timestamp.parse(d).flatMap(Self.localDate) else {
                throw fail(
                    .posPlannedDate,
                    LocalizedText(ru: "не дата; ожидается ", en: "not a date; expected ")
                        + CivilDate.refusal(for: String(decoding: d, as: UTF8.self)))
            }
            m.posPlannedDate = date
        }
        if let v = bytes(.extensionDays) {
            m.extensionDays = try int(
                v, .extensionDays, 1...30,
                LocalizedText(
                    ru: "продление в днях (59-ФЗ ст. 12 ч. 2)",
                    en: "an extension in days (Federal Law 59-FZ art. 12 part 2)"))
        }
        m.closedAt = try timestamp(.closedAt)
        m.organisation = bytes(.organisation)
        m.profile = bytes(.profile)
        m.region = bytes(.region)
        m.tz = bytes(.tz)
        m.category = bytes(.category)
        m.subcategory = bytes(.subcategory)
        return m
    }

    /// The local date of a timestamp written with a time (`dd.mm.yyyy hh:mm`): the platform's
    /// planned date is a day; an instant keeps the date it was written with.
    private static func localDate(_ t: Timestamp) -> CivilDate? {
        switch t {
        case .local(let l): l.date
        default: nil
        }
    }

    /// The ПОС export's «ФЗ» labels: «Обычное сообщение» is a message; a text naming 59-ФЗ
    /// («59-ФЗ», «Обращение по 59-ФЗ») an appeal; nil for anything else.
    static func exportRegime(_ text: String) -> Regime? {
        let k = TextKey.normalize(text)
        if k == "обычное сообщение" { return .message }
        if k.contains("59-фз") || k.contains("59 фз") || k.contains("59фз") { return .appeal }
        return nil
    }

    /// Calls `body` with each `;`-separated date of `b` (nil for a part that is not a date),
    /// without allocating.
    @inline(__always) static func forEachDate(_ b: UnsafeBufferPointer<UInt8>, _ body: (CivilDate?) -> Void) {
        var start = 0
        while start <= b.count {
            var end = start
            while end < b.count, b[end] != 0x3B { end += 1 }
            var lo = start
            var hi = end
            while lo < hi, b[lo] == 0x20 || b[lo] == 0x09 { lo += 1 }
            while hi > lo, b[hi - 1] == 0x20 || b[hi - 1] == 0x09 { hi -= 1 }
            body(CivilDate.parse(bytes: UnsafeBufferPointer(rebasing: b[lo..<hi])))
            start = end + 1
        }
    }

    /// Appends the row's «Отложено» dates (checked by ``parse(_:bytes:)``) to `dates`, in order.
    @inline(__always) static func postponements(_ b: UnsafeBufferPointer<UInt8>?, into dates: inout [CivilDate]) {
        guard let b else { return }
        forEachDate(b) { if let d = $0 { dates.append(d) } }
    }
}
