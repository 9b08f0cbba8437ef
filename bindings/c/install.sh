#!/usr/bin/env bash
# Builds libSrokC.so in release and installs it with its header: PREFIX/lib/libSrokC.so and
# PREFIX/include/srok.h (default PREFIX /usr/local). The library needs the Swift runtime it was
# built with (`ldd PREFIX/lib/libSrokC.so` lists it); on a machine without Swift, copy those
# libraries into PREFIX/lib too.
set -euo pipefail
cd "$(dirname "$0")/../.."
prefix="${1:-/usr/local}"
swift build -c release --product SrokC
bin="$(swift build -c release --show-bin-path)"
install -d "$prefix/lib" "$prefix/include"
install -m 755 "$bin/libSrokC.so" "$prefix/lib/libSrokC.so"
install -m 644 Sources/CSrok/include/srok.h "$prefix/include/srok.h"
echo "installed $prefix/lib/libSrokC.so and $prefix/include/srok.h"
