// Srok's C layer for reading .xlsx workbooks: minizip (zlib's contrib unzip) streams a ZIP
// entry, libxml2's SAX2 push parser reads it as XML. This header includes neither library's
// headers on purpose: Swift sees opaque handles, plain integers and byte ranges, so libxml2 and
// Foundation's own XML layer never meet in one Swift module.
//
// Every handle reads one entry of one archive (each opens the archive itself), is not
// thread-safe, and is freed by its own close function. Byte ranges handed out point into the
// handle's buffers and stay valid until the next call on that handle.
#ifndef SROK_XLSX_H
#define SROK_XLSX_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Status codes (negative) shared by every function below.
typedef enum {
    SROK_XLSX_OK = 0,
    /// The file is not a ZIP archive or its directory is damaged (minizip UNZ_BADZIPFILE).
    SROK_XLSX_ERR_NOT_ZIP = -1,
    /// The archive has no entry of that name.
    SROK_XLSX_ERR_NO_ENTRY = -2,
    /// The entry's compressed data is damaged, truncated, or fails its CRC-32.
    SROK_XLSX_ERR_CORRUPT_ENTRY = -3,
    /// The entry is encrypted.
    SROK_XLSX_ERR_ENCRYPTED = -4,
    /// The entry is not well-formed XML (see srok_xlsx_error_message).
    SROK_XLSX_ERR_XML = -5,
    /// A limit was exceeded (entry size, row size, string table size); see the message.
    SROK_XLSX_ERR_LIMIT = -6,
    /// The file could not be opened or read (errno is set).
    SROK_XLSX_ERR_IO = -7,
    /// Out of memory.
    SROK_XLSX_ERR_MEMORY = -8
} srok_xlsx_status;

/// A byte range inside a handle's buffer: `offset` from the buffer's base, `length` bytes.
typedef struct {
    int64_t offset;
    int32_t length;
} srok_xlsx_span;

// MARK: Small parts as element events

/// A whole small XML part (workbook, relationships, styles) as start/end element events.
typedef struct srok_xlsx_elements srok_xlsx_elements;

/// One element event: `kind` 1 = start (with attributes), 2 = end. Names are local names
/// (the namespace prefix dropped: `r:id` is `id`).
typedef struct {
    int32_t kind;
    srok_xlsx_span name;
    /// Index of the first attribute in srok_xlsx_elements_attributes and how many.
    int32_t first_attribute;
    int32_t attribute_count;
} srok_xlsx_element;

/// One attribute: local name and (entity-decoded, UTF-8) value.
typedef struct {
    srok_xlsx_span name;
    srok_xlsx_span value;
} srok_xlsx_attribute;

/// Reads entry `entry` of the archive at `path` into element events, refusing parts whose
/// uncompressed size exceeds `max_bytes`. NULL on failure with *status set and the reason
/// (UTF-8) written to `message`.
srok_xlsx_elements *srok_xlsx_elements_read(const char *path, const char *entry, int64_t max_bytes, int32_t *status,
                                            char *message, int32_t message_capacity);
void srok_xlsx_elements_close(srok_xlsx_elements *e);
int32_t srok_xlsx_elements_count(const srok_xlsx_elements *e);
const srok_xlsx_element *srok_xlsx_elements_events(const srok_xlsx_elements *e);
const srok_xlsx_attribute *srok_xlsx_elements_attributes(const srok_xlsx_elements *e);
const uint8_t *srok_xlsx_elements_bytes(const srok_xlsx_elements *e);

// MARK: The shared-strings table

/// The shared-strings table (`xl/sharedStrings.xml`): each `<si>`'s text, rich-text runs
/// (`<r><t>`) concatenated, phonetic runs (`<rPh>`) left out.
typedef struct srok_xlsx_strings srok_xlsx_strings;

/// Reads the table, refusing one whose text exceeds `max_bytes` in total. NULL on failure with
/// *status set and the reason (UTF-8) written to `message`.
srok_xlsx_strings *srok_xlsx_strings_read(const char *path, const char *entry, int64_t max_bytes, int32_t *status,
                                          char *message, int32_t message_capacity);
void srok_xlsx_strings_close(srok_xlsx_strings *s);
int64_t srok_xlsx_strings_count(const srok_xlsx_strings *s);
/// `count + 1` offsets: string k is bytes[offsets[k] ..< offsets[k + 1]].
const int64_t *srok_xlsx_strings_offsets(const srok_xlsx_strings *s);
const uint8_t *srok_xlsx_strings_bytes(const srok_xlsx_strings *s);

// MARK: Worksheet rows, streamed

/// A worksheet read row by row in bounded memory (a chunk of inflated XML at a time).
typedef struct srok_xlsx_sheet srok_xlsx_sheet;

/// One `<c>` as written: its attributes `r`, `s`, `t` (empty spans when absent) and its text:
/// the `<v>` content, or an inline string's `<is>` text (runs concatenated, `<rPh>` left out).
typedef struct {
    srok_xlsx_span reference;
    srok_xlsx_span style;
    srok_xlsx_span type;
    srok_xlsx_span text;
    /// Bit 0: the cell has a formula (`<f>`); bit 1: it has a `<v>`; bit 2: it has an `<is>`.
    int32_t flags;
} srok_xlsx_cell;

/// One `<row>`: its `r` attribute (empty when absent) and its cells in document order.
typedef struct {
    srok_xlsx_span number;
    int32_t cell_count;
    const srok_xlsx_cell *cells;
    /// The base the spans are offsets from.
    const uint8_t *bytes;
} srok_xlsx_row;

/// Opens entry `entry` (e.g. "xl/worksheets/sheet1.xml") of the archive at `path`. NULL on
/// failure with *status set and the reason written to `message`.
srok_xlsx_sheet *srok_xlsx_sheet_open(const char *path, const char *entry, int32_t *status,
                                      char *message, int32_t message_capacity);
void srok_xlsx_sheet_close(srok_xlsx_sheet *s);
/// Fills *row with the next row: returns 1, 0 at the end of the sheet data, or a negative
/// status (then srok_xlsx_sheet_message says more; every later call returns the same status).
int32_t srok_xlsx_sheet_next_row(srok_xlsx_sheet *s, srok_xlsx_row *row);
/// The last error's message (UTF-8, NUL-terminated; empty when none).
const char *srok_xlsx_sheet_message(const srok_xlsx_sheet *s);
/// The `<mergeCell ref>` values seen so far (they follow the rows, so all are known at the end).
int32_t srok_xlsx_sheet_merge_count(const srok_xlsx_sheet *s);
/// Merge range k (e.g. "A1:D1"), a NUL-terminated string owned by the handle.
const char *srok_xlsx_sheet_merge(const srok_xlsx_sheet *s, int32_t k);
/// The `<dimension ref>` value (e.g. "A1:Y100001") once seen, else an empty string.
const char *srok_xlsx_sheet_dimension(const srok_xlsx_sheet *s);
/// Uncompressed bytes of the entry read so far and its total (from the ZIP directory), for progress.
int64_t srok_xlsx_sheet_bytes_read(const srok_xlsx_sheet *s);
int64_t srok_xlsx_sheet_bytes_total(const srok_xlsx_sheet *s);

/// Whether the archive at `path` has entry `entry` (compared case-insensitively, as OPC part
/// names are): 1 yes, 0 no, or a negative status when the archive cannot be read.
int32_t srok_xlsx_has_entry(const char *path, const char *entry);

#ifdef __cplusplus
}
#endif
#endif
