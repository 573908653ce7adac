/* register_load.c — every registered reply read back, in the order a
 * folder of the same files is read (register.h). */
#include "register/register_private.h"

#include "out/record_parse.h"

static void
unref_date (gpointer date)
{
  if (date != NULL)
    g_date_time_unref (date);
}

static GDateTime *
column_date (sqlite3_stmt *stmt, int column)
{
  return tf_register_date_parse ((const char *) sqlite3_column_text (stmt, column));
}

gboolean
tf_register_load (TfRegister *reg, TfRegisterContents *contents, GError **error)
{
  contents->replies = g_ptr_array_new_with_free_func ((GDestroyNotify) tf_reply_free);
  contents->registered = g_ptr_array_new_with_free_func (unref_date);
  sqlite3_stmt *stmt = NULL;
  /* BINARY collation: memcmp, the byte order in which a folder is read. */
  int rc = sqlite3_prepare_v2 (reg->db, "SELECT id, registered, pdf_created, pdf_modified, "
                               "file_modified, record FROM replies ORDER BY path, id",
                               -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return tf_register_fail (reg, error, "cannot read the register");
  /* One read transaction: a run that adds meanwhile is seen whole or not. */
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *record = (const char *) sqlite3_column_text (stmt, 5);
      int length = sqlite3_column_bytes (stmt, 5);
      g_autoptr (GError) parse_error = NULL;
      TfReply *reply = record ? tf_record_from_json (reg->form, record, length, &parse_error)
                              : NULL;
      if (reply == NULL)
        {
          g_set_error (error, TF_ERROR, TF_ERROR_FORMAT, "%s: reply %" G_GINT64_FORMAT
                       ": %s", reg->display, (gint64) sqlite3_column_int64 (stmt, 0),
                       parse_error ? parse_error->message : "no record");
          sqlite3_finalize (stmt);
          tf_register_contents_clear (contents);
          return FALSE;
        }
      reply->pdf_created = column_date (stmt, 2);
      reply->pdf_modified = column_date (stmt, 3);
      reply->file_modified = column_date (stmt, 4);
      g_ptr_array_add (contents->replies, reply);
      g_ptr_array_add (contents->registered, column_date (stmt, 1));
    }
  if (rc != SQLITE_DONE)
    tf_register_fail (reg, error, "cannot read the register");
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      tf_register_contents_clear (contents);
      return FALSE;
    }
  return TRUE;
}

void
tf_register_contents_clear (TfRegisterContents *contents)
{
  g_clear_pointer (&contents->replies, g_ptr_array_unref);
  g_clear_pointer (&contents->registered, g_ptr_array_unref);
}

gint64
tf_register_count (TfRegister *reg, GError **error)
{
  sqlite3_stmt *stmt = NULL;
  gint64 n = -1;
  if (sqlite3_prepare_v2 (reg->db, "SELECT count(*) FROM replies", -1, &stmt, NULL)
      == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  else
    tf_register_fail (reg, error, "cannot read the register");
  sqlite3_finalize (stmt);
  return n;
}
