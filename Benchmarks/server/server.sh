# Sourced by load.sh and cpu.sh (from the repository's root): installs wrk when missing, builds
# srok-server for release unless SROK_SERVER_BIN names a binary, and starts it on a random
# loopback port, its command prefixed by the array `server_prefix` (e.g. taskset) when set.
# Leaves `pid`, `url` (http://127.0.0.1:PORT) and `work` (a temporary folder), and an EXIT trap
# that stops the server and removes the folder.
if ! command -v wrk >/dev/null 2>&1; then
  if ! out="$(apt-get update -qq 2>&1)" || grep -q gpgv <<<"$out"; then
    apt-get -o Apt::Key::gpgvcommand=/usr/bin/gpgv update -qq
  fi
  apt-get install -y -qq wrk
fi
bin="${SROK_SERVER_BIN:-}"
if [ -z "$bin" ]; then
  swift build -c release --product srok-server >&2
  bin=.build/release/srok-server
fi
work="$(mktemp -d)"
"${server_prefix[@]}" "$bin" --host 127.0.0.1 --port 0 --log-level warning >"$work/out" 2>"$work/err" &
pid=$!
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT
url=""
for _ in $(seq 100); do
  url="$(sed -n 's/^srok-server listening on //p' "$work/out")"
  [ -n "$url" ] && break
  sleep 0.1
done
[ -n "$url" ] || { cat "$work/err" >&2; exit 1; }
