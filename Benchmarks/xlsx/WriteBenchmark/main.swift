// Writes a ПОС-style Excel report with XLSXReportWriter (libxlsxwriter), or with XLSXStreamWriter
// when WRITER is `stream`, and prints how long each phase took.
//   srok-xlsx-write-bench OUTPUT.xlsx [ROWS (100000)] [COLUMNS (25)] [WRITER (libxlsxwriter)]
//   srok-xlsx-write-bench --generate-only [ROWS] [COLUMNS]   (the cost of making the cells alone)
// Columns cycle through text (ids, categories, addresses, executors, durations), whole numbers and
// dates/times, like the report of `srok batch`; every 7th row is overdue (with an overdue control
// cell), every 5th approaching, 1 % of the rows are also listed as rejected. Run by
// Benchmarks/xlsx/write.sh, which measures the whole process (wall time and peak RSS).
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SrokBatch
import SrokCore

/// Wall-clock seconds and the process's CPU seconds (user + system) so far.
struct Clock {
    var wall: Double
    var cpu: Double
    static func now() -> Clock {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        var usage = rusage()
#if canImport(Glibc)
        getrusage(RUSAGE_SELF.rawValue, &usage)
#else
        getrusage(RUSAGE_SELF, &usage)
#endif
        let cpu = Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
        return Clock(wall: Double(t.tv_sec) + Double(t.tv_nsec) / 1e9, cpu: cpu)
    }
    /// "1.23 s (CPU 1.10 s)" from `start` to `self`.
    func since(_ start: Clock) -> String { "\(f2(wall - start.wall)) s (CPU \(f2(cpu - start.cpu)) s)" }
}

/// Writes a line to standard error.
func printError(_ line: String) {
    let bytes = Array((line + "\n").utf8)
    _ = bytes.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
}

/// `x` with two decimals.
func f2(_ x: Double) -> String {
    let v = Int((x * 100).rounded())
    return "\(v / 100)." + (v % 100 < 10 ? "0" : "") + "\(v % 100)"
}

let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
    printError("usage: srok-xlsx-write-bench OUTPUT.xlsx [ROWS] [COLUMNS]")
    exit(2)
}
let path = arguments[1]
let rows = arguments.count > 2 ? Int(arguments[2]) ?? 100_000 : 100_000
let columns = arguments.count > 3 ? Int(arguments[3]) ?? 25 : 25
let kind = arguments.count > 4 ? XLSXWriterKind(rawValue: arguments[4]) ?? .libxlsxwriter : .libxlsxwriter

let categories = ["Дороги", "ЖКХ", "Благоустройство", "Транспорт", "Мусор", "Освещение", "Здравоохранение", "Образование"]
let subcategories = ["Ямы на дорогах", "Не горит фонарь", "Уборка мусора во дворах", "Отопление", "Остановка общественного транспорта"]
let executors = (1...40).map { "Исполнитель \($0) — управление ЖКХ района № \($0 % 7 + 1)" }
let streets = ["ул. Ленина", "пр. Мира", "ул. Гагарина", "ул. Советская", "наб. реки Казанки"]
let durations = ["2 дня 4 часа", "29 дней", "просрочено на 3 дня", "5 часов 30 минут", "1 день"]
let stages = ["Модерация", "Исполнение", "Ответ", "Контроль"]

/// Column `c` of row `r`: a text, a number or a date, by column.
func cell(_ r: Int, _ c: Int) -> XLSXCell {
    switch c % 8 {
    case 0: return .text("\(10_000_000 + r)")
    case 1: return .text(categories[(r + c) % categories.count])
    case 2: return .text(subcategories[(r * 7 + c) % subcategories.count])
    case 3: return .text("\(streets[r % streets.count]), д. \(r % 200 + 1), кв. \(r % 90 + 1)")
    case 4: return .integer((r * 31 + c) % 720)
    case 5: return .dateTime(year: 2025, month: 1 + r % 12, day: 1 + r % 28, hour: r % 24, minute: (r * 7) % 60, second: 0)
    case 6: return .date(year: 2025, month: 1 + (r + 3) % 12, day: 1 + (r + 11) % 28)
    default: return c % 3 == 0 ? .text(executors[r % executors.count]) : c % 3 == 1 ? .text(durations[r % durations.count]) : .text(stages[r % stages.count])
    }
}

let header = (0..<columns).map { "Столбец \($0 + 1)" }
let start = Clock.now()
if path == "--generate-only" {
    var row = [XLSXCell]()
    var count = 0
    for r in 0..<rows {
        row.removeAll(keepingCapacity: true)
        for c in 0..<columns { row.append(cell(r, c)) }
        if case .text(let s) = row[r % columns] { count &+= s.utf8.count }
    }
    print("generating \(rows) rows × \(columns) columns of cells: \(Clock.now().since(start)) (\(count))")
    exit(0)
}
do {
    let writer = try XLSXReportFile(kind, path: path, sheetName: "Сроки", header: header, options: XLSXReportOptions(durable: false))
    var row = [XLSXCell]()
    row.reserveCapacity(columns)
    var overdue = 0, approaching = 0
    for r in 0..<rows {
        row.removeAll(keepingCapacity: true)
        for c in 0..<columns { row.append(cell(r, c)) }
        let highlight: XLSXRowHighlight = r % 7 == 0 ? .overdue : r % 5 == 0 ? .approaching : .none
        if highlight == .overdue { overdue += 1 } else if highlight == .approaching { approaching += 1 }
        try writer.appendRow(row, highlight: highlight, overdueColumns: highlight == .overdue ? [5] : [])
        if r % 100 == 0 {
            try writer.appendRejected(XLSXRejectedRow(line: r + 2, column: "Дата регистрации", value: "31.02.2025", reason: "нет такого дня: в феврале 2025 года 28 дней"))
        }
    }
    let appended = Clock.now()
    try writer.commit(summary: XLSXSummary(
        lines: ["Календарь: RU 2025.1", "Строк: \(rows)"],
        tables: [XLSXSummaryTable(section: "По статусу", counts: [("просрочено", overdue), ("скоро срок", approaching), ("в срок", rows - overdue - approaching)]),
                 XLSXSummaryTable(section: "По исполнителю", counts: executors.map { ($0, rows / executors.count) })]))
    let committed = Clock.now()
    var info = stat()
    stat(path, &info)
    print("rows \(rows) × \(columns) columns: append \(appended.since(start)), commit (zip) \(committed.since(appended)), total \(committed.since(start)); \(info.st_size / 1024) KB")
} catch {
    printError("srok-xlsx-write-bench: \(error)")
    exit(1)
}
