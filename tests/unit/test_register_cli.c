/* test_register_cli.c — tapform-read --register: samples/consultation
 * registered in runs as its replies might arrive; then --tally, --chase
 * and --xlsx of the register with no inputs, byte for byte what the same
 * options give on the folder; records of files already registered; two
 * runs at once; what is refused, and the exit status of each. */
#include "read_support.h"
#include "test_util.h"

#include <criterion/criterion.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

READ_TEST_FIXTURE
static char *reg;

static void
setup (void)
{
  read_fixture_setup ();
  reg = g_build_filename (tmp, "c246.sqlite", NULL);
}

static void
teardown (void)
{
  g_clear_pointer (&reg, g_free);
  read_fixture_teardown ();
}

TestSuite (register_cli, .init = setup, .fini = teardown, .timeout = 240);

#define C "samples/consultation/"

/* Runs tapform-read with `args` (NULL-terminated); returns its status. */
static int
read_tool (const char *const *args, char **out, char **err)
{
  return tf_test_run_program (TF_TEST_READ (args), out, err);
}

/* Registers `files` (then NULL) with --register; returns the records. */
static char *
ingest (int want_status, ...)
{
  g_autoptr (GPtrArray) args = g_ptr_array_new ();
  g_ptr_array_add (args, (gpointer) "--register");
  g_ptr_array_add (args, reg);
  va_list ap;
  va_start (ap, want_status);
  const char *file;
  while ((file = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (args, (gpointer) file);
  va_end (ap);
  g_ptr_array_add (args, NULL);
  char *out = NULL;
  g_autofree char *err = NULL;
  int status = read_tool ((const char *const *) args->pdata, &out, &err);
  cr_assert_eq (status, want_status, "status %d: %s", status, err);
  return out;
}

static char *
output_of (const char *const *args)
{
  char *out = NULL;
  g_autofree char *err = NULL;
  int status = read_tool (args, &out, &err);
  cr_assert (status == 0 || status == 1, "status %d: %s", status, err);
  return out;
}

/* Copies a sample to the test's folder under `name`: same bytes. */
static char *
copy (const char *sample, const char *name)
{
  g_autofree char *from = tf_test_source_path (sample);
  g_autofree char *bytes = NULL;
  gsize length = 0;
  cr_assert (g_file_get_contents (from, &bytes, &length, NULL));
  char *to = g_build_filename (tmp, name, NULL);
  cr_assert (g_file_set_contents (to, bytes, length, NULL));
  return to;
}

static void
register_the_consultation_in_runs (void)
{
  g_free (ingest (1, C "fra-first.pdf", C "deu-v1.pdf", C "ita.pdf", C "scan.pdf", NULL));
  g_autofree char *again = copy (C "ita.pdf", "ita (2).pdf");
  g_free (ingest (0, C "fra.pdf", C "deu-v2.pdf", C "bra.pdf", C "chn.pdf", C "esp.pdf",
                  again, C "gbr.pdf", NULL));
  /* The whole folder at last, as a secretariat would run it: what is
   * there already adds nothing. */
  g_free (ingest (1, "samples/consultation", NULL));
}

Test (register_cli, the_registers_tally_and_chase_list_are_the_folders)
{
  register_the_consultation_in_runs ();
  const char *formats[] = { "json", "csv", "text" };
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      const char *from_register[] = { "--register", reg, "--tally", "--tally-format",
                                      formats[i], NULL };
      const char *from_folder[] = { "--tally", "--tally-format", formats[i],
                                    "samples/consultation", NULL };
      g_autofree char *a = output_of (from_register);
      g_autofree char *b = output_of (from_folder);
      cr_expect_str_eq (a, b, "--tally-format %s", formats[i]);
      const char *chase_register[] = { "--register", reg, "--chase", "--chase-format",
                                       formats[i], NULL };
      const char *chase_folder[] = { "--chase", "--chase-format", formats[i],
                                     "samples/consultation", NULL };
      g_autofree char *c = output_of (chase_register);
      g_autofree char *d = output_of (chase_folder);
      cr_expect_str_eq (c, d, "--chase-format %s", formats[i]);
    }
  /* The tally is the hand-counted one (test_tally_cli checks the folder's
   * against tests/fixtures/consultation-tally.json). */
  const char *tally[] = { "--register", reg, "--tally", NULL };
  g_autofree char *text = output_of (tally);
  cr_expect (strstr (text, "10 replies counted, 2 superseded, 3 uncounted, 1 late") != NULL,
             "%s", text);
  const char *chase[] = { "--register", reg, "--chase", NULL };
  g_autofree char *list = output_of (chase);
  cr_expect (strstr (list, "184 of 193 Member States have no complete reply counted: "
                           "182 no reply, 1 incomplete, 1 late.") != NULL, "%s", list);
  cr_expect (strstr (list, "\nIND  India (Republic of)") != NULL);
  cr_expect (strstr (list, "\nRUS  Russian Federation") != NULL);
  cr_expect (strstr (list, "\nFRA  ") == NULL);
}

Test (register_cli, a_file_already_registered_says_so_and_is_otherwise_its_record)
{
  g_autofree char *first = ingest (0, C "bra.pdf", NULL);
  g_autofree char *renamed = copy (C "bra.pdf", "brazil.pdf");
  g_autofree char *again = ingest (0, renamed, NULL);
  cr_expect (strstr (again, "\"code\":\"already-registered\"") != NULL, "%s", again);
  cr_expect (strstr (again, "as samples/consultation/bra.pdf") != NULL, "%s", again);
  /* Without the warning, the record is the one a run without --register
   * prints for that file. */
  const char *plain[] = { renamed, NULL };
  g_autofree char *want = output_of (plain);
  const char *at = strstr (again, "{\"severity\":\"warning\",\"code\":\"already-registered\"");
  cr_assert_not_null (at);
  g_autofree char *head = g_strndup (again, at - again);
  const char *rest = strstr (at, "}],\"source\"");
  cr_assert_not_null (rest);
  g_autofree char *stripped = g_strconcat (head, rest + 1, NULL);
  cr_expect_str_eq (stripped, want);
  /* The register holds it once. */
  const char *tally[] = { "--register", reg, "--tally", "--tally-format", "json", NULL };
  g_autofree char *json = output_of (tally);
  cr_expect (strstr (json, "\"counted\" : [\n    \"samples/consultation/bra.pdf\"\n  ]") != NULL,
             "%s", json);
}

Test (register_cli, the_workbook_comes_from_the_register)
{
  register_the_consultation_in_runs ();
  g_autofree char *book = g_build_filename (tmp, "c246.xlsx", NULL);
  const char *args[] = { "--register", reg, "--xlsx", book, NULL };
  g_autofree char *out = output_of (args);
  cr_expect_str_eq (out, "", "no input: nothing read, no record");
  cr_assert (g_file_test (book, G_FILE_TEST_IS_REGULAR));
  const char *py[] = { "/usr/bin/python3", "-c",
                       "import sys, openpyxl\n"
                       "wb = openpyxl.load_workbook(sys.argv[1])\n"
                       "print(wb.sheetnames, wb['Replies'].max_row - 1, wb['Chase'].max_row - 1)",
                       book, NULL };
  g_autofree char *sheets = NULL;
  if (tf_test_run (py, &sheets, NULL) != 0)
    cr_skip_test ("python3-openpyxl is not installed");
  cr_expect_str_eq (sheets, "['Tally', 'Replies', 'Problems', 'Chase'] 16 187\n");
}

Test (register_cli, two_runs_at_once_each_file_once)
{
  g_autofree char *program = g_build_filename (TAPFORM_BINARY_DIR, "tapform-read", NULL);
  const char *argv_a[] = { program, "-q", "-o", "/dev/null", "--register", reg,
                           "samples/consultation", "samples/replies", NULL };
  const char *argv_b[] = { program, "-q", "-o", "/dev/null", "--register", reg,
                           "samples/replies", "samples/consultation", NULL };
  g_autofree char *src = tf_test_source_path (".");
  GPid a = 0, b = 0;
  cr_assert (g_spawn_async (src, (char **) argv_a, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                            &a, NULL));
  cr_assert (g_spawn_async (src, (char **) argv_b, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                            &b, NULL));
  int sa = 0, sb = 0;
  cr_assert_eq (waitpid (a, &sa, 0), a);
  cr_assert_eq (waitpid (b, &sb, 0), b);
  /* 1 and 3: some replies are not complete, some cannot be read. */
  cr_expect (WIFEXITED (sa) && WEXITSTATUS (sa) != 2, "run A: %d", sa);
  cr_expect (WIFEXITED (sb) && WEXITSTATUS (sb) != 2, "run B: %d", sb);
  const char *count[] = { "sqlite3", reg, "SELECT count(*), count(DISTINCT sha256) FROM replies",
                          NULL };
  g_autofree char *counted = NULL;
  if (tf_test_run (count, &counted, NULL) != 0)
    cr_skip_test ("the sqlite3 shell is not installed");
  /* Each distinct file once, whoever registered it. */
  const char *distinct[] = { "sh", "-c", "sha256sum samples/consultation/*.pdf "
                             "samples/replies/*.pdf | cut -d' ' -f1 | sort -u | wc -l", NULL };
  g_autofree char *want = NULL;
  cr_assert_eq (tf_test_run (distinct, &want, NULL), 0);
  g_autofree char *expected = g_strdup_printf ("%d|%d\n", atoi (want), atoi (want));
  cr_expect_str_eq (counted, expected);
}

Test (register_cli, what_is_refused_and_the_exit_status)
{
  /* Not a register: refused, left as it is. */
  g_autofree char *notes = tf_test_write (tmp, "notes.sqlite", "reply from FRA received\n");
  const char *args[] = { "--register", notes, C "bra.pdf", NULL };
  g_autofree char *err = NULL;
  cr_expect_eq (read_tool (args, NULL, &err), 2);
  cr_expect (strstr (err, "not a tapform register") != NULL, "%s", err);
  g_autofree char *after = NULL;
  cr_assert (g_file_get_contents (notes, &after, NULL, NULL));
  cr_expect_str_eq (after, "reply from FRA received\n");

  /* No input and nothing to count: a usage error. */
  g_free (ingest (0, C "bra.pdf", NULL));
  const char *nothing[] = { "--register", reg, NULL };
  g_clear_pointer (&err, g_free);
  cr_expect_eq (read_tool (nothing, NULL, &err), 2);
  cr_expect (strstr (err, "nothing asked of the register") != NULL, "%s", err);

  /* A register that is not there is not made to count nothing. */
  g_autofree char *missing = g_build_filename (tmp, "typo.sqlite", NULL);
  const char *typo[] = { "--register", missing, "--tally", NULL };
  g_clear_pointer (&err, g_free);
  cr_expect_eq (read_tool (typo, NULL, &err), 2);
  cr_expect (strstr (err, "typo.sqlite: no such register") != NULL, "%s", err);
  cr_expect_not (g_file_test (missing, G_FILE_TEST_EXISTS));

  /* A newer register. */
  const char *newer[] = { "sqlite3", reg, "PRAGMA user_version = 7", NULL };
  if (tf_test_run (newer, NULL, NULL) != 0)
    cr_skip_test ("the sqlite3 shell is not installed");
  const char *tally[] = { "--register", reg, "--tally", NULL };
  g_clear_pointer (&err, g_free);
  cr_expect_eq (read_tool (tally, NULL, &err), 2);
  cr_expect (strstr (err, "made by a newer tapform") != NULL, "%s", err);

  /* Another option's value. */
  const char *format[] = { "--chase", "--chase-format", "pdf", C "bra.pdf", NULL };
  g_clear_pointer (&err, g_free);
  cr_expect_eq (read_tool (format, NULL, &err), 2);
  cr_expect (strstr (err, "unknown chase format \"pdf\"") != NULL, "%s", err);
}

Test (register_cli, chase_without_a_register_works_on_the_inputs)
{
  const char *args[] = { "--chase", "--chase-format", "json", "samples/consultation", NULL };
  g_autofree char *out = output_of (args);
  cr_expect (strstr (out, "\"complete\" : 9,") != NULL, "%s", out);
  cr_expect (strstr (out, "\"member_states\" : 193,") != NULL, "%s", out);
}

static GBytes *
bytes_of (const char *path)
{
  char *contents = NULL;
  gsize length = 0;
  cr_assert (g_file_get_contents (path, &contents, &length, NULL), "%s", path);
  return g_bytes_new_take (contents, length);
}

/* The file's bytes with the digits of its PDF dates made zeros. */
static GBytes *
undated (const char *path)
{
  char *data = NULL;
  gsize length = 0;
  cr_assert (g_file_get_contents (path, &data, &length, NULL), "%s", path);
  const char *keys[] = { "/CreationDate (D:", "/ModDate (D:" };
  for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
    {
      gsize n = strlen (keys[k]);
      for (char *at = memmem (data, length, keys[k], n); at != NULL;
           at = memmem (at + n, length - (at + n - data), keys[k], n))
        for (char *d = at + n; d < data + length && g_ascii_isdigit (*d); d++)
          *d = '0';
    }
  return g_bytes_new_take (data, length);
}

Test (register_cli, chart_and_review_of_the_register_are_the_folders)
{
  register_the_consultation_in_runs ();
  g_autofree char *chart_a = g_build_filename (tmp, "register.png", NULL);
  g_autofree char *review_a = g_build_filename (tmp, "register.pdf", NULL);
  g_autofree char *chart_b = g_build_filename (tmp, "folder.png", NULL);
  g_autofree char *review_b = g_build_filename (tmp, "folder.pdf", NULL);
  const char *from_register[] = { "--register", reg, "--chart", chart_a, "--review", review_a,
                                  NULL };
  const char *from_folder[] = { "--tally", "--chart", chart_b, "--review", review_b,
                                "samples/consultation", NULL };
  g_free (output_of (from_register));
  g_free (output_of (from_folder));
  g_autoptr (GBytes) a = bytes_of (chart_a), b = bytes_of (chart_b);
  cr_expect (g_bytes_equal (a, b), "the charts differ");
  /* Cairo dates the report when it writes it: the dates put aside (they
   * are as long whenever written, so nothing else moves). */
  g_autoptr (GBytes) c = undated (review_a), d = undated (review_b);
  cr_expect (g_bytes_equal (c, d), "the review reports differ");
}
