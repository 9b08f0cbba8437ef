import CXLSX
import SrokCore
import SrokFiles

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Turns a status of the C layer (`srok_xlsx_status`) into a ``SrokError`` naming the file, the
/// part and what a workbook must be.
enum XLSXStatus {
    /// What a readable workbook is, for error messages.
    static let acceptedWorkbook = LocalizedText(
        ru: "книга Office Open XML (.xlsx), как её сохраняют Excel, LibreOffice или выгрузка ПОС",
        en: "an Office Open XML workbook (.xlsx) as Excel, LibreOffice or the POS platform's export saves it")

    /// The error for `status` with the C layer's `message` (English; ``words(_:)`` gives it in
    /// both languages), reading `part` of the workbook at `location`.
    static func error(_ status: Int32, message: String, part: String, at location: XLSXLocation) -> SrokError {
        let detail = words(message)
        switch status {
        case SROK_XLSX_ERR_IO.rawValue:
            // The C layer's reason is strerror's English: opened again here for the system's code.
            var reason = detail
            do { try Syscall.close(try Syscall.open(location.file, O_RDONLY | O_CLOEXEC)) } catch {
                reason = LocalizedText(ru: "не удаётся открыть файл: ", en: "cannot open the file: ") + error.text
            }
            return .io(path: location.file, message: reason)
        case SROK_XLSX_ERR_NOT_ZIP.rawValue:
            if isCompoundFile(location.file) {
                return .io(
                    path: location.file,
                    message: LocalizedText(
                        ru:
                            "зашифрованная (с паролем) книга или старый двоичный файл .xls, а не .xlsx; ожидается ",
                        en:
                            "an encrypted (password-protected) workbook or an old binary .xls file, not .xlsx; expected "
                    )
                        + acceptedWorkbook
                        + LocalizedText(
                            ru: ": откройте её в Excel и сохраните как .xlsx без пароля",
                            en: ": open it in Excel and save it as .xlsx without a password"))
            }
            return .io(
                path: location.file,
                message: LocalizedText(ru: "не книга .xlsx: ", en: "not an .xlsx workbook: ") + detail
                    + LocalizedText(ru: "; ожидается ", en: "; expected ") + acceptedWorkbook)
        case SROK_XLSX_ERR_NO_ENTRY.rawValue:
            return location.unreadable(
                LocalizedText(
                    ru: "в книге нет части «\(part)»; ожидается ", en: "the workbook has no part '\(part)'; expected ")
                    + acceptedWorkbook)
        case SROK_XLSX_ERR_ENCRYPTED.rawValue:
            return location.unreadable(
                LocalizedText(
                    ru: "часть «\(part)» зашифрована; ожидается незашифрованная ",
                    en: "part '\(part)' is encrypted; expected an unencrypted ") + acceptedWorkbook)
        case SROK_XLSX_ERR_LIMIT.rawValue:
            return location.unreadable(LocalizedText(ru: "часть «\(part)»: ", en: "part '\(part)': ") + detail)
        case SROK_XLSX_ERR_MEMORY.rawValue:
            return location.unreadable(
                LocalizedText(ru: "часть «\(part)»: не хватает памяти", en: "part '\(part)': out of memory"))
        default:  // CORRUPT_ENTRY, XML
            return location.unreadable(
                LocalizedText(ru: "часть «\(part)»: ", en: "part '\(part)': ") + detail
                    + LocalizedText(ru: "; книга повреждена (ожидается ", en: "; the workbook is damaged (expected ")
                    + acceptedWorkbook + ")")
        }
    }

    /// The C layer's messages (`srok_xlsx.c`'s `fail` formats) in Russian: `{0}` … are the values
    /// the English puts where its format has them. A message no template matches (a newer one)
    /// is given as the C layer wrote it in both.
    private static let templates: [(en: String, ru: String)] = [
        ("cannot open the file: {0}", "не удаётся открыть файл: {0}"),
        ("not a ZIP archive (no readable ZIP directory)", "не архив ZIP (нет читаемого каталога ZIP)"),
        ("the archive has no part {0}", "в архиве нет части {0}"),
        ("the ZIP directory entry of {0} is damaged", "запись каталога ZIP о части {0} повреждена"),
        ("part {0} is encrypted", "часть {0} зашифрована"),
        (
            "part {0} is compressed with ZIP method {1}; expected stored (0) or deflate (8)",
            "часть {0} сжата методом ZIP {1}; ожидается stored (0) или deflate (8)"
        ),
        ("the local header of part {0} is damaged", "локальный заголовок части {0} повреждён"),
        (
            "the compressed data is damaged or truncated (zlib/minizip error {0})",
            "сжатые данные повреждены или обрезаны (ошибка zlib/minizip {0})"
        ),
        ("the data fails its CRC-32 check", "данные не проходят проверку CRC-32"),
        ("out of memory", "не хватает памяти"),
        ("malformed XML (libxml2 error {0})", "ошибка в XML (ошибка libxml2 {0})"),
        // libxml2's own words (the last value) are English only.
        ("malformed XML at line {0}, column {1}: {2}", "ошибка в XML в строке {0}, столбце {1}"),
        ("part {0} is larger than its limit of {1} bytes", "часть {0} больше предела в {1} байт"),
        (
            "the shared-strings table holds more than {0} bytes of text",
            "в таблице общих строк больше {0} байт текста"
        ),
        ("a row has more than {0} cells", "в строке больше {0} ячеек"),
        ("a row holds more than {0} bytes", "строка больше {0} байт"),
    ]

    /// The C layer's `message` in both languages (see ``templates``).
    static func words(_ message: String) -> LocalizedText {
        for t in templates {
            if let values = match(message, t.en) {
                var ru = t.ru
                for (k, v) in values.enumerated() { ru = ru.replacingOccurrences(of: "{\(k)}", with: v) }
                return LocalizedText(ru: ru, en: message)
            }
        }
        return LocalizedText(verbatim: message)
    }

    /// The values of `{0}`, `{1}` … when `text` is `template` with them filled in, else nil.
    private static func match(_ text: String, _ template: String) -> [String]? {
        var literals: [Substring] = []
        var rest = template[...]
        while let open = rest.range(of: "{"), let close = rest[open.upperBound...].range(of: "}") {
            literals.append(rest[..<open.lowerBound])
            rest = rest[close.upperBound...]
        }
        literals.append(rest)
        guard text.hasPrefix(literals[0]) else { return nil }
        var at = text.index(text.startIndex, offsetBy: literals[0].count)
        var values: [String] = []
        for (k, literal) in literals.enumerated().dropFirst() {
            let isLast = k == literals.count - 1
            if isLast {
                guard text[at...].hasSuffix(literal), text[at...].count >= literal.count else { return nil }
                values.append(String(text[at..<text.index(text.endIndex, offsetBy: -literal.count)]))
            } else {
                guard let r = text[at...].range(of: literal) else { return nil }
                values.append(String(text[at..<r.lowerBound]))
                at = r.upperBound
            }
        }
        if literals.count == 1 { return text == template ? [] : nil }
        return values
    }

    /// A message buffer's text.
    static func text(_ buffer: [CChar]) -> String {
        String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Whether the file starts with the OLE compound-file signature (old .xls, or an encrypted
    /// .xlsx, which Excel wraps in a compound file).
    private static func isCompoundFile(_ path: String) -> Bool {
        guard let fd = try? Syscall.open(path, O_RDONLY | O_CLOEXEC) else { return false }
        defer { try? Syscall.close(fd) }
        var head = [UInt8](repeating: 0, count: 8)
        let n = head.withUnsafeMutableBytes { try? Syscall.read(fd, into: $0) }
        return n == 8 && head == [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]
    }
}
