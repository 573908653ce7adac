/* pdf_fonts.h — the embedded fonts of one emitted document.
 *
 * Every string measured or drawn goes through here so that the fonts can
 * be cut down, before saving, to what the page shows plus what a filler
 * may type (see haru_font.h). The fonts are those of the document's
 * language (layout/font_metrics.h); the regular one is also the field
 * font (/DR, every /DA).
 */
#ifndef TF_PDF_FONTS_H
#define TF_PDF_FONTS_H

#include "form/language.h"
#include "layout/layout.h"
#include "pdf/haru_font.h"

#include <hpdf.h>

typedef struct {
  HPDF_Doc doc;
  TfLanguage language;
  /* font[TF_FONT_BOLD] may be font[TF_FONT_REGULAR] (a synthetic bold) */
  HPDF_Font font[TF_FONT_COUNT];
  gboolean synthetic_bold;
  guint8 used[TF_FONT_COUNT][TF_CODEPOINT_SET_BYTES];
} TfPdfFonts;

/* Loads `language`'s shipped fonts into `doc` (which must use UTF-8
 * encodings). Returns a new set, free with g_free() (the fonts belong to
 * `doc`). */
TfPdfFonts *tf_pdf_fonts_load (HPDF_Doc doc, TfLanguage language, GError **error);

/* Notes that `utf8` is drawn in `style`. */
void tf_pdf_fonts_note (TfPdfFonts *fonts, TfFontStyle style, const char *utf8);

/* Cuts each font down to what was noted; the regular font, which fields
 * use, also keeps what fillers of the language's version type (see
 * tf_pdf_fonts_filler_has()). Once, before saving. */
gboolean tf_pdf_fonts_finish (TfPdfFonts *fonts, GError **error);

/* Embeds the fonts and compresses them once, through `cache` (see
 * tf_haru_font_freeze()). After tf_pdf_fonts_finish(), once the document
 * is built: nothing may be measured or drawn in new characters after. */
gboolean tf_pdf_fonts_freeze (TfPdfFonts *fonts, TfDeflateCache *cache, GError **error);

/* Whether the field font, once finished, can show `utf8` without being
 * cut down again: every character was noted or kept for fillers. */
gboolean tf_pdf_fonts_covers (const TfPdfFonts *fonts, const char *utf8);

/* Whether the field font of `language`'s forms is made to keep `c` for
 * fillers (where the font has a glyph for it): Latin, Greek, Cyrillic,
 * Arabic, their digits and punctuation in every language; Chinese (GB 2312,
 * CJK punctuation, full-width forms) in the Chinese version too. */
gboolean tf_pdf_fonts_filler_has (TfLanguage language, gunichar c);

/* The name the field font has in the form's /DR and in every /DA. */
#define TF_PDF_FIELD_FONT "TfSans"

#endif
