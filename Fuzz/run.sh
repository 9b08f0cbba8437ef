#!/usr/bin/env bash
# Builds and runs the libFuzzer harnesses on the project's own sources.
#   Fuzz/run.sh [SECONDS]      (default 600 per harness; both run in parallel)
# Corpora live in Fuzz/corpus/{csv,timestamp}; crashes go to Fuzz/artifacts/.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-600}"
out=.build-fuzz
mkdir -p "$out" Fuzz/artifacts
clang -O1 -c Sources/CICUShim/srok_icu.c -I Sources/CICUShim/include -o "$out/srok_icu.o"
common=(-O -sanitize=fuzzer,address -parse-as-library -module-name SrokFuzz
        -Xcc -fmodule-map-file=Fuzz/CICUShimModule/module.modulemap)
swiftc "${common[@]}" Fuzz/TimestampFuzz.swift \
  Sources/SrokCore/Dates/*.swift Sources/SrokCore/Time/*.swift Sources/SrokCore/SrokError.swift \
  "$out/srok_icu.o" -licui18n -licuuc -licudata -o "$out/timestamp-fuzz"
swiftc "${common[@]}" Fuzz/CSVFuzz.swift \
  Sources/SrokBatch/CSVTokenizer.swift Sources/SrokBatch/LineEnds.swift Sources/SrokBatch/FieldEnds.swift Sources/SrokBatch/ByteSink.swift Sources/SrokBatch/ChunkPlan.swift \
  Tests/SrokBatchTests/ChunkPlanReference.swift \
  Sources/SrokCore/Dates/*.swift Sources/SrokCore/Time/*.swift Sources/SrokCore/SrokError.swift \
  "$out/srok_icu.o" -licui18n -licuuc -licudata -o "$out/csv-fuzz"
"$out/timestamp-fuzz" -max_total_time="$seconds" -max_len=64 -artifact_prefix=Fuzz/artifacts/timestamp- \
  Fuzz/corpus/timestamp > "$out/timestamp.log" 2>&1 &
"$out/csv-fuzz" -max_total_time="$seconds" -max_len=4096 -artifact_prefix=Fuzz/artifacts/csv- \
  Fuzz/corpus/csv > "$out/csv.log" 2>&1 &
wait
tail -n 3 "$out/timestamp.log" "$out/csv.log"
