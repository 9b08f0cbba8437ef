import SrokCore

/// A workbook's structure: its sheets in tab order, its date system and where its shared
/// strings and styles are, found through the package relationships as Office Open XML defines
/// them (`_rels/.rels` → the workbook part → its `.rels`), not by guessing file names.
package struct XLSXWorkbook: Sendable {
    /// The workbook's path.
    package let file: String
    /// Sheets in tab order.
    package let sheets: [XLSXSheetInfo]
    /// 1900 or 1904 (`<workbookPr date1904>`).
    package let dateSystem: XLSXDateSystem
    /// The shared-strings part, when there is one.
    package let sharedStringsPart: String?
    /// The styles part, when there is one.
    package let stylesPart: String?

    /// Reads the structure of the workbook at `path`.
    package init(path: String) throws(SrokError) {
        file = path
        let location = XLSXLocation(file: path)
        // The package's root relationships name the workbook part.
        var workbookPart = "xl/workbook.xml"
        if let root = try XLSXElements.optional(part: "_rels/.rels", at: location) {
            for e in root.elements where e.isStart && e.name == "Relationship" {
                if let type = e.attributes["Type"], type.hasSuffix("/officeDocument"),
                    let target = e.attributes["Target"]
                {
                    workbookPart = Self.resolve(target, from: "")
                    break
                }
            }
        }
        let dir = Self.directory(of: workbookPart)
        let relsPart = dir + "_rels/" + workbookPart.split(separator: "/").last.map(String.init)! + ".rels"
        var targets: [String: (type: String, part: String)] = [:]
        var strings: String?
        var styles: String?
        if let rels = try XLSXElements.optional(part: relsPart, at: location) {
            for e in rels.elements where e.isStart && e.name == "Relationship" {
                guard let id = e.attributes["Id"], let type = e.attributes["Type"], let target = e.attributes["Target"],
                    e.attributes["TargetMode"] != "External"
                else { continue }
                let part = Self.resolve(target, from: dir)
                targets[id] = (type, part)
                if type.hasSuffix("/sharedStrings") { strings = part }
                if type.hasSuffix("/styles") { styles = part }
            }
        }
        let workbook = try XLSXElements(part: workbookPart, at: location)
        var sheets: [XLSXSheetInfo] = []
        var system = XLSXDateSystem.from1900
        for e in workbook.elements where e.isStart {
            if e.name == "workbookPr", let v = e.attributes["date1904"], v == "1" || v == "true" { system = .from1904 }
            if e.name == "sheet" {
                let target = e.attributes["id"].flatMap { targets[$0] }
                let state = e.attributes["state"] ?? "visible"
                sheets.append(
                    XLSXSheetInfo(
                        name: e.attributes["name"] ?? "", position: sheets.count + 1, part: target?.part,
                        isWorksheet: target.map { $0.type.hasSuffix("/worksheet") } ?? true,
                        isHidden: state != "visible"))
            }
        }
        guard !sheets.isEmpty else {
            throw location.unreadable(
                LocalizedText(
                    ru: "в «\(workbookPart)» книги нет ни одного листа; ожидается ",
                    en: "the workbook lists no sheets in '\(workbookPart)'; expected ") + XLSXStatus.acceptedWorkbook)
        }
        self.sheets = sheets
        dateSystem = system
        sharedStringsPart = strings
        stylesPart = styles
    }

    /// The sheet `selector` picks, or an error naming the sheets there are.
    package func sheet(_ selector: XLSXSheetSelector) throws(SrokError) -> XLSXSheetInfo {
        let found: XLSXSheetInfo?
        switch selector {
        case .first:
            let worksheets = sheets.filter(\.isWorksheet)
            found = worksheets.first { !$0.isHidden } ?? worksheets.first
        case .name(let name):
            found = sheets.first { $0.name == name } ?? sheets.first { $0.name.lowercased() == name.lowercased() }
        case .index(let i):
            // A sheet named "2025" is meant by `--sheet 2025`.
            found = sheets.first { $0.name == String(i) } ?? (i >= 1 && i <= sheets.count ? sheets[i - 1] : nil)
        }
        let names = sheets.map { "\($0.position) «\($0.name)»" }
        guard let sheet = found else {
            throw .unknown(
                kind: LocalizedText(ru: "лист в \(file)", en: "sheet in \(file)"), name: selector.description,
                known: names,
                hint: LocalizedText(
                    ru: "(название или номер 1–\(sheets.count))", en: "(a name or a position 1–\(sheets.count))"))
        }
        let location = XLSXLocation(file: file, sheet: sheet.name)
        guard sheet.isWorksheet else {
            throw location.unreadable(
                LocalizedText(
                    ru:
                        "это лист диаграммы, без ячеек; ожидается лист с данными (листы: \(names.joined(separator: ", ")))",
                    en:
                        "is a chart sheet, with no cells; expected a worksheet (sheets: \(names.joined(separator: ", ")))"
                ))
        }
        guard sheet.part != nil else {
            throw location.unreadable(
                LocalizedText(
                    ru: "в книге нет связи с этим листом; ожидается ",
                    en: "the sheet's relationship is missing from the workbook; expected ")
                    + XLSXStatus.acceptedWorkbook)
        }
        return sheet
    }

    /// The folder of a part, with a trailing slash (`xl/` for `xl/workbook.xml`).
    static func directory(of part: String) -> String {
        guard let slash = part.lastIndex(of: "/") else { return "" }
        return String(part[...slash])
    }

    /// A relationship target as a ZIP entry name: absolute (`/xl/…`) from the root, else
    /// relative to `dir`, with `.` and `..` resolved.
    static func resolve(_ target: String, from dir: String) -> String {
        let joined = target.hasPrefix("/") ? String(target.dropFirst()) : dir + target
        var parts: [Substring] = []
        for p in joined.split(separator: "/", omittingEmptySubsequences: true) {
            if p == "." { continue }
            if p == ".." {
                _ = parts.popLast()
                continue
            }
            parts.append(p)
        }
        return parts.joined(separator: "/")
    }
}
