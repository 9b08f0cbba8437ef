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
    /// Rows computed but flagged, by ``MessageWarnings`` code (`fast-track-without-category` …).
    public var warnings: [String: Int] = [:]

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
        warnings.merge(o.warnings, uniquingKeysWith: +)
    }

    /// The machine-readable summary: codes and counts, and the readable summary in `lang`
    /// (`summary_text`).
    package func json(
        seconds: Double, input: String, output: String, rejects: String?, lang: Language = .ru
    ) -> JSONObject {
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
        o.add("warnings", counts(warnings))
        o.add("language", lang.rawValue)
        o.add("summary_text", text(seconds: seconds, rejectsPath: rejects, lang: lang))
        return o
    }

    /// The readable summary for stderr, in `lang`: counts under the words for their codes
    /// (statuses, stages, controls, checks, warnings); profiles and organisations as named.
    public func text(seconds: Double, rejectsPath: String?, lang: Language = .ru) -> String {
        let ru = lang == .ru
        func line(_ ruTitle: String, _ enTitle: String, _ d: [String: Int], limit: Int = 12, name: (String) -> String)
            -> String
        {
            let items = d.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            let shown = items.prefix(limit).map { "\(name($0.key)) \($0.value)" }.joined(separator: ", ")
            let more = items.count - limit
            return "  \(ru ? ruTitle : enTitle): " + shown
                + (more > 0 ? (ru ? ", … (ещё \(more))" : ", … (\(more) more)") : "")
        }
        let time = String(Double(Int(seconds * 1000)) / 1000)
        let rate = seconds > 0 ? Int(Double(read) / seconds) : 0
        let head =
            ru
            ? "srok batch: строк прочитано \(read), записано \(written), отклонено \(rejected)"
                + (rejected > 0 ? " (см. \(rejectsPath ?? "файл отклонённых строк"))" : "")
                + " за \(time.replacingOccurrences(of: ".", with: ",")) с" + (seconds > 0 ? ", \(rate) строк/с" : "")
            : "srok batch: read \(read) rows, wrote \(written), rejected \(rejected)"
                + (rejected > 0 ? " (see \(rejectsPath ?? "the rejects file"))" : "")
                + " in \(time) s" + (seconds > 0 ? ", \(rate) rows/s" : "")
        var out = [head]
        out.append(line("статус", "status", byStatus) { SLAState(rawValue: $0)?.text(lang) ?? $0 })
        out.append(
            line("этап", "stage", byStage) { code in
                code == "none" ? (ru ? "нет" : "none") : (try? Stage(parsing: code))?.name(lang) ?? code
            })
        out.append(line("профиль", "profile", byProfile) { $0 })
        if !overdueControls.isEmpty {
            out.append(
                line("просроченные контроли", "overdue controls", overdueControls) {
                    ControlKind(rawValue: $0)?.name(lang) ?? $0
                })
        }
        if !plannedChecks.isEmpty {
            out.append(
                line("плановая дата (платформа и акт)", "planned date (platform vs act)", plannedChecks) {
                    PlannedCheck(rawValue: $0)?.text(lang) ?? $0
                })
        }
        if !warnings.isEmpty {
            out.append(
                line("предупреждения", "warnings", warnings) { code in
                    MessageWarnings.all.first { $0.code == code }?.shortText(lang) ?? code
                })
        }
        if !byOrganisation.isEmpty {
            out.append(
                line("просрочено по организациям", "overdue by organisation", overdueByOrganisation, limit: 10) { $0 })
        }
        if provisional > 0 {
            out.append(
                ru
                    ? "  предварительно (в данных календаря нет постановления или акта): \(provisional)"
                    : "  provisional (calendar data without a decree or act): \(provisional)")
        }
        return out.joined(separator: "\n")
    }
}
