// Benchmark-only alternatives to Sources/CXLSX (not part of Srok): libxml2's pull reader
// (xmlTextReader) over a minizip stream, and a raw entry stream for FoundationXML's XMLParser.
#ifndef XLSX_BENCH_H
#define XLSX_BENCH_H
#include <stdint.h>

/// Totals a pass over a sheet found, to check candidates read the same.
typedef struct {
    int64_t rows, cells, text_bytes;
} xlsx_bench_totals;

/// Reads `entry` of the archive at `path` with xmlTextReader, visiting every `<row>`, every
/// `<c>` with its r/s/t attributes, and the text of `<v>` and `<t>`. Returns 0 or -1.
int xlsx_bench_textreader(const char *path, const char *entry, xlsx_bench_totals *totals);

/// An inflating stream over one ZIP entry.
typedef struct xlsx_bench_entry xlsx_bench_entry;
xlsx_bench_entry *xlsx_bench_entry_open(const char *path, const char *entry);
/// Inflated bytes into buf: the count, 0 at the end, negative on error.
int xlsx_bench_entry_read(xlsx_bench_entry *e, uint8_t *buf, int capacity);
void xlsx_bench_entry_close(xlsx_bench_entry *e);
#endif
