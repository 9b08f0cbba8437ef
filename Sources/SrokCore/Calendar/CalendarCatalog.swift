/// The calendars Srok knows: the embedded defaults from `Data/calendars/`, optionally extended
/// or overridden by user files in the same format.
public struct CalendarCatalog: Sendable {
    /// Calendar definitions by id.
    public private(set) var definitions: [String: CalendarDefinition]

    /// The embedded defaults (parsed from the data compiled into the binary).
    public static func embedded() throws(SrokError) -> CalendarCatalog {
        let files = EmbeddedData.files.filter { $0.path.hasPrefix("calendars/") }
            .map { (name: "<embedded>/" + $0.path, text: $0.text) }
        return CalendarCatalog(definitions: try CalendarDefinition.parse(files: files))
    }

    /// A catalog of the given definitions.
    public init(definitions: [String: CalendarDefinition]) { self.definitions = definitions }

    /// Adds user calendar files (name, text): their calendars are added, and their `year` blocks
    /// replace the same years of existing calendars.
    public func extended(with files: [(name: String, text: String)]) throws(SrokError) -> CalendarCatalog {
        CalendarCatalog(definitions: try CalendarDefinition.parse(files: files, extending: definitions))
    }

    /// The definition for `id`, or an error listing the known ids.
    public func definition(_ id: String) throws(SrokError) -> CalendarDefinition {
        guard let d = definitions[id] else {
            throw .unknown(
                kind: LocalizedText(ru: "календарь", en: "calendar"), name: id, known: definitions.keys.sorted())
        }
        return d
    }

    /// Compiles the federal calendar (`RU`).
    public func federal(options: CalendarOptions = CalendarOptions()) throws(SrokError) -> WorkingCalendar {
        try WorkingCalendar.compile(try definition("RU"), options: options)
    }
}
