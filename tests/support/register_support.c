#include "register_support.h"

#include "test_util.h"

#include "common/tf_sha256.h"
#include "out/record_json.h"
#include "out/record_parse.h"
#include "read/read_pdf.h"
#include "tally/tally.h"
#include "tally/tally_format.h"

#include <criterion/criterion.h>
#include <sqlite3.h>
#include <string.h>

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

GPtrArray *
register_test_read_folder (const ReadTestReader *r, const char *folder)
{
  g_autofree char *dir = tf_test_source_path (folder);
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  cr_assert_not_null (d, "%s", dir);
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;
  while ((name = g_dir_read_name (d)) != NULL)
    if (g_str_has_suffix (name, ".pdf"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  GPtrArray *replies = g_ptr_array_new_with_free_func ((GDestroyNotify) tf_reply_free);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (dir, names->pdata[i], NULL);
      g_autofree char *shown = g_build_filename (folder, names->pdata[i], NULL);
      g_autoptr (TfRawReply) raw = tf_read_file (path);
      g_ptr_array_add (replies, tf_reader_reply (r->reader, shown, raw));
    }
  return replies;
}

const TfReply *
register_test_find (GPtrArray *replies, const char *folder, const char *name)
{
  g_autofree char *file = g_build_filename (folder, name, NULL);
  for (guint i = 0; i < replies->len; i++)
    if (g_str_equal (((TfReply *) replies->pdata[i])->file, file))
      return replies->pdata[i];
  cr_assert_fail ("no reply %s", file);
  return NULL;
}

static GDateTime *
ref_or_null (GDateTime *date)
{
  return date ? g_date_time_ref (date) : NULL;
}

TfReply *
register_test_renamed (const ReadTestReader *r, const TfReply *reply, const char *file)
{
  g_autofree char *json = tf_record_to_json (reply, NULL);
  g_autoptr (GError) error = NULL;
  TfReply *copy = tf_record_from_json (r->form, json, -1, &error);
  cr_assert_not_null (copy, "%s", error ? error->message : "");
  g_free (copy->file);
  copy->file = g_strdup (file);
  copy->pdf_created = ref_or_null (reply->pdf_created);
  copy->pdf_modified = ref_or_null (reply->pdf_modified);
  copy->file_modified = ref_or_null (reply->file_modified);
  return copy;
}

TfReply *
register_test_synthetic (const ReadTestReader *r, guint i)
{
  g_autoptr (GPtrArray) members = tf_member_states_on (r->states, r->form->date);
  const TfMemberState *state = members->pdata[i % members->len];
  g_autoptr (GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
  const char *sender[] = { "sender.name", "Sender", "sender.title", "Director",
                           "sender.email", "s@example.gov", "sender.member_state" };
  for (guint k = 0; k < G_N_ELEMENTS (sender); k++)
    g_ptr_array_add (values, g_strdup (sender[k]));
  g_ptr_array_add (values, g_strdup (state->name));
  for (guint t = 0; t < r->form->texts->len; t++)
    {
      const TfText *text = r->form->texts->pdata[t];
      /* Most assign; some withhold, some leave the text unanswered. */
      guint pick = (i * 7 + t * 3) % 10;
      if (pick == 9)
        continue;
      g_ptr_array_add (values, g_strdup_printf ("text.%s.authority", text->key));
      g_ptr_array_add (values, g_strdup (pick < 7 ? "assign" : "withhold"));
      if (pick < 7)
        {
          g_ptr_array_add (values, g_strdup_printf ("text.%s.comments", text->key));
          g_ptr_array_add (values, g_strdup ("none"));
        }
    }
  g_ptr_array_add (values, NULL);
  g_autoptr (TfRawReply) raw = read_test_raw_new (r, (const char *const *) values->pdata);
  g_autofree char *seed = g_strdup_printf ("synthetic reply %u", i);
  g_free (raw->sha256);
  raw->sha256 = tf_sha256_hex (seed, strlen (seed));
  g_autoptr (GDateTime) start = g_date_time_new_utc (2020, 5, 1, 0, 0, 0);
  raw->modified = g_date_time_add_minutes (start, i);
  g_autofree char *file = g_strdup_printf ("r%06u.pdf", i);
  return tf_reader_reply (r->reader, file, raw);
}

char *
register_test_tally_json (const ReadTestReader *r, GPtrArray *replies)
{
  g_autoptr (TfTally) tally = tf_tally_count_replies (r->form, r->states, replies, NULL);
  return tf_tally_format (tally, TF_TALLY_JSON);
}

TfRegister *
register_test_open (const ReadTestReader *r, const char *path)
{
  g_autoptr (GError) error = NULL;
  TfRegister *reg = tf_register_open (path, r->form, NULL, &error);
  cr_assert_not_null (reg, "%s", error ? error->message : "");
  return reg;
}

TfRegisterOutcome
register_test_add (TfRegister *reg, const TfReply *reply)
{
  g_autoptr (GError) error = NULL;
  TfRegisterAdded added;
  cr_assert (tf_register_add (reg, reply, &added, &error), "%s",
             error ? error->message : "");
  TfRegisterOutcome outcome = added.outcome;
  tf_register_added_clear (&added);
  return outcome;
}

GPtrArray *
register_test_load (TfRegister *reg)
{
  g_autoptr (GError) error = NULL;
  TfRegisterContents contents;
  cr_assert (tf_register_load (reg, &contents, &error), "%s", error ? error->message : "");
  GPtrArray *replies = g_ptr_array_ref (contents.replies);
  tf_register_contents_clear (&contents);
  return replies;
}

char *
register_test_query (const char *path, const char *sql)
{
  sqlite3 *db = NULL;
  cr_assert_eq (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), SQLITE_OK);
  sqlite3_busy_timeout (db, 10000);
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  cr_assert_eq (rc, SQLITE_OK, "%s: %s", sql, sqlite3_errmsg (db));
  rc = sqlite3_step (stmt);
  cr_assert (rc == SQLITE_ROW || rc == SQLITE_DONE, "%s: %s", sql, sqlite3_errmsg (db));
  char *value = rc == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL
    ? g_strdup ((const char *) sqlite3_column_text (stmt, 0)) : NULL;
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}
