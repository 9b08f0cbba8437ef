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
    static let acceptedWorkbook = "an Office Open XML workbook (.xlsx) as Excel, LibreOffice or the ПОС export saves it"

    /// The error for `status` with the C layer's `message`, reading `part` of the workbook at `location`.
    static func error(_ status: Int32, message: String, part: String, at location: XLSXLocation) -> SrokError {
        switch status {
        case SROK_XLSX_ERR_IO.rawValue:
            return .io(path: location.file, message: message)
        case SROK_XLSX_ERR_NOT_ZIP.rawValue:
            if isCompoundFile(location.file) {
                return .io(
                    path: location.file,
                    message: "an encrypted (password-protected) workbook or an old binary .xls file, not .xlsx; "
                        + "expected " + acceptedWorkbook + ": open it in Excel and save it as .xlsx without a password")
            }
            return .io(path: location.file, message: "not an .xlsx workbook: \(message); expected " + acceptedWorkbook)
        case SROK_XLSX_ERR_NO_ENTRY.rawValue:
            return location.unreadable("the workbook has no part '\(part)'; expected " + acceptedWorkbook)
        case SROK_XLSX_ERR_ENCRYPTED.rawValue:
            return location.unreadable("part '\(part)' is encrypted; expected an unencrypted " + acceptedWorkbook)
        case SROK_XLSX_ERR_LIMIT.rawValue:
            return location.unreadable("part '\(part)': \(message)")
        case SROK_XLSX_ERR_MEMORY.rawValue:
            return location.unreadable("part '\(part)': out of memory")
        default:  // CORRUPT_ENTRY, XML
            return location.unreadable(
                "part '\(part)': \(message); the workbook is damaged (expected " + acceptedWorkbook + ")")
        }
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
