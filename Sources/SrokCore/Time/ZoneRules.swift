import CICUShim

/// The UTC offsets of one IANA time zone over time, read once from ICU into a transition table
/// (e.g. Europe/Moscow: UTC+4 from 2011-03-27 to 2014-10-26, UTC+3 after). Lookups are a binary
/// search over a few dozen entries: no ICU call per record.
public struct ZoneRules: Sendable, Hashable {
    /// The canonical IANA identifier.
    public let identifier: String
    /// Instants (seconds) where the offset changes, ascending; `offsets[i]` applies from
    /// `transitions[i]`, and `offsets[0]` before the first transition.
    @usableFromInline let transitions: [Int64]
    /// Offsets in seconds; one more than `transitions`.
    @usableFromInline let offsets: [Int32]

    /// The first instant the table is exact from (1900-01-01); earlier instants use the earliest offset.
    public static let tableStart = Instant(secondsSinceEpoch: -2_208_988_800)
    /// The last instant transitions are read to (2100-01-01); later ones keep the last offset.
    public static let tableEnd = Instant(secondsSinceEpoch: 4_102_444_800)

    /// Reads the zone `identifier` from ICU.
    /// - Throws: ``SrokError/unknownTimeZone(_:)`` when ICU does not know it.
    public init(identifier: String) throws(SrokError) {
        var buf = [CChar](repeating: 0, count: 128)
        guard !identifier.isEmpty, srok_zone_canonical(identifier, &buf, 128) != 0 else {
            throw .unknownTimeZone(identifier)
        }
        let canonical = String(decoding: buf.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let cal = try ICUCalendar(locale: "en_US@calendar=gregorian", zone: canonical)
        try cal.setMillis(Double(Self.tableStart.secondsSinceEpoch) * 1000)
        var transitions: [Int64] = []
        var offsets: [Int32] = [Int32(try cal.offsetMillis() / 1000)]
        let endMs = Double(Self.tableEnd.secondsSinceEpoch) * 1000
        while let next = try cal.nextTransition(), next < endMs {
            try cal.setMillis(next)
            let offset = Int32(try cal.offsetMillis() / 1000)
            if offset != offsets.last! {
                transitions.append(Int64((next / 1000).rounded(.down)))
                offsets.append(offset)
            }
        }
        self.identifier = canonical
        self.transitions = transitions
        self.offsets = offsets
    }

    /// The last change: from `seconds` (since the epoch) on, ``offset(at:)`` is `offset` (`Int64.min`
    /// when the zone never changed). A writer formatting many instants checks this before the table.
    @inlinable package var lastChange: (seconds: Int64, offset: Int) {
        (transitions.last ?? .min, Int(offsets[offsets.count - 1]))
    }

    /// The same rules in storage of their own (new arrays and identifier), for a thread that keeps
    /// its own copy (``ResolvedEngine/privateCopy()``): reference counts it changes are its own.
    package func copy() -> ZoneRules { ZoneRules(copying: self) }

    private init(copying o: ZoneRules) {
        identifier = String(decoding: Array(o.identifier.utf8), as: UTF8.self)
        transitions = o.transitions.map { $0 }
        offsets = o.offsets.map { $0 }
    }

    /// The UTC offset (seconds) in force at `instant`.
    @inlinable public func offset(at instant: Instant) -> Int {
        let t = instant.secondsSinceEpoch
        // Most instants are after the last change (Russia has had none since 2016).
        if let last = transitions.last, t >= last { return Int(offsets[offsets.count - 1]) }
        var lo = 0
        var hi = transitions.count
        while lo < hi {
            let mid = (lo + hi) >> 1
            if transitions[mid] <= t { lo = mid + 1 } else { hi = mid }
        }
        return Int(offsets[lo])
    }

    /// The local wall-clock date and time of `instant`.
    @inlinable public func local(_ instant: Instant) -> LocalDateTime {
        LocalDateTime(instant: instant, offsetSeconds: offset(at: instant))
    }

    /// The local date of `instant`.
    @inlinable public func localDate(_ instant: Instant) -> CivilDate { local(instant).date }

    /// The instant of a local wall-clock time. In a gap (clocks moved forward) the time is read
    /// with the offset before the gap (so it lands after it); in an overlap (clocks moved back),
    /// the earlier of the two instants is taken.
    @inlinable public func instant(_ local: LocalDateTime) -> Instant {
        let l = local.localSeconds
        // Two days after the last change no other offset can apply (offsets are within ±18 h).
        if let last = transitions.last, l >= last + 172_800 {
            return Instant(secondsSinceEpoch: l - Int64(offsets[offsets.count - 1]))
        }
        if transitions.isEmpty { return Instant(secondsSinceEpoch: l - Int64(offsets[0])) }
        // Away from any change (two days on either side, more than any offset): the one offset
        // of that stretch, found with a single search.
        var lo = 0
        var hi = transitions.count
        while lo < hi {
            let mid = (lo + hi) >> 1
            if transitions[mid] <= l { lo = mid + 1 } else { hi = mid }
        }
        if (lo == 0 || l - transitions[lo - 1] > 172_800) && (lo == transitions.count || transitions[lo] - l > 172_800)
        {
            return Instant(secondsSinceEpoch: l - Int64(offsets[lo]))
        }
        // Try the offset in force just before and after; prefer the earlier valid instant.
        let guess = Instant(secondsSinceEpoch: l - Int64(offset(at: Instant(secondsSinceEpoch: l))))
        let o1 = offset(at: guess.adding(seconds: -86_400))
        let o2 = offset(at: guess.adding(seconds: 86_400))
        let c1 = Instant(secondsSinceEpoch: l - Int64(o1))
        let c2 = Instant(secondsSinceEpoch: l - Int64(o2))
        let v1 = offset(at: c1) == o1
        let v2 = offset(at: c2) == o2
        switch (v1, v2) {
        case (true, true): return min(c1, c2)
        case (true, false): return c1
        case (false, true): return c2
        case (false, false): return c1  // gap: read with the earlier offset
        }
    }

    /// The instant local `date` begins (00:00 local).
    @inlinable public func startOfDay(_ date: CivilDate) -> Instant { instant(LocalDateTime(date: date)) }

    /// The instant local `date` ends: the start of the next local day (exclusive end, 24:00).
    @inlinable public func endOfDay(_ date: CivilDate) -> Instant { startOfDay(date.adding(days: 1)) }

    /// The offset's `+03:00` form at `instant`.
    public func offsetText(at instant: Instant) -> String {
        let o = offset(at: instant)
        let a = abs(o)
        let h = a / 3600
        let m = a / 60 % 60
        return (o < 0 ? "-" : "+") + (h < 10 ? "0" : "") + String(h) + ":" + (m < 10 ? "0" : "") + String(m)
    }

    /// ISO 8601 of `instant` with this zone's offset, `2024-03-29T10:15:00+03:00`.
    public func iso8601(_ instant: Instant) -> String {
        let o = offset(at: instant)
        return LocalDateTime(instant: instant, offsetSeconds: o).iso8601(offsetSeconds: o, zulu: false)
    }
}
