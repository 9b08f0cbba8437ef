#!/usr/bin/env bash
# Times `srok batch` end to end on a generated N-row export (default 10 M), CSV in, CSV out with
# the default columns (the full stage plan and status), into several sinks, RUNS times each, and
# prints the median and best wall time, rows/s, user/sys CPU and peak RSS.
#   Benchmarks/batch/run.sh [N] [JOBS] [RUNS]
# Sinks: stdout to /dev/null (the engine alone), a file on tmpfs (/dev/shm), and a file on the
# disk holding $TMPDIR, durable (the default: writeback as it grows, fsync before the rename)
# and with --no-fsync. The input is read from $TMPDIR (page cache after the first run).
set -euo pipefail
cd "$(dirname "$0")/../.."
n="${1:-10000000}"; jobs="${2:-$(nproc)}"; runs="${3:-3}"
work="${TMPDIR:-/tmp}/srok-batch-bench"
shm="/dev/shm/srok-batch-bench"
mkdir -p "$work" "$shm"
in="$work/in-$n.csv"
[ -f "$in" ] || python3 Benchmarks/batch/generate.py "$n" > "$in"
swift build -c release --product srok >/dev/null
bin=.build/release/srok
cat "$in" > /dev/null   # warm the page cache
echo "input: $in ($(stat -c %s "$in") bytes, $n rows), jobs $jobs, $runs runs per sink"

measure() {   # name, output path, extra flags...
  local name="$1" out="$2"; shift 2
  local results=()
  for _ in $(seq "$runs"); do
    [ "$out" = - ] || rm -f -- "$out"
    # /usr/bin/time writes its line last on stderr, after the run's summary.
    /usr/bin/time -f "%e %U %S %M" "$bin" batch "$in" -o "$out" -j "$jobs" --no-progress \
      --as-of 2026-11-25T12:00+03:00 --rejects "$work/rejects.csv" "$@" > /dev/null 2> "$work/err.txt" || true
    results+=("$(tail -n 1 "$work/err.txt")")
  done
  printf '%s\n' "${results[@]}" | python3 -c '
import sys, statistics
name, n = sys.argv[1], int(sys.argv[2])
rows = [list(map(float, l.split())) for l in sys.stdin if l.strip()]
walls = sorted(r[0] for r in rows)
med = statistics.median(walls)
best = min(rows, key=lambda r: r[0])
print(f"{name:28} median {med:6.2f} s ({n / med / 1e6:4.2f} M rows/s)  best {best[0]:6.2f} s ({n / best[0] / 1e6:4.2f} M rows/s)"
      f"  user {best[1]:.2f} s sys {best[2]:.2f} s  peak RSS {int(max(r[3] for r in rows) / 1024)} MB  (walls: {walls})")
' "$name" "$n"
}

measure "stdout > /dev/null" -
measure "file on tmpfs" "$shm/out.csv"
measure "file on disk, durable" "$work/out.csv"
measure "file on disk, --no-fsync" "$work/out.csv" --no-fsync
rm -rf "$shm"
