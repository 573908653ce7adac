/* test_batch_hostile.c — a batch that mixes good replies with files that
 * crash, hang and bomb a reader (README, "Bulk reading"): one record per
 * input, in order; good files exactly as read in-process; each bad file
 * invalid with the right reason; the run ends in bounded time.
 *
 * The crash, the hang and the runaway allocation are both simulated (the
 * worker's test-only fault injection, worker.h) and real: malformed files
 * made now (batch_hostile.h) and the file that hangs Poppler 22.12 in
 * poppler_form_field_get_name() (tests/fixtures/hostile/). */
#include "common/tf_asan.h"
#include "batch/batch.h"

#include "batch_hostile.h"
#include "batch/worker.h"
#include "batch_support.h"
#include "jsonl.h"
#include "test_util.h"

#include <criterion/criterion.h>
#include <glib/gstdio.h>
#include <string.h>

/* The limits of the run: short, so that the suite stays fast. */
#define TIMEOUT "3"
#define MAX_MEMORY "128M"
/* Generous bound on the whole run: two files hit the 3 s limit, in
 * parallel or one after the other, plus the rest (slower under
 * AddressSanitizer). */
#define BOUND_SECONDS 25.0

typedef struct {
  const char *name;         /* in the batch folder; sorted = listed order */
  const char *from;         /* a sample reply to copy, or NULL: made below */
  const char *fault;        /* fault injection kind, or NULL */
  const char *code;         /* expected first problem code; NULL: a good
                               file, whose record must equal the library's */
} Case;

static const Case cases[] = {
  { "01-good.pdf", "samples/replies/gbr-complete.pdf", NULL, NULL },
  { "02-crash.pdf", "samples/replies/gbr-complete.pdf", "crash", "crashed" },
  { "03-good.pdf", "samples/replies/esp-complete.pdf", NULL, NULL },
  { "04-hang.pdf", "samples/replies/fra-complete-accents.pdf", "hang", "timed-out" },
  { "05-flate-bomb.pdf", NULL, NULL, "out-of-memory" },
  { "06-good.pdf", "samples/replies/chn-chinese.pdf", NULL, NULL },
  { "07-bomb.pdf", "samples/replies/sau-arabic.pdf", "bomb", "out-of-memory" },
  { "08-prev-loop.pdf", NULL, NULL, "no-form" },
  { "09-nested-arrays.pdf", NULL, NULL, "no-form" },
  { "10-many-pages.pdf", NULL, NULL, "no-form" },
  { "11-poppler-fqn-loop.pdf", "tests/fixtures/hostile/poppler-fqn-loop.pdf", NULL, "timed-out" },
  { "12-good.pdf", "samples/replies/gbr-some-unanswered.pdf", NULL, NULL },
  { "13-exit.pdf", "samples/replies/gbr-complete.pdf", "exit", "crashed" },
  { "14-good.pdf", "samples/replies/ukr-cyrillic.pdf", NULL, NULL },
  { "15-not-a-pdf.pdf", "samples/replies/hostile-not-a-pdf.pdf", NULL, "not-pdf" },
};

/* Makes the file of case `c` in `dir`; returns its path. */
static char *
make_case (const Case *c, const char *dir)
{
  if (c->from != NULL)
    return batch_copy (c->from, dir, c->name);
  g_autofree char *made = NULL;
  if (strstr (c->name, "flate-bomb"))
    made = batch_hostile_flate_bomb (dir, G_GUINT64_CONSTANT (1) << 30);
  else if (strstr (c->name, "prev-loop"))
    made = batch_hostile_prev_loop (dir);
  else if (strstr (c->name, "nested-arrays"))
    made = batch_hostile_nested_arrays (dir, 100000);
  else if (strstr (c->name, "many-pages"))
    made = batch_hostile_many_pages (dir, 2000);
  cr_assert_not_null (made, "no maker for %s", c->name);
  char *path = g_build_filename (dir, c->name, NULL);
  cr_assert_eq (g_rename (made, path), 0);
  return path;
}

READ_TEST_FIXTURE

Test (batch_hostile, every_input_gets_one_record_in_order_with_its_reason,
      .init = read_fixture_setup, .fini = read_fixture_teardown, .timeout = 120)
{
  g_autoptr (GString) faults = g_string_new (NULL);
  g_autoptr (GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_ptr_array_add (paths, make_case (&cases[i], tmp));
      if (cases[i].fault != NULL)
        g_string_append_printf (faults, "%s%s:%s", faults->len ? "," : "", cases[i].fault,
                                cases[i].name);
    }

  g_autofree char *out = NULL, *err = NULL;
  double seconds = 0;
  const char *args[] = { "-j", "2", "--timeout", TIMEOUT, "--max-memory", MAX_MEMORY, tmp, NULL };
  g_autofree char *env_faults = g_strconcat (TF_WORKER_FAULTS_ENV "=", faults->str, NULL);
  const char *env[] = { env_faults, NULL };
  TfTestRun run = { .program = "tapform-read", .args = args, .env = env,
                    .seconds = &seconds };
  int status = tf_test_run_program (&run, &out, &err);
  cr_expect_eq (status, 1, "exit status %d (some replies are invalid); stderr:\n%s", status, err);
  cr_expect_lt (seconds, BOUND_SECONDS, "the run took %.1f s", seconds);
  /* Nothing on stderr: no terminal, and no file was unreadable. */
  cr_expect_str_empty (err, "stderr:\n%s", err);

  g_auto (GStrv) lines = jsonl_lines (out);
  g_autoptr (GPtrArray) records = jsonl_parse (out);
  cr_assert_eq (records->len, G_N_ELEMENTS (cases), "%u records for %zu files:\n%s",
                records->len, G_N_ELEMENTS (cases), out);
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const Case *c = &cases[i];
      const char *path = paths->pdata[i];
      JsonNode *record = records->pdata[i];
      cr_expect_str_eq (jsonl_string (json_node_get_object (record), "file"), path, "record %zu is not in order", i);
      if (c->code == NULL)
        {
          g_autofree char *want = batch_expected_record (r, path);
          cr_expect_str_eq (lines[i], want, "%s: not the record read in-process", c->name);
          continue;
        }
      cr_expect_str_eq (jsonl_string (json_node_get_object (record), "status"), "invalid", "%s", c->name);
      const char *code = jsonl_first_code (json_node_get_object (record));
      /* Poppler's loop allocates and frees as it goes: flat in a normal
       * build, but AddressSanitizer's quarantine keeps what it frees
       * resident, so that there the memory limit may come first. */
      if (tf_sanitized () && strstr (c->name, "fqn-loop") && g_str_equal (code, "out-of-memory"))
        continue;
      /* The same for a file without fields, whose pages are rendered to be
       * read optically (about 20 MB a page, all of it kept there). */
      if (tf_sanitized () && (strstr (c->name, "nested-arrays") || strstr (c->name, "many-pages"))
          && g_str_equal (code, "out-of-memory"))
        continue;
      cr_expect_str_eq (code, c->code, "%s: %s", c->name, lines[i]);
      /* The file is named by its checksum even when its reader died. */
      g_autofree char *sha = batch_sha256 (path);
      cr_expect_str_eq (jsonl_string (json_node_get_object (record), "sha256"), sha, "%s", c->name);
    }
}

/* The reasons in plain words: what happened, the limit, what to do. */
Test (batch_hostile, messages_say_what_happened_and_what_to_do, .init = read_fixture_setup,
      .fini = read_fixture_teardown, .timeout = 60)
{
  g_free (batch_copy ("samples/replies/gbr-complete.pdf", tmp, "a-crash.pdf"));
  g_free (batch_copy ("samples/replies/gbr-complete.pdf", tmp, "b-hang.pdf"));
  g_free (batch_copy ("samples/replies/gbr-complete.pdf", tmp, "c-bomb.pdf"));
  g_autofree char *out = NULL;
  /* 2 s: under AddressSanitizer a crash takes its time (the report is
   * symbolized), and must not pass for a hang. */
  const char *args[] = { "--timeout", "2", "--max-memory", "64M", tmp, NULL };
  const char *env[] = {
    TF_WORKER_FAULTS_ENV "=crash:a-crash.pdf,hang:b-hang.pdf,bomb:c-bomb.pdf", NULL
  };
  TfTestRun run = { .program = "tapform-read", .args = args, .env = env };
  tf_test_run_program (&run, &out, NULL);
  g_auto (GStrv) lines = jsonl_lines (out);
  cr_assert_eq (g_strv_length (lines), 3, "%s", out);
  cr_expect_not_null (strstr (lines[0], "crashed the PDF reader"), "%s", lines[0]);
  cr_expect_not_null (strstr (lines[0], "send the reply again"), "%s", lines[0]);
  cr_expect_not_null (strstr (lines[1], "longer than the time limit (2 s)"), "%s", lines[1]);
  cr_expect_not_null (strstr (lines[2], "more memory than the limit (64 MiB)"), "%s", lines[2]);
}
