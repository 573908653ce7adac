/* wrap.h — breaking a paragraph into lines that fit a width. */
#ifndef TF_WRAP_H
#define TF_WRAP_H

#include "layout/layout.h"

/* Splits `utf8` into lines no wider than `width` points, breaking at spaces
 * and, in Chinese, between characters (never before closing nor after
 * opening punctuation); inside a word only when the word alone is too
 * wide; "\n" forces a break. The text is logical (as typed): a
 * right-to-left line is reordered after (bidi.h). Returns a new
 * NULL-terminated array, free with g_strfreev(). */
char **tf_wrap (const TfMeasure *measure, TfFontStyle style, double size,
                const char *utf8, double width);

#endif
