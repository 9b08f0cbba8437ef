import ArgumentParser
import Foundation
import Srok

// Exit codes: 0 ok; 1 partial (batch: some rows rejected); 2 bad input or fatal error.
do {
    var command = try SrokCommand.parseAsRoot()
    try command.run()
} catch let error as SrokError {
    FileHandle.standardError.write(Data("srok: \(error.description)\n".utf8))
    exit(2)
} catch let exit as CommandExitCode {
    Foundation.exit(exit.code)
} catch {
    let code = SrokCommand.exitCode(for: error)
    let message = SrokCommand.fullMessage(for: error)
    if code == .success {
        print(message)
        exit(0)
    }
    FileHandle.standardError.write(Data("\(message)\n".utf8))
    exit(2)
}
