/* test_batch_jobs.c — tapform-read's output does not depend on -j: the same
 * bytes, in every format, with the tally, for any number of workers, with
 * good, incomplete, hostile and crashing files mixed; and the options of
 * the batch refuse what makes no sense. */
#include "batch_hostile.h"
#include "batch/worker.h"
#include "batch_support.h"
#include "jsonl.h"
#include "test_util.h"

#include <criterion/criterion.h>
#include <string.h>

static char *dir;
/* The worker crashes on crash.pdf (batch/worker.h). */
static const char *const crash_env[] = { TF_WORKER_FAULTS_ENV "=crash:crash.pdf", NULL };

static void
setup (void)
{
  dir = tf_test_tmpdir ();
  /* Every sample reply (good, incomplete, hostile), the consultation,
   * quick malformed files and one that crashes its worker. */
  g_autofree char *replies = g_build_filename (dir, "replies", NULL);
  g_autofree char *consultation = g_build_filename (dir, "consultation", NULL);
  g_mkdir_with_parents (replies, 0755);
  g_mkdir_with_parents (consultation, 0755);
  const char *folders[][2] = { { "samples/replies", replies },
                               { "samples/consultation", consultation } };
  for (gsize f = 0; f < G_N_ELEMENTS (folders); f++)
    {
      g_autofree char *from = tf_test_source_path (folders[f][0]);
      g_autoptr (GDir) d = g_dir_open (from, 0, NULL);
      cr_assert_not_null (d);
      const char *name;
      while ((name = g_dir_read_name (d)) != NULL)
        {
          g_autofree char *src = g_build_filename (from, name, NULL);
          g_free (batch_copy (src, folders[f][1], name));
        }
    }
  g_free (batch_hostile_prev_loop (dir));
  g_free (batch_hostile_nested_arrays (dir, 100000));
  g_free (batch_copy ("samples/replies/gbr-complete.pdf", dir, "crash.pdf"));
}

static void
teardown (void)
{
  tf_test_rmtree (dir);
  g_free (dir);
}

TestSuite (batch_jobs, .init = setup, .fini = teardown, .timeout = 120);

static char *
run_with (const char *jobs, const char *const *extra, int *status)
{
  g_autoptr (GPtrArray) args = g_ptr_array_new ();
  g_ptr_array_add (args, (gpointer) "-j");
  g_ptr_array_add (args, (gpointer) jobs);
  for (const char *const *e = extra; *e; e++)
    g_ptr_array_add (args, (gpointer) *e);
  g_ptr_array_add (args, dir);
  g_ptr_array_add (args, NULL);
  char *out = NULL;
  g_autofree char *err = NULL;
  TfTestRun run = { .program = "tapform-read", .args = (const char *const *) args->pdata,
                    .env = crash_env };
  *status = tf_test_run_program (&run, &out, &err);
  return out;
}

/* Runs with -j 1, 2 and 5; returns the output (the same for all). */
static char *
same_for_any_jobs (const char *const *extra)
{
  int status1 = 0;
  char *one = run_with ("1", extra, &status1);
  cr_assert_gt (strlen (one), 0);
  static const char *const jobs[] = { "2", "5" };
  for (gsize i = 0; i < G_N_ELEMENTS (jobs); i++)
    {
      int status = 0;
      g_autofree char *other = run_with (jobs[i], extra, &status);
      cr_expect_eq (status, status1, "-j %s: exit status", jobs[i]);
      cr_expect_str_eq (other, one, "-j %s differs from -j 1", jobs[i]);
    }
  return one;
}

Test (batch_jobs, jsonl_is_the_same_for_any_jobs)
{
  const char *extra[] = { NULL };
  g_autofree char *out = same_for_any_jobs (extra);
  /* And it holds what it should: one record per file, the crash among them. */
  g_autoptr (GPtrArray) records = jsonl_parse (out);
  cr_expect_eq (records->len, tf_test_count_pdfs ("samples/replies")
                              + tf_test_count_pdfs ("samples/consultation") + 3);
  gboolean crashed = FALSE;
  for (guint i = 0; i < records->len; i++)
    if (g_str_has_suffix (jsonl_string (json_node_get_object (records->pdata[i]), "file"), "/crash.pdf"))
      crashed = g_str_equal (jsonl_first_code (json_node_get_object (records->pdata[i])), "crashed");
  cr_expect (crashed);
}

Test (batch_jobs, csv_and_json_are_the_same_for_any_jobs)
{
  const char *csv[] = { "--format", "csv", NULL };
  g_free (same_for_any_jobs (csv));
  const char *json[] = { "--format", "json", NULL };
  g_free (same_for_any_jobs (json));
}

Test (batch_jobs, the_tally_is_the_same_for_any_jobs)
{
  const char *tally[] = { "--tally", "--tally-format", "json", NULL };
  g_free (same_for_any_jobs (tally));
}

Test (batch_jobs, jobs_written_as_make_takes_them)
{
  int a = 0, b = 0;
  const char *none[] = { NULL };
  g_autofree char *spaced = run_with ("3", none, &a);
  const char *args[] = { "-j3", dir, NULL };
  g_autofree char *joined = NULL;
  TfTestRun run = { .program = "tapform-read", .args = args, .env = crash_env };
  b = tf_test_run_program (&run, &joined, NULL);
  cr_expect_eq (a, b);
  cr_expect_str_eq (joined, spaced);
}

Test (batch_jobs, nonsense_limits_are_usage_errors)
{
  const char *cases[][3] = {
    { "-j", "-1", "-j must be" },
    { "--timeout", "-2", "--timeout must be" },
    { "--timeout", "soon", "Cannot parse" },
    { "--max-memory", "12X", "--max-memory \"12X\" is not a size" },
    { "--max-memory", "lots", "is not a size" },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = NULL, *err = NULL;
      const char *args[] = { cases[i][0], cases[i][1], "samples/replies/gbr-complete.pdf", NULL };
      int status = tf_test_run_program (TF_TEST_READ (args), &out, &err);
      cr_expect_eq (status, 2, "%s %s: status %d", cases[i][0], cases[i][1], status);
      cr_expect_not_null (strstr (err, cases[i][2]), "%s %s: %s", cases[i][0], cases[i][1], err);
      cr_expect_str_empty (out);
    }
}
