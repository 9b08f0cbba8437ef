import Foundation
import SrokCore

/// Reading users' data files (calendars, regions, profiles) from disk.
package enum DataFiles {
    /// The UTF-8 texts of `paths`, named by their paths, for the catalogs' `files:` parameters.
    /// - Throws: ``SrokError/io(path:message:)`` naming the file and what kind of file it should be.
    package static func read(_ paths: [String], kind: String) throws(SrokError) -> [(name: String, text: String)] {
        var out: [(name: String, text: String)] = []
        for path in paths {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw .io(path: path, message: "cannot read the \(kind) file")
            }
            guard let text = String(data: data, encoding: .utf8) else {
                throw .io(path: path, message: "the \(kind) file is not valid UTF-8; data files are UTF-8 text (Data/FORMAT.md)")
            }
            out.append((path, text))
        }
        return out
    }
}
