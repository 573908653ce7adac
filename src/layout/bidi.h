/* bidi.h — text written right to left, made ready to draw left to right.
 *
 * libHaru draws the characters of a string one after the other, left to
 * right, with no shaping: Arabic must reach it already shaped (each letter
 * in the presentation form its neighbours call for, lam-alef as one
 * ligature) and in visual order. FriBiDi does both: the Unicode
 * bidirectional algorithm for the order (runs of Latin text and numbers
 * inside Arabic stay left to right), Arabic joining and shaping to the
 * presentation forms B, and mirrored brackets in right-to-left runs.
 *
 * Line breaking comes first, on the logical text (layout/wrap.h), then each
 * line is made visual here: a paragraph's direction is found once, on the
 * whole paragraph, and given to each of its lines.
 *
 * Pure; thread-safe. Text with no right-to-left character, in a
 * left-to-right paragraph, comes back unchanged.
 */
#ifndef TF_BIDI_H
#define TF_BIDI_H

#include <glib.h>

/* Whether `utf8` is a right-to-left paragraph: its first strongly
 * directional character is right to left (Arabic, Hebrew). A paragraph
 * with none (digits, punctuation: "+41-22-730-5853") is left to right. */
gboolean tf_bidi_paragraph_is_rtl (const char *utf8);

/* Whether `utf8` holds any character written right to left. */
gboolean tf_bidi_has_rtl (const char *utf8);

/* The lines of one paragraph whose direction is `rtl`, as tf_wrap() cut
 * it, each as drawn from left to right: the paragraph's levels resolved on
 * the whole of it (its lines joined by spaces, as a reader reads them),
 * shaped, then each line reordered on its own; brackets of right-to-left
 * runs mirrored, and the U+FEFF FriBiDi leaves after each lam-alef
 * ligature dropped. A new NULL-terminated array of as many lines
 * (g_strfreev). */
char **tf_bidi_visual_lines (char **lines, gboolean rtl);

/* A paragraph of one line, the same way. Newly allocated. */
char *tf_bidi_visual_line (const char *utf8, gboolean rtl);

#endif
