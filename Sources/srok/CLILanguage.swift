import ArgumentParser
import Srok

/// The language of everything the CLI says, read from the command line (`--lang en`,
/// `--lang=en`) before ArgumentParser parses it, so that the help texts, the parser's own errors
/// and errors thrown before a command runs are in the same language as its output. Russian by
/// default; an unknown value leaves Russian (the parser then reports the bad `--lang` itself).
enum CLILanguage {
    /// The language asked for.
    static let current: Language = detect(Array(CommandLine.arguments.dropFirst()))

    /// The last `--lang` of `arguments` (before a `--` that ends the options), or Russian.
    static func detect(_ arguments: [String]) -> Language {
        var lang = Language.ru
        var i = 0
        while i < arguments.count {
            let a = arguments[i]
            if a == "--" { break }
            if a == "--lang", i + 1 < arguments.count {
                if let l = Language(code: arguments[i + 1]) { lang = l }
                i += 1
            } else if a.hasPrefix("--lang="), let l = Language(code: String(a.dropFirst(7))) {
                lang = l
            }
            i += 1
        }
        return lang
    }
}

extension String {
    /// The text with its first letter in upper case («Перенос на …» from «перенос на …»).
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}

/// `ru` in Russian, `en` in English (``CLILanguage``).
func tr(_ ru: String, _ en: String) -> String { CLILanguage.current == .ru ? ru : en }

/// An option's help in the CLI's language.
func help(_ ru: String, _ en: String, visibility: ArgumentVisibility = .default) -> ArgumentHelp {
    ArgumentHelp(tr(ru, en), visibility: visibility)
}
