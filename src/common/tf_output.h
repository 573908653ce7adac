/* tf_output.h — how the tools write a file the user names.
 *
 * A regular file, or one that does not exist yet, is written beside and
 * then renamed over, so that a failure leaves no half output. Anything
 * else that exists there (a symlink, /dev/stdout, a pipe) is written
 * through, never replaced: renaming over it would break the link or, as
 * root, replace the device.
 */
#ifndef TF_OUTPUT_H
#define TF_OUTPUT_H

#include <glib.h>

/* Whether `path` is to be written through rather than replaced. */
gboolean tf_output_writes_through (const char *path);

#endif
