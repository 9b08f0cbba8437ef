import SrokCore
import SrokFiles

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A batch's input, opened: its kind decided (CSV, JSON Lines or an XLSX workbook), a CSV's
/// encoding and delimiter found, its first block read and its header mapped.
///
/// - **Kind**: `--input-format`, else an XLSX workbook when the file starts with a ZIP entry
///   (`PK\3\4`) or is named `.xlsx`/`.xlsm`, else JSON Lines by the extension `.jsonl`/`.ndjson`,
///   else CSV. Standard input is CSV or JSON Lines (a workbook needs to be a file).
/// - **Encoding** (CSV): `--encoding`, else detected from the first chunk: a BOM (UTF-8, UTF-16LE,
///   UTF-16BE), else UTF-8 when its bytes from the first non-ASCII one on are valid UTF-8, else
///   Windows-1251. UTF-8 is read straight into the blocks (no copy, no conversion); the others
///   through ICU (``TranscodingReader``). An input whose first chunk is all ASCII is read as UTF-8.
/// - **Delimiter** (CSV): `--delimiter`, else whichever of `,` `;` TAB the header holds most.
/// - **Workbook**: the sheet's rows become TAB-separated records (``XLSXRecordSource``); reject
///   lines are sheet rows.
final class BatchInput {
    /// What the input is.
    enum Kind: Equatable {
        /// Delimited text with a header row.
        case csv
        /// JSON Lines.
        case jsonl
        /// An Office Open XML workbook.
        case xlsx
    }

    let kind: Kind
    /// The open input (none for a workbook, which is read by path).
    private let file: InputFile?
    /// The chunk reader, positioned after the header.
    var reader: ChunkReader
    /// The first block, read (the header's bytes are skipped by the reader).
    let firstBlock: InputBlock
    /// The records' delimiter (a workbook's: TAB); nil for JSON Lines.
    let delimiter: UInt8?
    /// The encoding a CSV input is read in (UTF-8 for the others).
    let encoding: InputEncoding
    /// Whether the CSV input began with a UTF-8 BOM.
    let bom: Bool
    /// The header's columns (nil for JSON Lines).
    let schema: InputSchema?
    /// The header's names as written.
    let headers: [String]
    /// Line breaks in the header (the first record's line is one more).
    let headerLines: Int
    /// The workbook, for an XLSX input.
    let workbook: XLSXRecordSource?
    private let transcoder: TranscodingReader?
    private let totalBytes: Int

    /// Closes the input's descriptor when the input goes away (standard input stays open).
    private final class InputFile {
        let fd: Int32
        init(_ fd: Int32) { self.fd = fd }
        deinit { if fd > 0 { try? Syscall.close(fd) } }
    }

    /// Opens `options.input`. Fatal problems throw: an unreadable file, an unknown format or
    /// sheet, no header, a missing `id` or `registered_at`.
    convenience init(_ options: BatchRunOptions) throws(SrokError) {
        let path = options.input
        var kind = try Self.kind(options)
        var file: InputFile?
        if kind != .xlsx {
            do { file = InputFile(path == "-" ? 0 : try Syscall.open(path, O_RDONLY | O_CLOEXEC)) } catch {
                throw .io(path, ru: "не удаётся открыть вход", en: "cannot open the input", error)
            }
            if options.inputFormat == nil, Self.startsWithZipEntry(file!.fd) {
                file = nil
                kind = .xlsx
            }
        }
        try self.init(kind: kind, file: file, body: nil, options)
    }

    /// Opens `body`, a whole input held in memory (a request body to the service): CSV
    /// (`--input-format csv`, the default; encoding and delimiter as for a file) or JSON Lines. A
    /// workbook is read by path and is not accepted.
    convenience init(body: [UInt8], options: BatchRunOptions) throws(SrokError) {
        let kind: Kind
        switch options.inputFormat {
        case nil, "csv": kind = .csv
        case "jsonl": kind = .jsonl
        case let other?: throw .invalidValue(field: "--input-format", value: other, expected: .oneOf(["csv", "jsonl"]))
        }
        try self.init(kind: kind, file: nil, body: body, options)
    }

    /// Opens the input of `kind`: `file` (CSV or JSON Lines), `body` (in memory) or, for a
    /// workbook, `options.input` by path.
    private init(kind: Kind, file: InputFile?, body: [UInt8]?, _ options: BatchRunOptions) throws(SrokError) {
        let path = body == nil ? options.input : "body"
        if let sheet = options.sheet, kind != .xlsx {
            throw .invalidValue(
                field: "--sheet", value: sheet,
                expected: LocalizedText(
                    ru: "вход .xlsx (этот вход — не книга Excel)", en: "an .xlsx input (the input is not a workbook)"))
        }
        self.kind = kind
        self.file = file
        let fd = file?.fd ?? -1
        let block = InputBlock(capacity: options.chunkBytes * 2)
        firstBlock = block
        totalBytes = body?.count ?? (fd >= 0 ? Syscall.regularFileSize(fd) ?? 0 : 0)
        // The body's bytes, read in place of a file's.
        let memory = body.map(MemorySource.init)
        switch kind {
        case .jsonl:
            reader = ChunkReader(
                fd: fd, source: memory, chunk: options.chunkBytes, csv: false, maxRecordBytes: options.maxRecordBytes)
            try reader.first(block, header: false)
            delimiter = nil
            encoding = .utf8
            bom = false
            schema = nil
            headers = []
            headerLines = 0
            workbook = nil
            transcoder = nil
        case .xlsx:
            guard path != "-" else {
                throw .invalidValue(
                    field: "--input-format", value: "xlsx",
                    expected: LocalizedText(
                        ru: "файл книги Excel (.xlsx нельзя прочитать со стандартного ввода)",
                        en: "a workbook file (an .xlsx cannot be read from standard input)"))
            }
            let sheet = options.sheet.map(XLSXSheetSelector.init(argument:)) ?? .first
            let source = try XLSXRecordSource(path: path, sheet: sheet, language: options.language)
            reader = ChunkReader(
                fd: -1, source: source, chunk: options.chunkBytes, csv: true, maxRecordBytes: options.maxRecordBytes)
            try reader.first(block, header: true)
            delimiter = XLSXRecordSource.delimiter
            encoding = .utf8
            bom = false
            workbook = source
            transcoder = nil
            (schema, headers, headerLines) = try Self.header(
                &reader, block, from: 0, delimiter: XLSXRecordSource.delimiter)
        case .csv:
            var skip = 0
            var chosen = options.encoding
            var text: TranscodingReader?
            reader = ChunkReader(
                fd: fd, source: memory, chunk: options.chunkBytes, csv: true, maxRecordBytes: options.maxRecordBytes)
            if chosen == .auto || chosen == .utf8 {
                try reader.first(block, header: true)
                if chosen == .auto { chosen = Self.detect(block.bytes, atEnd: reader.eof) }
                if chosen == .utf8 {
                    // UTF-8 is read as it is; a BOM is skipped with the header.
                    if block.bytes.starts(with: InputEncoding.utf8.byteOrderMark) { skip = 3 }
                } else {
                    // Another encoding: the bytes read so far go through the converter first.
                    // (A body: all of it, the converter reads no file.)
                    text = TranscodingReader(fd: fd, path: path, encoding: chosen, prefix: body ?? Array(block.bytes))
                }
            } else {
                text = TranscodingReader(fd: fd, path: path, encoding: chosen, prefix: body ?? [])
            }
            if let text {
                // The converter drops the BOM.
                reader = ChunkReader(
                    fd: fd, source: text, chunk: options.chunkBytes, csv: true, maxRecordBytes: options.maxRecordBytes)
                try reader.first(block, header: true)
            }
            encoding = chosen
            bom = skip > 0
            transcoder = text
            workbook = nil
            let d = options.delimiter ?? block.detectDelimiter(from: skip)
            delimiter = d
            (schema, headers, headerLines) = try Self.header(&reader, block, from: skip, delimiter: d)
        }
    }

    /// Throws when `--strict-columns` is set and the header has a column it does not recognise,
    /// naming each in `options.language`.
    func checkColumns(_ options: BatchRunOptions) throws(SrokError) {
        guard options.strictColumns, let unknown = schema?.unknown, !unknown.isEmpty else { return }
        let hint = LocalizedText(
            ru: " (--strict-columns: нераспознанный столбец — ошибка; принимаемые названия перечислены в README)",
            en: " (--strict-columns: an unrecognised column is an error; the accepted names are listed in the README)")
        let list = LocalizedText(
            ru: unknown.map { $0.message(.ru) }.joined(separator: "; "),
            en: unknown.map { $0.message(.en) }.joined(separator: "; "))
        throw .io(path: options.input, message: list + hint)
    }

    /// Reads and maps the header that starts at `start` of the first block, and tells the reader
    /// to skip it.
    private static func header(
        _ reader: inout ChunkReader, _ block: InputBlock, from start: Int, delimiter d: UInt8
    ) throws(SrokError) -> (InputSchema, [String], Int) {
        let header = try BatchRunner.readHeader(block.bytes, from: start, delimiter: d, wholeInput: reader.eof)
        let schema: InputSchema
        do { schema = try InputSchema(headers: header.names, delimiter: d) } catch {
            let bytes = UnsafeBufferPointer(rebasing: block.bytes[start..<header.next])
            guard case .invalidValue(let field, let value, let expected) = error,
                EncodingDetector.utf8Check(bytes, atEnd: true) == .invalid
            else { throw error }
            throw .invalidValue(
                field: field, value: value,
                expected: expected
                    + LocalizedText(
                        ru:
                            "; заголовок не в UTF-8: укажите кодировку файла в --encoding (\(InputEncoding.accepted.ru))",
                        en: "; the header is not UTF-8: give the file's --encoding (\(InputEncoding.accepted.en))"))
        }
        reader.delimiter = d
        reader.skipHeader(header.next)
        return (schema, header.names, header.lines)
    }

    /// The kind by `--input-format` or the name (content is checked once the file is open).
    private static func kind(_ options: BatchRunOptions) throws(SrokError) -> Kind {
        let lower = options.input.lowercased()
        switch options.inputFormat {
        case nil:
            if lower.hasSuffix(".xlsx") || lower.hasSuffix(".xlsm") { return .xlsx }
            return lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson") ? .jsonl : .csv
        case "csv": return .csv
        case "jsonl": return .jsonl
        case "xlsx": return .xlsx
        case let other?:
            throw .invalidValue(field: "--input-format", value: other, expected: .oneOf(["csv", "jsonl", "xlsx"]))
        }
    }

    /// Whether the regular file `fd` starts with a ZIP local file header (`PK\3\4`): a workbook
    /// whatever its name. Pipes and standard input are not looked at (a read would consume them).
    private static func startsWithZipEntry(_ fd: Int32) -> Bool {
        guard fd > 0, Syscall.regularFileSize(fd) != nil else { return false }
        var head: (UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0)
        let n = withUnsafeMutableBytes(of: &head) { pread(fd, $0.baseAddress, 4, 0) }
        return n == 4 && head == (0x50, 0x4B, 0x03, 0x04)
    }

    /// The encoding of a text from its first chunk: a BOM, else UTF-8 when the 4 KiB from the
    /// first non-ASCII byte are valid UTF-8 (or there is none), else Windows-1251. (Cyrillic in
    /// Windows-1251 is never valid UTF-8 for long: a letter is a byte ≥ 0xC0, which UTF-8 must
    /// follow with a byte below 0xC0, and the next letter is not one.)
    static func detect(_ bytes: UnsafeBufferPointer<UInt8>, atEnd: Bool) -> InputEncoding {
        for e in [InputEncoding.utf8, .utf16le, .utf16be] where bytes.starts(with: e.byteOrderMark) { return e }
        guard let first = bytes.firstIndex(where: { $0 >= 0x80 }) else { return .utf8 }
        let end = min(bytes.count, first + (4 << 10))
        let window = UnsafeBufferPointer(rebasing: bytes[first..<end])
        switch EncodingDetector.utf8Check(window, atEnd: atEnd && end == bytes.count) {
        case .valid, .tooShort: return .utf8
        case .invalid: return .windows1251
        }
    }

    /// The input's line number for `line` of the text read: a workbook's sheet row, else itself.
    func inputLine(_ line: Int) -> Int { workbook?.sheetRow(line: line) ?? line }

    /// Input read so far and in all, for progress: a workbook's inflated sheet XML, a converted
    /// text's input bytes, else `consumed`, the bytes the reader handed out in blocks.
    func progress(consumed: Int) -> (bytes: Int, total: Int) {
        if let workbook { return (workbook.progress.read, workbook.progress.total) }
        if let transcoder { return (transcoder.consumed, totalBytes) }
        return (consumed, totalBytes)
    }
}

/// A whole input held in memory, handed out in order as a ``ChunkReader`` asks.
final class MemorySource: ChunkSource {
    private let bytes: [UInt8]
    private var offset = 0

    /// Reads `bytes`.
    init(_ bytes: [UInt8]) { self.bytes = bytes }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(SrokError) -> Int {
        let n = min(buffer.count, bytes.count - offset)
        guard n > 0 else { return 0 }
        bytes.withUnsafeBytes { buffer.baseAddress!.copyMemory(from: $0.baseAddress! + offset, byteCount: n) }
        offset += n
        return n
    }
}
