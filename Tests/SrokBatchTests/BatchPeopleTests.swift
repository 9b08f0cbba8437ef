import Foundation
import SrokFiles
import Testing

@testable import SrokBatch
@testable import SrokCore

#if canImport(Glibc)
    import Glibc
#endif

/// Issue 12 in the batch: rows marked fast-track without a catalogue entry are computed and
/// flagged (`warnings`), messages registered after the as-of instant have their own status, dates
/// and times as Excel writes them are read, and reasons and the summary are in the run's language.
@Suite("Batch: warnings, not yet registered, people's dates, one language")
struct BatchPeopleTests {
    /// As of 20.04.2024 12:00 Moscow.
    static let evaluator = BatchEvaluator(
        context: BatchFixtures.context, defaults: BatchDefaults(asOf: BatchFixtures.t("2024-04-20T12:00+03:00")))
    static let strict: BatchEvaluator = {
        var d = BatchDefaults(asOf: BatchFixtures.t("2024-04-20T12:00+03:00"))
        d.strictCategories = true
        return BatchEvaluator(context: BatchFixtures.context, defaults: d)
    }()

    struct Run {
        var report: BatchRunReport
        /// The output as written.
        var raw: String
        var lines: [[String]]
        var rejects: [String]
        var summary: [String: Any]

        /// The value of `column` in the row with id `id`.
        func field(_ id: String, _ column: String) -> String? {
            guard let k = lines.first?.firstIndex(of: column) else { return nil }
            return lines.dropFirst().first { $0.first == id }?[k]
        }
    }

    func run(
        _ text: String, evaluator: BatchEvaluator = Self.evaluator,
        _ configure: (inout BatchRunOptions) -> Void = { _ in }
    ) throws -> Run {
        let folder = try TemporaryFolder()
        folder.write("in.csv", text)
        var o = BatchRunOptions()
        o.input = folder.file("in.csv")
        o.output = folder.file("out.csv")
        o.rejects = folder.file("rejects.csv")
        o.summaryJSON = folder.file("summary.json")
        o.durable = false
        configure(&o)
        let report = try BatchRunner.run(o, evaluator: evaluator)
        let lines = (folder.text("out.csv") ?? "").split(separator: "\n").map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
        let rejects = (folder.text("rejects.csv") ?? "").split(separator: "\n").dropFirst().map(String.init)
        let summary =
            try JSONSerialization.jsonObject(with: Data((folder.text("summary.json") ?? "{}").utf8)) as? [String: Any]
            ?? [:]
        return Run(report: report, raw: folder.text("out.csv") ?? "", lines: lines, rejects: rejects, summary: summary)
    }

    static let fastTrackRows = """
        id,registered_at,profile,fast_track_days,category,subcategory
        F1,2024-03-29T10:15+03:00,brasovsky,Да,Мусор,Уборка мусора во дворах
        F2,2024-03-29T10:15+03:00,brasovsky,Да,Сантехника,
        F3,2024-03-29T10:15+03:00,bryansk,да,,
        F4,2024-03-29T10:15+03:00,brasovsky,,Сантехника,
        F5,2024-03-29T10:15+03:00,brasovsky,нет,Мусор,Уборка мусора во дворах
        F6,2024-03-29T10:15+03:00,brasovsky,Да,Мусор,Уборка мусора во дворах

        """

    @Test func aFastTrackMarkWithoutACatalogueEntryIsComputedAndFlagged() throws {
        let r = try run(Self.fastTrackRows)
        #expect(r.report.stats.rejected == 0)
        // The default columns end with warnings.
        #expect(r.lines.first?.last == "warnings")
        // F1, F6: in brasovsky's catalogue (seed 000 приложение № 2: 10 days): 29.03 + 10 = 08.04.2024,
        // a Monday. F5 says «нет»: the catalogue still gives its category's term (10 days).
        for id in ["F1", "F5", "F6"] {
            #expect(r.field(id, "due_date") == "2024-04-08", "\(id)")
            #expect(r.field(id, "warnings") == "", "\(id)")
        }
        // F2: a category brasovsky does not list: 30 days → 28.04.2024, a Sunday, rolled back
        // (preceding) to Saturday 27.04.2024, a worked Saturday.
        #expect(r.field("F2", "due_date") == "2024-04-27")
        #expect(r.field("F2", "warnings") == "category-not-in-profile")
        // F3: bryansk's act lists no categories (п. 1.4): the general term, the same 27.04.2024.
        #expect(r.field("F3", "due_date") == "2024-04-27")
        #expect(r.field("F3", "warnings") == "fast-track-without-category")
        // F4: no mark, a category not in the catalogue: an ordinary message, not flagged.
        #expect(r.field("F4", "due_date") == "2024-04-27" && r.field("F4", "warnings") == "")
        #expect(r.report.stats.warnings == ["category-not-in-profile": 1, "fast-track-without-category": 1])
        let counts = r.summary["warnings"] as? [String: Int]
        #expect(counts == ["category-not-in-profile": 1, "fast-track-without-category": 1])
        #expect((r.summary["summary_text"] as? String)?.contains("предупреждения: ") == true)
    }

    @Test func warningsInWordsAndStrictCategoriesRejectsInstead() throws {
        let words = try run(Self.fastTrackRows) {
            $0.columns = [.id, .warnings, .warningsText]
            $0.language = .en
        }
        #expect(
            words.raw.contains(
                "F3,fast-track-without-category,\"marked fast-track, but no category is given or the profile has no category catalogue: the general term applies\"\n"
            ), "\(words.raw)")
        #expect(words.raw.contains("F1,,\n"))
        let strict = try run(Self.fastTrackRows, evaluator: Self.strict) { $0.columns = [.id] }
        // F2 (a category not in the catalogue), F3 (no category) and F4 (not marked, but strict
        // categories refuse any category outside the catalogue) are rejected.
        #expect(strict.report.stats.rejected == 3)
        #expect(strict.lines.dropFirst().map { $0[0] } == ["F1", "F5", "F6"])
        #expect(
            strict.rejects.contains { $0.hasPrefix("4,F3,category,,") && $0.contains("строка отмечена как фаст-трек") })
    }

    @Test func messagesRegisteredAfterTheAsOfInstantAreCounted() throws {
        let r = try run(
            "id,registered_at,term_days\nN1,2024-05-01T10:00+03:00,30\nN2,2024-04-20T12:00+03:00,30\nN3,2024-03-01,30\n"
        )
        // N1: registered after 20.04.2024 12:00 (see NotYetRegisteredTests for its due time).
        #expect(r.field("N1", "status") == "not-yet-registered")
        #expect(r.field("N1", "due") == "2024-05-31T23:59:59+03:00" && r.field("N1", "remaining_minutes") == "59759")
        // N2: registered at the as-of instant itself: come in, in time.
        #expect(r.field("N2", "status") == "ok")
        #expect(r.report.stats.byStatus["not-yet-registered"] == 1)
        #expect((r.summary["by_status"] as? [String: Int])?["not-yet-registered"] == 1)
        #expect((r.summary["summary_text"] as? String)?.contains("ещё не поступило 1") == true)
    }

    @Test func datesAndTimesAsExcelWritesThem() throws {
        // The same registration written five ways; the two-digit year is refused.
        let r = try run(
            """
            id,registered_at,term_days
            D1,2024-03-01T09:05:00+03:00,30
            D2,1.3.2024 9:05,30
            D3,01.03.2024 09:05:00,30
            D4,2024-03-01 09:05,30
            D5,01.03.2024 9:05,30
            D6,01.03.24 9:05,30

            """
        ) { $0.columns = [.id, .registeredAt, .due] }
        for id in ["D2", "D3", "D4", "D5"] {
            #expect(r.field(id, "registered_at") == "2024-03-01T09:05:00+03:00", "\(id)")
            #expect(r.field(id, "due") == r.field("D1", "due"), "\(id)")
        }
        #expect(r.rejects.count == 1)
        #expect(r.rejects.first?.hasPrefix("7,D6,registered_at,01.03.24 9:05,") == true)
        #expect(r.rejects.first?.contains("двузначный год «24» неоднозначен (1924 или 2024?)") == true, "\(r.rejects)")
    }

    @Test func reasonsAndTheSummaryInTheRunsLanguage() throws {
        let text = "id,registered_at,term_days\nR1,2024-03-01,thirty\n"
        let ru = try run(text)
        #expect(ru.rejects == ["2,R1,term_days,thirty,не срок в днях: ожидается целое число 1–366"])
        #expect(ru.summary["language"] as? String == "ru")
        let en = try run(text) { $0.language = .en }
        #expect(en.rejects == ["2,R1,term_days,thirty,not a term in days: expected a whole number 1–366"])
        #expect(
            (en.summary["summary_text"] as? String)?.hasPrefix("srok batch: read 1 rows, wrote 0, rejected 1") == true)
    }

    /// The Russian reasons of the system's errors are glibc's own translations: checked against
    /// its message catalogue (`libc.mo` of the `ru` locale, from Debian's libc-l10n).
    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/usr/share/locale/ru/LC_MESSAGES/libc.mo")))
    func systemReasonsAreGlibcsRussian() throws {
        let catalogue = try MessageCatalogue(path: "/usr/share/locale/ru/LC_MESSAGES/libc.mo")
        for code: Int32 in [
            EPERM, ENOENT, EINTR, EIO, ENXIO, EBADF, EAGAIN, ENOMEM, EACCES, EBUSY, EEXIST, EXDEV, ENODEV, ENOTDIR,
            EISDIR, EINVAL, ENFILE, EMFILE, ETXTBSY, EFBIG, ENOSPC, ESPIPE, EROFS, EPIPE, ENAMETOOLONG, ENOTEMPTY,
            ELOOP, EOVERFLOW, ENOTSUP, EDQUOT, ESTALE,
        ] {
            let english = String(cString: strerror(code))
            let text = SystemErrorText.text(code)
            #expect(text.en == english)
            #expect(text.ru == catalogue[english], "\(code) \(english)")
        }
        #expect(SystemErrorText.text(9999).ru == "системная ошибка № 9999")
    }
}

/// A GNU gettext `.mo` file: original → translation (little-endian, as on this machine).
struct MessageCatalogue {
    private var table: [String: String] = [:]

    init(path: String) throws {
        let b = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        func u32(_ at: Int) -> Int { Int(b[at]) | Int(b[at + 1]) << 8 | Int(b[at + 2]) << 16 | Int(b[at + 3]) << 24 }
        precondition(u32(0) == 0x9504_12DE, "not a little-endian .mo file")
        let count = u32(8)
        let originals = u32(12)
        let translations = u32(16)
        func string(_ table: Int, _ i: Int) -> String {
            let length = u32(table + 8 * i)
            let offset = u32(table + 8 * i + 4)
            return String(decoding: b[offset..<(offset + length)], as: UTF8.self)
        }
        for i in 0..<count { table[string(originals, i)] = string(translations, i) }
    }

    subscript(_ original: String) -> String? { table[original] }
}
