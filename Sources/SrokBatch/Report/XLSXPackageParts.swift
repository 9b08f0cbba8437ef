/// The fixed parts of a report workbook (ECMA-376 Part 1 SpreadsheetML, Part 2 packaging) that
/// ``XLSXStreamWriter`` writes around its three worksheets: the content types, the package and
/// workbook relationships, the workbook with its sheet names and filter ranges, and the styles.
///
/// The styles hold the same formats as ``XLSXFormatPalette`` (libxlsxwriter's): cell format 0 is
/// the default, 1 the bold header, and `1 + kind × 4 + fill` every other value kind (general,
/// `dd.mm.yyyy`, `dd.mm.yyyy hh:mm`) with every fill (none, amber, red, the overdue control's red).
enum XLSXPackageParts {
    static let header = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    /// The cell format (`s`) of a value kind with a fill.
    @inline(__always) static func style(_ kind: XLSXFormatPalette.Kind, _ fill: XLSXFormatPalette.Fill) -> Int {
        kind == .general && fill == .none ? 0 : 1 + kind.rawValue * 4 + fill.rawValue
    }

    /// The bold header's cell format.
    static let headerStyle = 1

    /// `[Content_Types].xml` for `sheets` worksheets.
    static func contentTypes(sheets: Int) -> String {
        var s = header + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        s += "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        s += "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        s +=
            "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
        for k in 1...sheets {
            s +=
                "<Override PartName=\"/xl/worksheets/sheet\(k).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        }
        s +=
            "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
        s +=
            "<Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>"
        return s + "</Types>"
    }

    /// `_rels/.rels`: the workbook and the application properties.
    static let packageRelationships =
        header + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + "<Relationship Id=\"rId1\" Type=\"\(relationships)/officeDocument\" Target=\"xl/workbook.xml\"/>"
        + "<Relationship Id=\"rId2\" Type=\"\(relationships)/extended-properties\" Target=\"docProps/app.xml\"/>"
        + "</Relationships>"

    /// `docProps/app.xml`: the application that wrote the file.
    static let application =
        header
        + "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">"
        + "<Application>Srok</Application></Properties>"

    /// `xl/_rels/workbook.xml.rels`: the worksheets (`rId1`…) and the styles.
    static func workbookRelationships(sheets: Int) -> String {
        var s = header + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        for k in 1...sheets {
            s +=
                "<Relationship Id=\"rId\(k)\" Type=\"\(relationships)/worksheet\" Target=\"worksheets/sheet\(k).xml\"/>"
        }
        s += "<Relationship Id=\"rId\(sheets + 1)\" Type=\"\(relationships)/styles\" Target=\"styles.xml\"/>"
        return s + "</Relationships>"
    }

    /// `xl/workbook.xml`: the sheets in order, and each filtered sheet's hidden filter range
    /// (`_xlnm._FilterDatabase`, as Excel itself records an autofilter).
    static func workbook(sheets: [String], filters: [(sheet: Int, range: String)]) -> String {
        var s = header + "<workbook xmlns=\"\(main)\" xmlns:r=\"\(relationships)\">"
        s += "<bookViews><workbookView/></bookViews><sheets>"
        for (k, name) in sheets.enumerated() {
            s += "<sheet name=\"\(XLSXXML.escape(name, attribute: true))\" sheetId=\"\(k + 1)\" r:id=\"rId\(k + 1)\"/>"
        }
        s += "</sheets>"
        if !filters.isEmpty {
            s += "<definedNames>"
            for f in filters {
                let quoted = "'" + sheets[f.sheet].replacingAll("'", with: "''") + "'"
                s +=
                    "<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"\(f.sheet)\" hidden=\"1\">"
                    + XLSXXML.escape(quoted + "!" + f.range, attribute: false) + "</definedName>"
            }
            s += "</definedNames>"
        }
        return s + "</workbook>"
    }

    /// `xl/styles.xml` (see the type's description).
    static let styles: String = {
        let fonts = [
            "<font><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font>",
            "<font><b/><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font>",
            "<font><sz val=\"11\"/><color rgb=\"FF9C5700\"/><name val=\"Calibri\"/><family val=\"2\"/></font>",
            "<font><sz val=\"11\"/><color rgb=\"FF9C0006\"/><name val=\"Calibri\"/><family val=\"2\"/></font>",
            "<font><b/><sz val=\"11\"/><color rgb=\"FF9C0006\"/><name val=\"Calibri\"/><family val=\"2\"/></font>",
        ]
        func solid(_ rgb: String) -> String {
            "<fill><patternFill patternType=\"solid\"><fgColor rgb=\"FF\(rgb)\"/><bgColor indexed=\"64\"/></patternFill></fill>"
        }
        let fills = [
            "<fill><patternFill patternType=\"none\"/></fill>", "<fill><patternFill patternType=\"gray125\"/></fill>",
            solid("FFEB9C"), solid("FFC7CE"), solid("FF7C80"),
        ]
        // Fill index per XLSXFormatPalette.Fill: none 0, approaching 2, overdue 3, overdueCell 4;
        // the font that goes with it: default 0, 2, 3, 4.
        let fillIndex = [0, 2, 3, 4]
        let fontIndex = [0, 2, 3, 4]
        let numberFormat = [0, 164, 165]
        var xfs = [
            "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>",
            "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/>",
        ]
        for kind in XLSXFormatPalette.Kind.allCases {
            for fill in XLSXFormatPalette.Fill.allCases where !(kind == .general && fill == .none) {
                var xf = "<xf numFmtId=\"\(numberFormat[kind.rawValue])\" fontId=\"\(fontIndex[fill.rawValue])\""
                xf += " fillId=\"\(fillIndex[fill.rawValue])\" borderId=\"0\" xfId=\"0\""
                if kind != .general { xf += " applyNumberFormat=\"1\"" }
                if fill != .none { xf += " applyFont=\"1\" applyFill=\"1\"" }
                xfs.append(xf + "/>")
            }
        }
        var s = header + "<styleSheet xmlns=\"\(main)\">"
        s += "<numFmts count=\"2\"><numFmt numFmtId=\"164\" formatCode=\"\(XLSXFormatPalette.dateFormat)\"/>"
        s += "<numFmt numFmtId=\"165\" formatCode=\"\(XLSXFormatPalette.dateTimeFormat)\"/></numFmts>"
        s += "<fonts count=\"\(fonts.count)\">" + fonts.joined() + "</fonts>"
        s += "<fills count=\"\(fills.count)\">" + fills.joined() + "</fills>"
        s += "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
        s += "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
        s += "<cellXfs count=\"\(xfs.count)\">" + xfs.joined() + "</cellXfs>"
        s += "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
        s += "<dxfs count=\"0\"/><tableStyles count=\"0\"/>"
        return s + "</styleSheet>"
    }()
}

extension String {
    /// The string with every `target` replaced by `replacement`.
    fileprivate func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        for c in self { if c == target { out += replacement } else { out.append(c) } }
        return out
    }
}
