/* register_add.c — one reply into the register, in one transaction; see
 * register.h for what is and is not registered. */
#include "register/register_private.h"

#include "out/record_json.h"

/* Why `reply` is not to be registered, or NULL. */
static const char *
skip_reason (const TfReply *reply)
{
  if (reply->sha256 == NULL)
    return "the file could not be read";
  static const TfProblemCode stopped[] = { TF_PROBLEM_UNREADABLE, TF_PROBLEM_CRASHED,
                                           TF_PROBLEM_TIMED_OUT, TF_PROBLEM_OUT_OF_MEMORY };
  for (gsize i = 0; i < G_N_ELEMENTS (stopped); i++)
    if (tf_reply_find_problem (reply, stopped[i]) != NULL)
      return "reading it was stopped before its contents could be judged";
  return NULL;
}

static gboolean
prepare (TfRegister *reg, sqlite3_stmt **stmt, const char *sql, GError **error)
{
  if (*stmt != NULL)
    return TRUE;
  if (sqlite3_prepare_v3 (reg->db, sql, -1, SQLITE_PREPARE_PERSISTENT, stmt, NULL)
      == SQLITE_OK)
    return TRUE;
  return tf_register_fail (reg, error, "cannot prepare to register");
}

/* Binds a text, or NULL; the string is copied by SQLite when needed. */
static void
bind_text (sqlite3_stmt *stmt, int index, const char *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, index);
}

/* Looks `sha256` up: TRUE with *found set (and `added` filled when found),
 * FALSE with the error. */
static gboolean
find (TfRegister *reg, const char *sha256, gboolean *found, TfRegisterAdded *added,
      GError **error)
{
  if (!prepare (reg, &reg->find, "SELECT id, path, registered FROM replies "
                "WHERE sha256 = ?1", error))
    return FALSE;
  sqlite3_stmt *stmt = reg->find;
  bind_text (stmt, 1, sha256);
  int rc = sqlite3_step (stmt);
  *found = rc == SQLITE_ROW;
  if (*found)
    {
      added->id = sqlite3_column_int64 (stmt, 0);
      added->registered_as = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      added->registered = tf_register_date_parse ((const char *) sqlite3_column_text (stmt, 2));
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return rc == SQLITE_ROW || rc == SQLITE_DONE
         || tf_register_fail (reg, error, "cannot look the reply up");
}

static gboolean
insert (TfRegister *reg, const TfReply *reply, GDateTime *now, TfRegisterAdded *added,
        GError **error)
{
  if (!prepare (reg, &reg->insert, "INSERT INTO replies (sha256, path, registered, status, "
                "member_state_code, pdf_created, pdf_modified, file_modified, record) "
                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)", error))
    return FALSE;
  g_autofree char *registered = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  g_autofree char *created = tf_register_date_text (reply->pdf_created);
  g_autofree char *modified = tf_register_date_text (reply->pdf_modified);
  g_autofree char *file_modified = tf_register_date_text (reply->file_modified);
  gsize length = 0;
  g_autofree char *record = tf_record_to_json (reply, &length);
  sqlite3_stmt *stmt = reg->insert;
  bind_text (stmt, 1, reply->sha256);
  bind_text (stmt, 2, reply->file);
  bind_text (stmt, 3, registered);
  bind_text (stmt, 4, tf_status_name (reply->status));
  bind_text (stmt, 5, reply->member_state_code);
  bind_text (stmt, 6, created);
  bind_text (stmt, 7, modified);
  bind_text (stmt, 8, file_modified);
  sqlite3_bind_text64 (stmt, 9, record, length, SQLITE_STATIC, SQLITE_UTF8);
  int rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    return tf_register_fail (reg, error, "cannot register the reply");
  added->id = sqlite3_last_insert_rowid (reg->db);
  added->registered = tf_register_date_parse (registered);
  added->registered_as = g_strdup (reply->file);
  return TRUE;
}

gboolean
tf_register_add (TfRegister *reg, const TfReply *reply, TfRegisterAdded *added,
                 GError **error)
{
  *added = (TfRegisterAdded) { TF_REGISTER_SKIPPED, 0, NULL, NULL, skip_reason (reply) };
  if (added->why != NULL)
    return TRUE;
  /* IMMEDIATE: the write lock is taken (or waited for) now, so that the
   * look-up and the insert see the same register whoever else writes. */
  if (!tf_register_exec (reg, "BEGIN IMMEDIATE", "cannot register the reply", error))
    return FALSE;
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  gboolean found = FALSE;
  gboolean ok = find (reg, reply->sha256, &found, added, error)
                && (found || insert (reg, reply, now, added, error))
                && tf_register_exec (reg, "COMMIT", "cannot register the reply", error);
  if (!ok)
    {
      sqlite3_exec (reg->db, "ROLLBACK", NULL, NULL, NULL);
      tf_register_added_clear (added);
      return FALSE;
    }
  added->outcome = found ? TF_REGISTER_KNOWN : TF_REGISTER_ADDED;
  return TRUE;
}

void
tf_register_added_clear (TfRegisterAdded *added)
{
  g_clear_pointer (&added->registered, g_date_time_unref);
  g_clear_pointer (&added->registered_as, g_free);
  *added = (TfRegisterAdded) { TF_REGISTER_SKIPPED, 0, NULL, NULL, NULL };
}
