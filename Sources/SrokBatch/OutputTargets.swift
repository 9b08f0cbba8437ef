import SrokCore

/// The paths of a batch's output set — the output, the rejects, the summary — checked before
/// anything is opened or replaced: each is a file srok may write (``OutputTarget``), no two name
/// the same file (by path with the folder resolved, or by device and inode: hard and symbolic
/// links too), and none names the input.
struct OutputTargets {
    /// `-o`.
    let output: OutputTarget
    /// `--rejects`, or its default: `<output>.rejects.csv` beside a regular output,
    /// `srok-rejects.csv` in the working folder for standard output, a device or a FIFO.
    let rejects: OutputTarget
    /// `--summary-json`.
    let summary: OutputTarget?

    /// Resolves and checks the paths of `options`.
    init(_ options: BatchRunOptions) throws(SrokError) {
        output = try OutputTarget(options.output, option: "-o")
        let rejectsPath =
            options.rejects ?? (output.kind == .file ? options.output + ".rejects.csv" : "srok-rejects.csv")
        rejects = try OutputTarget(rejectsPath, option: "--rejects")
        summary = try options.summaryJSON.map { (path) throws(SrokError) in
            try OutputTarget(path, option: "--summary-json")
        }

        // Each pair once, reported against the later option.
        let named = [output, rejects] + (summary.map { [$0] } ?? [])
        for (k, later) in named.enumerated() {
            for earlier in named[..<k] where later.identity.isSameFile(as: earlier.identity) {
                throw .invalidValue(
                    field: later.option, value: later.path,
                    expected: LocalizedText(
                        ru:
                            "другой файл, а не тот, что указан в \(earlier.option) («\(earlier.path)»): он бы его заменил",
                        en:
                            "a file other than the one \(earlier.option) names ('\(earlier.path)'), which it would replace"
                    ))
            }
        }
        let input = options.input == "-" ? FileIdentity(standardStream: 0) : FileIdentity(path: options.input)
        for target in named where target.identity.isSameFile(as: input) {
            throw .invalidValue(
                field: target.option, value: target.path,
                expected: LocalizedText(
                    ru: "другой файл, а не вход («\(options.input)»): он бы его заменил",
                    en: "a file other than the input ('\(options.input)'), which it would replace"))
        }
    }

    /// The output set in the order it is replaced: the rejects, the summary, then the output
    /// last (the commit point).
    var inCommitOrder: [OutputTarget] { [rejects] + (summary.map { [$0] } ?? []) + [output] }
}
