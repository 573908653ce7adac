/* tf_output.h — how the tools write a file the user names: records, an
 * emitted form, the chart, the review report.
 *
 *   tf_output_open() → write to tf_output_stream() → tf_output_commit()
 *                                                  or tf_output_abort()
 *
 * A regular file, or one that does not exist yet, is written beside
 * (NAME.XXXXXX, with the mode a new file gets) and renamed over it only
 * when committed, so that a failure leaves no half output and the old
 * file as it was. Anything else that exists there (a symlink, /dev/stdout,
 * a pipe) is written through, never replaced: renaming over it would
 * break the link or, as root, replace the device. NULL or "-" is standard
 * output, which is flushed, never closed.
 *
 * Errors are TF_ERROR_IO, their message "NAME: cannot write: REASON"
 * ("standard output: ..." for it), NAME made valid for display.
 */
#ifndef TF_OUTPUT_H
#define TF_OUTPUT_H

#include <cairo.h>
#include <glib.h>
#include <stdio.h>

typedef struct TfOutput TfOutput;

/* Whether `path` is to be written through rather than replaced. */
gboolean tf_output_writes_through (const char *path);

/* Opens the output `path` (NULL or "-": standard output). Returns a new
 * output, to be ended by exactly one of tf_output_commit() and
 * tf_output_abort(); NULL with the error when it cannot be opened. */
TfOutput *tf_output_open (const char *path, GError **error);

/* Where to write; borrowed, valid until the output ends. */
FILE *tf_output_stream (TfOutput *output);

/* Whether the output is standard output. */
gboolean tf_output_is_stdout (const TfOutput *output);

/* The output's name for messages ("standard output" for it): borrowed. */
const char *tf_output_name (const TfOutput *output);

/* Flushes and closes what was written and puts it in place. Frees
 * `output` in every case; FALSE with the error when any write failed
 * (the file named is then left as it was, when it was replaced). */
gboolean tf_output_commit (TfOutput *output, GError **error);

/* Drops what was written (a file being replaced is left as it was) and
 * frees `output`. NULL is fine. */
void tf_output_abort (TfOutput *output);

/* A cairo write function (cairo_*_surface_create_for_stream()) whose
 * closure is a FILE* (tf_output_stream()). */
cairo_status_t tf_output_cairo_write (void *stream, const unsigned char *data,
                                      unsigned int length);

/* Writes `bytes` to `path` as one output: open, write, commit. */
gboolean tf_output_write_bytes (const char *path, GBytes *bytes, GError **error);

#endif
