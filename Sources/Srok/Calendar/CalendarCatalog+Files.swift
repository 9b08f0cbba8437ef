import Foundation

extension CalendarCatalog {
    /// The embedded defaults extended with the calendar files at `paths` (read as UTF-8).
    /// - Throws: ``SrokError/io(path:message:)`` for an unreadable file, or a data error with
    ///   the file and line.
    public static func load(userFiles paths: [String]) throws(SrokError) -> CalendarCatalog {
        let base = try embedded()
        if paths.isEmpty { return base }
        var files: [(name: String, text: String)] = []
        for path in paths {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw .io(path: path, message: "cannot read the calendar file")
            }
            guard let text = String(data: data, encoding: .utf8) else {
                throw .io(path: path, message: "the calendar file is not valid UTF-8")
            }
            files.append((path, text))
        }
        return try base.extended(with: files)
    }
}
