import SrokCore

/// The summary sheet («Сводка») of `srok batch -o report.xlsx`: what was read and from where, as of
/// when, with which data, what the colours mean; then counts by status, current stage,
/// organisation (and its overdue rows), executor, the audit of the platform's planned dates,
/// overdue controls by kind, and profile — each table only when the run has something to count
/// in it.
enum XLSXReportSummary {
    /// The summary of a run.
    /// - Parameters:
    ///   - executors: rows per executor, when the input has an executor column (nil: it has none).
    ///   - evaluator: the run's evaluator (the as-of instant, the default profile's zone and
    ///     warning threshold, the calendar data).
    static func make(
        stats: BatchStats, executors: [String: Int]?, texts: XLSXReportTexts, input: String, evaluator: BatchEvaluator
    ) -> XLSXSummary {
        let ru = texts.language == .ru
        let engine = try? evaluator.resolver.engine(profile: nil, region: nil, tz: nil)
        var lines: [String] = []
        lines.append((ru ? "Отчёт о сроках: srok " : "Deadline report: srok ") + SrokVersion.string)
        lines.append(
            (ru ? "Входной файл: " : "Input: ") + (input == "-" ? (ru ? "стандартный ввод" : "standard input") : input))
        if let zone = engine?.engine.zone {
            let t = zone.local(evaluator.asOf)
            let second = Int(t.secondOfDay)
            lines.append(
                (ru ? "Статусы на: " : "Statuses as of: ") + XLSXReportWriter.russian(t.date) + " "
                    + XLSXReportWriter.two(second / 3600) + ":" + XLSXReportWriter.two(second / 60 % 60) + " ("
                    + zone.identifier + ")")
        }
        lines.append(
            ru
                ? "Строк прочитано: \(stats.read); в отчёте: \(stats.written); отклонено: \(stats.rejected) (лист «\(texts.labels.rejectsSheet)»)"
                : "Rows read: \(stats.read); in the report: \(stats.written); rejected: \(stats.rejected) (sheet “\(texts.labels.rejectsSheet)”)"
        )
        if stats.provisional > 0 {
            lines.append(
                ru
                    ? "По предварительным данным календаря (без постановления о переносах): \(stats.provisional)"
                    : "On provisional calendar data (no transfer decree): \(stats.provisional)")
        }
        let data = (try? evaluator.context.calendar(region: "RU").dataVersion) ?? nil
        lines.append(
            (ru ? "Данные календаря: " : "Calendar data: ") + (data ?? (ru ? "не указаны" : "unknown"))
                + (ru ? "; часовые пояса: tzdata " : "; time zones: tzdata ") + ICUInfo.tzdataVersion)
        let percent = engine?.engine.conventions.warningPercent ?? 75
        lines.append(
            ru
                ? "Красным — срок ответа прошёл или просрочен контроль (ярче — ячейки просроченных контролей); жёлтым — срок подходит: прошло не меньше \(percent) % времени от поступления до срока ответа (порог профиля)."
                : "Red: the answer is overdue or a control is (brighter: the overdue controls' cells); amber: approaching, at least \(percent) % of the time from registration to the due time has passed (the profile's threshold)."
        )

        var tables: [XLSXSummaryTable] = []
        func table(_ ru: String, _ en: String, _ counts: [(key: String, count: Int)]) {
            guard !counts.isEmpty else { return }
            tables.append(XLSXSummaryTable(section: texts.language == .ru ? ru : en, counts: counts))
        }
        /// Counts by falling count, then by key.
        func ranked(_ d: [String: Int], _ name: (String) -> String = { $0 }) -> [(key: String, count: Int)] {
            d.map { (key: name($0.key), count: $0.value) }
                .sorted { $0.count != $1.count ? $0.count > $1.count : $0.key < $1.key }
        }
        // Statuses and stages in their own order (the codes a newer build may add, after).
        let states = SLAState.allCases.map(\.rawValue)
        table(
            "По статусу", "By status",
            states.compactMap { k in stats.byStatus[k].map { (texts.status(SLAState(rawValue: k)!), $0) } }
                + ranked(stats.byStatus.filter { !states.contains($0.key) }))
        let stages = (0..<5).compactMap { Stage(rawValue: $0) }
        let stageCodes = stages.map(\.code)
        table(
            "По текущей стадии", "By current stage",
            stages.compactMap { s in stats.byStage[s.code].map { (texts.stage(s), $0) } }
                + (stats.byStage["none"].map { [(texts.noStage, $0)] } ?? [])
                + ranked(stats.byStage.filter { !stageCodes.contains($0.key) && $0.key != "none" }))
        table("По организации", "By organisation", ranked(stats.byOrganisation))
        table("Просрочено по организации", "Overdue by organisation", ranked(stats.overdueByOrganisation))
        if let executors { table("По исполнителю", "By executor", ranked(executors)) }
        table(
            "Сверка с плановой датой ПОС", "The platform's planned date checked",
            PlannedCheck.allCases.compactMap { c in stats.plannedChecks[c.rawValue].map { (texts.plannedCheck(c), $0) }
            })
        table(
            "Просроченные контроли по виду", "Overdue controls by kind",
            ranked(stats.overdueControls) { texts.control(code: $0) })
        table(
            "Предупреждения (посчитано с общим сроком)", "Warnings (computed with the general term)",
            MessageWarnings.all.compactMap { w in stats.warnings[w.code].map { (texts.warnings(w), $0) } }
                + ranked(stats.warnings.filter { code in !MessageWarnings.all.contains { $0.code == code.key } }))
        table("По регламенту (профилю)", "By profile", ranked(stats.byProfile))
        return XLSXSummary(lines: lines, tables: tables)
    }
}
