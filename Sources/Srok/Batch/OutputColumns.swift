/// The batch output columns, selectable and orderable with `--columns`.
public enum OutputColumn: String, Sendable, CaseIterable {
    /// The input's id.
    case id
    /// The last day of the term (YYYY-MM-DD, local).
    case dueDate = "due_date"
    /// The due time (ISO 8601 with offset).
    case due
    /// Planned due time of moderation.
    case moderationDue = "moderation_due"
    /// Planned due time of coordination.
    case coordinationDue = "coordination_due"
    /// Planned due time of execution.
    case executionDue = "execution_due"
    /// Planned due time of approval.
    case approvalDue = "approval_due"
    /// Planned due time of final approval (the total).
    case finalApprovalDue = "final_approval_due"
    /// The current stage.
    case stage
    /// When the current stage's budget runs out.
    case stageDue = "stage_due"
    /// ok, approaching, overdue or closed.
    case status
    /// Minutes until the due time (negative when late).
    case remainingMinutes = "remaining_minutes"
    /// Minutes past the due time.
    case overdueMinutes = "overdue_minutes"
    /// How the last day was moved (`preceding:2024-04-29>2024-04-27`), empty if not.
    case rolled
    /// The term in days.
    case term
    /// The profile used.
    case profile
    /// The calendar used.
    case region
    /// The zone used.
    case tz
    /// Registration, normalised.
    case registeredAt = "registered_at"
    /// The current stage's state.
    case stageStatus = "stage_status"
    /// Minutes used in the current stage.
    case stageUsedMinutes = "stage_used_minutes"
    /// Whether the dates rest on provisional calendar data.
    case provisional
    /// The organisation.
    case organisation

    /// The default selection.
    public static let defaults: [OutputColumn] = [.id, .dueDate, .due, .moderationDue, .coordinationDue, .executionDue,
                                                  .approvalDue, .finalApprovalDue, .stage, .stageDue, .status,
                                                  .remainingMinutes, .overdueMinutes, .rolled]

    /// Parses `id,due_date,…`.
    public static func parse(_ text: String) throws(SrokError) -> [OutputColumn] {
        var out: [OutputColumn] = []
        for name in text.split(separator: ",") {
            guard let c = OutputColumn(rawValue: name.trimmingSpaces) else {
                throw .invalidValue(field: "--columns", value: String(name), expected: "column names from: " + allCases.map(\.rawValue).joined(separator: ", "))
            }
            out.append(c)
        }
        guard !out.isEmpty else { throw .invalidValue(field: "--columns", value: text, expected: "at least one column") }
        return out
    }
}

/// Byte-level output helpers: ISO 8601 and integers without Foundation's formatters. Callers
/// reserve room first (a row reserves generously once).
enum ByteFormat {
    /// "00" … "99".
    static let pairs: StaticString = "00010203040506070809101112131415161718192021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899"

    @inline(__always) static func two(_ v: Int, into o: inout ByteSink) {
        let p = pairs.utf8Start + 2 * v
        o.append(p[0]); o.append(p[1])
    }

    /// `YYYY-MM-DD`.
    @inline(__always) static func date(_ d: CivilDate, into o: inout ByteSink) {
        // The stage due times of one row fall on a few days: remember the last conversion.
        let (y, m, day): (Int, Int, Int)
        if d == o.lastDate { (y, m, day) = o.lastComponents } else {
            (y, m, day) = d.components
            o.lastDate = d; o.lastComponents = (y, m, day)
        }
        o.append(UInt8(truncatingIfNeeded: 0x30 + y / 1000)); o.append(UInt8(truncatingIfNeeded: 0x30 + y / 100 % 10)); two(y % 100, into: &o)
        o.append(0x2D); two(m, into: &o); o.append(0x2D); two(day, into: &o)
    }

    /// `YYYY-MM-DDTHH:MM:SS+HH:MM` in `zone`.
    @inline(__always) static func instant(_ i: Instant, zone: ZoneRules, into o: inout ByteSink) {
        let offset = zone.offset(at: i)
        let l = LocalDateTime(instant: i, offsetSeconds: offset)
        date(l.date, into: &o)
        let s = Int(l.secondOfDay)
        o.append(0x54); two(s / 3600, into: &o); o.append(0x3A); two(s / 60 % 60, into: &o); o.append(0x3A); two(s % 60, into: &o)
        let a = abs(offset)
        o.append(offset < 0 ? 0x2D : 0x2B); two(a / 3600, into: &o); o.append(0x3A); two(a / 60 % 60, into: &o)
    }

    /// A decimal integer.
    @inline(__always) static func int(_ v: Int, into o: inout ByteSink) {
        if v < 0 { o.append(0x2D) }
        var x = v.magnitude
        var digits = 1
        var p: UInt = 10
        while x >= p && digits < 19 { digits += 1; p &*= 10 }
        var k = digits
        // Write right to left into the reserved room.
        o.reserve(digits)
        let start = o.count
        for _ in 0..<digits { o.append(0x30) }
        let base = o.base
        while k > 0 { k -= 1; base[start + k] = UInt8(truncatingIfNeeded: 0x30 + x % 10); x /= 10 }
    }

    /// Bytes as a CSV field (quoted when needed) or a JSON string.
    static func text(_ s: UnsafeBufferPointer<UInt8>, csvDelimiter: UInt8?, into o: inout ByteSink) {
        o.reserve(s.count * 6 + 2)
        if let d = csvDelimiter {
            let needs = s.contains { $0 == d || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
            if !needs { for c in s { o.append(c) }; return }
            o.append(0x22)
            for c in s { if c == 0x22 { o.append(0x22) }; o.append(c) }
            o.append(0x22)
        } else {
            o.append(0x22)
            let hex: StaticString = "0123456789abcdef"
            for c in s {
                switch c {
                case 0x22: o.append(0x5C); o.append(0x22)
                case 0x5C: o.append(0x5C); o.append(0x5C)
                case 0x0A: o.append(0x5C); o.append(0x6E)
                case 0x0D: o.append(0x5C); o.append(0x72)
                case 0x09: o.append(0x5C); o.append(0x74)
                case 0..<0x20:
                    o.append(0x5C); o.append(0x75); o.append(0x30); o.append(0x30)
                    o.append(hex.utf8Start[Int(c >> 4)]); o.append(hex.utf8Start[Int(c & 15)])
                default: o.append(c)
                }
            }
            o.append(0x22)
        }
    }

    static func text(_ s: String, csvDelimiter: UInt8?, into o: inout ByteSink) {
        var s = s
        s.withUTF8 { text($0, csvDelimiter: csvDelimiter, into: &o) }
    }

    /// ASCII text that needs no escaping.
    @inline(__always) static func ascii(_ s: StaticString, into o: inout ByteSink) {
        o.append(UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
    }
}
