import SrokCore

/// Counts of a batch run: rows, statuses, stages, profiles, organisations.
public struct BatchStats: Sendable, Hashable {
    /// Data rows read (header excluded).
    public var read = 0
    /// Rows written.
    public var written = 0
    /// Rows rejected.
    public var rejected = 0
    /// Rows whose dates rest on provisional calendar data.
    public var provisional = 0
    /// Rows by overall status.
    public var byStatus: [String: Int] = [:]
    /// Rows by current stage (`none` when closed or not started).
    public var byStage: [String: Int] = [:]
    /// Rows by profile.
    public var byProfile: [String: Int] = [:]
    /// Rows by organisation (when the input has the column).
    public var byOrganisation: [String: Int] = [:]
    /// Overdue rows by organisation.
    public var overdueByOrganisation: [String: Int] = [:]
    /// Overdue controls by kind code (`executor-take` …): a row with two counts in two kinds.
    public var overdueControls: [String: Int] = [:]
    /// Rows with the platform's planned date by ``PlannedCheck`` (`agrees`, `platform-later`, `platform-earlier`).
    public var plannedChecks: [String: Int] = [:]

    /// Adds another run's counts.
    public mutating func merge(_ o: BatchStats) {
        read += o.read
        written += o.written
        rejected += o.rejected
        provisional += o.provisional
        byStatus.merge(o.byStatus, uniquingKeysWith: +)
        byStage.merge(o.byStage, uniquingKeysWith: +)
        byProfile.merge(o.byProfile, uniquingKeysWith: +)
        byOrganisation.merge(o.byOrganisation, uniquingKeysWith: +)
        overdueByOrganisation.merge(o.overdueByOrganisation, uniquingKeysWith: +)
        overdueControls.merge(o.overdueControls, uniquingKeysWith: +)
        plannedChecks.merge(o.plannedChecks, uniquingKeysWith: +)
    }

    /// The machine-readable summary.
    package func json(seconds: Double, input: String, output: String, rejects: String?) -> JSONObject {
        func counts(_ d: [String: Int]) -> JSONObject {
            var o = JSONObject()
            for (k, v) in d.sorted(by: { $0.key < $1.key }) { o.add(k, v) }
            return o
        }
        var o = JSONObject()
        o.add("input", input)
        o.add("output", output)
        o.add("rejects", rejects)
        o.add("rows_read", read)
        o.add("rows_written", written)
        o.add("rows_rejected", rejected)
        o.add("rows_provisional", provisional)
        o.addNumber("seconds", String(Double(Int(seconds * 1000)) / 1000))
        o.addNumber("rows_per_second", String(seconds > 0 ? Int(Double(read) / seconds) : 0))
        o.add("by_status", counts(byStatus))
        o.add("by_stage", counts(byStage))
        o.add("by_profile", counts(byProfile))
        o.add("by_organisation", counts(byOrganisation))
        o.add("overdue_by_organisation", counts(overdueByOrganisation))
        o.add("overdue_controls", counts(overdueControls))
        o.add("planned_check", counts(plannedChecks))
        return o
    }

    /// The readable summary for stderr.
    public func text(seconds: Double, rejectsPath: String?) -> String {
        func line(_ title: String, _ d: [String: Int], limit: Int = 12) -> String {
            let items = d.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            let shown = items.prefix(limit).map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            return "  \(title): " + shown + (items.count > limit ? ", … (\(items.count - limit) more)" : "")
        }
        var out = [
            "srok batch: read \(read) rows, wrote \(written), rejected \(rejected)"
                + (rejected > 0 ? " (see \(rejectsPath ?? "the rejects file"))" : "")
                + String(format3(seconds)) + (seconds > 0 ? ", \(Int(Double(read) / seconds)) rows/s" : "")
        ]
        out.append(line("status", byStatus))
        out.append(line("stage", byStage))
        out.append(line("profile", byProfile))
        if !overdueControls.isEmpty { out.append(line("overdue controls", overdueControls)) }
        if !plannedChecks.isEmpty { out.append(line("planned date (platform vs act)", plannedChecks)) }
        if !byOrganisation.isEmpty { out.append(line("overdue by organisation", overdueByOrganisation, limit: 10)) }
        if provisional > 0 { out.append("  provisional (calendar data without a decree or act): \(provisional)") }
        return out.joined(separator: "\n")
    }

    private func format3(_ s: Double) -> String { " in \(Double(Int(s * 1000)) / 1000) s" }
}
