#!/usr/bin/env bash
# Reading .xlsx: Srok's XLSXReader against the other candidates tried and against pandas, on
# generated ПОС-style workbooks (N rows × 25 columns; default 100 000), in one run.
#   Benchmarks/xlsx/read.sh [N] [RUNS]
# For each workbook writer (openpyxl: inline strings; XlsxWriter: shared strings, as Excel
# writes) it prints, per reader, the median wall time, rows/s, user CPU and peak RSS:
#   reader      XLSXReader (minizip + libxml2 SAX2 push parser, typed rows): what srok uses
#   sax-raw     its C layer alone (rows of raw cells, no Swift decoding)
#   textreader  libxml2's xmlTextReader (pull) over the same minizip stream (C, raw)
#   foundation  FoundationXML's XMLParser (SAX delegate) over the same stream, typed rows
#   pandas      pandas.read_excel(engine="openpyxl") (pip install pandas openpyxl xlsxwriter)
# The machine is shared: compare user CPU as well as wall time.
set -euo pipefail
cd "$(dirname "$0")/../.."
n="${1:-100000}"; runs="${2:-3}"
work="${TMPDIR:-/tmp}/srok-xlsx-bench"
mkdir -p "$work"
swift build -c release --product srok-xlsx-read-bench >/dev/null
bin=.build/release/srok-xlsx-read-bench

measure() {   # name, command...
  local name="$1"; shift
  local results=()
  for _ in $(seq "$runs"); do
    /usr/bin/time -f "%e %U %S %M" "$@" > "$work/out.txt" 2> "$work/err.txt" || { cat "$work/err.txt" >&2; return 1; }
    results+=("$(tail -n 1 "$work/err.txt")")
  done
  printf '%s\n' "${results[@]}" | python3 -c '
import sys, statistics
name, n = sys.argv[1], int(sys.argv[2])
rows = [list(map(float, l.split())) for l in sys.stdin if l.strip()]
med = statistics.median(r[0] for r in rows)
user = statistics.median(r[1] for r in rows)
print(f"  {name:11} median wall {med:7.2f} s  {n / med:9.0f} rows/s   user {user:6.2f} s ({n / user:9.0f} rows/s of CPU)   peak RSS {int(max(r[3] for r in rows) / 1024):4d} MB")
' "$name" "$n"
}

for writer in openpyxl xlsxwriter; do
  in="$work/pos-$n-$writer.xlsx"
  [ -f "$in" ] || python3 Benchmarks/xlsx/generate.py "$n" "$in" --writer "$writer"
  echo "$in ($(stat -c %s "$in") bytes, $n rows × 25 columns, written by $writer), $runs runs each"
  for mode in reader sax-raw textreader foundation; do measure "$mode" "$bin" "$mode" "$in"; done
  measure pandas python3 -c 'import sys, pandas; df = pandas.read_excel(sys.argv[1], engine="openpyxl", header=1); print(len(df))' "$in"
done
