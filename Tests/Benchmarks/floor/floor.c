/* The practical floor for reading a draft's text: inflate word/document.xml
 * with libzip (streamed, never the whole part in memory) and walk it with
 * libxml2's xmlTextReader, concatenating the text of w:t per paragraph and
 * printing one paragraph per line (w:tab as a tab). Table cells are
 * paragraphs, so they print one per line, like `plan-assembler dump --format
 * text`. No styles, numbering, fields, tracked changes: that is the floor.
 *
 *   cc -O2 floor.c $(pkg-config --cflags --libs libzip libxml-2.0) -o floor
 *   ./floor a.docx b.docx ...
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>
#include <libxml/xmlreader.h>

static const char *W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

static int read_cb(void *ctx, char *buf, int len) {
    zip_int64_t n = zip_fread((zip_file_t *)ctx, buf, (zip_uint64_t)len);
    return n < 0 ? -1 : (int)n;
}
static int close_cb(void *ctx) { (void)ctx; return 0; }

typedef struct { char *p; size_t n, cap; } buf_t;
static void buf_add(buf_t *b, const char *s, size_t n) {
    if (b->n + n + 1 > b->cap) {
        b->cap = (b->n + n + 1) * 2;
        b->p = realloc(b->p, b->cap);
        if (!b->p) { perror("realloc"); exit(2); }
    }
    memcpy(b->p + b->n, s, n);
    b->n += n;
}

static int dump(const char *path) {
    int err = 0;
    zip_t *za = zip_open(path, ZIP_RDONLY, &err);
    if (!za) { fprintf(stderr, "error: %s: cannot open zip (%d)\n", path, err); return 1; }
    zip_file_t *zf = zip_fopen(za, "word/document.xml", 0);
    if (!zf) { fprintf(stderr, "error: %s: no word/document.xml\n", path); zip_close(za); return 1; }
    xmlTextReaderPtr r = xmlReaderForIO(read_cb, close_cb, zf, NULL, NULL, XML_PARSE_NONET | XML_PARSE_COMPACT);
    if (!r) { fprintf(stderr, "error: %s: cannot create reader\n", path); zip_fclose(zf); zip_close(za); return 1; }
    buf_t line = {0};
    int depth_p = 0, in_t = 0, ret;
    while ((ret = xmlTextReaderRead(r)) == 1) {
        int type = xmlTextReaderNodeType(r);
        if (type == XML_READER_TYPE_ELEMENT) {
            const xmlChar *ns = xmlTextReaderConstNamespaceUri(r);
            if (!ns || strcmp((const char *)ns, W_NS) != 0) continue;
            const char *ln = (const char *)xmlTextReaderConstLocalName(r);
            int empty = xmlTextReaderIsEmptyElement(r);
            if (strcmp(ln, "p") == 0) {
                if (empty) { if (depth_p == 0) fputc('\n', stdout); }
                else { if (depth_p++ == 0) line.n = 0; }
            } else if (strcmp(ln, "t") == 0) {
                in_t = !empty;
            } else if (strcmp(ln, "tab") == 0 && depth_p) {
                buf_add(&line, "\t", 1);
            }
        } else if (type == XML_READER_TYPE_END_ELEMENT) {
            const char *ln = (const char *)xmlTextReaderConstLocalName(r);
            if (strcmp(ln, "t") == 0) in_t = 0;
            else if (strcmp(ln, "p") == 0 && depth_p > 0 && --depth_p == 0) {
                buf_add(&line, "\n", 1);
                fwrite(line.p, 1, line.n, stdout);
                line.n = 0;
            }
        } else if (in_t && (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE
                            || type == XML_READER_TYPE_WHITESPACE)) {
            const char *v = (const char *)xmlTextReaderConstValue(r);
            if (v && depth_p) buf_add(&line, v, strlen(v));
        }
    }
    xmlFreeTextReader(r);
    free(line.p);
    zip_fclose(zf);
    zip_close(za);
    if (ret != 0) { fprintf(stderr, "error: %s: XML error\n", path); return 1; }
    return 0;
}

int main(int argc, char **argv) {
    int status = 0;
    LIBXML_TEST_VERSION
    for (int i = 1; i < argc; i++) status |= dump(argv[i]);
    xmlCleanupParser();
    return status;
}
