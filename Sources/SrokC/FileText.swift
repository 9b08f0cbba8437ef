import SrokCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reading the data files a C caller names when opening a context.
enum FileText {
    /// The UTF-8 texts of `paths`, named by their paths, for ``SrokContext``'s file parameters.
    /// - Throws: ``SrokError/io(path:message:)`` naming the file, its kind and the system's reason.
    static func read(_ paths: [String], kind: String) throws(SrokError) -> [(name: String, text: String)] {
        var out: [(name: String, text: String)] = []
        for path in paths {
            let bytes = try bytes(of: path, kind: kind)
            guard let text = String(validating: bytes, as: UTF8.self) else {
                throw .io(
                    path: path,
                    message: "the \(kind) file is not valid UTF-8; data files are UTF-8 text (Data/FORMAT.md)")
            }
            out.append((path, text))
        }
        return out
    }

    private static func bytes(of path: String, kind: String) throws(SrokError) -> [UInt8] {
        func failure() -> SrokError {
            .io(path: path, message: "cannot read the \(kind) file: " + String(cString: strerror(errno)))
        }
        guard let file = fopen(path, "rb") else { throw failure() }
        defer { fclose(file) }
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
            out.append(contentsOf: chunk[0..<n])
            if n < chunk.count {
                if ferror(file) != 0 { throw failure() }
                return out
            }
        }
    }
}
