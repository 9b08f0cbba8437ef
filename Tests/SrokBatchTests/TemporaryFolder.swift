import Foundation
import Testing

/// A fresh folder under the system's temporary directory, removed when the value goes away.
final class TemporaryFolder {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("srok-test-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// `name` inside the folder.
    func file(_ name: String) -> String { path + "/" + name }

    /// The names in the folder, sorted.
    var names: [String] { ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted() }

    /// The bytes of `name` as text (nil when there is no such file).
    func text(_ name: String) -> String? {
        FileManager.default.contents(atPath: file(name)).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Writes `text` to `name`.
    func write(_ name: String, _ text: String) {
        #expect(FileManager.default.createFile(atPath: file(name), contents: Data(text.utf8)))
    }

    /// Removes the folder now (it is removed anyway when the value goes away).
    func remove() { try? FileManager.default.removeItem(atPath: path) }
}
