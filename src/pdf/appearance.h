/* appearance.h — content streams of widget appearances, as text.
 *
 * Pure: these build the operators; acroform.c wraps them in XObjects.
 * Every widget gets an appearance for every state, so the form looks the
 * same in viewers that never generate appearances. Each function returns
 * a newly allocated GString.
 */
#ifndef TF_APPEARANCE_H
#define TF_APPEARANCE_H

#include "layout/layout.h"

/* A box (TF_WIDGET_BOX) or circle (TF_WIDGET_CIRCLE) of `w` × `h`, with
 * its mark when `on`. */
GString *tf_appearance_button (TfWidgetKind kind, double w, double h,
                               gboolean on);

/* The text field appearance for `value` (may be empty) in the field font
 * named `font_name` at `size` points; multiline values break at "\n".
 * Text is written as Identity-H codes, i.e. Unicode code points. */
GString *tf_appearance_text (const char *value, const char *font_name,
                             double size, double w, double h,
                             gboolean multiline);

#endif
