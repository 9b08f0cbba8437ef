#!/usr/bin/env bash
# Times XLSXReportWriter alone: a ПОС-style report of N rows × C columns (default 100 000 × 25:
# text, whole numbers, dates and times; highlighted rows; 1 % rejected rows; a summary), RUNS times,
# and prints each run's phases (append, commit = libxlsxwriter's zip; wall and CPU seconds) and, for
# the whole process, wall time, peak RSS and CPU time from /usr/bin/time, then the median and the
# worst. On a shared machine the CPU seconds are the steadier figure (wall = CPU on an idle core:
# the writer is single-threaded).
#   Benchmarks/xlsx/write.sh [N] [C] [RUNS]
# The report goes to $TMPDIR (default /tmp), libxlsxwriter's streaming files to /tmp.
set -euo pipefail
cd "$(dirname "$0")/../.."
n="${1:-100000}"; c="${2:-25}"; runs="${3:-3}"
out="${TMPDIR:-/tmp}/srok-xlsx-bench-$$.xlsx"
trap 'rm -f -- "$out"' EXIT
swift build -c release --product srok-xlsx-write-bench >/dev/null
bin=.build/release/srok-xlsx-write-bench
walls=(); rss=(); cpus=()
for i in $(seq "$runs"); do
  rm -f -- "$out"
  /usr/bin/time -f '%e s %M KB %U user %S sys' -o "$out.time" "$bin" "$out" "$n" "$c"
  line="$(cat "$out.time")"; rm -f -- "$out.time"
  echo "run $i: $line (wall, peak RSS, CPU)"
  walls+=("${line%% s*}"); rss+=("$(echo "$line" | awk '{print $3}')"); cpus+=("$(echo "$line" | awk '{print $5 + $7}')")
done
printf '%s\n' "${walls[@]}" | sort -n | awk -v n="$n" -v c="$c" '{a[NR]=$1} END {printf "%d rows × %d columns: median wall %.2f s, worst %.2f s\n", n, c, a[int((NR+1)/2)], a[NR]}'
printf '%s\n' "${cpus[@]}" | sort -n | awk '{a[NR]=$1} END {printf "CPU (user + sys): median %.2f s, worst %.2f s\n", a[int((NR+1)/2)], a[NR]}'
printf '%s\n' "${rss[@]}" | sort -n | awk '{a[NR]=$1} END {printf "peak RSS: median %.1f MB, worst %.1f MB\n", a[int((NR+1)/2)]/1024, a[NR]/1024}'
