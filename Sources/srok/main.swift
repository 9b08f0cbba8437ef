import ArgumentParser
import Foundation
import Srok

// Exit codes: 0 ok; 1 partial (batch: some rows rejected); 2 bad input or fatal error.
do {
    var command = try SrokCommand.parseAsRoot()
    try command.run()
    if let reason = StandardStreams.flushOutput() {
        StandardStreams.error(
            tr("srok: не удаётся записать стандартный вывод: ", "srok: cannot write the standard output: ")
                + reason(CLILanguage.current) + "\n")
        exit(2)
    }
} catch let error as SrokError {
    ProvisionalExample.report(error)
    exit(2)
} catch let exit as CommandExitCode {
    Foundation.exit(exit.code)
} catch {
    let code = SrokCommand.exitCode(for: error)
    let message = ParserTexts.translate(SrokCommand.fullMessage(for: error), CLILanguage.current)
    if code == .success {
        print(message)
        exit(0)
    }
    StandardStreams.error("\(message)\n")
    exit(2)
}
