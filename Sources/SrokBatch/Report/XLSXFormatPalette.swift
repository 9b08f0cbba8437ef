internal import CXLSXWriter

/// The cell formats of a report, created once per workbook (libxlsxwriter owns and frees them):
/// every combination of a value kind (general, date, date and time) and a fill (none, the row's
/// amber or red, the red of an overdue control cell), plus the bold header.
struct XLSXFormatPalette {
    /// What a cell holds, as far as its number format goes.
    enum Kind: Int, CaseIterable {
        /// Text and numbers: the General format.
        case general
        /// `dd.mm.yyyy`.
        case date
        /// `dd.mm.yyyy hh:mm`.
        case dateTime
    }

    /// A cell's fill.
    enum Fill: Int, CaseIterable {
        /// No fill.
        case none
        /// The amber of an approaching row: fill `FFEB9C`, dark yellow text `9C5700`.
        case approaching
        /// The light red of an overdue row: fill `FFC7CE`, dark red text `9C0006`.
        case overdue
        /// An overdue control cell, distinct from its row: fill `FF7C80`, bold dark red text `9C0006`.
        case overdueCell

        /// The fill of every cell of a row highlighted so.
        init(_ highlight: XLSXRowHighlight) {
            switch highlight {
            case .none: self = .none
            case .approaching: self = .approaching
            case .overdue: self = .overdue
            }
        }
    }

    /// Excel's number formats (the Russian ДД.ММ.ГГГГ and ДД.ММ.ГГГГ ЧЧ:ММ; Excel shows them in
    /// the locale's words, the file stores these codes).
    static let dateFormat = "dd.mm.yyyy"
    static let dateTimeFormat = "dd.mm.yyyy hh:mm"

    /// The bold header format.
    let header: UnsafeMutablePointer<lxw_format>
    /// Formats indexed by `kind.rawValue * Fill.allCases.count + fill.rawValue`; `nil` is
    /// libxlsxwriter's default (General, no fill).
    private let table: [UnsafeMutablePointer<lxw_format>?]

    /// Creates the formats in `workbook`.
    init(workbook: UnsafeMutablePointer<lxw_workbook>) {
        header = workbook_add_format(workbook)
        format_set_bold(header)
        var table: [UnsafeMutablePointer<lxw_format>?] = []
        for kind in Kind.allCases {
            for fill in Fill.allCases {
                if kind == .general && fill == .none {
                    table.append(nil)
                    continue
                }
                let f = workbook_add_format(workbook)!
                switch kind {
                case .general: break
                case .date: format_set_num_format(f, XLSXFormatPalette.dateFormat)
                case .dateTime: format_set_num_format(f, XLSXFormatPalette.dateTimeFormat)
                }
                switch fill {
                case .none: break
                case .approaching:
                    format_set_bg_color(f, 0xFFEB9C)
                    format_set_font_color(f, 0x9C5700)
                case .overdue:
                    format_set_bg_color(f, 0xFFC7CE)
                    format_set_font_color(f, 0x9C0006)
                case .overdueCell:
                    format_set_bg_color(f, 0xFF7C80)
                    format_set_font_color(f, 0x9C0006)
                    format_set_bold(f)
                }
                table.append(f)
            }
        }
        self.table = table
    }

    /// The format of a cell of `kind` with `fill`.
    @inline(__always) func format(_ kind: Kind, _ fill: Fill) -> UnsafeMutablePointer<lxw_format>? {
        table[kind.rawValue * Fill.allCases.count + fill.rawValue]
    }
}
