/* test_batch_regressions.c — every hostile file kept in
 * tests/fixtures/hostile/ (files that once crashed, hung or exhausted a
 * reader, the fuzzers' findings among them) read in one batch, each
 * giving the record tests/fixtures/hostile/EXPECTED says, in bounded time,
 * beside a good reply that must come out complete. */
#include "reply/problem.h"

#include "batch/worker.h"
#include "batch_support.h"
#include "jsonl.h"
#include "test_util.h"

#include <criterion/criterion.h>
#include <string.h>

typedef struct {
  char *file;
  char *codes;              /* "timed-out|out-of-memory", "-" */
} Expected;

static GPtrArray *
expected_list (void)
{
  g_autofree char *path = tf_test_source_path ("tests/fixtures/hostile/EXPECTED");
  g_autofree char *text = NULL;
  cr_assert (g_file_get_contents (path, &text, NULL, NULL), "reading %s", path);
  GPtrArray *list = g_ptr_array_new ();
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strstrip (lines[i]);
      if (*line == '\0' || *line == '#')
        continue;
      g_auto (GStrv) parts = g_strsplit_set (line, " \t", 2);
      cr_assert (parts[0] && parts[1], "EXPECTED line %u: FILE CODES", i + 1);
      Expected *e = g_new0 (Expected, 1);
      e->file = g_strdup (parts[0]);
      e->codes = g_strdup (g_strstrip (parts[1]));
      g_ptr_array_add (list, e);
    }
  return list;
}

Test (batch_regressions, each_kept_hostile_file_gives_its_record, .timeout = 120)
{
  g_autoptr (GPtrArray) expected = expected_list ();
  cr_assert_gt (expected->len, 0);
  g_autoptr (GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (args, g_strdup ("--timeout"));
  g_ptr_array_add (args, g_strdup ("2"));
  g_ptr_array_add (args, g_strdup ("--max-memory"));
  g_ptr_array_add (args, g_strdup ("256M"));
  for (guint i = 0; i < expected->len; i++)
    {
      const Expected *e = expected->pdata[i];
      g_autofree char *path = g_build_filename ("tests/fixtures/hostile", e->file, NULL);
      g_autofree char *full = tf_test_source_path (path);
      cr_assert (g_file_test (full, G_FILE_TEST_IS_REGULAR), "%s is listed but missing", path);
      g_ptr_array_add (args, g_steal_pointer (&path));
    }
  g_ptr_array_add (args, g_strdup ("samples/replies/gbr-complete.pdf"));
  g_ptr_array_add (args, NULL);

  g_autofree char *out = NULL, *err = NULL;
  double seconds = 0;
  TfTestRun run = { .program = "tapform-read", .args = (const char *const *) args->pdata,
                    .seconds = &seconds };
  tf_test_run_program (&run, &out, &err);
  g_autoptr (GPtrArray) records = jsonl_parse (out);
  cr_assert_eq (records->len, expected->len + 1, "stderr:\n%s", err);
  /* Each hits the time limit at worst, two at a time or more. */
  cr_expect_lt (seconds, 10.0 + 2.0 * expected->len, "%.1f s", seconds);
  for (guint i = 0; i < expected->len; i++)
    {
      const Expected *e = expected->pdata[i];
      const char *code = jsonl_first_code (json_node_get_object (records->pdata[i]));
      if (*code == '\0')
        code = "-";
      g_auto (GStrv) allowed = g_strsplit (e->codes, "|", -1);
      cr_expect (g_strv_contains ((const char *const *) allowed, code), "%s: %s, want %s",
                 e->file, code, e->codes);
      /* A code that makes a reply invalid does so. */
      if (tf_problem_code_is_invalid (tf_problem_code_from_name (code)))
        cr_expect_str_eq (jsonl_string (json_node_get_object (records->pdata[i]), "status"), "invalid", "%s", e->file);
      g_free (e->file);
      g_free (e->codes);
      g_free (expected->pdata[i]);
    }
  cr_expect_str_eq (jsonl_string (json_node_get_object (records->pdata[expected->len]), "status"), "complete");
}
