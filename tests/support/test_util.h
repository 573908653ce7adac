/* test_util.h — small helpers the Criterion tests share. */
#ifndef TF_TEST_UTIL_H
#define TF_TEST_UTIL_H

#include <glib.h>

/* A new temporary folder (g_free the path; removed by tf_test_rmtree());
 * the test fails when none can be made. */
char *tf_test_tmpdir (void);
/* Removes `path` and, for a folder, everything under it, locked or not. */
void tf_test_rmtree (const char *path);
/* "<source tree>/relative", newly allocated. */
char *tf_test_source_path (const char *relative);
/* Writes `contents` to dir/name; returns the new path. */
char *tf_test_write (const char *dir, const char *name, const char *contents);
/* Runs argv (no shell); returns the exit status, -1 if it could not start.
 * *out and *err (each may be NULL) receive stdout and stderr, g_free. */
int tf_test_run (const char *const *argv, char **out, char **err);
/* Whether `program` is on PATH. */
gboolean tf_test_have (const char *program);

#endif
