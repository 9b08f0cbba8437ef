import SrokCore

/// The output's codes (stage, state, control, due reason, roll, planned check) as static ASCII:
/// a row appends them without building or releasing a `String`. Each text equals the type's
/// `rawValue` (or `code`, `label`), which `ByteCodesTests` checks for every case.
extension ByteWriter {
    /// Appends a code of at most 24 bytes with a few word stores (``append(ascii:)`` calls
    /// `memcpy`); every load stays within the text.
    @inline(__always) private mutating func appendCode(_ s: StaticString) {
        let n = s.utf8CodeUnitCount
        precondition(n <= 24)
        let src = UnsafeRawPointer(s.utf8Start)
        withUnsafeReservedPointer(24) { p in
            @inline(__always) func copy<T>(_: T.Type, at i: Int) {
                p.storeBytes(of: src.loadUnaligned(fromByteOffset: i, as: T.self), toByteOffset: i, as: T.self)
            }
            if n >= 8 {
                copy(UInt64.self, at: 0)
                if n > 16 { copy(UInt64.self, at: 8) }
                copy(UInt64.self, at: n - 8)
            } else if n >= 4 {
                copy(UInt32.self, at: 0)
                copy(UInt32.self, at: n - 4)
            } else {
                for i in 0..<n { copy(UInt8.self, at: i) }
            }
            return n
        }
    }

    /// ``Stage/code``.
    @inline(__always) mutating func append(code s: Stage) {
        switch s {
        case .moderation: appendCode("moderation")
        case .coordination: appendCode("coordination")
        case .execution: appendCode("execution")
        case .approval: appendCode("approval")
        case .finalApproval: appendCode("final-approval")
        }
    }

    /// ``SLAState``'s raw value.
    @inline(__always) mutating func append(code s: SLAState) {
        switch s {
        case .ok: appendCode("ok")
        case .approaching: appendCode("approaching")
        case .overdue: appendCode("overdue")
        case .closed: appendCode("closed")
        }
    }

    /// ``ControlKind``'s raw value.
    @inline(__always) mutating func append(code k: ControlKind) {
        switch k {
        case .coordinatorDecision: appendCode("coordinator-decision")
        case .executorTake: appendCode("executor-take")
        case .executorReturn: appendCode("executor-return")
        case .redirectApproval: appendCode("redirect-approval")
        case .appealRedirect: appendCode("appeal-redirect")
        case .appealRegistration: appendCode("appeal-registration")
        case .applicantContact: appendCode("applicant-contact")
        case .headInformed: appendCode("head-informed")
        }
    }

    /// ``DueReason``'s raw value.
    @inline(__always) mutating func append(code r: DueReason) {
        switch r {
        case .postponed: appendCode("postponed")
        case .extended: appendCode("extended")
        }
    }

    /// ``PlannedCheck``'s raw value.
    @inline(__always) mutating func append(code c: PlannedCheck) {
        switch c {
        case .agrees: appendCode("agrees")
        case .platformLater: appendCode("platform-later")
        case .platformEarlier: appendCode("platform-earlier")
        }
    }

    /// ``RollOutcome/label``: the convention, or `following(reversed)`.
    @inline(__always) mutating func append(label r: RollOutcome) {
        if r.reversed { return appendCode("following(reversed)") }
        switch r.convention {
        case .none: appendCode("none")
        case .preceding: appendCode("preceding")
        case .following: appendCode("following")
        case .modifiedPreceding: appendCode("modified-preceding")
        case .modifiedFollowing: appendCode("modified-following")
        }
    }
}
