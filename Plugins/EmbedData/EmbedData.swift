import Foundation
import PackagePlugin

/// Embeds every data file under the package's `Data/` folder (all but Markdown) into the target
/// as Swift source, so that a copied `srok` binary carries its defaults with no files beside it.
@main
struct EmbedData: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let dataDir = context.package.directoryURL.appending(path: "Data")
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedData.swift")
        var inputs: [URL] = []
        var folders: [URL] = [dataDir]
        if let walker = FileManager.default.enumerator(at: dataDir, includingPropertiesForKeys: nil) {
            for case let url as URL in walker {
                if url.hasDirectoryPath { folders.append(url) } else if url.pathExtension != "md" { inputs.append(url) }
            }
        }
        inputs.sort { $0.path < $1.path }
        return [
            .buildCommand(
                displayName: "Embedding \(inputs.count) data files from Data/",
                executable: try context.tool(named: "SrokEmbed").url,
                arguments: [output.path, dataDir.path] + inputs.map(\.path),
                // The folders too: adding a file to one changes its modification time, which
                // makes the build re-run this command (a new file is not in `inputs` yet).
                inputFiles: inputs + folders,
                outputFiles: [output]
            )
        ]
    }
}
