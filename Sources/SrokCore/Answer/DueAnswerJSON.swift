extension DueAnswer {
    /// The answer as compact JSON (UTF-8), written byte by byte: the bytes ``OrderedJSONEncoder``
    /// writes for it through ``encode(to:)`` (the keys of ``Key`` in order, `null` for the empty
    /// ones; the texts in the language the answer was built in), without the `Encoder` machinery.
    /// `srok due --format json` prints it and the service's `POST /v1/due` and the C ABI's
    /// `srok_due_json` answer it.
    public var json: [UInt8] {
        var w = JSONBytesWriter()
        w.string(Key.profile.rawValue, profile)
        w.string(Key.regime.rawValue, regime.rawValue)
        w.string(Key.calendar.rawValue, calendar)
        w.string(Key.tz.rawValue, tz)
        w.string(Key.registeredAt.rawValue, registeredAt.description)
        w.string(Key.term.rawValue, term.description)
        w.string(Key.dueDate.rawValue, dueDate.iso)
        w.string(Key.due.rawValue, due.description)
        w.string(Key.rolled.rawValue, rolled)
        for stage in Stage.allCases {
            w.key(stage.columnStem, "_due")
            w.value(stageDue[stage].description)
        }
        for stage in Stage.allCases {
            w.key(stage.columnStem, "_budget_minutes")
            w.value(budgetMinutes[stage])
        }
        w.string(Key.basis.rawValue, basis.rawValue)
        w.bool(Key.provisional.rawValue, provisional)
        w.string(Key.originalDueDate.rawValue, originalDueDate?.iso)
        w.string(Key.originalDue.rawValue, originalDue?.description)
        w.string(Key.dueReason.rawValue, dueReason?.rawValue)
        w.string(Key.budgets.rawValue, budgets.rawValue)
        w.string(Key.termSource.rawValue, termSource)
        w.string(Key.calendarDataVersion.rawValue, calendarDataVersion)
        w.string(Key.rolledText.rawValue, rolledText)
        w.string(Key.dueReasonText.rawValue, dueReasonText)
        w.strings(Key.warnings.rawValue, warnings)
        w.string(Key.warningsText.rawValue, warningsText)
        return w.finish()
    }
}
