/// A checked intra-stage control point (seeds: coordinator within 3 days, executor within 3/7
/// days, redirect approval within 2 working days, contact the applicant the same day, inform the
/// head within a working day; 59-ФЗ redirect and registration).
public struct ControlCheck: Hashable, Sendable {
    /// The deadline (its term runs from the event ``ControlKind`` names: the arrival at the
    /// stage, registration, receipt).
    public var deadline: Instant
    /// When it was met, if it was.
    public var metAt: Instant?
    /// Which control.
    public var kind: ControlKind
    /// `ok` (met in time or still running in time) or `overdue` (missed or running late).
    public var state: SLAState

    /// Creates a check.
    public init(kind: ControlKind, deadline: Instant, metAt: Instant?, state: SLAState) {
        self.kind = kind
        self.deadline = deadline
        self.metAt = metAt
        self.state = state
    }

    /// Whether the control is still open (not met) and not yet late: it has a deadline ahead.
    public var isRunning: Bool { metAt == nil && state != .overdue }
}

/// The control checks of one status: at most one per ``ControlKind`` (the latest visit), held
/// inline — building, reading and copying them allocates nothing, so a batch can evaluate every
/// row's controls on its hot path. A collection of ``ControlCheck`` in ``ControlKind`` order.
///
/// For a batch row: ``next`` is the earliest deadline still running (`next_control`,
/// `next_control_due`), ``overdueCount`` and iterating with `where $0.state == .overdue` give
/// `controls_overdue_count` and `overdue_controls`.
public struct ControlChecks: Collection, Hashable, Sendable {
    /// One check without its kind (the slot says it) and state (a bit says it): 16 bytes, 128 for
    /// all eight. `met` is `Int64.min` when the control was not met.
    private struct Slot: Sendable {
        var deadline: Int64, met: Int64
    }
    private var s0, s1, s2, s3, s4, s5, s6, s7: Slot
    /// Bit `k` set: the check of the kind with ordinal `k` is present.
    public private(set) var present: UInt8 = 0
    /// Bit `k` set: the check of ordinal `k` is overdue.
    private var overdue: UInt8 = 0

    /// No checks.
    public init() {
        // The empty slots are never read: `present` says which are filled.
        let empty = Slot(deadline: 0, met: .min)
        s0 = empty
        s1 = empty
        s2 = empty
        s3 = empty
        s4 = empty
        s5 = empty
        s6 = empty
        s7 = empty
    }

    /// Sets the check of `check.kind` (replacing one of the same kind).
    public mutating func set(_ check: ControlCheck) {
        let k = check.kind.ordinal
        let slot = Slot(deadline: check.deadline.secondsSinceEpoch, met: check.metAt?.secondsSinceEpoch ?? .min)
        switch k {
        case 0: s0 = slot
        case 1: s1 = slot
        case 2: s2 = slot
        case 3: s3 = slot
        case 4: s4 = slot
        case 5: s5 = slot
        case 6: s6 = slot
        default: s7 = slot
        }
        let bit: UInt8 = 1 << UInt8(k)
        present |= bit
        if check.state == .overdue { overdue |= bit } else { overdue &= ~bit }
    }

    /// The check of `kind`, if it applies.
    public subscript(kind: ControlKind) -> ControlCheck? {
        let k = kind.ordinal
        return present & (1 << UInt8(k)) != 0 ? self[k] : nil
    }

    /// A slot index (``ControlKind/ordinal``); `endIndex` is 8.
    public typealias Index = Int

    /// The first present slot.
    public var startIndex: Int { present == 0 ? 8 : present.trailingZeroBitCount }
    /// Past the last slot.
    public var endIndex: Int { 8 }

    /// The next present slot after `i`.
    public func index(after i: Int) -> Int {
        let rest = i + 1 >= 8 ? 0 : present >> UInt8(i + 1)
        return rest == 0 ? 8 : i + 1 + rest.trailingZeroBitCount
    }

    /// The check in slot `i`.
    public subscript(i: Int) -> ControlCheck {
        let slot: Slot
        switch i {
        case 0: slot = s0
        case 1: slot = s1
        case 2: slot = s2
        case 3: slot = s3
        case 4: slot = s4
        case 5: slot = s5
        case 6: slot = s6
        default: slot = s7
        }
        return ControlCheck(
            kind: ControlKind(ordinal: i) ?? .headInformed, deadline: Instant(secondsSinceEpoch: slot.deadline),
            metAt: slot.met == .min ? nil : Instant(secondsSinceEpoch: slot.met),
            state: overdue & (1 << UInt8(i)) != 0 ? .overdue : .ok)
    }

    /// How many checks apply.
    public var count: Int { present.nonzeroBitCount }
    /// Whether no check applies.
    public var isEmpty: Bool { present == 0 }

    /// How many checks are overdue.
    public var overdueCount: Int { (overdue & present).nonzeroBitCount }

    /// The running check with the earliest deadline (not met, not late), if any.
    public var next: ControlCheck? {
        var best: ControlCheck?
        for c in self where c.isRunning {
            if best.map({ c.deadline < $0.deadline }) ?? true { best = c }
        }
        return best
    }

    /// Equal when the same checks are present with the same values.
    public static func == (a: ControlChecks, b: ControlChecks) -> Bool {
        a.present == b.present && a.elementsEqual(b)
    }

    /// Hashes the present checks.
    public func hash(into h: inout Hasher) {
        h.combine(present)
        for c in self { h.combine(c) }
    }
}
