import SrokCore
import SrokFiles
import Synchronization

/// What an `srok_context *` points to: the loaded data, the one message resolver, and a cache of
/// the fast path's resolved engines and category terms. Immutable after opening except for the
/// caches, which are locked; shared by every thread that calls the C interface.
final class CContext: Sendable {
    /// The resolver every call goes through (its defaults are ``MessageDefaults``'s).
    let resolver: MessageResolver
    /// The JSON calls over ``resolver``.
    let calls: MessageJSONCall
    /// The fast path's plans, keyed by the request's text fields as raw bytes (see ``PlanKey``).
    let plans = PlanCache()
    /// The language of the errors' messages and of the JSON answers' texts (`srok_open_options.language`).
    let language: Language

    /// A context over `context`, speaking `language`.
    init(_ context: SrokContext, language: Language = .ru) {
        resolver = MessageResolver(context: context)
        var calls = MessageJSONCall(resolver: resolver)
        calls.language = language
        self.calls = calls
        self.language = language
    }

    /// The context of the embedded data plus the files named (read from disk here), with years up
    /// to `provisionalThroughYear` computed from the statutory rules alone.
    /// - Throws: ``SrokError/io(path:message:)`` for a file that cannot be read or is not UTF-8,
    ///   ``SrokError/data(location:message:)`` for a file that does not parse, an invalid year.
    static func open(
        calendarFiles: [String], profileFiles: [String], regionFiles: [String], provisionalThroughYear: Int?,
        language: Language = .ru
    ) throws(SrokError) -> CContext {
        if let year = provisionalThroughYear, !(1999...2200).contains(year) {
            throw .invalidValue(
                field: "provisional_through_year", value: String(year),
                expected: LocalizedText(ru: "0 (нет) или ", en: "0 (none) or ") + .year(from: 1999, to: 2200))
        }
        let context = try SrokContext(
            calendarFiles: try DataFiles.read(calendarFiles, kind: "calendar"),
            profileFiles: try DataFiles.read(profileFiles, kind: "profile"),
            regionFiles: try DataFiles.read(regionFiles, kind: "region"),
            options: CalendarOptions(provisionalThroughYear: provisionalThroughYear))
        return CContext(context, language: language)
    }
}
