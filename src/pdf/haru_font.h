/* haru_font.h — repairs to the Type0 fonts libHaru makes (see
 * docs/stack-facts.md, "libHaru").
 *
 * libHaru's UTF-8 TrueType font has an invalid ToUnicode CMap (cidrange),
 * a /W array and CIDToGIDMap over all 65,536 code points, and keeps glyph
 * outlines only for characters it drew or measured. This module rewrites
 * those three so that the font covers exactly a chosen set of code points.
 * It is, with haru_objects.c, the only code that knows libHaru's insides.
 */
#ifndef TF_HARU_FONT_H
#define TF_HARU_FONT_H

#include "pdf/deflate_cache.h"

#include <glib.h>
#include <hpdf.h>

/* A set of BMP code points: bit c of byte c / 8. */
#define TF_CODEPOINT_SET_BYTES (65536 / 8)

static inline void
tf_codepoint_set_add (guint8 *set, gunichar c)
{
  if (c < 65536)
    set[c >> 3] |= (guint8) (1u << (c & 7));
}

static inline gboolean
tf_codepoint_set_has (const guint8 *set, gunichar c)
{
  return c < 65536 && (set[c >> 3] & (1u << (c & 7)));
}

/* Makes `font` (from HPDF_GetFont with the "UTF-8" encoder on a TrueType
 * font) cover exactly the code points of `keep` that the font has a glyph
 * for, plus TAB, LF and CR drawn as spaces (fillers put them in multiline
 * values and fall back to another font when they seem missing): embeds
 * their outlines, and writes a compact /W (the commonest width as /DW,
 * the others listed), a CIDToGIDMap that ends at the
 * last one, and an identity ToUnicode CMap of bfrange entries over the
 * whole BMP. Call it once, after all drawing and before saving. */
gboolean tf_haru_font_compact (HPDF_Doc doc, HPDF_Font font,
                               const guint8 *keep, GError **error);

/* Embeds `font`'s outlines now (libHaru otherwise does it at the first
 * save) and freezes its font file, CIDToGIDMap and ToUnicode CMap
 * (haru_objects.h, tf_haru_stream_freeze()): compressed once through
 * `cache`, not at every save. After tf_haru_font_compact(), once no
 * character is measured or drawn any more. */
gboolean tf_haru_font_freeze (HPDF_Doc doc, HPDF_Font font, TfDeflateCache *cache,
                              GError **error);

/* The embedded font's glyph for `c`, 0 when it has none. */
guint16 tf_haru_font_glyph (HPDF_Font font, gunichar c);

/* The width of `utf8` in 1/1000 em, as the PDF's /W gives it. Measuring
 * marks the glyphs to be embedded: measure only what is drawn. */
gint64 tf_haru_font_width (HPDF_Font font, const char *utf8);

#endif
