#!/usr/bin/env bash
# Times `srok batch` end to end on a generated N-row export (default 10 M): rows/s and peak RSS.
#   Benchmarks/batch/run.sh [N] [JOBS]
set -euo pipefail
cd "$(dirname "$0")/../.."
n="${1:-10000000}"; jobs="${2:-$(nproc)}"
work="${TMPDIR:-/tmp}/srok-batch-bench"
mkdir -p "$work"
[ -f "$work/in-$n.csv" ] || python3 Benchmarks/batch/generate.py "$n" > "$work/in-$n.csv"
swift build -c release --product srok >/dev/null
rm -f "$work/out.csv" "$work/out.csv.rejects.csv"
/usr/bin/time -f "wall %e s, user %U s, sys %S s, peak RSS %M KB" \
  .build/release/srok batch "$work/in-$n.csv" -o "$work/out.csv" -j "$jobs" --no-progress \
  --as-of 2026-11-25T12:00+03:00 --summary-json "$work/summary.json"
