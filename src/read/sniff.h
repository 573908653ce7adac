/* sniff.h — what a file that is not a PDF looks like, so that the message
 * can say "a PNG image, not a PDF" instead of "damaged".
 *
 * Pure: looks at the first bytes only. */
#ifndef TF_SNIFF_H
#define TF_SNIFF_H

#include <glib.h>

/* A short phrase for the kind of file `data` holds, to follow "The file
 * is": "empty", "a PNG image", "a ZIP archive (or a Word, Excel or
 * OpenDocument file)", "plain text", "of an unknown kind"... Newly
 * allocated. */
char *tf_sniff_describe (const guint8 *data, gsize len);

#endif
