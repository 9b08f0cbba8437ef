import SrokCore

/// The output's codes (stage, state, control, due reason, roll, planned check) as bytes, built
/// once per process from the types' own texts (`rawValue`, ``Stage/code``, ``RollOutcome/label``):
/// a row appends a code with three word stores, without building or releasing a `String`, and
/// no text is written twice in the sources. A plain pointer to an immutable table (never freed),
/// carried by every ``ByteWriter`` (as ``DayTexts`` by the workers: no lazy-initialisation check
/// per code).
struct CodeTexts: @unchecked Sendable {  // points to an immutable table that is never freed
    /// Bytes per slot: the text in the first 24 (zero-padded), its length in the last word.
    private static var slotBytes: Int { 32 }
    /// Slots per type: a case's slot is its tag (declaration order), so at most 16 cases a type
    /// (15 conventions: the roll section's last slot is `following(reversed)`).
    private static var slotsPerType: Int { 16 }
    /// The types, one section each.
    private enum Section: Int, CaseIterable {
        case stage, state, control, dueReason, plannedCheck, roll
    }
    /// The roll section's slot of `following(reversed)` (after the conventions).
    private static var reversedSlot: Int { 15 }

    private let storage: UnsafeRawPointer

    private init() {
        let byteCount = Section.allCases.count * Self.slotsPerType * Self.slotBytes
        let table = UnsafeMutableRawPointer.allocate(byteCount: byteCount, alignment: 8)
        table.initializeMemory(as: UInt8.self, repeating: 0, count: byteCount)
        func put(_ section: Section, _ slot: Int, _ text: String) {
            let bytes = Array(text.utf8)
            precondition(bytes.count <= 24 && slot < Self.slotsPerType, "code text too long or too many cases: \(text)")
            let p = table + (section.rawValue * Self.slotsPerType + slot) * Self.slotBytes
            p.copyMemory(from: bytes, byteCount: bytes.count)
            p.storeBytes(of: bytes.count, toByteOffset: 24, as: Int.self)
        }
        for c in Stage.allCases { put(.stage, Self.tag(c), c.code) }
        for c in SLAState.allCases { put(.state, Self.tag(c), c.rawValue) }
        for c in ControlKind.allCases { put(.control, Self.tag(c), c.rawValue) }
        for c in DueReason.allCases { put(.dueReason, Self.tag(c), c.rawValue) }
        for c in PlannedCheck.allCases { put(.plannedCheck, Self.tag(c), c.rawValue) }
        for c in RollConvention.allCases { put(.roll, Self.tag(c), RollOutcome.label(c, reversed: false)) }
        precondition(RollConvention.allCases.count <= Self.reversedSlot)
        put(.roll, Self.reversedSlot, RollOutcome.label(.following, reversed: true))
        storage = UnsafeRawPointer(table)
    }

    /// The shared table (built on first use, kept for the life of the process).
    static let shared = CodeTexts()

    /// A case's tag: its number in declaration order, the byte a case without payload is stored as.
    @inline(__always) private static func tag<T>(_ c: T) -> Int { Int(unsafeBitCast(c, to: UInt8.self)) }

    /// The slot of `slot` in `section`.
    @inline(__always) private func slot(_ section: Section, _ slot: Int) -> UnsafeRawPointer {
        storage + (section.rawValue &* Self.slotsPerType &+ slot) &* Self.slotBytes
    }

    /// ``Stage/code``.
    @inline(__always) func text(_ s: Stage) -> UnsafeRawPointer { slot(.stage, Self.tag(s)) }
    /// ``SLAState``'s raw value.
    @inline(__always) func text(_ s: SLAState) -> UnsafeRawPointer { slot(.state, Self.tag(s)) }
    /// ``ControlKind``'s raw value.
    @inline(__always) func text(_ k: ControlKind) -> UnsafeRawPointer { slot(.control, Self.tag(k)) }
    /// ``DueReason``'s raw value.
    @inline(__always) func text(_ r: DueReason) -> UnsafeRawPointer { slot(.dueReason, Self.tag(r)) }
    /// ``PlannedCheck``'s raw value.
    @inline(__always) func text(_ c: PlannedCheck) -> UnsafeRawPointer { slot(.plannedCheck, Self.tag(c)) }
    /// ``RollOutcome/label``: the convention, or `following(reversed)`.
    @inline(__always) func text(_ r: RollOutcome) -> UnsafeRawPointer {
        slot(.roll, r.reversed ? Self.reversedSlot : Self.tag(r.convention))
    }
}

extension ByteWriter {
    /// Appends the code in `slot` of ``CodeTexts``: its 24 bytes stored whole, the length counted.
    @inline(__always) private mutating func appendCode(_ slot: UnsafeRawPointer) {
        withUnsafeReservedPointer(24) { p in
            p.storeBytes(of: slot.load(as: UInt64.self), as: UInt64.self)
            p.storeBytes(of: slot.load(fromByteOffset: 8, as: UInt64.self), toByteOffset: 8, as: UInt64.self)
            p.storeBytes(of: slot.load(fromByteOffset: 16, as: UInt64.self), toByteOffset: 16, as: UInt64.self)
            return slot.load(fromByteOffset: 24, as: Int.self)
        }
    }

    /// ``Stage/code``.
    @inline(__always) mutating func append(code s: Stage) { appendCode(codes.text(s)) }

    /// ``SLAState``'s raw value.
    @inline(__always) mutating func append(code s: SLAState) { appendCode(codes.text(s)) }

    /// ``ControlKind``'s raw value.
    @inline(__always) mutating func append(code k: ControlKind) { appendCode(codes.text(k)) }

    /// ``DueReason``'s raw value.
    @inline(__always) mutating func append(code r: DueReason) { appendCode(codes.text(r)) }

    /// ``PlannedCheck``'s raw value.
    @inline(__always) mutating func append(code c: PlannedCheck) { appendCode(codes.text(c)) }

    /// ``RollOutcome/label``: the convention, or `following(reversed)`.
    @inline(__always) mutating func append(label r: RollOutcome) { appendCode(codes.text(r)) }
}
