import Dispatch
import Foundation
import HTTPTypes
import Hummingbird
import Srok
import Synchronization

/// `POST /v1/batch`: a CSV or JSON Lines export in the body, evaluated by the batch's own pipeline
/// (``BatchStream``: the columns, rows and rejects of `srok batch`) and streamed back as it is
/// computed, as `multipart/mixed` with three parts: `output` (what `srok batch -o` writes),
/// `rejects` (the rejects file: `line,id,column,value,reason`) and `summary` (`--summary-json`).
enum BatchRoute {
    /// The query parameters, each the `srok batch` flag of the same name.
    static let parameters = [
        "input_format", "output_format", "delimiter", "output_delimiter", "columns", "as_of", "profile", "tz",
        "region", "strict_categories", "lenient_fast_track",
    ]

    /// The media types of CSV and JSON Lines bodies.
    static let csvTypes = ["text/csv", "application/csv"]
    static let jsonlTypes = [
        "application/x-ndjson", "application/jsonl", "application/x-jsonlines", "application/jsonlines",
    ]

    static func respond(
        _ request: Request, _ data: ServiceData, configuration: ServerConfiguration, metrics: ServerMetrics
    ) async throws -> Response {
        let query = try QueryParameters(request, accepted: parameters)
        var options = BatchRunOptions()
        options.inputFormat = try inputFormat(request, query)
        options.outputFormat = try query["output_format"].map { _ in
            try query.choice("output_format", ["csv", "jsonl"], default: "csv")
        }
        options.delimiter = try delimiter(query, "delimiter")
        options.outputDelimiter = try delimiter(query, "output_delimiter")
        if let columns = query["columns"] {
            do { options.columns = try OutputColumn.parse(columns) } catch { throw Problem(error, field: "columns") }
        }
        // The body may be UTF-8, UTF-16 or Windows-1251 (read as srok batch reads a file); the
        // answer's CSV parts are UTF-8, as their media type says.
        options.outputEncoding = .utf8
        // Reasons, `*_text` columns and the summary in the request's language, as `--lang` gives it.
        options.language = request.language
        options.jobs = configuration.batchJobs
        let defaults = try defaults(query, data)
        let body = try await RequestBody.bytes(request, limit: configuration.batchBodyLimit)
        var stream: BatchStream
        do { stream = try BatchStream(bytes: body, options: options) } catch { throw Problem(error, field: "body") }
        let evaluator = BatchEvaluator(context: data.context, defaults: defaults)
        let boundary = "srok-" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        let outputType = stream.outputIsJSONL ? "application/x-ndjson" : "text/csv; charset=utf-8"
        let outputName = stream.outputIsJSONL ? "output.jsonl" : "output.csv"
        let channel = BatchChannel()
        let started = ContinuousClock.now
        let producer = BatchProducer(
            stream: stream, evaluator: evaluator, jobs: options.jobs, language: options.language)
        Thread {
            producer.run(
                channel: channel, boundary: boundary, outputType: outputType, outputName: outputName, started: started
            ) {
                metrics.batchRows(good: $0.written, rejected: $0.rejected)
            }
        }.start()
        let body2 = ResponseBody { writer in
            do {
                for await buffer in channel.stream {
                    try await writer.write(buffer)
                    channel.consumed()
                }
                try await writer.finish(nil)
            } catch {
                channel.cancel()
                throw error
            }
        }
        return Response(
            status: .ok, headers: [.contentType: "multipart/mixed; boundary=\(boundary)"], body: body2)
    }

    /// The input's format: `?input_format=`, else the body's media type.
    static func inputFormat(_ request: Request, _ query: QueryParameters) throws -> String {
        if query["input_format"] != nil { return try query.choice("input_format", ["csv", "jsonl"], default: "csv") }
        let type = RequestBody.mediaType(request)
        if let type, csvTypes.contains(type) { return "csv" }
        if let type, jsonlTypes.contains(type) { return "jsonl" }
        throw Problem(
            .unsupportedMediaType, kind: "unsupported-media-type", field: "Content-Type", value: type,
            expected: LocalizedText(verbatim: (csvTypes + jsonlTypes).joined(separator: ", "))
                + LocalizedText(ru: " (или ?input_format=csv|jsonl)", en: " (or ?input_format=csv|jsonl)"))
    }

    /// A delimiter parameter: `,` `;` or a tab, also by name.
    static func delimiter(_ query: QueryParameters, _ name: String) throws -> UInt8? {
        guard let v = query[name] else { return nil }
        switch v {
        case ",", "comma": return 0x2C
        case ";", "semicolon": return 0x3B
        case "\t", "tab": return 0x09
        default:
            throw Problem(
                .badRequest, kind: "invalid-value", field: name, value: v,
                expected: .oneOf([",", ";", "tab", "comma", "semicolon"]))
        }
    }

    /// The rows' defaults: the service's, with the request's profile, zone, region, as-of and
    /// checks (as `srok batch`'s flags give them).
    static func defaults(_ query: QueryParameters, _ data: ServiceData) throws -> MessageDefaults {
        var d = data.defaults
        do throws(SrokError) {
            if let p = query["profile"] { d.profile = try data.context.profile(p).id }
            if let tz = query["tz"] {
                _ = try data.context.zone(tz)
                d.tz = tz
            }
            if let region = query["region"] {
                _ = try data.context.calendar(region: region)
                d.region = region
            }
            var zoneID = d.tz
            if zoneID == nil { zoneID = try data.context.profile(d.profile).zone.value }
            let zone = try data.context.zone(zoneID ?? "Europe/Moscow")
            d.asOf = DataStore.now()
            if let asOf = query["as_of"] { d.asOf = try Timestamp(parsing: asOf, field: "as_of").resolve(in: zone) }
        } catch {
            throw Problem(error)
        }
        d.strictCategories = try query.flag("strict_categories")
        d.lenientFastTrack = try query.flag("lenient_fast_track")
        return d
    }
}

/// Runs one batch on its own thread (the pipeline blocks on its workers) and sends the multipart
/// body through a ``BatchChannel``.
final class BatchProducer: @unchecked Sendable {
    // Touched only by the producer's thread once started.
    private var stream: BatchStream
    private let evaluator: BatchEvaluator
    private let jobs: Int
    private let language: Language

    init(stream: BatchStream, evaluator: BatchEvaluator, jobs: Int, language: Language) {
        self.stream = stream
        self.evaluator = evaluator
        self.jobs = jobs
        self.language = language
    }

    func run(
        channel: BatchChannel, boundary: String, outputType: String, outputName: String,
        started: ContinuousClock.Instant,
        done: (BatchStats) -> Void
    ) {
        func part(_ name: String, _ type: String, _ file: String, first: Bool = false) -> [UInt8] {
            Array(
                ((first ? "" : "\r\n") + "--\(boundary)\r\nContent-Type: \(type)\r\n"
                    + "Content-Disposition: attachment; name=\"\(name)\"; filename=\"\(file)\"\r\n\r\n").utf8)
        }
        var rejects: [UInt8] = []
        var pending = part("output", outputType, outputName, first: true)
        do throws(SrokError) {
            try channel.send(pending)
            pending.removeAll()
            let stats = try stream.run(
                evaluator: evaluator, jobs: jobs,
                output: { (bytes) throws(SrokError) in
                    pending.append(contentsOf: bytes)
                    if pending.count >= 64 << 10 {
                        try channel.send(pending)
                        pending.removeAll(keepingCapacity: true)
                    }
                },
                rejects: { (bytes) throws(SrokError) in rejects.append(contentsOf: bytes) })
            done(stats)
            let elapsed = ContinuousClock.now - started
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            pending += part("rejects", "text/csv; charset=utf-8", "rejects.csv") + rejects
            pending += part("summary", "application/json", "summary.json")
            pending += Array(
                stats.json(
                    seconds: seconds, input: "request", output: "output", rejects: "rejects", lang: language
                ).text.utf8)
            pending += Array("\r\n--\(boundary)--\r\n".utf8)
            try channel.send(pending)
        } catch {
            // The client went away (or the pipeline failed): what was sent stays incomplete.
        }
        channel.finish()
    }
}

/// The producer's chunks on their way to the response: at most a few in flight (the producer
/// waits for the client to take them), and a client that goes away stops the producer.
final class BatchChannel: Sendable {
    let stream: AsyncStream<ByteBuffer>
    private let continuation: AsyncStream<ByteBuffer>.Continuation
    private let credits = DispatchSemaphore(value: 8)
    private let cancelled = CancelFlag()

    init() {
        (stream, continuation) = AsyncStream.makeStream(of: ByteBuffer.self)
        continuation.onTermination = { [cancelled, credits] _ in
            cancelled.set()
            credits.signal()
        }
    }

    /// Sends `bytes`, waiting while eight chunks are unread (at most five minutes).
    /// - Throws: when the client has gone away.
    func send(_ bytes: [UInt8]) throws(SrokError) {
        // A client that reads nothing for five minutes is taken as gone (the producer's thread and
        // workers are not held forever by an answer nobody writes out).
        if credits.wait(timeout: .now() + .seconds(300)) == .timedOut { cancelled.set() }
        if cancelled.isSet {
            credits.signal()
            throw .io(
                path: "response",
                message: LocalizedText(ru: "клиент закрыл соединение", en: "the client closed the connection"))
        }
        continuation.yield(ByteBuffer(bytes: bytes))
    }

    /// The consumer took a chunk.
    func consumed() { credits.signal() }

    /// The consumer stopped.
    func cancel() {
        cancelled.set()
        credits.signal()
        continuation.finish()
    }

    /// The producer is done.
    func finish() { continuation.finish() }
}

/// A flag set once, from any thread.
final class CancelFlag: Sendable {
    private let value = Atomic<Bool>(false)
    /// Sets it.
    func set() { value.store(true, ordering: .relaxed) }
    /// Whether it is set.
    var isSet: Bool { value.load(ordering: .relaxed) }
}
