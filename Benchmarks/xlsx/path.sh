#!/usr/bin/env bash
# The operator's path end to end: a ПОС-style export workbook (N rows × 25 columns, default
# 100 000; `Benchmarks/batch/generate.py N --format xlsx`) through `srok batch` to a CSV file,
# timed once with /usr/bin/time -v: wall time, CPU, peak RSS.
#   Benchmarks/xlsx/path.sh [N] [JOBS] [OUTPUT-EXTENSION]
# OUTPUT-EXTENSION is csv by default (xlsx, once `-o report.xlsx` writes a workbook).
set -euo pipefail
cd "$(dirname "$0")/../.."
n="${1:-100000}"; jobs="${2:-$(nproc)}"; ext="${3:-csv}"
work="${TMPDIR:-/tmp}/srok-xlsx-path"
mkdir -p "$work"
in="$work/export-$n.xlsx"
[ -f "$in" ] || python3 Benchmarks/batch/generate.py "$n" --format xlsx "$in"
swift build -c release --product srok >/dev/null
bin=.build/release/srok
cat "$in" > /dev/null   # warm the page cache
echo "input: $in ($(stat -c %s "$in") bytes, $n rows × 25 columns), jobs $jobs, output .$ext"
rm -f "$work/out.$ext"
/usr/bin/time -v "$bin" batch "$in" -o "$work/out.$ext" -j "$jobs" --no-progress \
  --as-of 2026-11-25T12:00+03:00 --rejects "$work/rejects.csv" > /dev/null 2> "$work/time.txt" || true
grep -E "srok batch:|Elapsed \(wall|User time|System time|Maximum resident" "$work/time.txt"
