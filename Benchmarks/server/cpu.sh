#!/usr/bin/env bash
# The server's CPU a request: starts srok-server (release) on a random loopback port, runs wrk
# against one path for a while, and divides the server's CPU time (utime + stime from /proc) by the
# requests answered. Optionally pins the server and wrk to cores (taskset) to see the framework's
# ceiling on one core. Bounded in time; 127.0.0.1 only.
#
#   Benchmarks/server/cpu.sh [--path /v1/due] [--seconds 10] [--connections 64] [--threads 2]
#                            [--server-cpu 1] [--wrk-cpu 0]
#
# POST /v1/due sends due.lua's message; any other path is a GET. SROK_SERVER_BIN runs a given
# binary instead of building one.
set -euo pipefail
cd "$(dirname "$0")/../.."
path=/v1/due seconds=10 connections=64 threads=2 server_cpu="" wrk_cpu=""
while [ $# -gt 0 ]; do
  case "$1" in
    --path) path="$2"; shift 2 ;;
    --seconds) seconds="$2"; shift 2 ;;
    --connections) connections="$2"; shift 2 ;;
    --threads) threads="$2"; shift 2 ;;
    --server-cpu) server_cpu="$2"; shift 2 ;;
    --wrk-cpu) wrk_cpu="$2"; shift 2 ;;
    *) echo "cpu.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
server_prefix=() wpin=() script=()
[ -n "$server_cpu" ] && server_prefix=(taskset -c "$server_cpu")
[ -n "$wrk_cpu" ] && wpin=(taskset -c "$wrk_cpu")
[ "$path" = /v1/due ] && script=(-s Benchmarks/server/due.lua)
source Benchmarks/server/server.sh
ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
"${wpin[@]}" wrk -t"$threads" -c"$connections" -d2s "${script[@]}" "$url$path" >/dev/null
t0="$(ticks)"
"${wpin[@]}" wrk -t"$threads" -c"$connections" -d"${seconds}s" --latency "${script[@]}" "$url$path" >"$work/wrk"
t1="$(ticks)"
requests="$(awk '/requests in/ {print $1}' "$work/wrk")"
rate="$(awk '/^Requests\/sec:/ {print $2}' "$work/wrk")"
p50="$(awk '$1 == "50%" {print $2}' "$work/wrk")"
p99="$(awk '$1 == "99%" {print $2}' "$work/wrk")"
errors="$(awk '/Non-2xx|Socket errors/ {s = s $0 "; "} END {print s}' "$work/wrk")"
hz="$(getconf CLK_TCK)"
cpu="$(awk -v t="$((t1 - t0))" -v hz="$hz" -v n="$requests" 'BEGIN { printf "%.1f", t / hz * 1e6 / n }')"
echo "$path: $rate requests/s, p50 $p50, p99 $p99, server CPU $cpu us a request" \
  "(server on ${server_cpu:-any core}, wrk -t$threads on ${wrk_cpu:-any core}, -c$connections)${errors:+; errors: $errors}"
echo "load $(cut -d' ' -f1-3 /proc/loadavg)"
