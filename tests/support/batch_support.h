/* batch_support.h — what the batch tests (test_batch_*.c) share: running
 * tapform-read with the worker's test-only fault injection, splitting its
 * JSON Lines, and the record a file gets when read in this process.
 *
 * Functions fail the current Criterion test on a setup error. Returned
 * strings and arrays are new (g_free, g_ptr_array_unref).
 */
#ifndef BATCH_SUPPORT_H
#define BATCH_SUPPORT_H

#include "read_support.h"

#include <json-glib/json-glib.h>

/* Runs build/tapform-read with `args` (NULL-terminated) in the source
 * tree, with TAPFORM_TEST_WORKER_FAULTS set to `faults` (unset if NULL);
 * returns its exit status (-1 if it did not exit) and sets *out, *err
 * (either may be NULL) and *seconds (may be NULL: the wall time). */
int batch_run_reader (const char *const *args, const char *faults, char **out,
                      char **err, double *seconds);

/* The lines of `jsonl`, each parsed (JsonNode*, json_node_unref);
 * fails the test on a line that is not JSON. */
GPtrArray *batch_parse_jsonl (const char *jsonl);
/* The lines of `jsonl` as strings (no line ends). */
GStrv batch_lines (const char *jsonl);

/* The JSON Lines record the library gives `path` read in this process
 * (tf_read_file, tf_reply_check, tf_record_to_json): what a batch must
 * give it, byte for byte. */
char *batch_expected_record (const ReadTestReader *r, const char *path);

/* The first problem code of a parsed record, "" when none. */
const char *batch_first_code (JsonNode *record);
/* A member of a parsed record as a string, NULL for null. */
const char *batch_member (JsonNode *record, const char *member);

/* Copies `from` (relative to the source tree, or absolute) to dir/name;
 * returns the new path. */
char *batch_copy (const char *from, const char *dir, const char *name);

/* The SHA-256 of a file, lower-case hex. */
char *batch_sha256 (const char *path);

#endif
