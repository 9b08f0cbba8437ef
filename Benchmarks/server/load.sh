#!/usr/bin/env bash
# Load test of srok-server on loopback (release build): POST /v1/due at full speed with wrk, then a
# soak at a fixed lower rate while the server's RSS is sampled. Bounded in time; 127.0.0.1 only.
#
#   Benchmarks/server/load.sh [--seconds 30] [--connections 64] [--soak-minutes 10] [--soak-rate 10000]
#   (`--seconds 0` skips the peak run, `--soak-minutes 0` the soak)
#
# Targets (issue 14): the peak run ≥ 20 000 requests/s with p99 ≤ 10 ms; the soak (10 minutes at
# half that, 10 000 requests/s) with no errors and a flat RSS (the last sample within 10 % or
# 8 MiB of the one after the first minute). Exit 1 when a target is missed. `--soak-minutes 0`
# skips the soak. SROK_SERVER_BIN runs a given binary instead of building one.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=30 connections=64 soak_minutes=10 soak_rate=10000
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) seconds="$2"; shift 2 ;;
    --connections) connections="$2"; shift 2 ;;
    --soak-minutes) soak_minutes="$2"; shift 2 ;;
    --soak-rate) soak_rate="$2"; shift 2 ;;
    *) echo "load.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
server_prefix=()
source Benchmarks/server/server.sh
rss() { awk '/^VmRSS/ {print $2}' "/proc/$pid/status"; }
ms() { # wrk's latency (500.00us, 1.23ms, 1.01s) in milliseconds
  awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n *= 1; else if (v ~ /s$/) n *= 1000; print n }'
}
fail=0
echo "machine: $(nproc) cores; $(uptime)"
echo "server: $bin at $url, RSS $(rss) KiB after start"

# Warm-up, then the peak run (`--seconds 0` skips both).
wrk -t2 -c"$connections" -d3s -s Benchmarks/server/due.lua "$url/v1/due" >/dev/null
if [ "$seconds" -gt 0 ]; then
  wrk -t2 -c"$connections" -d"${seconds}s" --latency -s Benchmarks/server/due.lua "$url/v1/due" | tee "$work/peak"
  rate="$(awk '/^Requests\/sec:/ {print int($2)}' "$work/peak")"
  p50="$(ms "$(awk '$1 == "50%" {print $2}' "$work/peak")")"
  p99="$(ms "$(awk '$1 == "99%" {print $2}' "$work/peak")")"
  errors="$(awk '/Non-2xx|Socket errors/ {s = s $0 "; "} END {print s}' "$work/peak")"
  echo "peak: $rate requests/s, p50 $p50 ms, p99 $p99 ms${errors:+, errors: $errors}; RSS $(rss) KiB; load $(cut -d' ' -f1-3 /proc/loadavg)"
  [ "$rate" -ge 20000 ] || { echo "MISSED: peak below 20000 requests/s" >&2; fail=1; }
  awk -v p="$p99" 'BEGIN { exit !(p <= 10) }' || { echo "MISSED: p99 above 10 ms" >&2; fail=1; }
  [ -z "$errors" ] || { echo "MISSED: errors in the peak run" >&2; fail=1; }
fi

if [ "$soak_minutes" -gt 0 ]; then
  # A fixed rate: each of N connections waits N*1000/rate ms between requests.
  soak_connections=$((soak_rate / 100))
  delay=$((soak_connections * 1000 / soak_rate))
  (
    while kill -0 "$pid" 2>/dev/null; do
      echo "$(date +%s) $(rss)"
      sleep 10
    done
  ) >"$work/rss" &
  sampler=$!
  SROK_DELAY_MS="$delay" wrk -t2 -c"$soak_connections" -d"$((soak_minutes * 60))s" --latency \
    -s Benchmarks/server/due.lua "$url/v1/due" | tee "$work/soak"
  kill "$sampler" 2>/dev/null || true
  srate="$(awk '/^Requests\/sec:/ {print int($2)}' "$work/soak")"
  sp50="$(ms "$(awk '$1 == "50%" {print $2}' "$work/soak")")"
  sp99="$(ms "$(awk '$1 == "99%" {print $2}' "$work/soak")")"
  serrors="$(awk '/Non-2xx|Socket errors/ {s = s $0 "; "} END {print s}' "$work/soak")"
  # RSS after the first minute (or the first sample of a shorter soak) and at the end.
  first="$(awk 'NR == 1 {t0 = $1} $1 - t0 >= 60 {print $2; exit}' "$work/rss")"
  [ -n "$first" ] || first="$(awk 'NR == 2 {print $2}' "$work/rss")"
  last="$(tail -n 1 "$work/rss" | cut -d' ' -f2)"
  max="$(sort -k2 -n "$work/rss" | tail -n 1 | cut -d' ' -f2)"
  echo "soak: ${soak_minutes} min at $srate requests/s (target $soak_rate), p50 $sp50 ms, p99 $sp99 ms${serrors:+, errors: $serrors}"
  echo "soak RSS (KiB, every 10 s): $(cut -d' ' -f2 "$work/rss" | tr '\n' ' ')"
  echo "soak RSS: $first KiB after a minute, $last KiB at the end, $max KiB at most; load $(cut -d' ' -f1-3 /proc/loadavg)"
  [ -z "$serrors" ] || { echo "MISSED: errors in the soak" >&2; fail=1; }
  awk -v a="$first" -v b="$last" 'BEGIN { d = b - a; exit !(d <= 8192 || d <= a / 10) }' \
    || { echo "MISSED: RSS grew during the soak" >&2; fail=1; }
fi
# The server's own count of what it answered: nothing but 200 for /v1/due.
curl -sS "$url/metrics" | grep '^srok_http_requests_total{route="/v1/due"' || true
kill -TERM "$pid"
wait "$pid" || { echo "MISSED: srok-server did not exit 0 on SIGTERM" >&2; fail=1; }
trap 'rm -rf "$work"' EXIT
exit "$fail"
