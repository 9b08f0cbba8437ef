import ArgumentParser
import Srok

/// `srok`: the deadline and SLA engine for citizen messages on the Feedback Platform (ПОС).
struct SrokCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "srok",
        abstract: tr(
            "Сроки рассмотрения сообщений ПОС: производственный календарь, сроки, этапы.",
            "Deadlines of citizen messages on the POS feedback platform: production calendar, terms, stages."),
        discussion: tr(
            "Язык вывода — русский; --lang en — английский. Коды выхода: 0 — успешно, 1 — часть строк пакета отклонена, 2 — неверный ввод (сообщение называет поле и допустимые формы).",
            "Output is in Russian; --lang en for English. Exit codes: 0 ok, 1 some batch rows rejected, 2 bad input (the message names the field and the accepted forms)."
        ),
        subcommands: [
            DueCommand.self, StatusCommand.self, BatchCommand.self, TableCommand.self, ProfilesCommand.self,
            RegulationCommand.self,
            DayCommand.self, CalendarCommand.self, AddCommand.self, BetweenCommand.self,
            RollCommand.self, VersionCommand.self,
        ]
    )

    @Flag(
        name: .long,
        help: help(
            "Показать версию, версию данных календаря и версию tzdata ICU.",
            "Print the version, the calendar data version and ICU's tzdata version."))
    var version = false

    mutating func run() throws {
        if version {
            try VersionCommand().run()
        } else {
            print(ParserTexts.translate(SrokCommand.helpMessage(), CLILanguage.current))
        }
    }
}

/// Thrown to end the process with a specific exit code after output was written.
struct CommandExitCode: Error { var code: Int32 }
