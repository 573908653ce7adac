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

/* How wide `visual` (a line as drawn) is in points at `size`. */
typedef double (*TfAppearanceWidth) (void *ctx, const char *visual, double size);

/* The lines of `value` as a text field draws them: split at "\n" when
 * `multiline` (else one line), each made visual (layout/bidi.h: Arabic
 * shaped, right-to-left runs reordered). A new NULL-terminated array
 * (g_strfreev). */
char **tf_appearance_text_lines (const char *value, gboolean multiline);

/* The text field appearance for `value` (may be empty) in the field font
 * named `font_name` at `size` points; multiline values break at "\n".
 * Each line starts at the left, or ends at the right when `align_right`
 * (measured with `width`, which may be NULL otherwise). Text is written as
 * Identity-H codes, i.e. Unicode code points, in visual order. */
GString *tf_appearance_text (const char *value, const char *font_name,
                             double size, double w, double h,
                             gboolean multiline, gboolean align_right,
                             TfAppearanceWidth width, void *ctx);

#endif
