import SrokCore

extension SyscallError {
    /// The system's reason in both languages (``SystemErrorText``).
    package var text: LocalizedText { SystemErrorText.text(code) }
}

extension SrokError {
    /// A file error: what was being done (`ru` / `en`), then the system's reason.
    package static func io(_ path: String, ru: String, en: String, _ error: SyscallError) -> SrokError {
        .io(path: path, message: LocalizedText(ru: ru + ": ", en: en + ": ") + error.text)
    }

    /// A file error without a system reason.
    package static func io(_ path: String, ru: String, en: String) -> SrokError {
        .io(path: path, message: LocalizedText(ru: ru, en: en))
    }
}
