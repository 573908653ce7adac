/* test_workbook.c — the workbook read back by an independent reader
 * (openpyxl, tests/support/workbook_check.py) and compared with the CSV
 * outputs of the same replies: samples/replies (hostile strings, formula-
 * like senders) and samples/consultation, registered. */
#include "register_support.h"
#include "test_util.h"

#include "out/record_csv.h"
#include "out/record_json.h"
#include "out/workbook.h"
#include "tally/chase.h"
#include "tally/chase_format.h"
#include "tally/tally_format.h"

#include <criterion/criterion.h>
#include <string.h>

#define PYTHON "/usr/bin/python3"

READ_TEST_FIXTURE
TestSuite (workbook, .init = read_fixture_setup, .fini = read_fixture_teardown, .timeout = 120);

static gboolean
have_openpyxl (void)
{
  const char *argv[] = { PYTHON, "-c", "import openpyxl", NULL };
  return g_file_test (PYTHON, G_FILE_TEST_IS_EXECUTABLE) && tf_test_run (argv, NULL, NULL) == 0;
}

static char *
write_file (const char *name, const char *contents)
{
  char *path = g_build_filename (tmp, name, NULL);
  cr_assert (g_file_set_contents (path, contents, -1, NULL));
  return path;
}

Test (workbook, read_back_it_holds_what_the_csv_outputs_hold)
{
  if (!have_openpyxl ())
    cr_skip_test ("python3-openpyxl is not installed (scripts/setup.sh --tests)");
  /* Through a register, as tapform-read --register --xlsx makes it. */
  g_autofree char *path = g_build_filename (tmp, "register.sqlite", NULL);
  g_autoptr (TfRegister) reg = register_test_open (r, path);
  const char *folders[] = { "samples/replies", "samples/consultation" };
  for (guint f = 0; f < G_N_ELEMENTS (folders); f++)
    {
      g_autoptr (GPtrArray) read = register_test_read_folder (r, folders[f]);
      for (guint i = 0; i < read->len; i++)
        register_test_add (reg, read->pdata[i]);
    }
  TfRegisterContents contents;
  cr_assert (tf_register_load (reg, &contents, NULL));
  cr_assert_gt (contents.replies->len, 30);
  g_autoptr (TfTally) tally = tf_tally_count_replies (r->form, r->states, contents.replies,
                                                      NULL);
  g_autoptr (TfChase) chase = tf_chase_list_replies (r->form, r->states, contents.replies,
                                                     tally);

  TfWorkbookData data = TF_WORKBOOK_DATA_INIT;
  data.form = r->form;
  data.replies = contents.replies;
  data.registered = contents.registered;
  data.tally = tally;
  data.chase = chase;
  g_autofree char *book = g_build_filename (tmp, "consultation.xlsx", NULL);
  g_autoptr (GError) error = NULL;
  cr_assert (tf_workbook_write (book, &data, &error), "%s", error ? error->message : "");

  g_autofree char *tally_csv = tf_tally_format (tally, TF_TALLY_CSV);
  g_autoptr (GString) records_csv = g_string_new (NULL);
  g_autoptr (GString) records_jsonl = g_string_new (NULL);
  tf_csv_append_header (records_csv, r->form);
  for (guint i = 0; i < contents.replies->len; i++)
    {
      tf_csv_append_row (records_csv, r->form, contents.replies->pdata[i]);
      g_autofree char *json = tf_record_to_json (contents.replies->pdata[i], NULL);
      g_string_append_printf (records_jsonl, "%s\n", json);
    }
  g_autofree char *chase_csv = tf_chase_format (chase, TF_CHASE_CSV);
  g_autofree char *tally_path = write_file ("tally.csv", tally_csv);
  g_autofree char *records_path = write_file ("records.csv", records_csv->str);
  g_autofree char *chase_path = write_file ("chase.csv", chase_csv);
  g_autofree char *jsonl_path = write_file ("records.jsonl", records_jsonl->str);
  g_autofree char *script = tf_test_source_path ("tests/support/workbook_check.py");
  const char *argv[] = { PYTHON, script, book, tally_path, records_path, chase_path,
                         jsonl_path, NULL };
  g_autofree char *out = NULL, *err = NULL;
  int status = tf_test_run (argv, &out, &err);
  cr_expect_eq (status, 0, "the workbook differs from the CSV:\n%s%s", out, err);
  tf_register_contents_clear (&contents);
}

Test (workbook, a_file_that_cannot_be_written_is_said)
{
  g_autoptr (GPtrArray) replies = g_ptr_array_new ();
  g_autoptr (TfTally) tally = tf_tally_count_replies (r->form, r->states, replies, NULL);
  TfWorkbookData data = TF_WORKBOOK_DATA_INIT;
  data.form = r->form;
  data.replies = replies;
  data.tally = tally;
  g_autofree char *book = g_build_filename (tmp, "no-such-folder", "book.xlsx", NULL);
  g_autoptr (GError) error = NULL;
  cr_assert_not (tf_workbook_write (book, &data, &error));
  cr_assert_not_null (error);
  cr_expect (strstr (error->message, "book.xlsx: cannot write") != NULL, "%s", error->message);
}
