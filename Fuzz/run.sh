#!/usr/bin/env bash
# Builds and runs the libFuzzer harnesses (Fuzz/*Fuzz.swift) on the project's own sources.
#
#   Fuzz/run.sh [--merge] [--jobs N] [--keep-going] [--keep] [SECONDS] [HARNESS…]
#
#   SECONDS   fuzzing time per harness (default 600)
#   HARNESS   the harnesses to run (default all): a file's name without "Fuzz.swift", lower
#             case: csv, timestamp, jsonlines, request, calendar, region, profile, xlsx, decoding
#   --merge   afterwards, add the new corpus inputs that bring new coverage to Fuzz/corpus/<name>
#             (libFuzzer -merge=1). Without it, nothing in the repository is written.
#   --jobs N  harnesses fuzzed at the same time (default 1)
#   --keep-going  record each finding and keep fuzzing (libFuzzer -fork=1 -ignore_crashes=1 …,
#             several times fewer executions per second); by default a harness stops at its
#             first finding
#   --keep    keep the temporary folder even when nothing was found
#   FUZZ_FLAGS (environment): more libFuzzer flags, e.g. FUZZ_FLAGS=-rss_limit_mb=4096
#
# Everything happens in a temporary folder (mktemp -d). The Swift files of Sources/SrokCore and
# Sources/SrokBatch (all of them, their `import SrokCore`/`import SrokBatch` lines removed), an
# EmbeddedData.swift generated from Data/ by Sources/SrokEmbed (as the EmbedData plugin does), the
# test oracles the harnesses use and the harnesses are compiled once, with
# -sanitize=fuzzer,address, into one module; each harness binary links it with the C targets
# (Sources/CICUShim, Sources/CFileSync), system ICU and the system libraries whose module maps
# are under Sources/ (CICU, CXLSXWriter). A harness is a file Fuzz/<Name>Fuzz.swift
# with one `@_cdecl("LLVMFuzzerTestOneInput")` function and no import of the project's modules;
# its first line may read `// fuzz-options: -max_len=64 …` (its libFuzzer flags).
#
# For each harness: the inputs under Fuzz/regressions/<name> are replayed one by one (each must
# pass); then a copy of Fuzz/corpus/<name> (plus the passing regressions) is fuzzed for SECONDS.
# The report gives the executions, the findings (crash-/timeout-/oom-/leak- files, each with the
# error it gives and the log of its replay) and the failing regressions. With findings the
# temporary folder is kept (and named) and the exit status is 1.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

merge=0 jobs=1 keep=0 keep_going=0 seconds=600
names=()
while (($#)); do
    case "$1" in
        --merge) merge=1 ;;
        --keep) keep=1 ;;
        --keep-going) keep_going=1 ;;
        --jobs) jobs="${2:?--jobs needs a number}"; shift ;;
        --jobs=*) jobs="${1#--jobs=}" ;;
        -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        -*) echo "run.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
        *) if [[ "$1" =~ ^[0-9]+$ ]] && ((${#names[@]} == 0)); then seconds="$1"; else names+=("${1,,}"); fi ;;
    esac
    shift
done
[[ "$jobs" =~ ^[1-9][0-9]*$ ]] || { echo "run.sh: --jobs takes a positive number" >&2; exit 2; }

# Harness name → file: csv → Fuzz/CSVFuzz.swift.
declare -A harness
for f in Fuzz/*Fuzz.swift; do
    base="$(basename "$f" Fuzz.swift)"
    harness["${base,,}"]="$f"
done
known="$(printf '%s\n' "${!harness[@]}" | LC_ALL=C sort | tr '\n' ' ')"
if ((${#names[@]} == 0)); then read -r -a names <<< "$known"; fi
for n in "${names[@]}"; do
    [[ -n "${harness[$n]:-}" ]] || { echo "run.sh: no harness '$n'; known: $known" >&2; exit 2; }
done

work="$(mktemp -d "${TMPDIR:-/tmp}/srok-fuzz.XXXXXX")"
echo "work folder: $work"
mkdir -p "$work"/{src,kit,c,bin,logs}
# Swift's own crash backtracer fights the sanitizer's handler: libFuzzer reports instead.
export SWIFT_BACKTRACE=enable=no

# --- C modules -------------------------------------------------------------------------------
# C targets (Sources/<Name>/*.c with include/*.h): compiled without instrumentation and given a
# module map. System library targets (Sources/<Name>/module.modulemap: CICU, CXLSXWriter): found
# through -I, their libraries linked by the `link` lines of their module maps.
# The system libraries the C targets and system-library targets use (ICU, libxml2, minizip,
# libxlsxwriter): their compile and link flags from pkg-config.
pkgs=()
for p in icu-i18n libxml-2.0 minizip xlsxwriter; do pkg-config --exists "$p" 2>/dev/null && pkgs+=("$p"); done
read -r -a icu_libs <<< "$(pkg-config --libs "${pkgs[@]}" 2>/dev/null || echo -licui18n -licuuc -licudata)"
read -r -a icu_cflags <<< "$(pkg-config --cflags "${pkgs[@]}" 2>/dev/null || true)"
c_includes=() c_objects=()
for dir in Sources/*/; do
    name="$(basename "$dir")"
    if [[ -f "${dir}module.modulemap" ]]; then
        c_includes+=(-I "$root/$dir")
    elif [[ -d "${dir}include" ]] && compgen -G "${dir}*.c" > /dev/null; then
        mkdir -p "$work/c/$name"
        cp "${dir}"include/*.h "$work/c/$name/"
        if [[ ! -f "${dir}include/module.modulemap" ]]; then
            {
                echo "module $name {"
                for h in "$work/c/$name"/*.h; do echo "    header \"$(basename "$h")\""; done
                echo "    export *"
                echo "}"
            } > "$work/c/$name/module.modulemap"
        fi
        for c in "${dir}"*.c; do
            clang -O1 -w -c "$c" -I "${dir}include" "${icu_cflags[@]}" -o "$work/c/$name-$(basename "$c" .c).o"
            c_objects+=("$work/c/$name-$(basename "$c" .c).o")
        done
        c_includes+=(-I "$work/c/$name")
    fi
done

# --- EmbeddedData.swift: what the EmbedData plugin generates, by the same tool ---------------
echo "generating EmbeddedData.swift…"
swiftc -O -module-name SrokEmbed Sources/SrokEmbed/main.swift -o "$work/bin/SrokEmbed" > "$work/logs/embed.log" 2>&1 \
    || { cat "$work/logs/embed.log" >&2; exit 1; }
mapfile -t data_files < <(find Data -type f ! -name '*.md' | LC_ALL=C sort)
"$work/bin/SrokEmbed" "$work/src/EmbeddedData.swift" Data "${data_files[@]}"

# --- SrokFuzz: SrokCore + SrokBatch + the test oracles + the harnesses, one module ---------------
# Files that cannot be part of it (none today: the plugin's generated EmbeddedData is made above).
exclude=()
oracles=(Tests/SrokBatchTests/ChunkPlanReference.swift)
while IFS= read -r -d '' f; do
    for x in "${exclude[@]}"; do [[ "$f" == "$x" ]] && continue 2; done
    mkdir -p "$work/src/$(dirname "$f")"
    sed -E '/^[[:space:]]*(@[A-Za-z_]+[[:space:]]+)*((public|package|internal)[[:space:]]+)?import[[:space:]]+(SrokCore|SrokBatch)[[:space:]]*$/d' \
        "$f" > "$work/src/$f"
done < <(find Sources/SrokCore Sources/SrokBatch -name '*.swift' -print0 | LC_ALL=C sort -z)
for f in "${oracles[@]}"; do mkdir -p "$work/src/$(dirname "$f")"; cp "$f" "$work/src/$f"; done
# Each harness's entry point is renamed srok_fuzz_<name>; a two-line C file per harness binary
# defines LLVMFuzzerTestOneInput to call it. (One module for everything: a harness compiled as a
# module of its own, importing the rest with -O, crashes the compiler on private stored types,
# "Global is external, but doesn't have external or weak linkage".)
mkdir -p "$work/src/Fuzz"
for n in "${names[@]}"; do
    f="${harness[$n]}"
    grep -q '@_cdecl("LLVMFuzzerTestOneInput")' "$f" || { echo "run.sh: $f has no @_cdecl(\"LLVMFuzzerTestOneInput\")" >&2; exit 1; }
    sed "s/@_cdecl(\"LLVMFuzzerTestOneInput\")/@_cdecl(\"srok_fuzz_$n\")/" "$f" > "$work/src/$f"
    printf '#include <stddef.h>\n#include <stdint.h>\nint srok_fuzz_%s(const uint8_t *data, size_t size);\n%s\n' "$n" \
        "int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) { return srok_fuzz_$n(data, size); }" > "$work/c/main-$n.c"
    clang -O1 -c "$work/c/main-$n.c" -o "$work/c/main-$n.o"
done
mapfile -t sources < <(find "$work/src" -name '*.swift' | LC_ALL=C sort)

echo "building SrokFuzz (${#sources[@]} files)…"
swiftc -swift-version 6 -O -sanitize=fuzzer,address -parse-as-library -package-name srok -module-name SrokFuzz -wmo -num-threads 0 \
    "${c_includes[@]}" -c "${sources[@]}" -o "$work/kit/SrokFuzz.o" > "$work/logs/build.log" 2>&1 \
    || { cat "$work/logs/build.log" >&2; echo "run.sh: the fuzz module did not build (log: $work/logs/build.log)" >&2; exit 1; }
for n in "${names[@]}"; do
    swiftc -sanitize=fuzzer,address "$work/kit/SrokFuzz.o" "$work/c/main-$n.o" "${c_objects[@]}" \
        "${icu_libs[@]}" -o "$work/bin/$n-fuzz" > "$work/logs/$n-link.log" 2>&1 \
        || { grep -v 'Cannot export local symbol' "$work/logs/$n-link.log" >&2; echo "run.sh: harness $n did not link" >&2; exit 1; }
done

# --- Running -------------------------------------------------------------------------------
# What a failing run's log says: Swift's fatal error message, else the sanitizer's error and the
# innermost frame in the project's code (an arithmetic overflow traps with no message).
why() {  # log
    if grep -m 1 'Fatal error' "$1"; then return; fi
    grep -m 1 -E 'ERROR: (libFuzzer|AddressSanitizer|LeakSanitizer)|ALARM: working on the last Unit|out-of-memory' "$1" || true
    local frame
    frame="$(grep -m 1 -E '^ +#[0-9]+ 0x[0-9a-f]+ in \$s[0-9]+(SrokFuzzKit|[A-Za-z]+Fuzz)' "$1" | sed -E 's/^ +#[0-9]+ 0x[0-9a-f]+ in ([^ ]+).*/\1/')" || true
    if [[ -n "$frame" ]]; then echo "in $(swift demangle --simplified --compact "$frame" 2>/dev/null || echo "$frame")"; fi
}

run() {  # name
    local n="$1" f="${harness[$1]}" bin="$work/bin/$1-fuzz" opts=() fork=()
    local corpus="$work/corpus/$n" regress="$work/regressions/$n" art="$work/artifacts/$n"
    local log="$work/logs/$n.log" summary="$work/logs/$n.summary"
    mkdir -p "$corpus" "$regress" "$art"
    if [[ -d "Fuzz/corpus/$n" ]]; then cp -R "Fuzz/corpus/$n/." "$corpus/"; fi
    read -r -a opts < <(sed -n 's/^\/\/ fuzz-options://p' "$f" | head -n 1) || true
    if ((keep_going)); then fork=(-fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1); fi
    : > "$summary"
    # Regressions, one at a time.
    local passed=0 failed=0 r
    for r in "Fuzz/regressions/$n"/*; do
        [[ -f "$r" ]] || continue
        local rlog="$work/logs/$n-regression-$(basename "$r").log"
        if "$bin" "${opts[@]}" -timeout=10 -runs=1 "$r" > "$rlog" 2>&1; then
            cp "$r" "$regress/"; passed=$((passed + 1))
        else
            failed=$((failed + 1))
            echo "  regression FAILS: $r" >> "$summary"
            why "$rlog" | sed 's/^/    /' >> "$summary"
        fi
    done
    # Fuzzing.
    local status=0 started
    started="$(date +%s)"
    # shellcheck disable=SC2086
    "$bin" "${opts[@]}" "${fork[@]}" -max_total_time="$2" -timeout=10 -print_final_stats=1 \
        -artifact_prefix="$art/" ${FUZZ_FLAGS:-} "$corpus" "$regress" > "$log" 2>&1 || status=$?
    local elapsed=$(($(date +%s) - started))
    local execs
    execs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)"
    [[ -n "$execs" ]] || execs="$(grep -oE '^#[0-9]+' "$log" | tail -n 1 | tr -d '#')"
    local findings=() a
    for a in "$art"/*; do [[ -f "$a" ]] && findings+=("$a"); done
    {
        echo "$n: ${execs:-0} executions in $elapsed s; corpus $(find "$corpus" -type f | wc -l) inputs; regressions $passed passed, $failed failed; ${#findings[@]} findings"
        for a in "${findings[@]}"; do
            # Replay the finding once for its message (the replay's log keeps the whole stack).
            "$bin" "${opts[@]}" -timeout=10 -runs=1 "$a" > "$a.log" 2>&1 || true
            echo "  finding: $a"
            why "$a.log" | sed 's/^/    /'
            echo "    (replay log: $a.log)"
        done
        if ((status != 0 && ${#findings[@]} == 0)); then echo "  libFuzzer exited with $status (log: $log)"; fi
        cat "$summary"
    } > "$summary.tmp"
    mv "$summary.tmp" "$summary"
    if ((merge)); then
        mkdir -p "Fuzz/corpus/$n"
        local before after
        before="$(find "Fuzz/corpus/$n" -type f | wc -l)"
        if "$bin" "${opts[@]}" -merge=1 -timeout=10 "Fuzz/corpus/$n" "$corpus" > "$work/logs/$n-merge.log" 2>&1; then
            after="$(find "Fuzz/corpus/$n" -type f | wc -l)"
            echo "  merged $((after - before)) new inputs into Fuzz/corpus/$n" >> "$summary"
        else
            echo "  merge failed (log: $work/logs/$n-merge.log)" >> "$summary"
        fi
    fi
}

for n in "${names[@]}"; do
    while (($(jobs -rp | wc -l) >= jobs)); do wait -n || true; done
    echo "fuzzing $n for $seconds s…"
    run "$n" "$seconds" &
done
wait

echo
found=0
for n in "${names[@]}"; do
    cat "$work/logs/$n.summary"
    if grep -qE '^  (finding|regression FAILS|libFuzzer exited|merge failed)' "$work/logs/$n.summary"; then found=1; fi
done
if ((found || keep)); then
    echo "kept: $work"
else
    rm -rf "$work"
fi
exit "$found"
