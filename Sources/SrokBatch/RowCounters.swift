import SrokCore

/// A worker's counts of the rows it wrote — by status, stage, overdue control kind, planned-date
/// check, warning, profile and organisation — kept
/// in flat storage without hashing or copy-on-write per row, and folded into ``BatchStats`` once
/// per segment.
struct RowCounters: ~Copyable {
    /// 5 statuses, 6 stages (5 + none), 8 overdue control kinds (by ordinal), 3 planned-date
    /// checks, 2 warnings, then one slot per profile index.
    private var counts: UnsafeMutablePointer<Int>
    private var capacity: Int
    private var written = 0
    private var provisional = 0
    private var byOrganisation: [String: Int] = [:]
    private var overdueByOrganisation: [String: Int] = [:]
    private static var stageBase: Int { 5 }
    private static var controlBase: Int { 11 }
    private static var plannedBase: Int { 19 }
    private static var warningBase: Int { 22 }
    private static var profileBase: Int { 24 }

    init() {
        capacity = 64
        counts = .allocate(capacity: capacity)
        counts.initialize(repeating: 0, count: capacity)
    }

    deinit { counts.deallocate() }

    /// Counts one written row, its status read in place at `status` (not copied).
    @inline(__always) mutating func count(
        _ status: UnsafePointer<MessageStatus>, profileIndex: Int, organisation: UnsafeBufferPointer<UInt8>?,
        planned: CivilDate? = nil, warnings: MessageWarnings = []
    ) {
        written += 1
        switch status.pointee.state {
        case .ok: counts[0] += 1
        case .approaching: counts[1] += 1
        case .overdue: counts[2] += 1
        case .closed: counts[3] += 1
        case .notYetRegistered: counts[4] += 1
        }
        counts[Self.stageBase + (status.pointee.currentStage.map { $0.rawValue } ?? 5)] += 1
        if !warnings.isEmpty {
            if warnings.contains(.fastTrackWithoutCategory) { counts[Self.warningBase] += 1 }
            if warnings.contains(.categoryNotInProfile) { counts[Self.warningBase + 1] += 1 }
        }
        if !status.pointee.controls.isEmpty {
            for c in status.pointee.controls where c.state == .overdue {
                counts[Self.controlBase + c.kind.ordinal] += 1
            }
        }
        if let planned {
            switch PlannedCheck(diffDays: planned.distance(to: status.pointee.dueDate)) {
            case .agrees: counts[Self.plannedBase] += 1
            case .platformLater: counts[Self.plannedBase + 1] += 1
            case .platformEarlier: counts[Self.plannedBase + 2] += 1
            }
        }
        let slot = Self.profileBase + profileIndex
        if slot >= capacity { grow(slot + 1) }
        counts[slot] += 1
        if status.pointee.schedule.isProvisional { provisional += 1 }
        if let organisation {
            let o = String(decoding: organisation, as: UTF8.self)
            byOrganisation[o, default: 0] += 1
            if status.pointee.state == .overdue { overdueByOrganisation[o, default: 0] += 1 }
        }
    }

    private mutating func grow(_ needed: Int) {
        let c = max(capacity * 2, needed)
        let bigger = UnsafeMutablePointer<Int>.allocate(capacity: c)
        bigger.initialize(repeating: 0, count: c)
        bigger.update(from: counts, count: capacity)
        counts.deallocate()
        counts = bigger
        capacity = c
    }

    /// Adds the counts to `stats` and starts over.
    mutating func fold(into stats: inout BatchStats, profileName: (Int) -> String) {
        stats.written += written
        stats.provisional += provisional
        for (i, s) in [SLAState.ok, .approaching, .overdue, .closed, .notYetRegistered].enumerated()
        where counts[i] > 0 {
            stats.byStatus[s.rawValue, default: 0] += counts[i]
        }
        for i in 0..<6 where counts[Self.stageBase + i] > 0 {
            stats.byStage[i < 5 ? Stage(rawValue: i)!.code : "none", default: 0] += counts[Self.stageBase + i]
        }
        for (i, w) in MessageWarnings.all.enumerated() where counts[Self.warningBase + i] > 0 {
            stats.warnings[w.code, default: 0] += counts[Self.warningBase + i]
        }
        for kind in ControlKind.allCases where counts[Self.controlBase + kind.ordinal] > 0 {
            stats.overdueControls[kind.rawValue, default: 0] += counts[Self.controlBase + kind.ordinal]
        }
        for (i, check) in PlannedCheck.allCases.enumerated() where counts[Self.plannedBase + i] > 0 {
            stats.plannedChecks[check.rawValue, default: 0] += counts[Self.plannedBase + i]
        }
        for slot in Self.profileBase..<capacity where counts[slot] > 0 {
            stats.byProfile[profileName(slot - Self.profileBase), default: 0] += counts[slot]
        }
        stats.byOrganisation.merge(byOrganisation, uniquingKeysWith: +)
        stats.overdueByOrganisation.merge(overdueByOrganisation, uniquingKeysWith: +)
        counts.update(repeating: 0, count: capacity)
        written = 0
        provisional = 0
        byOrganisation.removeAll(keepingCapacity: true)
        overdueByOrganisation.removeAll(keepingCapacity: true)
    }
}
