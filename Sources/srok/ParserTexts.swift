import Foundation
import Srok

/// ArgumentParser writes its own words in English (section titles of the help, its errors for an
/// unknown option or a missing value). In Russian they are replaced here, pattern by pattern, so
/// that help and errors read in one language; the option names, values and the texts Srok gives
/// ArgumentParser (already in the CLI's language) pass through unchanged.
enum ParserTexts {
    /// `text` (ArgumentParser's help or error message) in `lang`.
    static func translate(_ text: String, _ lang: Language) -> String {
        guard lang == .ru else { return text }
        var s = text
        // «one of 'a', 'b' or 'c'» → «одно из: 'a', 'b', 'c'» (the conjunctions are English).
        if let r = s.range(of: "Please provide one of ") {
            let end = s[r.upperBound...].firstIndex(of: "\n") ?? s.endIndex
            let list = s[r.upperBound..<end].replacingOccurrences(of: "' and '", with: "', '")
                .replacingOccurrences(of: "' or '", with: "', '")
            s = s[..<r.lowerBound] + "Укажите одно из: " + list + s[end...]
        }
        for (pattern, template) in patterns {
            s = s.replacingOccurrences(of: pattern, with: template, options: .regularExpression)
        }
        return s
    }

    /// Regular expressions and their Russian templates, applied in order.
    private static let patterns: [(String, String)] = [
        ("(?m)^OVERVIEW:", "ОПИСАНИЕ:"),
        ("(?m)^USAGE:", "ИСПОЛЬЗОВАНИЕ:"),
        ("(?m)^ARGUMENTS:", "АРГУМЕНТЫ:"),
        ("(?m)^OPTIONS:", "ПАРАМЕТРЫ:"),
        ("(?m)^SUBCOMMANDS:", "ПОДКОМАНДЫ:"),
        ("(?m)^Usage:", "Использование:"),
        ("(?m)^Error:", "Ошибка:"),
        ("(?m)^Help:", "Справка:"),
        ("Show help information\\.", "Показать справку."),
        ("Show the version\\.", "Показать версию."),
        ("See '([^']+)' for detailed help\\.", "Подробнее о подкоманде: «$1»."),
        ("See '([^']+)' for more information\\.", "Подробнее: «$1»."),
        ("\\(values:(\\s)", "(значения:$1"),
        (";(\\s+)default:(\\s)", ";$1по умолчанию:$2"),
        ("\\(default:(\\s)", "(по умолчанию:$1"),
        ("Missing expected argument '([^']+)'", "не указан обязательный аргумент «$1»"),
        ("Missing value for '([^']+)'", "не указано значение параметра «$1»"),
        ("Unknown option '([^']+)'", "неизвестный параметр «$1»"),
        ("Unexpected argument '([^']+)'", "лишний аргумент «$1»"),
        ("Unexpected extra arguments?", "лишние аргументы"),
        ("The value '([^']*)' is invalid for '([^']+)'", "значение «$1» недопустимо для «$2»"),
        ("Did you mean '([^']+)'\\?", "Возможно, имелось в виду «$1»?"),
        ("(?m)^  --help, -h|-h, --help", "$0"),
        ("<subcommand>", "<подкоманда>"),
    ]
}
