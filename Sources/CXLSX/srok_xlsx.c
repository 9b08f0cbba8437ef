// minizip streams one ZIP entry; libxml2's SAX2 push parser turns its bytes into what
// srok_xlsx.h describes. Nothing here interprets cell values: Swift does that.
#include "srok_xlsx.h"
#include <libxml/parser.h>
#include <libxml/xmlerror.h>
#include <unzip.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/// Inflated bytes handed to the XML parser at a time.
#define SROK_CHUNK (64 * 1024)
/// A single row's text and attributes may not exceed this.
#define SROK_MAX_ROW_BYTES ((int64_t)256 << 20)
/// Cells per row (Excel has 16 384 columns; duplicates in a hostile file are bounded too).
#define SROK_MAX_ROW_CELLS 65536
/// `<mergeCell>` elements kept.
#define SROK_MAX_MERGES 1000000

static pthread_once_t srok_xml_once = PTHREAD_ONCE_INIT;
static void srok_xml_init(void) { xmlInitParser(); }

/// What every handle starts with: the first error's status and message.
typedef struct {
    int32_t status;
    char message[512];
} common_t;

static void fail(common_t *c, int32_t status, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void fail(common_t *c, int32_t status, const char *fmt, ...) {
    if (c->status < 0) return;
    c->status = status;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(c->message, sizeof c->message, fmt, ap);
    va_end(ap);
}

// MARK: growable storage

typedef struct {
    uint8_t *data;
    int64_t len, cap;
} bytes_t;

static int bytes_reserve(bytes_t *b, int64_t extra) {
    if (b->len + extra <= b->cap) return 1;
    int64_t cap = b->cap ? b->cap : 4096;
    while (cap < b->len + extra) cap *= 2;
    uint8_t *p = realloc(b->data, (size_t)cap);
    if (!p) return 0;
    b->data = p;
    b->cap = cap;
    return 1;
}

static int bytes_append(bytes_t *b, const void *p, int64_t n) {
    if (n <= 0) return 1;
    if (!bytes_reserve(b, n)) return 0;
    memcpy(b->data + b->len, p, (size_t)n);
    b->len += n;
    return 1;
}

typedef struct {
    void *data;
    int64_t count, cap;
} vec_t;

/// A zeroed new element of `size` bytes at the end, or NULL when memory runs out.
static void *vec_push(vec_t *v, size_t size) {
    if (v->count == v->cap) {
        int64_t cap = v->cap ? v->cap * 2 : 64;
        void *p = realloc(v->data, (size_t)cap * size);
        if (!p) return NULL;
        v->data = p;
        v->cap = cap;
    }
    void *e = (char *)v->data + (size_t)v->count * size;
    memset(e, 0, size);
    v->count++;
    return e;
}

// MARK: the archive's file, read through a window

// minizip reads headers a byte at a time and skips with seeks. Through stdio every seek drops
// the FILE buffer and costs an lseek and a read, so an extra field of 64 KiB of empty records
// (one seek per 4 bytes) made a 13 KB hostile file take half a second per open, and a workbook is
// opened about ten times. Here reads come from a 64 KiB window filled by pread: seeks are free.

/// Bytes of the file kept in memory at a time.
#define SROK_WINDOW (64 * 1024)

typedef struct {
    int fd;
    int64_t size, pos;
    uint8_t *window;
    int64_t window_start, window_length;
    int error;
} zfile_t;

static voidpf ZCALLBACK zfile_open(voidpf opaque, const void *path, int mode) {
    (void)opaque;
    if (!path || (mode & ZLIB_FILEFUNC_MODE_READWRITEFILTER) != ZLIB_FILEFUNC_MODE_READ) return NULL;
    int fd = open((const char *)path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return NULL;
    struct stat st;
    zfile_t *f = calloc(1, sizeof *f);
    uint8_t *window = malloc(SROK_WINDOW);
    if (fstat(fd, &st) != 0 || !f || !window) {
        free(f);
        free(window);
        close(fd);
        return NULL;
    }
    f->fd = fd;
    f->size = (int64_t)st.st_size;
    f->window = window;
    return f;
}

static uLong ZCALLBACK zfile_read(voidpf opaque, voidpf stream, void *buf, uLong size) {
    (void)opaque;
    zfile_t *f = stream;
    uint8_t *out = buf;
    uLong done = 0;
    while (done < size) {
        if (f->pos >= f->window_start && f->pos < f->window_start + f->window_length) {
            int64_t n = f->window_start + f->window_length - f->pos;
            if (n > (int64_t)(size - done)) n = (int64_t)(size - done);
            memcpy(out + done, f->window + (f->pos - f->window_start), (size_t)n);
            f->pos += n;
            done += (uLong)n;
            continue;
        }
        if (f->pos >= f->size) break;
        ssize_t n;
        do n = pread(f->fd, f->window, SROK_WINDOW, (off_t)f->pos); while (n < 0 && errno == EINTR);
        if (n <= 0) {
            if (n < 0) f->error = errno;
            break;
        }
        f->window_start = f->pos;
        f->window_length = n;
    }
    return done;
}

static uLong ZCALLBACK zfile_write(voidpf opaque, voidpf stream, const void *buf, uLong size) {
    (void)opaque; (void)stream; (void)buf; (void)size;
    return 0;
}

static ZPOS64_T ZCALLBACK zfile_tell(voidpf opaque, voidpf stream) {
    (void)opaque;
    return (ZPOS64_T)((zfile_t *)stream)->pos;
}

static long ZCALLBACK zfile_seek(voidpf opaque, voidpf stream, ZPOS64_T offset, int origin) {
    (void)opaque;
    zfile_t *f = stream;
    int64_t base;
    switch (origin) {
    case ZLIB_FILEFUNC_SEEK_SET: base = 0; break;
    case ZLIB_FILEFUNC_SEEK_CUR: base = f->pos; break;
    case ZLIB_FILEFUNC_SEEK_END: base = f->size; break;
    default: return -1;
    }
    // As fseeko would: the offset as a signed number, the result not before the start.
    int64_t to;
    if (__builtin_add_overflow(base, (int64_t)offset, &to) || to < 0) return -1;
    f->pos = to;
    return 0;
}

static int ZCALLBACK zfile_close(voidpf opaque, voidpf stream) {
    (void)opaque;
    zfile_t *f = stream;
    int rc = close(f->fd);
    free(f->window);
    free(f);
    return rc;
}

static int ZCALLBACK zfile_error(voidpf opaque, voidpf stream) {
    (void)opaque;
    return ((zfile_t *)stream)->error;
}

/// Opens the archive at `path` for reading through zfile_t.
static unzFile zip_open(const char *path) {
    zlib_filefunc64_def io = {zfile_open, zfile_read, zfile_write, zfile_tell, zfile_seek, zfile_close, zfile_error, NULL};
    return unzOpen2_64(path, &io);
}

// MARK: one ZIP entry, inflated on demand

typedef struct {
    unzFile zip;
    int opened;
    int64_t total, done;
} entry_t;

static int32_t entry_open(entry_t *e, const char *path, const char *name, common_t *c) {
    memset(e, 0, sizeof *e);
    e->zip = zip_open(path);
    if (!e->zip) {
        FILE *f = fopen(path, "rb");
        if (!f) {
            fail(c, SROK_XLSX_ERR_IO, "cannot open the file: %s", strerror(errno));
            return c->status;
        }
        fclose(f);
        fail(c, SROK_XLSX_ERR_NOT_ZIP, "not a ZIP archive (no readable ZIP directory)");
        return c->status;
    }
    if (unzLocateFile(e->zip, name, 2) != UNZ_OK) {
        fail(c, SROK_XLSX_ERR_NO_ENTRY, "the archive has no part %s", name);
        return c->status;
    }
    unz_file_info64 info;
    if (unzGetCurrentFileInfo64(e->zip, &info, NULL, 0, NULL, 0, NULL, 0) != UNZ_OK) {
        fail(c, SROK_XLSX_ERR_CORRUPT_ENTRY, "the ZIP directory entry of %s is damaged", name);
        return c->status;
    }
    if (info.flag & 1) {
        fail(c, SROK_XLSX_ERR_ENCRYPTED, "part %s is encrypted", name);
        return c->status;
    }
    if (info.compression_method != 0 && info.compression_method != Z_DEFLATED) {
        fail(c, SROK_XLSX_ERR_CORRUPT_ENTRY, "part %s is compressed with ZIP method %lld; expected stored (0) or deflate (8)",
             name, (long long)info.compression_method);
        return c->status;
    }
    e->total = (int64_t)info.uncompressed_size;
    if (unzOpenCurrentFile(e->zip) != UNZ_OK) {
        fail(c, SROK_XLSX_ERR_CORRUPT_ENTRY, "the local header of part %s is damaged", name);
        return c->status;
    }
    e->opened = 1;
    return SROK_XLSX_OK;
}

/// Inflated bytes into buf: the count, 0 at the end (CRC checked), or a negative status.
static int32_t entry_read(entry_t *e, uint8_t *buf, int32_t capacity, common_t *c) {
    if (!e->opened) return 0;
    int n = unzReadCurrentFile(e->zip, buf, (unsigned)capacity);
    if (n < 0) {
        fail(c, SROK_XLSX_ERR_CORRUPT_ENTRY, "the compressed data is damaged or truncated (zlib/minizip error %d)", n);
        return c->status;
    }
    if (n == 0) {
        e->opened = 0;
        if (unzCloseCurrentFile(e->zip) == UNZ_CRCERROR) {
            fail(c, SROK_XLSX_ERR_CORRUPT_ENTRY, "the data fails its CRC-32 check");
            return c->status;
        }
        return 0;
    }
    e->done += n;
    return n;
}

static void entry_close(entry_t *e) {
    if (e->opened) unzCloseCurrentFile(e->zip);
    if (e->zip) unzClose(e->zip);
    e->zip = NULL;
    e->opened = 0;
}

// MARK: the push parser

typedef struct {
    entry_t entry;
    xmlSAXHandler sax;
    xmlParserCtxtPtr ctxt;
    uint8_t *buf;
    int eof;
} pusher_t;

/// libxml2's structured error: the first one's line, column and text become the message.
static void on_xml_error(void *user, xmlErrorPtr err) {
    common_t *c = user;
    if (!err || c->status < 0 || err->level < XML_ERR_ERROR) return;
    char text[400];
    snprintf(text, sizeof text, "%s", err->message ? err->message : "malformed XML");
    size_t n = strlen(text);
    while (n > 0 && (text[n - 1] == '\n' || text[n - 1] == ' ')) text[--n] = 0;
    c->status = SROK_XLSX_ERR_XML;
    snprintf(c->message, sizeof c->message, "malformed XML at line %d, column %d: %s", err->line, err->int2, text);
}

/// libxml2 reports some errors (a failed character conversion, an I/O error) with no parser
/// context, through its generic handler, which prints them to stderr (`encoding error : input
/// conversion failed…` before srok's own message); the parse fails all the same and the caller
/// reports it.
static void srok_xml_silent(void *context, const char *message, ...) {
    (void)context;
    (void)message;
}

static int32_t pusher_open(pusher_t *p, const char *path, const char *name, common_t *c) {
    pthread_once(&srok_xml_once, srok_xml_init);
    memset(&p->sax, 0, sizeof p->sax);
    p->sax.initialized = XML_SAX2_MAGIC;
    p->sax.serror = on_xml_error;
    p->buf = malloc(SROK_CHUNK);
    if (!p->buf) { fail(c, SROK_XLSX_ERR_MEMORY, "out of memory"); return c->status; }
    return entry_open(&p->entry, path, name, c);
}

/// Inflates one more chunk and parses it (SAX callbacks run): OK or a negative status.
static int32_t pusher_step(pusher_t *p, common_t *c) {
    int32_t n = entry_read(&p->entry, p->buf, SROK_CHUNK, c);
    if (n < 0) return n;
    // libxml2's messages with no parser context are not printed (see srok_xml_silent); the
    // thread's handler is put back afterwards.
    xmlGenericErrorFunc generic = xmlGenericError;
    void *generic_context = xmlGenericErrorContext;
    xmlSetGenericErrorFunc(NULL, srok_xml_silent);
    int rc;
    if (!p->ctxt) {
        // The first bytes let libxml2 detect the encoding.
        int head = n < 4 ? n : 4;
        p->ctxt = xmlCreatePushParserCtxt(&p->sax, c, (const char *)p->buf, head, NULL);
        if (!p->ctxt) {
            xmlSetGenericErrorFunc(generic_context, generic);
            fail(c, SROK_XLSX_ERR_MEMORY, "out of memory");
            return c->status;
        }
        xmlCtxtUseOptions(p->ctxt, XML_PARSE_NONET | XML_PARSE_NOWARNING);
        rc = xmlParseChunk(p->ctxt, (const char *)p->buf + head, n - head, n == 0);
    } else {
        rc = xmlParseChunk(p->ctxt, (const char *)p->buf, n, n == 0);
    }
    xmlSetGenericErrorFunc(generic_context, generic);
    if (n == 0) p->eof = 1;
    if (c->status < 0) return c->status;
    if (rc != 0 || !p->ctxt->wellFormed) {
        fail(c, SROK_XLSX_ERR_XML, "malformed XML (libxml2 error %d)", rc);
        return c->status;
    }
    return SROK_XLSX_OK;
}

static void pusher_close(pusher_t *p) {
    if (p->ctxt) {
        // An entity declared in a DOCTYPE makes libxml2 build a document to hold it even in SAX
        // mode ("for expat compatibility"), which the context does not free.
        if (p->ctxt->myDoc) xmlFreeDoc(p->ctxt->myDoc);
        xmlFreeParserCtxt(p->ctxt);
    }
    p->ctxt = NULL;
    free(p->buf);
    p->buf = NULL;
    entry_close(&p->entry);
}

static void copy_message(const common_t *c, char *message, int32_t capacity) {
    if (message && capacity > 0) snprintf(message, (size_t)capacity, "%s", c->message);
}

static int32_t span_length(int64_t n) { return n > INT32_MAX ? INT32_MAX : (int32_t)n; }

// MARK: small parts as element events

struct srok_xlsx_elements {
    common_t base;
    bytes_t bytes;
    vec_t events;       // srok_xlsx_element
    vec_t attributes;   // srok_xlsx_attribute
    int64_t max_bytes;
};

static srok_xlsx_span elements_store(srok_xlsx_elements *e, const xmlChar *from, int64_t n) {
    srok_xlsx_span s = {e->bytes.len, span_length(n)};
    if (!bytes_append(&e->bytes, from, n)) fail(&e->base, SROK_XLSX_ERR_MEMORY, "out of memory");
    return s;
}

static void elements_start(void *user, const xmlChar *name, const xmlChar *prefix, const xmlChar *uri, int nns,
                           const xmlChar **ns, int nattr, int ndefaulted, const xmlChar **attrs) {
    (void)prefix; (void)uri; (void)nns; (void)ns; (void)ndefaulted;
    srok_xlsx_elements *e = user;
    if (e->base.status < 0) return;
    srok_xlsx_element *ev = vec_push(&e->events, sizeof *ev);
    if (!ev) { fail(&e->base, SROK_XLSX_ERR_MEMORY, "out of memory"); return; }
    ev->kind = 1;
    ev->first_attribute = (int32_t)e->attributes.count;
    ev->attribute_count = nattr;
    ev->name = elements_store(e, name, (int64_t)strlen((const char *)name));
    for (int k = 0; k < nattr; k++) {
        const xmlChar **a = attrs + 5 * k;
        srok_xlsx_attribute *at = vec_push(&e->attributes, sizeof *at);
        if (!at) { fail(&e->base, SROK_XLSX_ERR_MEMORY, "out of memory"); return; }
        at->name = elements_store(e, a[0], (int64_t)strlen((const char *)a[0]));
        at->value = elements_store(e, a[3], (int64_t)(a[4] - a[3]));
    }
}

static void elements_end(void *user, const xmlChar *name, const xmlChar *prefix, const xmlChar *uri) {
    (void)prefix; (void)uri;
    srok_xlsx_elements *e = user;
    if (e->base.status < 0) return;
    srok_xlsx_element *ev = vec_push(&e->events, sizeof *ev);
    if (!ev) { fail(&e->base, SROK_XLSX_ERR_MEMORY, "out of memory"); return; }
    ev->kind = 2;
    ev->name = elements_store(e, name, (int64_t)strlen((const char *)name));
}

void srok_xlsx_elements_close(srok_xlsx_elements *e) {
    if (!e) return;
    free(e->bytes.data);
    free(e->events.data);
    free(e->attributes.data);
    free(e);
}

srok_xlsx_elements *srok_xlsx_elements_read(const char *path, const char *entry, int64_t max_bytes, int32_t *status,
                                            char *message, int32_t message_capacity) {
    srok_xlsx_elements *e = calloc(1, sizeof *e);
    if (!e) { *status = SROK_XLSX_ERR_MEMORY; copy_message(&(common_t){0, "out of memory"}, message, message_capacity); return NULL; }
    e->max_bytes = max_bytes;
    pusher_t p;
    memset(&p, 0, sizeof p);
    int32_t rc = pusher_open(&p, path, entry, &e->base);
    p.sax.startElementNs = elements_start;
    p.sax.endElementNs = elements_end;
    if (rc == SROK_XLSX_OK && p.entry.total > max_bytes) {
        fail(&e->base, SROK_XLSX_ERR_LIMIT, "part %s is larger than its limit of %lld bytes", entry, (long long)max_bytes);
        rc = e->base.status;
    }
    while (rc == SROK_XLSX_OK && !p.eof) {
        rc = pusher_step(&p, &e->base);
        if (rc == SROK_XLSX_OK && p.entry.done > max_bytes) {
            fail(&e->base, SROK_XLSX_ERR_LIMIT, "part %s is larger than its limit of %lld bytes", entry, (long long)max_bytes);
            rc = e->base.status;
        }
    }
    pusher_close(&p);
    if (rc != SROK_XLSX_OK) {
        *status = rc;
        copy_message(&e->base, message, message_capacity);
        srok_xlsx_elements_close(e);
        return NULL;
    }
    *status = SROK_XLSX_OK;
    return e;
}

int32_t srok_xlsx_elements_count(const srok_xlsx_elements *e) { return (int32_t)e->events.count; }
const srok_xlsx_element *srok_xlsx_elements_events(const srok_xlsx_elements *e) { return e->events.data; }
const srok_xlsx_attribute *srok_xlsx_elements_attributes(const srok_xlsx_elements *e) { return e->attributes.data; }
const uint8_t *srok_xlsx_elements_bytes(const srok_xlsx_elements *e) { return e->bytes.data; }

// MARK: shared strings

struct srok_xlsx_strings {
    common_t base;
    bytes_t bytes;
    vec_t offsets;      // int64_t, one per <si>, then the end
    int64_t max_bytes;
    int in_si, t_depth, rph_depth;
};

static void strings_start(void *user, const xmlChar *name, const xmlChar *prefix, const xmlChar *uri, int nns,
                          const xmlChar **ns, int nattr, int ndefaulted, const xmlChar **attrs) {
    (void)prefix; (void)uri; (void)nns; (void)ns; (void)nattr; (void)ndefaulted; (void)attrs;
    srok_xlsx_strings *s = user;
    if (s->base.status < 0) return;
    const char *n = (const char *)name;
    if (strcmp(n, "si") == 0) {
        int64_t *o = vec_push(&s->offsets, sizeof *o);
        if (!o) { fail(&s->base, SROK_XLSX_ERR_MEMORY, "out of memory"); return; }
        *o = s->bytes.len;
        s->in_si = 1;
        s->t_depth = s->rph_depth = 0;
    } else if (s->in_si && strcmp(n, "t") == 0) {
        s->t_depth++;
    } else if (s->in_si && strcmp(n, "rPh") == 0) {
        s->rph_depth++;
    }
}

static void strings_end(void *user, const xmlChar *name, const xmlChar *prefix, const xmlChar *uri) {
    (void)prefix; (void)uri;
    srok_xlsx_strings *s = user;
    const char *n = (const char *)name;
    if (strcmp(n, "si") == 0) s->in_si = 0;
    else if (s->in_si && strcmp(n, "t") == 0 && s->t_depth > 0) s->t_depth--;
    else if (s->in_si && strcmp(n, "rPh") == 0 && s->rph_depth > 0) s->rph_depth--;
}

static void strings_text(void *user, const xmlChar *text, int len) {
    srok_xlsx_strings *s = user;
    if (s->base.status < 0 || !s->in_si || s->t_depth == 0 || s->rph_depth > 0) return;
    if (s->bytes.len + len > s->max_bytes) {
        fail(&s->base, SROK_XLSX_ERR_LIMIT, "the shared-strings table holds more than %lld bytes of text", (long long)s->max_bytes);
        return;
    }
    if (!bytes_append(&s->bytes, text, len)) fail(&s->base, SROK_XLSX_ERR_MEMORY, "out of memory");
}

void srok_xlsx_strings_close(srok_xlsx_strings *s) {
    if (!s) return;
    free(s->bytes.data);
    free(s->offsets.data);
    free(s);
}

srok_xlsx_strings *srok_xlsx_strings_read(const char *path, const char *entry, int64_t max_bytes, int32_t *status,
                                          char *message, int32_t message_capacity) {
    srok_xlsx_strings *s = calloc(1, sizeof *s);
    if (!s) { *status = SROK_XLSX_ERR_MEMORY; copy_message(&(common_t){0, "out of memory"}, message, message_capacity); return NULL; }
    s->max_bytes = max_bytes;
    pusher_t p;
    memset(&p, 0, sizeof p);
    int32_t rc = pusher_open(&p, path, entry, &s->base);
    p.sax.startElementNs = strings_start;
    p.sax.endElementNs = strings_end;
    p.sax.characters = strings_text;
    p.sax.cdataBlock = strings_text;
    p.sax.ignorableWhitespace = strings_text;
    while (rc == SROK_XLSX_OK && !p.eof) rc = pusher_step(&p, &s->base);
    pusher_close(&p);
    int64_t *end = rc == SROK_XLSX_OK ? vec_push(&s->offsets, sizeof *end) : NULL;
    if (rc == SROK_XLSX_OK && !end) rc = SROK_XLSX_ERR_MEMORY;
    if (rc != SROK_XLSX_OK) {
        *status = rc;
        copy_message(&s->base, message, message_capacity);
        srok_xlsx_strings_close(s);
        return NULL;
    }
    *end = s->bytes.len;
    *status = SROK_XLSX_OK;
    return s;
}

int64_t srok_xlsx_strings_count(const srok_xlsx_strings *s) { return s->offsets.count - 1; }
const int64_t *srok_xlsx_strings_offsets(const srok_xlsx_strings *s) { return s->offsets.data; }
const uint8_t *srok_xlsx_strings_bytes(const srok_xlsx_strings *s) { return s->bytes.data; }

// MARK: worksheet rows

typedef struct {
    srok_xlsx_span number;
    int64_t first_cell;
    int32_t cell_count;
    int64_t bytes_start;
} row_t;

struct srok_xlsx_sheet {
    common_t base;
    pusher_t pusher;
    bytes_t bytes;
    vec_t rows;         // row_t: the completed ones, then the one being read
    vec_t cells;        // srok_xlsx_cell
    int64_t ready;      // completed rows
    int64_t given;      // rows handed out
    int in_data, in_row, in_cell, in_v, in_is, t_depth, rph_depth;
    vec_t merges;       // char *
    char dimension[64];
};

static srok_xlsx_span sheet_store(srok_xlsx_sheet *s, const xmlChar *from, int64_t n) {
    srok_xlsx_span span = {0, 0};
    if (n <= 0) return span;
    span.offset = s->bytes.len;
    span.length = span_length(n);
    if (!bytes_append(&s->bytes, from, n)) fail(&s->base, SROK_XLSX_ERR_MEMORY, "out of memory");
    return span;
}

static void sheet_stop(srok_xlsx_sheet *s) {
    if (s->pusher.ctxt) xmlStopParser(s->pusher.ctxt);
}

static void sheet_start(void *user, const xmlChar *name, const xmlChar *prefix, const xmlChar *uri, int nns,
                        const xmlChar **ns, int nattr, int ndefaulted, const xmlChar **attrs) {
    (void)prefix; (void)uri; (void)nns; (void)ns; (void)ndefaulted;
    srok_xlsx_sheet *s = user;
    if (s->base.status < 0) return;
    const char *n = (const char *)name;
    if (s->in_cell) {
        if (strcmp(n, "v") == 0) {
            s->in_v = 1;
            srok_xlsx_cell *c = (srok_xlsx_cell *)s->cells.data + s->cells.count - 1;
            c->flags |= 2;
            if (c->text.length == 0) c->text.offset = s->bytes.len;
        } else if (strcmp(n, "is") == 0) {
            s->in_is = 1;
            srok_xlsx_cell *c = (srok_xlsx_cell *)s->cells.data + s->cells.count - 1;
            c->flags |= 4;
            if (c->text.length == 0) c->text.offset = s->bytes.len;
        } else if (s->in_is && strcmp(n, "t") == 0) {
            s->t_depth++;
        } else if (s->in_is && strcmp(n, "rPh") == 0) {
            s->rph_depth++;
        } else if (strcmp(n, "f") == 0) {
            ((srok_xlsx_cell *)s->cells.data + s->cells.count - 1)->flags |= 1;
        }
        return;
    }
    if (s->in_row && strcmp(n, "c") == 0) {
        row_t *row = (row_t *)s->rows.data + s->rows.count - 1;
        if (row->cell_count >= SROK_MAX_ROW_CELLS) {
            fail(&s->base, SROK_XLSX_ERR_LIMIT, "a row has more than %d cells", SROK_MAX_ROW_CELLS);
            sheet_stop(s);
            return;
        }
        srok_xlsx_cell *c = vec_push(&s->cells, sizeof *c);
        if (!c) { fail(&s->base, SROK_XLSX_ERR_MEMORY, "out of memory"); sheet_stop(s); return; }
        for (int k = 0; k < nattr; k++) {
            const xmlChar **a = attrs + 5 * k;
            if (a[1] != NULL) continue;   // a prefixed attribute (e.g. x14ac:…) is not r, s or t
            const char *an = (const char *)a[0];
            srok_xlsx_span v = sheet_store(s, a[3], (int64_t)(a[4] - a[3]));
            c = (srok_xlsx_cell *)s->cells.data + s->cells.count - 1;
            if (an[0] && !an[1]) {
                if (an[0] == 'r') c->reference = v;
                else if (an[0] == 's') c->style = v;
                else if (an[0] == 't') c->type = v;
            }
        }
        row->cell_count++;
        s->in_cell = 1;
        s->in_v = s->in_is = s->t_depth = s->rph_depth = 0;
    } else if (s->in_data && !s->in_row && strcmp(n, "row") == 0) {
        row_t *row = vec_push(&s->rows, sizeof *row);
        if (!row) { fail(&s->base, SROK_XLSX_ERR_MEMORY, "out of memory"); sheet_stop(s); return; }
        int64_t start = s->bytes.len;
        row->first_cell = s->cells.count;
        row->bytes_start = start;
        for (int k = 0; k < nattr; k++) {
            const xmlChar **a = attrs + 5 * k;
            if (a[1] == NULL && strcmp((const char *)a[0], "r") == 0) {
                srok_xlsx_span v = sheet_store(s, a[3], (int64_t)(a[4] - a[3]));
                ((row_t *)s->rows.data + s->rows.count - 1)->number = v;
            }
        }
        s->in_row = 1;
    } else if (strcmp(n, "sheetData") == 0) {
        s->in_data = 1;
    } else if (strcmp(n, "mergeCell") == 0) {
        for (int k = 0; k < nattr; k++) {
            const xmlChar **a = attrs + 5 * k;
            if (strcmp((const char *)a[0], "ref") != 0) continue;
            if (s->merges.count >= SROK_MAX_MERGES) return;
            char **slot = vec_push(&s->merges, sizeof *slot);
            if (!slot) return;
            *slot = strndup((const char *)a[3], (size_t)(a[4] - a[3]));
            if (!*slot) s->merges.count--;
        }
    } else if (strcmp(n, "dimension") == 0) {
        for (int k = 0; k < nattr; k++) {
            const xmlChar **a = attrs + 5 * k;
            if (strcmp((const char *)a[0], "ref") != 0) continue;
            size_t len = (size_t)(a[4] - a[3]);
            if (len >= sizeof s->dimension) len = sizeof s->dimension - 1;
            memcpy(s->dimension, a[3], len);
            s->dimension[len] = 0;
        }
    }
}

static void sheet_end(void *user, const xmlChar *name, const xmlChar *prefix, const xmlChar *uri) {
    (void)prefix; (void)uri;
    srok_xlsx_sheet *s = user;
    if (s->base.status < 0) return;
    const char *n = (const char *)name;
    if (s->in_cell) {
        if (strcmp(n, "c") == 0) s->in_cell = 0;
        else if (strcmp(n, "v") == 0) s->in_v = 0;
        else if (strcmp(n, "is") == 0) s->in_is = 0;
        else if (s->in_is && strcmp(n, "t") == 0 && s->t_depth > 0) s->t_depth--;
        else if (s->in_is && strcmp(n, "rPh") == 0 && s->rph_depth > 0) s->rph_depth--;
    } else if (s->in_row && strcmp(n, "row") == 0) {
        s->in_row = 0;
        s->ready = s->rows.count;
    } else if (strcmp(n, "sheetData") == 0) {
        s->in_data = 0;
    }
}

static void sheet_text(void *user, const xmlChar *text, int len) {
    srok_xlsx_sheet *s = user;
    if (s->base.status < 0 || !s->in_cell) return;
    if (!(s->in_v || (s->in_is && s->t_depth > 0 && s->rph_depth == 0))) return;
    row_t *row = (row_t *)s->rows.data + s->rows.count - 1;
    if (s->bytes.len - row->bytes_start + len > SROK_MAX_ROW_BYTES) {
        fail(&s->base, SROK_XLSX_ERR_LIMIT, "a row holds more than %lld bytes", (long long)SROK_MAX_ROW_BYTES);
        sheet_stop(s);
        return;
    }
    srok_xlsx_cell *c = (srok_xlsx_cell *)s->cells.data + s->cells.count - 1;
    if (c->text.length == 0) c->text.offset = s->bytes.len;
    if (!bytes_append(&s->bytes, text, len)) {
        fail(&s->base, SROK_XLSX_ERR_MEMORY, "out of memory");
        sheet_stop(s);
        return;
    }
    c->text.length += len;
}

/// Drops the rows already handed out, keeping the row being read (moved to the front).
static void sheet_compact(srok_xlsx_sheet *s) {
    int partial = s->rows.count > s->ready;
    row_t *rows = s->rows.data;
    srok_xlsx_cell *cells = s->cells.data;
    if (!partial) {
        s->bytes.len = 0;
        s->cells.count = 0;
        s->rows.count = 0;
    } else {
        row_t row = rows[s->ready];
        int64_t shift = row.bytes_start;
        int64_t first = row.first_cell;
        memmove(s->bytes.data, s->bytes.data + shift, (size_t)(s->bytes.len - shift));
        s->bytes.len -= shift;
        int64_t count = s->cells.count - first;
        memmove(cells, cells + first, (size_t)count * sizeof *cells);
        s->cells.count = count;
        for (int64_t k = 0; k < count; k++) {
            srok_xlsx_span *spans[4] = {&cells[k].reference, &cells[k].style, &cells[k].type, &cells[k].text};
            for (int j = 0; j < 4; j++) spans[j]->offset = spans[j]->length > 0 || spans[j]->offset >= shift ? spans[j]->offset - shift : 0;
        }
        if (row.number.length > 0) row.number.offset -= shift;
        row.first_cell = 0;
        row.bytes_start = 0;
        rows[0] = row;
        s->rows.count = 1;
    }
    s->ready = 0;
    s->given = 0;
}

srok_xlsx_sheet *srok_xlsx_sheet_open(const char *path, const char *entry, int32_t *status,
                                      char *message, int32_t message_capacity) {
    srok_xlsx_sheet *s = calloc(1, sizeof *s);
    if (!s) { *status = SROK_XLSX_ERR_MEMORY; copy_message(&(common_t){0, "out of memory"}, message, message_capacity); return NULL; }
    int32_t rc = pusher_open(&s->pusher, path, entry, &s->base);
    s->pusher.sax.startElementNs = sheet_start;
    s->pusher.sax.endElementNs = sheet_end;
    s->pusher.sax.characters = sheet_text;
    s->pusher.sax.cdataBlock = sheet_text;
    s->pusher.sax.ignorableWhitespace = sheet_text;
    if (rc != SROK_XLSX_OK) {
        *status = rc;
        copy_message(&s->base, message, message_capacity);
        srok_xlsx_sheet_close(s);
        return NULL;
    }
    *status = SROK_XLSX_OK;
    return s;
}

void srok_xlsx_sheet_close(srok_xlsx_sheet *s) {
    if (!s) return;
    pusher_close(&s->pusher);
    free(s->bytes.data);
    free(s->rows.data);
    free(s->cells.data);
    for (int64_t k = 0; k < s->merges.count; k++) free(((char **)s->merges.data)[k]);
    free(s->merges.data);
    free(s);
}

int32_t srok_xlsx_sheet_next_row(srok_xlsx_sheet *s, srok_xlsx_row *out) {
    if (s->base.status < 0) return s->base.status;
    while (s->given >= s->ready) {
        if (s->pusher.eof) return 0;
        sheet_compact(s);
        int32_t rc = pusher_step(&s->pusher, &s->base);
        if (rc < 0) return rc;
    }
    const row_t *row = (const row_t *)s->rows.data + s->given++;
    out->number = row->number;
    out->cell_count = row->cell_count;
    out->cells = (const srok_xlsx_cell *)s->cells.data + row->first_cell;
    out->bytes = s->bytes.data;
    return 1;
}

const char *srok_xlsx_sheet_message(const srok_xlsx_sheet *s) { return s->base.message; }
int32_t srok_xlsx_sheet_merge_count(const srok_xlsx_sheet *s) { return (int32_t)s->merges.count; }
const char *srok_xlsx_sheet_merge(const srok_xlsx_sheet *s, int32_t k) { return ((char **)s->merges.data)[k]; }
const char *srok_xlsx_sheet_dimension(const srok_xlsx_sheet *s) { return s->dimension; }
int64_t srok_xlsx_sheet_bytes_read(const srok_xlsx_sheet *s) { return s->pusher.entry.done; }
int64_t srok_xlsx_sheet_bytes_total(const srok_xlsx_sheet *s) { return s->pusher.entry.total; }

int32_t srok_xlsx_has_entry(const char *path, const char *entry) {
    unzFile zip = zip_open(path);
    if (!zip) {
        FILE *f = fopen(path, "rb");
        if (!f) return SROK_XLSX_ERR_IO;
        fclose(f);
        return SROK_XLSX_ERR_NOT_ZIP;
    }
    int found = unzLocateFile(zip, entry, 2) == UNZ_OK;
    unzClose(zip);
    return found;
}
