#include "xlsx_bench.h"
#include <libxml/xmlreader.h>
#include <unzip.h>
#include <stdlib.h>
#include <string.h>

struct xlsx_bench_entry { unzFile zip; };

xlsx_bench_entry *xlsx_bench_entry_open(const char *path, const char *entry) {
    unzFile z = unzOpen64(path);
    if (!z) return NULL;
    if (unzLocateFile(z, entry, 2) != UNZ_OK || unzOpenCurrentFile(z) != UNZ_OK) { unzClose(z); return NULL; }
    xlsx_bench_entry *e = malloc(sizeof *e);
    e->zip = z;
    return e;
}

int xlsx_bench_entry_read(xlsx_bench_entry *e, uint8_t *buf, int capacity) {
    return unzReadCurrentFile(e->zip, buf, (unsigned)capacity);
}

void xlsx_bench_entry_close(xlsx_bench_entry *e) {
    if (!e) return;
    unzCloseCurrentFile(e->zip);
    unzClose(e->zip);
    free(e);
}

static int read_cb(void *ctx, char *buf, int len) { return unzReadCurrentFile((unzFile)ctx, buf, (unsigned)len); }
static int close_cb(void *ctx) { (void)ctx; return 0; }

int xlsx_bench_textreader(const char *path, const char *entry, xlsx_bench_totals *t) {
    xlsx_bench_entry *e = xlsx_bench_entry_open(path, entry);
    if (!e) return -1;
    xmlTextReaderPtr r = xmlReaderForIO(read_cb, close_cb, e->zip, NULL, NULL, XML_PARSE_NONET);
    if (!r) { xlsx_bench_entry_close(e); return -1; }
    int in_text = 0, ret;
    volatile size_t sink = 0;
    while ((ret = xmlTextReaderRead(r)) == 1) {
        int type = xmlTextReaderNodeType(r);
        if (type == XML_READER_TYPE_ELEMENT) {
            const char *n = (const char *)xmlTextReaderConstLocalName(r);
            if (strcmp(n, "row") == 0) t->rows++;
            else if (strcmp(n, "c") == 0) {
                t->cells++;
                while (xmlTextReaderMoveToNextAttribute(r) == 1) {
                    const char *an = (const char *)xmlTextReaderConstLocalName(r);
                    const char *av = (const char *)xmlTextReaderConstValue(r);
                    if (an[0] && !an[1]) sink += strlen(av);
                }
                xmlTextReaderMoveToElement(r);
            } else if ((n[0] == 'v' || n[0] == 't') && !n[1]) {
                in_text = !xmlTextReaderIsEmptyElement(r);
            }
        } else if ((type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE) && in_text) {
            t->text_bytes += (int64_t)strlen((const char *)xmlTextReaderConstValue(r));
        } else if (type == XML_READER_TYPE_END_ELEMENT) {
            in_text = 0;
        }
    }
    (void)sink;
    xmlFreeTextReader(r);
    xlsx_bench_entry_close(e);
    return ret == 0 ? 0 : -1;
}
