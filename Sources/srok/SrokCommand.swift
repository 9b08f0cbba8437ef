import ArgumentParser
import Srok

/// `srok`: the deadline and SLA engine for citizen messages on the Feedback Platform (ПОС).
struct SrokCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "srok",
        abstract: "Сроки рассмотрения сообщений ПОС: производственный календарь, сроки, этапы.",
        discussion:
            "Exit codes: 0 ok, 1 some batch rows rejected, 2 bad input (the message names the field and the accepted forms).",
        subcommands: [
            DueCommand.self, StatusCommand.self, BatchCommand.self, TableCommand.self, ProfilesCommand.self,
            RegulationCommand.self,
            DayCommand.self, CalendarCommand.self, AddCommand.self, BetweenCommand.self,
            RollCommand.self, VersionCommand.self,
        ]
    )

    @Flag(name: .long, help: "Print the version, the calendar data version and ICU's tzdata version.")
    var version = false

    mutating func run() throws {
        if version {
            try VersionCommand().run()
        } else {
            print(SrokCommand.helpMessage())
        }
    }
}

/// Thrown to end the process with a specific exit code after output was written.
struct CommandExitCode: Error { var code: Int32 }
