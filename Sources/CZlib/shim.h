// zlib (zlib1g-dev, pkg-config `zlib`): deflate and CRC-32 for the Excel report's ZIP container
// (SrokBatch/Report/ZIPStreamWriter.swift). Only Sources/SrokBatch/Report imports it, with
// `internal import`; it brings no ICU and its names do not clash with Foundation's.
#include <zlib.h>
