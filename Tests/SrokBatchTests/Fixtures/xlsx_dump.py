#!/usr/bin/env python3
"""Dumps an .xlsx workbook as JSON with openpyxl, a reader independent of the writer under test.

Usage: xlsx_dump.py WORKBOOK.xlsx
Exit status 3 (and a message on stderr) when openpyxl is not installed.

Output: {"sheets": [{"title", "freeze", "autofilter", "widths": {"A": 12.0, ...},
                     "cells": [{"ref", "row", "col", "value", "type", "is_date", "format",
                                "fill", "font_color", "bold"}]}]}
A date cell's "value" is its datetime in ISO 8601 (YYYY-MM-DDTHH:MM:SS); "type" is openpyxl's
data_type ('s' string, 'n' number, 'd' date). Cells with neither a value nor a fill are left out.
"""
import json
import sys

try:
    import openpyxl
except ImportError:
    sys.stderr.write("openpyxl is not installed (python3 -m pip install openpyxl, or run scripts/setup)\n")
    sys.exit(3)


def color(c):
    if c is None or c.type != "rgb" or c.rgb in (None, "00000000"):
        return None
    return c.rgb


def main(path):
    wb = openpyxl.load_workbook(path)
    out = {"sheets": []}
    for ws in wb.worksheets:
        sheet = {
            "title": ws.title,
            "freeze": ws.freeze_panes,
            "autofilter": ws.auto_filter.ref,
            "widths": {k: d.width for k, d in ws.column_dimensions.items() if d.customWidth},
            "cells": [],
        }
        for row in ws.iter_rows():
            for c in row:
                fill = color(c.fill.fgColor) if c.fill is not None and c.fill.fill_type == "solid" else None
                if c.value is None and fill is None:
                    continue
                value = c.value
                if c.is_date and value is not None:
                    value = value.isoformat()
                sheet["cells"].append({
                    "ref": c.coordinate,
                    "row": c.row,
                    "col": c.column,
                    "value": value,
                    "type": c.data_type,
                    "is_date": bool(c.is_date),
                    "format": c.number_format,
                    "fill": fill,
                    "font_color": color(c.font.color) if c.font is not None and c.font.color is not None else None,
                    "bold": bool(c.font.b) if c.font is not None else False,
                })
        out["sheets"].append(sheet)
    json.dump(out, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main(sys.argv[1])
