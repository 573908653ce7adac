/* font_metrics.h — the shipped fonts of each language, and how wide text
 * is in them, without a PDF.
 *
 * One table (font_metrics.c) says which font file each language's page
 * draws its regular and bold text with; the field font is the regular one.
 * The emitter loads those files into its PDFs (pdf/pdf_fonts.c) and the
 * layout wraps and places text by their widths: the reader needs the same
 * layout to know where every box of a reply is, so the widths come from
 * the TrueType files alone (FreeType reads their `hmtx`), not from a
 * libHaru document. They are rounded exactly as libHaru rounds the widths
 * it writes into the PDF (advance × 1000 / unitsPerEm, truncated to an
 * integer per glyph), so the emitted page draws text at the places
 * computed here (tests/unit/test_font_metrics.c compares the two).
 *
 * Not thread-safe: a TfFontMetrics holds FreeType faces; measure from one
 * thread at a time (a layout is computed once and then only read).
 */
#ifndef TF_FONT_METRICS_H
#define TF_FONT_METRICS_H

#include "form/language.h"
#include "layout/layout.h"

#include <glib.h>

typedef struct TfFontMetrics TfFontMetrics;

/* The shipped font file of `style` in `language`, relative to the data
 * folder (tf_data_find()): "fonts/TapformSans-Regular.ttf". Static. Both
 * styles may be the same file (Chinese: see tf_font_is_synthetic_bold()). */
const char *tf_font_file_in (TfLanguage language, TfFontStyle style);
/* The same in the default language (English). */
const char *tf_font_file (TfFontStyle style);
/* Whether `language` has no bold font of its own: its bold is the regular
 * font, drawn with a thin outline stroked around each glyph (the widths
 * are the regular's). */
gboolean tf_font_is_synthetic_bold (TfLanguage language);

/* Loads the metrics of `language`'s fonts. Returns a new set, free with
 * tf_font_metrics_free(); fails with TF_ERROR_NOT_FOUND when a font file
 * is missing, TF_ERROR_DEFINITION when FreeType cannot read it. */
TfFontMetrics *tf_font_metrics_load (TfLanguage language, GError **error);
/* The same for the default language (English). */
TfFontMetrics *tf_font_metrics_load_default (GError **error);
void tf_font_metrics_free (TfFontMetrics *metrics);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TfFontMetrics, tf_font_metrics_free)

/* The width of one character in 1/1000 em, as the PDF's /W says it:
 * the advance of its glyph, or of glyph 0 when the font has none. */
int tf_font_metrics_char_width (const TfFontMetrics *metrics, TfFontStyle style,
                                gunichar c);

/* A TfMeasure over these metrics; `metrics` must outlive it. */
TfMeasure tf_font_metrics_measure (const TfFontMetrics *metrics);

#endif
