/* pdf_fonts.h — the embedded fonts of one emitted document.
 *
 * Every string measured or drawn goes through here so that the fonts can
 * be cut down, before saving, to what the page shows plus what a filler
 * may type (see haru_font.h).
 */
#ifndef TF_PDF_FONTS_H
#define TF_PDF_FONTS_H

#include "layout/layout.h"
#include "pdf/haru_font.h"

#include <hpdf.h>

typedef struct {
  HPDF_Doc doc;
  HPDF_Font font[TF_FONT_COUNT];
  guint8 used[TF_FONT_COUNT][TF_CODEPOINT_SET_BYTES];
} TfPdfFonts;

/* Loads the shipped fonts into `doc` (which must use UTF-8 encodings).
 * Returns a new set, free with g_free() (the fonts belong to `doc`). */
TfPdfFonts *tf_pdf_fonts_load (HPDF_Doc doc, GError **error);

/* Notes that `utf8` is drawn in `style`. */
void tf_pdf_fonts_note (TfPdfFonts *fonts, TfFontStyle style, const char *utf8);

/* Cuts each font down to what was noted; the regular font, which fields
 * use, also keeps what Latin and Cyrillic languages type. Once, before
 * saving. */
gboolean tf_pdf_fonts_finish (TfPdfFonts *fonts, GError **error);

/* Whether the field font, once finished, can show `utf8` without being
 * cut down again: every character was noted or kept for fillers. */
gboolean tf_pdf_fonts_covers (const TfPdfFonts *fonts, const char *utf8);

/* The name the field font has in the form's /DR and in every /DA. */
#define TF_PDF_FIELD_FONT "TfSans"

#endif
