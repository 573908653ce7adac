/* tf_size.h — memory sizes as people write and read them ("512M",
 * "1 GiB"), for --max-memory and the messages that name a limit. */
#ifndef TF_SIZE_H
#define TF_SIZE_H

#include <glib.h>

/* Parses a size: a number of bytes with an optional suffix K, M, G or T
 * (powers of 1024, any case, an optional "iB" or "B" after it): "1G",
 * "512M", "1.5GiB", "200000000". FALSE when `text` is not one. */
gboolean tf_size_parse (const char *text, guint64 *bytes);

/* A size for people: "1 GiB", "512 MiB", "1.5 GiB". Newly allocated. */
char *tf_size_format (guint64 bytes);

#endif
