/// A checked intra-stage control point (seeds: coordinator within 3 days, executor within 3/7
/// days, redirect approval within 2 working days, contact the applicant the same day, inform the
/// head within a working day; 59-ФЗ redirect and registration).
public struct ControlCheck: Hashable, Sendable {
    // The instants first, then the one-byte fields: 32 bytes a check, 256 for all eight.
    /// The event its term runs from (arrival at the stage, registration, receipt).
    public var from: Instant
    /// The deadline.
    public var deadline: Instant
    /// When it was met, if it was.
    public var metAt: Instant?
    /// Which control.
    public var kind: ControlKind
    /// `ok` (met in time or still running in time) or `overdue` (missed or running late).
    public var state: SLAState

    /// Creates a check.
    public init(kind: ControlKind, from: Instant, deadline: Instant, metAt: Instant?, state: SLAState) {
        self.kind = kind; self.from = from; self.deadline = deadline; self.metAt = metAt; self.state = state
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
    // One slot per kind, in `ControlKind.ordinal` order; `present` has bit `ordinal` set when filled.
    private var c0, c1, c2, c3, c4, c5, c6, c7: ControlCheck
    /// Bit `k` set: the check of the kind with ordinal `k` is present.
    public private(set) var present: UInt8 = 0

    /// No checks.
    public init() {
        // A placeholder for the empty slots (never read: `present` says which are filled).
        let empty = ControlCheck(kind: .coordinatorDecision, from: Instant(secondsSinceEpoch: 0),
                                 deadline: Instant(secondsSinceEpoch: 0), metAt: nil, state: .ok)
        c0 = empty; c1 = empty; c2 = empty; c3 = empty; c4 = empty; c5 = empty; c6 = empty; c7 = empty
    }

    /// Sets the check of `check.kind` (replacing one of the same kind).
    public mutating func set(_ check: ControlCheck) {
        let k = check.kind.ordinal
        switch k {
        case 0: c0 = check
        case 1: c1 = check
        case 2: c2 = check
        case 3: c3 = check
        case 4: c4 = check
        case 5: c5 = check
        case 6: c6 = check
        default: c7 = check
        }
        present |= 1 << UInt8(k)
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
        switch i {
        case 0: c0
        case 1: c1
        case 2: c2
        case 3: c3
        case 4: c4
        case 5: c5
        case 6: c6
        default: c7
        }
    }

    /// How many checks apply.
    public var count: Int { present.nonzeroBitCount }
    /// Whether no check applies.
    public var isEmpty: Bool { present == 0 }

    /// How many checks are overdue.
    public var overdueCount: Int {
        var n = 0
        for c in self where c.state == .overdue { n += 1 }
        return n
    }

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
