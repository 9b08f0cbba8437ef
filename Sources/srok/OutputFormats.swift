import ArgumentParser

/// `--format` of commands that print text or one JSON document (`day`, `status`, `profiles`,
/// `regulation check`).
enum TextOrJSONFormat: String, CaseIterable, ExpressibleByArgument {
    /// Human-readable text in `--lang`.
    case text
    /// One JSON document.
    case json
}

/// `--format` of commands that print text, CSV records or JSON (`due`, `table`).
enum RecordFormat: String, CaseIterable, ExpressibleByArgument {
    /// Human-readable text in `--lang`.
    case text
    /// A header and CSV records.
    case csv
    /// JSON.
    case json
}

/// `--format` of `srok calendar`: the year view, or one record per day.
enum CalendarFormat: String, CaseIterable, ExpressibleByArgument {
    /// The year view (twelve month grids and totals).
    case text
    /// One CSV record per day.
    case csv
    /// One JSON document with the totals and every day.
    case json
    /// An iCalendar file, one all-day event per day.
    case ics
}
