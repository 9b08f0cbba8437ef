import Hummingbird
import Srok

/// `GET /healthz`, `GET /metrics` and `GET /openapi.json`.
enum InfoRoutes {
    /// `{"status": "ok", …}` with the data in use: the service answers and its data is loaded.
    static func health(_ data: ServiceData) -> Response {
        var o = JSONObject()
        o.add("status", "ok")
        o.add("version", SrokVersion.string)
        o.add("data_version", data.dataVersion)
        o.add("generation", data.generation)
        o.add("loaded_at", Int(data.loadedAt.secondsSinceEpoch))
        return Responses.json(o.text)
    }

    /// The Prometheus text of `metrics`.
    static func metrics(_ metrics: ServerMetrics) -> Response {
        Responses.text(metrics.text, type: "text/plain; version=0.0.4; charset=utf-8")
    }

    /// The committed OpenAPI 3.1 document (Sources/SrokServer/openapi.json, embedded at build time).
    static func openAPI() -> Response {
        Response(
            status: .ok, headers: [.contentType: "application/json"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: PackageResources.openapi_json)))
    }
}
