/* batch_support.h — what the batch tests (test_batch_*.c) share: the
 * record a file gets when read in this process, copies and checksums.
 * (They run tapform-read with tf_test_run_program(), test_util.h, and read
 * its output with jsonl.h.)
 *
 * Functions fail the current Criterion test on a setup error. Returned
 * strings and arrays are new (g_free, g_ptr_array_unref).
 */
#ifndef BATCH_SUPPORT_H
#define BATCH_SUPPORT_H

#include "read_support.h"

#include <json-glib/json-glib.h>

/* The JSON Lines record the library gives `path` read in this process
 * (tf_read_file, tf_reply_check, tf_record_to_json): what a batch must
 * give it, byte for byte. */
char *batch_expected_record (const ReadTestReader *r, const char *path);

/* Copies `from` (relative to the source tree, or absolute) to dir/name;
 * returns the new path. */
char *batch_copy (const char *from, const char *dir, const char *name);

/* The SHA-256 of a file, lower-case hex. */
char *batch_sha256 (const char *path);

#endif
