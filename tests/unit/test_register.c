/* test_register.c — the register file itself: made new, opened again,
 * what it refuses (and leaves as it was), idempotence by SHA-256, what is
 * not registered, what a reply brings stays data, and what is loaded
 * back. */
#include "register_support.h"
#include "test_util.h"

#include "common/tf_error.h"
#include "out/record_json.h"
#include "reply/reply_registered.h"

#include <criterion/criterion.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

READ_TEST_FIXTURE
static char *path;

static void
setup (void)
{
  read_fixture_setup ();
  path = g_build_filename (tmp, "register.sqlite", NULL);
}

static void
teardown (void)
{
  g_clear_pointer (&path, g_free);
  read_fixture_teardown ();
}

TestSuite (register, .init = setup, .fini = teardown);

static char *
slurp (const char *file)
{
  char *contents = NULL;
  gsize length = 0;
  cr_assert (g_file_get_contents (file, &contents, &length, NULL));
  return contents;
}

/* Opening `path` fails with TF_ERROR_FORMAT and a message holding `what`,
 * and leaves the file's bytes as they were. */
static void
expect_refused (const char *what)
{
  g_autofree char *before = slurp (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (TfRegister) reg = tf_register_open (path, r->form, NULL, &error);
  cr_assert_null (reg);
  cr_assert (error != NULL && error->domain == TF_ERROR && error->code == TF_ERROR_FORMAT,
             "%s", error ? error->message : "no error");
  cr_expect (g_str_has_prefix (error->message, path), "%s", error->message);
  cr_expect (strstr (error->message, what) != NULL, "%s", error->message);
  g_autofree char *after = slurp (path);
  cr_expect_str_eq (after, before, "the file was changed");
}

Test (register, a_new_register_is_made_as_documented)
{
  g_autoptr (TfRegister) reg = register_test_open (r, path);
  g_clear_pointer (&reg, tf_register_close);
  g_autofree char *version = register_test_query (path, "PRAGMA user_version");
  cr_expect_str_eq (version, "1");
  g_autofree char *app = register_test_query (path, "PRAGMA application_id");
  cr_expect_str_eq (app, "1413566534");
  g_autofree char *journal = register_test_query (path, "PRAGMA journal_mode");
  cr_expect_str_eq (journal, "wal");
  g_autofree char *form = register_test_query (path, "SELECT form FROM register");
  cr_expect_str_eq (form, "tsb-246-annex2@1");
  g_autofree char *count = register_test_query (path, "SELECT count(*) FROM replies");
  cr_expect_str_eq (count, "0");
  /* Opened again: the same register, nothing made twice. */
  reg = register_test_open (r, path);
  cr_expect_eq (tf_register_count (reg, NULL), 0);
}

Test (register, a_missing_file_is_not_made_without_create)
{
  TfRegisterOptions options = TF_REGISTER_OPTIONS_INIT;
  options.create = FALSE;
  g_autoptr (GError) error = NULL;
  g_autoptr (TfRegister) reg = tf_register_open (path, r->form, &options, &error);
  cr_assert_null (reg);
  cr_expect (strstr (error->message, "no such register") != NULL, "%s", error->message);
  cr_expect_not (g_file_test (path, G_FILE_TEST_EXISTS));
}

Test (register, a_file_that_is_not_a_database_is_refused_and_left_alone)
{
  g_file_set_contents (path, "replies: fra, deu, ita\n", -1, NULL);
  expect_refused ("not a tapform register (not an SQLite database)");
}

Test (register, another_database_is_refused_and_left_alone)
{
  sqlite3 *db = NULL;
  cr_assert_eq (sqlite3_open (path, &db), SQLITE_OK);
  cr_assert_eq (sqlite3_exec (db, "CREATE TABLE accounts (name TEXT); "
                              "INSERT INTO accounts VALUES ('x')", NULL, NULL, NULL), SQLITE_OK);
  sqlite3_close (db);
  expect_refused ("an SQLite database, but not a tapform register");
}

Test (register, a_newer_register_is_refused)
{
  g_autoptr (TfRegister) reg = register_test_open (r, path);
  g_clear_pointer (&reg, tf_register_close);
  g_free (register_test_query (path, "PRAGMA user_version = 2"));
  g_free (register_test_query (path, "PRAGMA wal_checkpoint(TRUNCATE)"));
  expect_refused ("schema version 2, made by a newer tapform (this one knows up to "
                  "version 1)");
}

Test (register, another_forms_register_is_refused)
{
  g_autoptr (TfRegister) reg = register_test_open (r, path);
  g_clear_pointer (&reg, tf_register_close);
  g_free (register_test_query (path, "UPDATE register SET form = 'tsb-247-annex2@1'"));
  g_free (register_test_query (path, "PRAGMA wal_checkpoint(TRUNCATE)"));
  expect_refused ("a register of the replies to tsb-247-annex2@1, not to tsb-246-annex2@1");
}

Test (register, a_folder_is_refused)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TfRegister) reg = tf_register_open (tmp, r->form, NULL, &error);
  cr_assert_null (reg);
  cr_expect (strstr (error->message, "a folder") != NULL, "%s", error->message);
}

Test (register, an_empty_file_becomes_a_register)
{
  g_file_set_contents (path, "", 0, NULL);
  g_autoptr (TfRegister) reg = register_test_open (r, path);
  cr_expect_eq (tf_register_count (reg, NULL), 0);
}

Test (register, the_same_bytes_count_once_whatever_their_name)
{
  g_autoptr (TfRegister) reg = register_test_open (r, path);
  g_autoptr (TfReply) first = register_test_synthetic (r, 1);
  g_autoptr (TfReply) again = register_test_renamed (r, first, "elsewhere/copy.pdf");
  g_autoptr (TfReply) other = register_test_synthetic (r, 2);

  TfRegisterAdded added;
  cr_assert (tf_register_add (reg, first, &added, NULL));
  cr_expect_eq (added.outcome, TF_REGISTER_ADDED);
  cr_expect_eq (added.id, 1);
  cr_expect_str_eq (added.registered_as, "r000001.pdf");
  cr_assert_not_null (added.registered);
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  cr_expect (g_date_time_difference (now, added.registered) < 5 * G_TIME_SPAN_SECOND);
  g_autoptr (GDateTime) when = g_date_time_ref (added.registered);
  tf_register_added_clear (&added);

  cr_assert (tf_register_add (reg, again, &added, NULL));
  cr_expect_eq (added.outcome, TF_REGISTER_KNOWN);
  cr_expect_eq (added.id, 1);
  cr_expect_str_eq (added.registered_as, "r000001.pdf");
  cr_expect (g_date_time_equal (added.registered, when));
  /* The record printed for it says so, and stays what it was otherwise. */
  TfStatus status = again->status;
  tf_reply_add_already_registered (again, added.registered, added.registered_as);
  cr_expect_eq (again->status, status);
  const TfProblem *p = tf_reply_find_problem (again, TF_PROBLEM_ALREADY_REGISTERED);
  cr_assert_not_null (p);
  cr_expect_eq (p->severity, TF_SEVERITY_WARNING);
  cr_expect (strstr (p->message, "as r000001.pdf") != NULL, "%s", p->message);
  read_test_assert_schema (r, again);
  tf_register_added_clear (&added);

  cr_expect_eq (register_test_add (reg, first), TF_REGISTER_KNOWN);
  cr_expect_eq (register_test_add (reg, other), TF_REGISTER_ADDED);
  cr_expect_eq (tf_register_count (reg, NULL), 2);
}

Test (register, replies_whose_reading_was_stopped_are_not_registered)
{
  g_autoptr (TfRegister) reg = register_test_open (r, path);
  const TfReadOutcome outcomes[] = { TF_READ_CRASHED, TF_READ_TIMED_OUT,
                                     TF_READ_OUT_OF_MEMORY, TF_READ_UNREADABLE };
  for (guint i = 0; i < G_N_ELEMENTS (outcomes); i++)
    {
      g_autoptr (TfRawReply) raw = tf_raw_reply_new (outcomes[i], "%s", "stopped");
      raw->sha256 = g_strdup ("1111111111111111111111111111111111111111111111111111111111111111");
      g_autoptr (TfReply) reply = tf_reader_reply (r->reader, "hang.pdf", raw);
      TfRegisterAdded added;
      cr_assert (tf_register_add (reg, reply, &added, NULL));
      cr_expect_eq (added.outcome, TF_REGISTER_SKIPPED, "%s",
                    tf_read_outcome_name (outcomes[i]));
      cr_expect_not_null (added.why);
      tf_register_added_clear (&added);
    }
  g_autoptr (TfRawReply) raw = tf_raw_reply_new (TF_READ_UNREADABLE, "%s", "gone");
  g_autoptr (TfReply) unread = tf_reader_reply (r->reader, "gone.pdf", raw);
  cr_expect_eq (register_test_add (reg, unread), TF_REGISTER_SKIPPED);
  /* What the file holds is registered, however invalid. */
  g_autoptr (TfRawReply) png = tf_raw_reply_new (TF_READ_NOT_PDF, "%s", "a PNG image");
  png->sha256 = g_strdup ("2222222222222222222222222222222222222222222222222222222222222222");
  g_autoptr (TfReply) scan = tf_reader_reply (r->reader, "scan.pdf", png);
  cr_expect_eq (register_test_add (reg, scan), TF_REGISTER_ADDED);
  cr_expect_eq (tf_register_count (reg, NULL), 1);
}

Test (register, what_a_reply_says_stays_data)
{
  g_autoptr (TfRegister) reg = register_test_open (r, path);
  const char *names[] = { "x'); DROP TABLE replies; --.pdf", "a\"b\\c %s %n.pdf",
                          "\xE4\xB8\xAD\xE6\x96\x87 r\xC3\xA9ponse.pdf" };
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr (TfReply) base = register_test_synthetic (r, 10 + i);
      g_autoptr (TfReply) reply = register_test_renamed (r, base, names[i]);
      cr_expect_eq (register_test_add (reg, reply), TF_REGISTER_ADDED);
    }
  g_autoptr (GPtrArray) back = register_test_load (reg);
  cr_assert_eq (back->len, 3);
  g_autofree char *tables = register_test_query (path, "SELECT count(*) FROM sqlite_schema "
                                                 "WHERE name = 'replies'");
  cr_expect_str_eq (tables, "1");
  for (guint i = 0; i < back->len; i++)
    {
      const TfReply *got = back->pdata[i];
      gboolean known = FALSE;
      for (guint k = 0; k < G_N_ELEMENTS (names); k++)
        known |= g_str_equal (got->file, names[k]);
      cr_expect (known, "%s", got->file);
    }
}

static gboolean
same_date (GDateTime *a, GDateTime *b)
{
  return a == NULL ? b == NULL : b != NULL && g_date_time_equal (a, b);
}

Test (register, everything_loads_back_as_it_was_in_path_order)
{
  g_autoptr (GPtrArray) replies = register_test_read_folder (r, "samples/consultation");
  g_autoptr (TfRegister) reg = register_test_open (r, path);
  /* Registered backwards: loaded in the order of the paths all the same. */
  for (guint i = replies->len; i-- > 0;)
    cr_expect_eq (register_test_add (reg, replies->pdata[i]), TF_REGISTER_ADDED);
  g_autoptr (GPtrArray) back = register_test_load (reg);
  cr_assert_eq (back->len, replies->len);
  for (guint i = 0; i < replies->len; i++)
    {
      const TfReply *want = replies->pdata[i], *got = back->pdata[i];
      g_autofree char *a = tf_record_to_json (want, NULL);
      g_autofree char *b = tf_record_to_json (got, NULL);
      cr_expect_str_eq (b, a);
      cr_expect (same_date (want->pdf_modified, got->pdf_modified), "%s", want->file);
      cr_expect (same_date (want->pdf_created, got->pdf_created), "%s", want->file);
      cr_expect_not_null (got->file_modified, "%s", want->file);
      cr_expect (same_date (want->file_modified, got->file_modified), "%s", want->file);
    }
  g_autofree char *from_folder = register_test_tally_json (r, replies);
  g_autofree char *from_register = register_test_tally_json (r, back);
  cr_expect_str_eq (from_register, from_folder);
}

Test (register, the_sqlite3_shell_reads_it)
{
  if (!tf_test_have ("sqlite3"))
    cr_skip_test ("the sqlite3 shell is not installed (scripts/setup.sh --tests)");
  g_autoptr (GPtrArray) replies = register_test_read_folder (r, "samples/consultation");
  g_autoptr (TfRegister) reg = register_test_open (r, path);
  for (guint i = 0; i < replies->len; i++)
    register_test_add (reg, replies->pdata[i]);
  g_clear_pointer (&reg, tf_register_close);
  const char *argv[] = { "sqlite3", "-readonly", path,
                         "SELECT member_state_code, text, authority FROM answers "
                         "WHERE path LIKE '%ind.pdf' AND text = 'x1216';"
                         "SELECT code FROM problems WHERE path LIKE '%scan.pdf';"
                         "SELECT count(*) FROM replies WHERE status = 'complete';", NULL };
  g_autofree char *out = NULL, *err = NULL;
  cr_assert_eq (tf_test_run (argv, &out, &err), 0, "%s", err);
  cr_expect_str_eq (out, "IND|x1216|\nnot-pdf\n14\n");
}

Test (register, a_damaged_record_is_refused_naming_its_row)
{
  g_autoptr (TfRegister) reg = register_test_open (r, path);
  /* Enough replies to be parsed on several threads. */
  for (guint i = 0; i < 700; i++)
    {
      g_autoptr (TfReply) reply = register_test_synthetic (r, i);
      register_test_add (reg, reply);
    }
  g_free (register_test_query (path, "UPDATE replies SET record = "
                               "json_set (record, '$.status', 'maybe') WHERE id = 523"));
  TfRegisterContents contents;
  g_autoptr (GError) error = NULL;
  cr_assert_not (tf_register_load (reg, &contents, &error));
  cr_assert_not_null (error);
  cr_expect (strstr (error->message, "register.sqlite: reply 523: not a reply record of "
                     "tsb-246-annex2@1: status is \"maybe\"") != NULL, "%s", error->message);
  cr_expect_null (contents.replies);
}
