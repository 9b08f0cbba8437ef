import Dispatch
import SrokCore

/// A batch's input opened: its format known, its CSV header read, its records ready to be
/// evaluated block by block and written in input order to whatever the caller gives. The one
/// pipeline behind ``BatchRunner/run(_:evaluator:observer:)`` (files) and the service's
/// `POST /v1/batch` (a request body in, a streamed response out): same columns, same rejects.
package struct BatchStream {
    private var reader: ChunkReader
    private let firstBlock: InputBlock
    private let format: BatchFormat
    private let schema: InputSchema?
    private let headers: [String]
    /// Lines before the first record (the header's).
    private let lineBase: Int

    /// Whether the input is JSON Lines: `options.inputFormat`, else `byName` (a `.jsonl` or
    /// `.ndjson` file name).
    package static func inputIsJSONL(_ options: BatchRunOptions, byName: Bool) throws(SrokError) -> Bool {
        switch options.inputFormat {
        case nil: return byName
        case "csv": return false
        case "jsonl": return true
        case let other?: throw .invalidValue(field: "--input-format", value: other, expected: "csv or jsonl")
        }
    }

    /// Opens the input `bytes` (a whole request body) with `options` (formats, delimiters,
    /// columns, limits; the paths are not used).
    package init(bytes: [UInt8], options: BatchRunOptions) throws(SrokError) {
        try options.validate()
        let jsonl = try Self.inputIsJSONL(options, byName: false)
        try self.init(
            reader: ChunkReader(
                bytes: bytes, chunk: options.chunkBytes, csv: !jsonl, maxRecordBytes: options.maxRecordBytes),
            options: options, byName: false)
    }

    /// Reads the first block and, for CSV, the header (errors before any output exists), and
    /// settles the output format and columns.
    init(reader: ChunkReader, options: BatchRunOptions, byName: Bool) throws(SrokError) {
        var reader = reader
        let inputIsJSONL = try Self.inputIsJSONL(options, byName: byName)
        let firstBlock = InputBlock(capacity: options.chunkBytes * 2)
        try reader.first(firstBlock, header: !inputIsJSONL)
        var headerEnd = 0
        // A UTF-8 BOM.
        let head = firstBlock.bytes
        if head.count >= 3, head[0] == 0xEF, head[1] == 0xBB, head[2] == 0xBF { headerEnd = 3 }

        // Header (CSV).
        var format: BatchFormat
        var schema: InputSchema?
        var headers: [String] = []
        var lineBase = 0
        if inputIsJSONL {
            format = BatchFormat(input: .jsonl, output: .jsonl, columns: options.columns)
        } else {
            let d = options.delimiter ?? firstBlock.detectDelimiter(from: headerEnd)
            let header = try BatchRunner.readHeader(head, from: headerEnd, delimiter: d, wholeInput: reader.eof)
            headers = header.names
            schema = try InputSchema(headers: headers)
            headerEnd = header.next
            lineBase = header.lines
            format = BatchFormat(input: .csv(delimiter: d), output: .csv(delimiter: d), columns: options.columns)
            reader.delimiter = d
        }
        format.maxRecordBytes = options.maxRecordBytes
        format.formulaEscape = options.formulaEscape
        reader.skipHeader(headerEnd)
        switch options.outputFormat {
        case nil: break
        case "csv":
            if case .csv = format.output {} else { format.output = .csv(delimiter: 0x2C) }
        case "jsonl": format.output = .jsonl
        case let other?: throw .invalidValue(field: "--output-format", value: other, expected: "csv or jsonl")
        }
        if let od = options.outputDelimiter, case .csv = format.output { format.output = .csv(delimiter: od) }
        if options.columns == OutputColumn.defaults {
            // No --columns: the controls array in JSON Lines, the audit when the export has the platform's planned date.
            let json: Bool
            if case .jsonl = format.output { json = true } else { json = false }
            format.columns = OutputColumn.defaults(jsonOutput: json, audit: schema?.has(.posPlannedDate) ?? false)
        }
        self.reader = reader
        self.firstBlock = firstBlock
        self.format = format
        self.schema = schema
        self.headers = headers
        self.lineBase = lineBase
    }

    /// Whether the output is JSON Lines (else CSV).
    package var outputIsJSONL: Bool {
        if case .jsonl = format.output { return true }
        return false
    }

    /// The rejects' header line (`line,id,column,value,reason`), as in the rejects file.
    package static let rejectsHeader = Array("line,id,column,value,reason\n".utf8)

    /// Evaluates every record on `jobs` worker threads and hands the output (the CSV header
    /// first), in input order, to `output`, and each block's rejects (CSV records after
    /// ``rejectsHeader``, which is written first) to `rejects`; `progress` gets the rows read and
    /// the input bytes consumed after each block. An error thrown by a callback ends the run.
    package mutating func run(
        evaluator: BatchEvaluator, jobs: Int,
        output: (UnsafeBufferPointer<UInt8>) throws(SrokError) -> Void,
        rejects: (UnsafeBufferPointer<UInt8>) throws(SrokError) -> Void,
        progress: (_ rows: Int, _ consumedBytes: Int) -> Void = { _, _ in }
    ) throws(SrokError) -> BatchStats {
        func write(_ bytes: [UInt8], _ to: (UnsafeBufferPointer<UInt8>) throws(SrokError) -> Void) throws(SrokError) {
            try bytes.withUnsafeBufferPointer { (p) throws(SrokError) in try to(p) }
        }
        // Output header.
        if case .csv(let od) = format.output {
            var h: [UInt8] = []
            for (k, c) in format.columns.enumerated() {
                if k > 0 { h.append(od) }
                h.append(contentsOf: c.rawValue.utf8)
            }
            h.append(0x0A)
            try write(h, output)
        }
        try write(Self.rejectsHeader, rejects)

        let jobs = max(1, jobs)
        // Segments of at most about 512 KB (one per worker, more for large chunks): their
        // output, about twice as long, is still in cache when it is written out.
        reader.parts = max(jobs, reader.chunk / (512 << 10))
        let pool = WorkerPool(count: jobs) { [format, schema, headers] in
            BatchWorker(evaluator: evaluator, format: format, schema: schema, headers: headers)
        }
        defer { pool.shutdown() }
        var stats = BatchStats()
        var line = 1 + lineBase  // the next record's line number
        // Blocks in flight: while the workers evaluate them, this thread reads and plans the
        // next block and writes the finished ones, in input order. Up to six (five while the
        // next is read) leave the workers something to do while this thread waits for a core
        // or for a write.
        let depth = 6
        var inflight: [BlockJob] = []
        var spareBlocks: [InputBlock] = []
        var spareTasks: [SegmentTask] = []
        var reader = self.reader
        defer { self.reader = reader }
        func drain() throws(SrokError) {
            let job = inflight.removeFirst()
            job.group.wait()
            for task in job.tasks {
                let r = task.result
                try task.output.withUnsafeBytes { (p) throws(SrokError) in try output(p) }
                var rej: [UInt8] = []
                for x in r.rejects {
                    let fields = [String(line + x.line - 1), x.id ?? "", x.column, x.value, x.reason]
                    rej.append(contentsOf: CSVText.record(fields).utf8)
                    rej.append(0x0A)
                }
                if !rej.isEmpty { try write(rej, rejects) }
                stats.merge(r.stats)
                line += r.lines
                task.finish()
                spareTasks.append(task)
            }
            spareBlocks.append(job.block)
            progress(stats.read, reader.consumedBytes)
        }
        do {
            var next = try reader.next(firstBlock, started: true)
            while let block = next {
                let group = DispatchGroup()
                var tasks: [SegmentTask] = []
                for k in 0..<block.segments {
                    let task = spareTasks.popLast() ?? SegmentTask()
                    task.prepare(block, k, group)
                    tasks.append(task)
                    pool.submit(task)
                }
                inflight.append(BlockJob(block: block, tasks: tasks, group: group))
                while inflight.count >= depth { try drain() }
                next = try reader.next(spareBlocks.popLast() ?? InputBlock(capacity: reader.chunk * 2))
            }
            while !inflight.isEmpty { try drain() }
        } catch {
            // Let the workers finish the blocks they hold before the pool and the blocks go.
            for job in inflight { job.group.wait() }
            throw error
        }
        return stats
    }
}
