/* haru_objects.h — PDF objects through libHaru's object layer.
 *
 * libHaru 2.3 has no AcroForm or widget API; its object functions (dicts,
 * arrays, streams, the cross-reference table) are exported and declared in
 * its headers. This module wraps the few used, so that the AcroForm code
 * reads as PDF and the knowledge of libHaru's document struct stays here
 * (and in haru_font.c). Objects made here belong to the document: they are
 * freed with it, never by the caller.
 */
#ifndef TF_HARU_OBJECTS_H
#define TF_HARU_OBJECTS_H

#include "layout/layout.h"
#include "pdf/deflate_cache.h"

#include <hpdf.h>

/* A new direct dictionary, to be put inside another object. */
HPDF_Dict tf_haru_dict (HPDF_Doc doc);
/* A new indirect dictionary (an object of its own, written as "n 0 R"). */
HPDF_Dict tf_haru_object (HPDF_Doc doc);
HPDF_Array tf_haru_array (HPDF_Doc doc);

/* A new form XObject of size w × h holding `content`; `resources` (may be
 * NULL) is added as /Resources. Compressed unless empty: an empty Flate
 * stream makes pdf.js warn. */
HPDF_Dict tf_haru_form_xobject (HPDF_Doc doc, double w, double h,
                                HPDF_Dict resources, const char *content,
                                gsize length);

/* Replaces the content of `stream` (a form XObject from above), with the
 * same rule on compression. */
void tf_haru_stream_replace (HPDF_Dict stream, const char *content,
                             gsize length);

/* Compresses `stream`'s content now, through `cache` (once per run for the
 * same bytes), and has libHaru write those bytes as they are, marked
 * /FlateDecode, at every save instead of compressing them again. For a
 * stream that does not change after: the caller never writes to it again.
 * FALSE (the stream left as it was, compressed at each save) when zlib
 * fails. */
gboolean tf_haru_stream_freeze (HPDF_Dict stream, TfDeflateCache *cache);
/* The same for the content stream of `page`, once it is drawn. */
gboolean tf_haru_page_freeze (HPDF_Page page, TfDeflateCache *cache);

/* Sets `key` to a PDF text string: literal when ASCII, else UTF-16BE with
 * a byte order mark, as the PDF spec wants for text outside PDFDocEncoding. */
void tf_haru_set_text (HPDF_Doc doc, HPDF_Dict dict, const char *key,
                       const char *utf8);
/* Sets `key` to [x y x+w y+h]. */
void tf_haru_set_rect (HPDF_Doc doc, HPDF_Dict dict, const char *key,
                       const TfRect *rect);

HPDF_Dict tf_haru_catalog (HPDF_Doc doc);
/* Sets an entry of the document information dictionary (/Title...) as a
 * text string: libHaru's own setter would encode it with the document's
 * current encoder, which is wrong for UTF-8. */
void tf_haru_set_info (HPDF_Doc doc, const char *key, const char *utf8);
/* The page's /Annots array, made if absent. */
HPDF_Array tf_haru_page_annots (HPDF_Doc doc, HPDF_Page page);

#endif
