/* acroform.h — the form's fields and widgets, per the field-name contract.
 *
 * How a reader tells which radio widget is on (Poppler's glib API gives a
 * widget's state and its /TU, but not its on-state name): every radio
 * widget carries a distinct /TU built by tf_field_widget_tooltip(), and
 * sits at the rectangle the layout computes; both survive any re-save, so
 * the reader checks one against the other. On-state names are exactly the
 * contract's (/assign /withhold /none /attached), first in /AP /N, so that
 * a group's /V names the option and Poppler's own test (/V equals the
 * widget's first non-Off appearance) holds.
 */
#ifndef TF_ACROFORM_H
#define TF_ACROFORM_H

#include "layout/layout.h"
#include "pdf/pdf_fonts.h"

#include <hpdf.h>

/* A text field as built, to fill it again before another save. */
typedef struct TfAcroformText TfAcroformText;

/* Adds the AcroForm of `layout` to `doc`, whose pages (one per layout
 * page) are `pages`. `values` (may be NULL) pre-fills fields: full field
 * name → text, or → on-state name for a radio group. Fails with
 * TF_ERROR_USAGE on a value for a field or state the form lacks.
 * On success returns a new table, full field name → TfAcroformText, of the
 * text fields (g_hash_table_unref; the fields themselves belong to `doc`). */
GHashTable *tf_acroform_add (HPDF_Doc doc, HPDF_Page *pages,
                             const TfLayout *layout, TfPdfFonts *fonts,
                             GHashTable *values, GError **error);

/* Gives text field `text` the value `utf8` (its /V and its appearance),
 * drawn in `fonts`' field font. Only for characters that font already
 * covers (tf_pdf_fonts_covers() of tf_acroform_drawn_text()): the fonts
 * are cut down once. */
void tf_acroform_set_text (HPDF_Doc doc, TfAcroformText *text,
                           const char *utf8);

/* What a field's appearance draws of `utf8`: its lines shaped and in
 * visual order (Arabic's presentation forms), joined by "\n". Newly
 * allocated. */
char *tf_acroform_drawn_text (const char *utf8);

#endif
