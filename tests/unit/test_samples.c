/* The sample replies shipped in samples/replies/ read as their expected
 * records say, byte for byte: samples/replies/EXPECTED.jsonl is what
 * tapform-read printed for them when they were made (scripts/make-samples.sh
 * writes it). A change that alters a record fails here; a change meant to
 * alter records regenerates the file (make-samples.sh, or
 * TAPFORM_UPDATE_FIXTURES=1 build/tests/test_samples) and shows the
 * difference in review. */
#include "jsonl.h"
#include "test_util.h"

#include <criterion/criterion.h>
#include <string.h>

#define EXPECTED "samples/replies/EXPECTED.jsonl"

Test (samples, the_sample_replies_read_as_expected, .timeout = 120)
{
  const char *args[] = { "samples/replies", NULL };
  g_autofree char *out = NULL, *err = NULL;
  int status = tf_test_run_program (TF_TEST_READ (args), &out, &err);
  cr_assert_eq (status, 1, "some samples are incomplete or invalid on purpose: %d\n%s", status,
                err);
  g_autofree char *path = tf_test_source_path (EXPECTED);
  if (g_getenv ("TAPFORM_UPDATE_FIXTURES"))
    cr_assert (g_file_set_contents (path, out, -1, NULL));
  g_autofree char *expected = NULL;
  cr_assert (g_file_get_contents (path, &expected, NULL, NULL), "no %s", EXPECTED);
  g_auto (GStrv) got = jsonl_lines (out);
  g_auto (GStrv) want = jsonl_lines (expected);
  cr_assert_eq (g_strv_length (got), g_strv_length (want), "records: %u, expected %u",
                g_strv_length (got), g_strv_length (want));
  for (guint i = 0; want[i] != NULL; i++)
    cr_expect_str_eq (got[i], want[i], "record %u differs from " EXPECTED, i);
}
