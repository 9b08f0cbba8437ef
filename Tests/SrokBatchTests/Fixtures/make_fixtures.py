#!/usr/bin/env python3
"""Makes the input fixtures of XLSXReaderTests and TextDecodingTests with tools independent of Srok.

Not run by CI: the files it writes are committed. Re-run by hand (needs `pip install openpyxl
xlsxwriter` and LibreOffice: `apt-get install libreoffice-calc-nogui`) from this folder:

    python3 make_fixtures.py          # every fixture
    python3 make_fixtures.py batch    # only the batch-* fixtures
    python3 make_fixtures.py examples # README's examples/pos-export.xlsx, -1251.csv, -unicode.txt

What each file is and how it is made:
- openpyxl.xlsx      openpyxl 3.1: a merged title cell A1:F1 and a subtitle row above the header
                     (row 4), date cells in a DD.MM.YYYY style and date-time cells in
                     DD.MM.YYYY HH:MM, an integer, a fraction, a boolean, a gap (empty cell).
                     openpyxl 3.1 writes every string inline (`t="inlineStr"`), never shared.
- xlsxwriter.xlsx    XlsxWriter 3: the same kind of sheet with shared strings (its default, and
                     Excel's), a rich-text string (runs `<r><t>` in sharedStrings.xml), a merged
                     title A1:E1 and dates in `dd.mm.yyyy` / `dd.mm.yyyy hh:mm` formats.
- openpyxl-iso.xlsx  openpyxl with `iso_dates`: date cells stored as ISO text (`t="d"`).
- openpyxl-1904.xlsx openpyxl with the 1904 date system (workbook.xml `date1904`).
- libreoffice.xlsx   LibreOffice Calc converting libreoffice.csv (`;`, UTF-8) read as Russian
                     (language 1049), so `01.03.2025` becomes a date cell and `01.03.2025 09:05`
                     a date-time cell; two sheets are not possible from CSV, so it has one.
- inline.xlsx        written by hand here (the XML below, zipped with Python's zipfile): inline
                     strings (`t="inlineStr"`, with rich-text runs and a phonetic run), `_x000D_`
                     escapes, formulas with cached values, a boolean, an error, cells and rows
                     without `r`, a custom date format (id 164), a time-only format, a text format
                     with a quoted `d`; a second sheet picked by name or position, and a third
                     named "1".
- hostile.xlsx       written by hand: one sheet per malformed case (see HOSTILE).
- truncated.xlsx     the first 60 % of openpyxl.xlsx.
- crc.xlsx           inline.xlsx's parts stored uncompressed, one byte of the sheet flipped.
- cp1251.csv         Russian Excel's "CSV (разделители — запятые)": Windows-1251, `;`, CRLF.
- utf16.txt          Russian Excel's "Текст Юникод": UTF-16LE with a BOM, TAB, CRLF.

The batch fixtures (BatchInputTests, BatchInputCLITests) hold the same eight ПОС messages
(BATCH_ROWS) in every form an operator has them, so that `srok batch` must give identical
Srok columns for all:
- batch-utf8.csv       Excel's "CSV UTF-8": UTF-8 with a BOM, `;`, CRLF.
- batch-1251.csv       Excel's "CSV (разделители — запятые)": Windows-1251, `;`, CRLF.
- batch-utf16.txt      Excel's "Текст Юникод": UTF-16LE with a BOM, TAB, CRLF.
- batch-openpyxl.xlsx  openpyxl: a title row and an empty row above the header, dates as date
                       cells (DD.MM.YYYY) and date-times as date-time cells (DD.MM.YYYY HH:MM),
                       ids as numbers, inline strings (openpyxl's way).
- batch-libreoffice.xlsx LibreOffice Calc converting batch-utf8.csv read as Russian: shared
                       strings, the dates recognised as date and date-time cells.
- batch-inline.xlsx    written by hand: inline strings, dates as serials with a built-in (14) and
                       a custom date style, a merged title row, no shared strings part, a line
                       break in a carried cell (row 5) and an unstored empty row 7.
"""
import codecs
import datetime as dt
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile

import openpyxl
from openpyxl.styles import Alignment

HERE = os.path.dirname(os.path.abspath(__file__))
HEADER = ["Номер", "Дата поступления", "Дата планируемого завершения работ", "Категория", "Просрочено", "Оценка"]


def openpyxl_fixture():
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Выгрузка"
    ws["A1"] = "Сообщения ПОС за март 2025"
    ws.merge_cells("A1:F1")
    ws["A1"].alignment = Alignment(horizontal="center")
    ws["A2"] = "Сформировано: 02.04.2025"
    # Row 3 left empty; the header is row 4.
    ws.append([])
    ws.append(HEADER)
    rows = [
        [1001, dt.date(2025, 3, 1), dt.datetime(2025, 3, 31, 9, 5), "Дороги", False, 4.5],
        [1002, dt.date(2024, 2, 29), dt.datetime(2024, 3, 29, 17, 45, 30), "Мусор", True, None],
        [1003, dt.date(2025, 12, 31), None, "Дороги", False, 5],
    ]
    for r in rows:
        ws.append(r)
    for row in ws.iter_rows(min_row=5, max_row=7):
        row[1].number_format = "DD.MM.YYYY"
        row[2].number_format = "DD.MM.YYYY HH:MM"
    wb.save(os.path.join(HERE, "openpyxl.xlsx"))


def xlsxwriter_fixture():
    import xlsxwriter
    wb = xlsxwriter.Workbook(os.path.join(HERE, "xlsxwriter.xlsx"))
    ws = wb.add_worksheet("Лист1")
    date = wb.add_format({"num_format": "dd.mm.yyyy"})
    stamp = wb.add_format({"num_format": "dd.mm.yyyy hh:mm"})
    bold = wb.add_format({"bold": True})
    ws.merge_range("A1:E1", "Выгрузка ПОС", bold)
    ws.write_row(2, 0, ["Номер", "Дата поступления", "Дата планируемого завершения работ", "Категория", "Статус"])
    ws.write_number(3, 0, 5001)
    ws.write_datetime(3, 1, dt.datetime(2025, 3, 1), date)
    ws.write_datetime(3, 2, dt.datetime(2025, 3, 31, 9, 5), stamp)
    ws.write_string(3, 3, "Дороги")
    ws.write_rich_string(3, 4, bold, "На ", "рассмотрении")
    ws.write_number(4, 0, 5002)
    ws.write_datetime(4, 1, dt.datetime(2024, 2, 29), date)
    ws.write_string(4, 3, "Дороги")
    ws.write_string(4, 4, "Закрыто")
    wb.close()


def openpyxl_iso_fixture():
    wb = openpyxl.Workbook(iso_dates=True)
    ws = wb.active
    ws.append(["Номер", "Дата поступления"])
    ws.append([1, dt.datetime(2025, 3, 1, 9, 5)])
    ws.append([2, dt.date(2024, 2, 29)])
    wb.save(os.path.join(HERE, "openpyxl-iso.xlsx"))


def openpyxl_1904_fixture():
    wb = openpyxl.Workbook()
    wb.epoch = openpyxl.utils.datetime.CALENDAR_MAC_1904
    ws = wb.active
    ws.title = "Mac"
    ws.append(["Номер", "Дата поступления"])
    ws.append([1, dt.date(2025, 3, 1)])
    ws.append([2, dt.datetime(1904, 1, 2, 12, 0)])
    for row in ws.iter_rows(min_row=2, max_row=3):
        row[1].number_format = "yyyy-mm-dd hh:mm"
    wb.save(os.path.join(HERE, "openpyxl-1904.xlsx"))


def libreoffice_fixture():
    csv = os.path.join(HERE, "libreoffice.csv")
    with open(csv, "w", encoding="utf-8", newline="") as f:
        f.write("Номер;Дата поступления;Дата планируемого завершения работ;Статус;Сумма\r\n")
        f.write("2001;01.03.2025;01.03.2025 09:05;Новое;12,5\r\n")
        f.write("2002;15.01.2024;;Закрыто;7\r\n")
    with tempfile.TemporaryDirectory() as tmp:
        # CSV filter options: separator 59 (;), quote 34 ("), charset 76 (UTF-8), from line 1,
        # no column formats, language 1049 (Russian: DD.MM.YYYY dates, decimal comma).
        subprocess.run(["libreoffice", "--headless", f"-env:UserInstallation=file://{tmp}/profile",
                        "--infilter=CSV:59,34,76,1,,1049", "--convert-to", "xlsx", "--outdir", tmp, csv],
                       check=True, capture_output=True)
        shutil.copy(os.path.join(tmp, "libreoffice.xlsx"), os.path.join(HERE, "libreoffice.xlsx"))


CT = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
</Types>"""
ROOT_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
</Relationships>"""
NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"


def workbook_parts(sheets, shared=None, styles=None, date1904=False):
    """The parts of a hand-written workbook: sheets is [(name, sheet XML body or None for a missing part)]."""
    names = "".join(f'<sheet name="{n}" sheetId="{k + 1}" r:id="rId{k + 1}"/>' for k, (n, _) in enumerate(sheets))
    pr = '<workbookPr date1904="1"/>' if date1904 else "<workbookPr/>"
    parts = {
        "[Content_Types].xml": CT,
        "_rels/.rels": ROOT_RELS,
        "xl/workbook.xml": f'<?xml version="1.0" encoding="UTF-8"?>\n<workbook {NS}>{pr}<sheets>{names}</sheets></workbook>',
    }
    rels = [f'<Relationship Id="rId{k + 1}" Type="{REL}worksheet" Target="worksheets/sheet{k + 1}.xml"/>' for k in range(len(sheets))]
    n = len(sheets)
    if shared is not None:
        rels.append(f'<Relationship Id="rId{n + 1}" Type="{REL}sharedStrings" Target="sharedStrings.xml"/>')
        sis = "".join(shared)
        parts["xl/sharedStrings.xml"] = f'<?xml version="1.0" encoding="UTF-8"?>\n<sst {NS} count="{len(shared)}" uniqueCount="{len(shared)}">{sis}</sst>'
    if styles is not None:
        rels.append(f'<Relationship Id="rId{n + 2}" Type="{REL}styles" Target="/xl/styles.xml"/>')
        parts["xl/styles.xml"] = styles
    parts["xl/_rels/workbook.xml.rels"] = ('<?xml version="1.0" encoding="UTF-8"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                                           + "".join(rels) + "</Relationships>")
    for k, (_, body) in enumerate(sheets):
        if body is not None:
            parts[f"xl/worksheets/sheet{k + 1}.xml"] = f'<?xml version="1.0" encoding="UTF-8"?>\n<worksheet {NS}>{body}</worksheet>'
    return parts


def write_zip(name, parts, method=zipfile.ZIP_DEFLATED):
    with zipfile.ZipFile(os.path.join(HERE, name), "w", method) as z:
        for path, text in parts.items():
            z.writestr(path, text)


# Cell formats: 0 General, 1 built-in 14 (a date), 2 custom 164 "DD.MM.YYYY", 3 custom 165 "h:mm"
# (time only), 4 custom 166 with a quoted d (not a date), 5 built-in 22 (m/d/yy h:mm).
STYLES = f"""<?xml version="1.0" encoding="UTF-8"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<numFmts count="3"><numFmt numFmtId="164" formatCode="DD.MM.YYYY"/><numFmt numFmtId="165" formatCode="h:mm"/><numFmt numFmtId="166" formatCode="0&quot; дн.&quot;"/></numFmts>
<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>
<cellXfs count="6"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="166"/><xf numFmtId="22"/></cellXfs>
</styleSheet>"""


def inline_fixture():
    sheet1 = """<dimension ref="A1:H5"/><sheetData>
<row r="1"><c r="A1" t="inlineStr"><is><t>Номер</t></is></c><c r="B1" t="inlineStr"><is><r><rPr><b/></rPr><t>Дата </t></r><r><t>поступления</t></r></is></c><c r="C1" t="inlineStr"><is><t>Комментарий</t></is></c><c r="D1" t="inlineStr"><is><t>Время</t></is></c></row>
<row r="2"><c r="A2"><v>1</v></c><c r="B2" s="2"><v>45717</v></c><c r="C2" t="inlineStr"><is><t xml:space="preserve">строка 1_x000D_
строка 2 </t><rPh sb="0" eb="1"><t>ФОНЕТИКА</t></rPh></is></c><c r="D2" s="3"><v>0.37847222222222221</v></c><c r="F2" s="4"><v>30</v></c></row>
<row r="3"><c r="A3"><f>1+1</f><v>2</v></c><c r="B3" s="1"><v>45352.5</v></c><c r="C3" t="str"><f>"x"&amp;"y"</f><v>xy</v></c><c r="D3" t="b"><v>1</v></c><c r="E3" t="e"><v>#N/A</v></c><c r="F3" s="5"><v>61.75</v></c></row>
<row><c t="inlineStr"><is><t>без ссылки</t></is></c><c><v>-1.5</v></c><c s="2"/><c t="inlineStr"><is><t>a_x005F_b &amp; &lt;c&gt;</t></is></c></row>
<row r="7"><c r="H7" s="1"><v>1</v></c><c r="B7" s="1"><v>59</v></c></row>
</sheetData><mergeCells count="1"><mergeCell ref="A1:A2"/></mergeCells>"""
    sheet2 = '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>второй лист</t></is></c></row></sheetData>'
    sheet3 = '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>лист с именем 1</t></is></c></row></sheetData>'
    return workbook_parts([("Данные", sheet1), ("Второй", sheet2), ("1", sheet3)], styles=STYLES)


# Hostile sheets: the reader must throw a typed error naming file, sheet and cell.
HOSTILE = [
    ("ref-too-wide", '<sheetData><row r="1"><c r="ZZZZZZZ1"><v>1</v></c></row></sheetData>'),
    ("ref-row-zero", '<sheetData><row r="1"><c r="A0"><v>1</v></c></row></sheetData>'),
    ("shared-index", '<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>99999999999</v></c></row>'
                     '<row r="2"><c r="A2" t="s"><v>0</v></c></row></sheetData>'),
    ("serial-negative", '<sheetData><row r="1"><c r="C1" s="1"><v>-1</v></c></row></sheetData>'),
    ("serial-nan", '<sheetData><row r="1"><c r="D1" s="1"><v>NaN</v></c></row></sheetData>'),
    ("serial-huge", '<sheetData><row r="1"><c r="E1" s="1"><v>1e300</v></c></row></sheetData>'),
    ("serial-60", '<sheetData><row r="1"><c r="F1" s="1"><v>60</v></c></row></sheetData>'),
    ("malformed", '<sheetData><row r="1"><c r="A1"><v>1</v></row></sheetData>'),
    ("missing-part", None),
    ("row-number", '<sheetData><row r="2000000"><c><v>1</v></c></row></sheetData>'),
]


def hostile_fixture():
    shared = ["<si><t>один</t></si>"]
    return workbook_parts(HOSTILE, shared=shared, styles=STYLES)


def csv_fixtures():
    text = ("Номер;Дата поступления;Категория;Статус\r\n"
            "3001;01.03.2025 9:05;Дороги — ямы;Новое\r\n"
            "3002;1.3.2025;«Мусор», № 5;Ёлка ё\r\n")
    with open(os.path.join(HERE, "cp1251.csv"), "wb") as f:
        f.write(text.encode("cp1251"))
    with open(os.path.join(HERE, "utf16.txt"), "wb") as f:
        f.write(b"\xff\xfe" + text.replace(";", "\t").encode("utf-16-le"))   # BOM FF FE, then UTF-16LE


# The messages of the batch fixtures: Номер, Дата поступления, Категория, Стадия, Фаст-трек, ФЗ,
# Организация, Статус (carried), Номер ЕПГУ (carried). Dates are datetime (a date-time cell),
# date (a date cell) or str (text: a date that does not exist stays text in every form).
BATCH_HEADER = ["Номер", "Дата поступления", "Категория", "Стадия", "Фаст-трек", "ФЗ",
                "Организация, в которую поступило сообщение", "Статус", "Номер ЕПГУ"]
BATCH_ROWS = [
    [2001, dt.datetime(2025, 3, 1, 9, 5), "Дороги", "Исполнение", "Нет", "Обычное сообщение",
     "Администрация г. Казани", "В работе", "7700000001"],
    [2002, dt.date(2025, 1, 10), "Мусор", "Модерация", "", "", "Администрация, отдел «ЖКХ»", "Новое", ""],
    [2003, dt.datetime(2024, 2, 28, 14, 30), "Дороги", "Согласование", "", "", "Администрация г. Казани",
     "В работе", "7700000003"],
    [2004, dt.date(2025, 10, 2), "Образование", "", "", "", "Управление образования", "Новое", ""],
    [2005, dt.date(2024, 12, 5), "Ёлки и ели", "Утверждение", "", "", "Управление образования", "В работе", ""],
    [2006, dt.datetime(2025, 3, 20, 10, 0), "Мусор", "Исполнение", 10, "", "Администрация г. Казани",
     "В работе", ""],
    [2007, dt.date(2025, 4, 15), "Обращение", "Исполнение", "", "59-ФЗ", "Управление образования", "В работе", ""],
    [2008, "31.02.2025", "Дороги", "", "", "", "Администрация г. Казани", "Новое", ""],
]


def batch_text(value):
    """A value as Russian Excel writes it in CSV: dates DD.MM.YYYY, date-times DD.MM.YYYY HH:MM."""
    if isinstance(value, dt.datetime):
        return value.strftime("%d.%m.%Y %H:%M")
    if isinstance(value, dt.date):
        return value.strftime("%d.%m.%Y")
    return str(value)


def batch_csv(delimiter):
    def field(v):
        t = batch_text(v)
        return '"' + t.replace('"', '""') + '"' if (delimiter in t or '"' in t) else t
    lines = [delimiter.join(BATCH_HEADER)] + [delimiter.join(field(v) for v in row) for row in BATCH_ROWS]
    return "".join(line + "\r\n" for line in lines)


def batch_text_fixtures():
    with open(os.path.join(HERE, "batch-utf8.csv"), "wb") as f:
        f.write(b"\xef\xbb\xbf" + batch_csv(";").encode("utf-8"))
    with open(os.path.join(HERE, "batch-1251.csv"), "wb") as f:
        f.write(batch_csv(";").encode("cp1251"))
    with open(os.path.join(HERE, "batch-utf16.txt"), "wb") as f:
        f.write(codecs.BOM_UTF16_LE + batch_csv("\t").encode("utf-16-le"))


def batch_openpyxl_fixture():
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Сообщения"
    ws["A1"] = "Выгрузка сообщений ПОС"
    ws.append([])
    ws.append(BATCH_HEADER)
    for row in BATCH_ROWS:
        ws.append([None if v == "" else v for v in row])
    for row in ws.iter_rows(min_row=4):
        cell = row[1]
        if isinstance(cell.value, dt.datetime) and (cell.value.hour or cell.value.minute):
            cell.number_format = "DD.MM.YYYY HH:MM"
        elif isinstance(cell.value, (dt.date, dt.datetime)):
            cell.number_format = "DD.MM.YYYY"
    wb.save(os.path.join(HERE, "batch-openpyxl.xlsx"))


def batch_libreoffice_fixture():
    csv = os.path.join(HERE, "batch-utf8.csv")
    with tempfile.TemporaryDirectory() as tmp:
        # As libreoffice_fixture: `;`, UTF-8, Russian (1049), so dates become date cells.
        subprocess.run(["libreoffice", "--headless", f"-env:UserInstallation=file://{tmp}/profile",
                        "--infilter=CSV:59,34,76,1,,1049", "--convert-to", "xlsx", "--outdir", tmp, csv],
                       check=True, capture_output=True)
        shutil.copy(os.path.join(tmp, "batch-utf8.xlsx"), os.path.join(HERE, "batch-libreoffice.xlsx"))


def excel_serial(value):
    """Days since 1899-12-30 (the 1900 system after 1900-03-01), the time as a fraction."""
    base = dt.datetime(1899, 12, 30)
    if not isinstance(value, dt.datetime):
        value = dt.datetime.combine(value, dt.time())
    delta = value - base
    return delta.days + delta.seconds / 86400


def batch_inline_fixture():
    def esc(t):
        return t.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

    def cell(ref, v):
        if v == "" or v is None:
            return ""
        if isinstance(v, dt.datetime) and (v.hour or v.minute):
            return f'<c r="{ref}" s="5"><v>{excel_serial(v)!r}</v></c>'   # built-in 22, m/d/yy h:mm
        if isinstance(v, (dt.date, dt.datetime)):
            return f'<c r="{ref}" s="{1 if v.year % 2 else 2}"><v>{int(excel_serial(v))}</v></c>'  # 14 or custom DD.MM.YYYY
        if isinstance(v, int):
            return f'<c r="{ref}"><v>{v}</v></c>'
        text = esc(str(v)).replace("\r", "_x000D_")
        return f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{text}</t></is></c>'

    letters = "ABCDEFGHI"
    rows = ['<row r="1"><c r="A1" t="inlineStr"><is><t>Выгрузка ПОС (вручную)</t></is></c></row>']
    rows.append('<row r="2">' + "".join(cell(f"{letters[k]}2", h) for k, h in enumerate(BATCH_HEADER)) + "</row>")
    for k, row in enumerate(BATCH_ROWS):
        i = 3 + k + (1 if k >= 4 else 0)   # row 7 is not stored (an empty row): the messages are rows 3–6, 8–11
        row = list(row)
        if row[0] == 2003:
            row[7] = "В работе\r\nс 01.03"   # a line break in a carried cell (Excel writes _x000D_ for the CR)
        rows.append(f'<row r="{i}">' + "".join(cell(f"{letters[c]}{i}", v) for c, v in enumerate(row)) + "</row>")
    body = "<sheetData>" + "".join(rows) + '</sheetData><mergeCells count="1"><mergeCell ref="A1:I1"/></mergeCells>'
    return workbook_parts([("Выгрузка", body)], styles=STYLES)


def batch_fixtures():
    batch_text_fixtures()
    batch_openpyxl_fixture()
    batch_libreoffice_fixture()
    write_zip("batch-inline.xlsx", batch_inline_fixture())


def example_files():
    """README's examples of the export as operators have it, made from examples/pos-export.csv
    (UTF-8, `;`): the workbook LibreOffice makes of it read as Russian (dates become date cells),
    Excel's «CSV (разделители — запятые)» (Windows-1251, `;`, CRLF) and «Текст Юникод» (UTF-16LE
    with a BOM, TAB, CRLF)."""
    examples = os.path.join(HERE, "..", "..", "..", "examples")
    csv = os.path.join(examples, "pos-export.csv")
    with open(csv, encoding="utf-8") as f:
        lines = f.read().splitlines()
    with open(os.path.join(examples, "pos-export-1251.csv"), "wb") as f:
        f.write("".join(line + "\r\n" for line in lines).encode("cp1251"))
    with open(os.path.join(examples, "pos-export-unicode.txt"), "wb") as f:
        f.write(codecs.BOM_UTF16_LE + "".join(line.replace(";", "\t") + "\r\n" for line in lines).encode("utf-16-le"))
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["libreoffice", "--headless", f"-env:UserInstallation=file://{tmp}/profile",
                        "--infilter=CSV:59,34,76,1,,1049", "--convert-to", "xlsx", "--outdir", tmp, csv],
                       check=True, capture_output=True)
        shutil.copy(os.path.join(tmp, "pos-export.xlsx"), os.path.join(examples, "pos-export.xlsx"))


def main():
    if sys.argv[1:] == ["batch"]:   # `python3 make_fixtures.py batch`: the batch fixtures only
        batch_fixtures()
        return
    if sys.argv[1:] == ["examples"]:   # `python3 make_fixtures.py examples`: README's example files
        example_files()
        return
    openpyxl_fixture()
    openpyxl_1904_fixture()
    openpyxl_iso_fixture()
    xlsxwriter_fixture()
    libreoffice_fixture()
    write_zip("inline.xlsx", inline_fixture())
    write_zip("hostile.xlsx", hostile_fixture())
    with open(os.path.join(HERE, "openpyxl.xlsx"), "rb") as f:
        data = f.read()
    with open(os.path.join(HERE, "truncated.xlsx"), "wb") as f:
        f.write(data[: len(data) * 6 // 10])
    write_zip("crc.xlsx", inline_fixture(), method=zipfile.ZIP_STORED)
    with open(os.path.join(HERE, "crc.xlsx"), "r+b") as f:
        blob = bytearray(f.read())
        at = blob.index("строка 1".encode())
        blob[at] ^= 0x01
        f.seek(0)
        f.write(blob)
    csv_fixtures()
    batch_fixtures()


if __name__ == "__main__":
    main()
