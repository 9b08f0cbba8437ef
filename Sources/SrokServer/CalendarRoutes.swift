import HTTPTypes
import Hummingbird
import Srok

/// `GET /v1/day/{date}` and `GET /v1/calendar/{year}`: the CLI's `srok day --format json` and
/// `srok calendar --format json|csv|ics` records (``DayRecord``, ``CalendarYearOutput``).
enum CalendarRoutes {
    /// The kind of `date` (`YYYY-MM-DD` or `DD.MM.YYYY`) in `?region=` (default the federal
    /// calendar), as `srok day DATE --format json` writes it.
    static func day(_ request: Request, _ context: some RequestContext, _ data: ServiceData) throws -> Response {
        let query = try QueryParameters(request, accepted: ["region"])
        let text = context.parameters.get("date") ?? ""
        let date = try CivilDate(parsing: text, field: "date")
        let calendar = try Self.calendar(data, query["region"])
        let info: DayInfo
        do { info = try calendar.info(for: date) } catch { throw Problem(error, field: "date", value: text) }
        return Responses.json(DayRecord(info, lang: request.language).json.text)
    }

    /// Every day of `year` in `?region=`, as `?format=json` (default), `csv` or `ics`.
    static func year(_ request: Request, _ context: some RequestContext, _ data: ServiceData) throws -> Response {
        let query = try QueryParameters(request, accepted: ["region", "format"])
        let format = try query.choice("format", ["json", "csv", "ics"], default: "json")
        let text = context.parameters.get("year") ?? ""
        guard let year = Int(text), text.utf8.count <= 4, year >= 1 else {
            throw Problem(
                .unprocessableContent, kind: "invalid-value", field: "year", value: text,
                expected: LocalizedText(
                    ru: "год из четырёх цифр, например 2025", en: "a year of four digits, e.g. 2025"))
        }
        let calendar = try Self.calendar(data, query["region"])
        let out: CalendarYearOutput
        do { out = try CalendarYearOutput(calendar: calendar, year: year) } catch {
            throw Problem(error, field: "year", value: text)
        }
        let lang = request.language
        switch format {
        case "csv": return Responses.text(out.csv(lang: lang), type: "text/csv; charset=utf-8; header=present")
        case "ics": return Responses.text(out.ics(lang: lang) + "\r\n", type: "text/calendar; charset=utf-8")
        default: return Responses.json(try out.json(lang: lang).text)
        }
    }

    /// The calendar of a region code or name (default the federal one).
    static func calendar(_ data: ServiceData, _ region: String?) throws -> WorkingCalendar {
        do { return try data.context.calendar(region: region ?? "RU") } catch {
            throw Problem(error, field: "region", value: region)
        }
    }
}

/// Building answers.
enum Responses {
    /// A JSON answer: the text and a line end, as the CLI prints it.
    static func json(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status, headers: [.contentType: "application/json"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: text + "\n")))
    }

    /// A JSON answer from UTF-8 bytes, and a line end.
    static func json(bytes: [UInt8]) -> Response {
        var buffer = ByteBuffer()
        buffer.reserveCapacity(bytes.count + 1)
        buffer.writeBytes(bytes)
        buffer.writeInteger(UInt8(0x0A))
        return Response(
            status: .ok, headers: [.contentType: "application/json"], body: ResponseBody(byteBuffer: buffer))
    }

    /// A text answer of `type`.
    static func text(_ text: String, type: String) -> Response {
        Response(status: .ok, headers: [.contentType: type], body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }
}
