import SrokCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The system's reason for a failed call (`errno`) in both output languages: the English is
/// `strerror`'s, the Russian the GNU C library's own Russian translation (libc.mo, `ru`) for the
/// errors file work meets, so a message does not depend on which locales the machine has.
package enum SystemErrorText {
    /// The reason for `code`: `strerror` in English; in Russian the C library's translation, or
    /// «системная ошибка № N» for a code outside the table.
    package static func text(_ code: Int32) -> LocalizedText {
        let english = String(cString: strerror(code))
        return LocalizedText(ru: russian[code] ?? "системная ошибка № \(code)", en: english)
    }

    /// glibc 2.36 `ru` translations of the `strerror` texts.
    private static let russian: [Int32: String] = [
        EPERM: "Операция не позволена",
        ENOENT: "Нет такого файла или каталога",
        EINTR: "Прерван системный вызов",
        EIO: "Ошибка ввода/вывода",
        ENXIO: "Нет такого устройства или адреса",
        EBADF: "Неправильный дескриптор файла",
        EAGAIN: "Ресурс временно недоступен",
        ENOMEM: "Невозможно выделить память",
        EACCES: "Отказано в доступе",
        EBUSY: "Устройство или ресурс занято",
        EEXIST: "Файл существует",
        EXDEV: "Неверная ссылка между устройствами",
        ENODEV: "Нет такого устройства",
        ENOTDIR: "Это не каталог",
        EISDIR: "Это каталог",
        EINVAL: "Недопустимый аргумент",
        ENFILE: "Слишком много открытых файлов в системе",
        EMFILE: "Слишком много открытых файлов",
        ETXTBSY: "Текстовый файл занят",
        EFBIG: "Файл слишком велик",
        ENOSPC: "На устройстве не осталось свободного места",
        ESPIPE: "Недопустимая операция смещения",
        EROFS: "Файловая система доступна только для чтения",
        EPIPE: "Обрыв канала",
        ENAMETOOLONG: "Слишком длинное имя файла",
        ENOTEMPTY: "Каталог не пуст",
        ELOOP: "Слишком много уровней символьных ссылок",
        EOVERFLOW: "Значение слишком велико для такого типа данных",
        ENOTSUP: "Неподдерживаемая операция",
        EDQUOT: "Превышена дисковая квота",
        ESTALE: "Устаревший дескриптор файла",
    ]
}
