#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A progress line on stderr, throttled to twice a second.
struct Progress {
    let enabled: Bool
    let clock = ContinuousClock()
    var started: ContinuousClock.Instant
    var last: ContinuousClock.Instant

    init(enabled: Bool) {
        self.enabled = enabled
        started = clock.now
        last = started
    }

    mutating func update(rows: Int, bytes: Int, total: Int) {
        guard enabled else { return }
        let now = clock.now
        guard now - last > .milliseconds(500) else { return }
        last = now
        let elapsed = Double((now - started).components.seconds) + Double((now - started).components.attoseconds) / 1e18
        let rate = elapsed > 0 ? Int(Double(rows) / elapsed) : 0
        var text = "\r" + tr("строк: \(rows), \(rate) строк/с", "\(rows) rows, \(rate) rows/s")
        if total > 0 {
            let fraction = Double(bytes) / Double(total)
            text += ", \(Int(fraction * 100)) %"
            if fraction > 0.01 {
                let left = Int(elapsed / fraction - elapsed)
                text += tr(", осталось ≈\(left) с", ", ETA \(left) s")
            }
        }
        text += "   "
        _ = text.withCString { write(2, $0, strlen($0)) }
    }

    func finish() {
        if enabled { _ = "\r\u{1B}[K".withCString { write(2, $0, strlen($0)) } }
    }
}
