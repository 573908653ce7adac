/* register_open.c — opening a register: is this file one (and ours, and
 * not newer), making a new one, the connection's settings. The schema is
 * documented in docs/register.md; change both together, and bump
 * TF_REGISTER_SCHEMA_VERSION with a migration below. */
#include "register/register_private.h"

#include "common/tf_error.h"

#include <glib/gstdio.h>

/* Schema version 1. Every value a reply brings is bound (sqlite3_bind_*),
 * never formatted into SQL. */
static const char schema_v1[] =
  "CREATE TABLE register (\n"
  "  id INTEGER PRIMARY KEY CHECK (id = 1),\n"
  "  form TEXT NOT NULL,\n"
  "  created TEXT NOT NULL\n"
  ");\n"
  "CREATE TABLE replies (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  sha256 TEXT NOT NULL UNIQUE,\n"
  "  path TEXT NOT NULL,\n"
  "  registered TEXT NOT NULL,\n"
  "  status TEXT NOT NULL,\n"
  "  member_state_code TEXT,\n"
  "  pdf_created TEXT,\n"
  "  pdf_modified TEXT,\n"
  "  file_modified TEXT,\n"
  "  record TEXT NOT NULL\n"
  ");\n"
  "CREATE INDEX replies_by_member_state ON replies (member_state_code);\n"
  "CREATE VIEW answers AS\n"
  "  SELECT r.id AS reply, r.path, r.member_state_code,\n"
  "         json_extract (t.value, '$.key') AS text,\n"
  "         json_extract (t.value, '$.authority') AS authority,\n"
  "         json_extract (t.value, '$.comments') AS comments\n"
  "  FROM replies AS r, json_each (r.record, '$.texts') AS t;\n"
  "CREATE VIEW problems AS\n"
  "  SELECT r.id AS reply, r.path, r.member_state_code,\n"
  "         json_extract (p.value, '$.severity') AS severity,\n"
  "         json_extract (p.value, '$.code') AS code,\n"
  "         json_extract (p.value, '$.field') AS field,\n"
  "         json_extract (p.value, '$.message') AS message\n"
  "  FROM replies AS r, json_each (r.record, '$.problems') AS p;\n";

gboolean
tf_register_fail (const TfRegister *reg, GError **error, const char *what)
{
  int code = reg->db ? sqlite3_errcode (reg->db) : SQLITE_CANTOPEN;
  if (code == SQLITE_BUSY || code == SQLITE_LOCKED)
    g_set_error (error, TF_ERROR, TF_ERROR_IO,
                 "%s: %s: another run held the register for more than %g s",
                 reg->display, what, reg->busy_timeout / 1000.0);
  else
    g_set_error (error, TF_ERROR, TF_ERROR_IO, "%s: %s: %s", reg->display, what,
                 reg->db ? sqlite3_errmsg (reg->db) : sqlite3_errstr (code));
  return FALSE;
}

gboolean
tf_register_exec (TfRegister *reg, const char *sql, const char *what, GError **error)
{
  if (sqlite3_exec (reg->db, sql, NULL, NULL, NULL) == SQLITE_OK)
    return TRUE;
  return tf_register_fail (reg, error, what);
}

char *
tf_register_date_text (GDateTime *date)
{
  if (date == NULL)
    return NULL;
  g_autoptr (GDateTime) utc = g_date_time_to_utc (date);
  return g_date_time_format_iso8601 (utc);
}

GDateTime *
tf_register_date_parse (const char *text)
{
  return text ? g_date_time_new_from_iso8601 (text, NULL) : NULL;
}

/* What the file holds. */
typedef struct {
  gint64 application_id;
  gint64 user_version;
  gint64 objects;           /* tables, indexes, views */
} Header;

/* Reads the three in one statement: one snapshot, so that a register
 * another run is making meanwhile is seen made or not made, never half. */
static gboolean
read_header (TfRegister *reg, Header *h, GError **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (reg->db,
                               "SELECT (SELECT application_id FROM pragma_application_id), "
                               "(SELECT user_version FROM pragma_user_version), "
                               "(SELECT count(*) FROM sqlite_schema)", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *h = (Header) { sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1),
                    sqlite3_column_int64 (stmt, 2) };
  else if (rc == SQLITE_NOTADB || sqlite3_errcode (reg->db) == SQLITE_NOTADB)
    g_set_error (error, TF_ERROR, TF_ERROR_FORMAT,
                 "%s: not a tapform register (not an SQLite database): refused, "
                 "left as it is", reg->display);
  else
    tf_register_fail (reg, error, "cannot read the register");
  sqlite3_finalize (stmt);
  return rc == SQLITE_ROW;
}

static gboolean
is_empty (const Header *h)
{
  return h->application_id == 0 && h->user_version == 0 && h->objects == 0;
}

/* Refuses what is neither a register of a version this tapform reads nor
 * an empty database. */
static gboolean
check_header (TfRegister *reg, const Header *h, GError **error)
{
  if (is_empty (h))
    return TRUE;
  if (h->application_id != TF_REGISTER_APPLICATION_ID)
    {
      g_set_error (error, TF_ERROR, TF_ERROR_FORMAT,
                   "%s: an SQLite database, but not a tapform register: refused, left as "
                   "it is", reg->display);
      return FALSE;
    }
  if (h->user_version > TF_REGISTER_SCHEMA_VERSION)
    {
      g_set_error (error, TF_ERROR, TF_ERROR_FORMAT,
                   "%s: a register of schema version %" G_GINT64_FORMAT ", made by a newer "
                   "tapform (this one knows up to version %d): use that tapform, or a newer "
                   "one", reg->display, h->user_version, TF_REGISTER_SCHEMA_VERSION);
      return FALSE;
    }
  if (h->user_version < 1)
    {
      g_set_error (error, TF_ERROR, TF_ERROR_FORMAT,
                   "%s: a tapform register without a schema version: damaged, refused",
                   reg->display);
      return FALSE;
    }
  return TRUE;
}

static gboolean
create_schema (TfRegister *reg, GError **error)
{
  if (!tf_register_exec (reg, schema_v1, "cannot create the register", error))
    return FALSE;
  g_autofree char *pragmas = g_strdup_printf ("PRAGMA application_id = %d;\n"
                                              "PRAGMA user_version = %d;",
                                              TF_REGISTER_APPLICATION_ID,
                                              TF_REGISTER_SCHEMA_VERSION);
  if (!tf_register_exec (reg, pragmas, "cannot create the register", error))
    return FALSE;
  sqlite3_stmt *stmt = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *created = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  int rc = sqlite3_prepare_v2 (reg->db, "INSERT INTO register (id, form, created) "
                               "VALUES (1, ?1, ?2)", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, reg->form->id_version, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, created, -1, SQLITE_TRANSIENT);
      rc = sqlite3_step (stmt);
    }
  sqlite3_finalize (stmt);
  return rc == SQLITE_DONE || tf_register_fail (reg, error, "cannot create the register");
}

/* Puts the register in WAL mode. SQLite does not call the busy handler
 * for this (a run that opens the file at the same moment makes it fail at
 * once), so it is tried again here, for as long as the busy timeout. */
static gboolean
set_wal (TfRegister *reg, GError **error)
{
  gint64 until = g_get_monotonic_time () + (gint64) reg->busy_timeout * 1000;
  for (;;)
    {
      sqlite3_stmt *stmt = NULL;
      int rc = sqlite3_prepare_v2 (reg->db, "PRAGMA journal_mode = WAL", -1, &stmt, NULL);
      if (rc == SQLITE_OK)
        rc = sqlite3_step (stmt);
      gboolean wal = rc == SQLITE_ROW
                     && g_ascii_strcasecmp ((const char *) sqlite3_column_text (stmt, 0),
                                            "wal") == 0;
      sqlite3_finalize (stmt);
      if (wal)
        return TRUE;
      if ((rc != SQLITE_BUSY && rc != SQLITE_LOCKED && rc != SQLITE_ROW)
          || g_get_monotonic_time () >= until)
        return tf_register_fail (reg, error, "cannot set the register's journal");
      g_usleep (10 * G_TIME_SPAN_MILLISECOND);
    }
}

/* Makes a new register of the empty database, unless another process
 * made it meanwhile (then checks what that one made). */
static gboolean
initialize (TfRegister *reg, GError **error)
{
  /* Outside a transaction: the WAL journal is a property of the file. */
  if (!set_wal (reg, error)
      || !tf_register_exec (reg, "BEGIN IMMEDIATE", "cannot create the register", error))
    return FALSE;
  Header h = { 0 };
  gboolean ok = read_header (reg, &h, error) && check_header (reg, &h, error)
                && (!is_empty (&h) || create_schema (reg, error));
  if (ok)
    return tf_register_exec (reg, "COMMIT", "cannot create the register", error);
  sqlite3_exec (reg->db, "ROLLBACK", NULL, NULL, NULL);
  return FALSE;
}

/* Whether the register was made for `form`. */
static gboolean
check_form (TfRegister *reg, GError **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (reg->db, "SELECT form FROM register WHERE id = 1", -1,
                               &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  g_autofree char *form = rc == SQLITE_ROW
    ? g_strdup ((const char *) sqlite3_column_text (stmt, 0)) : NULL;
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return tf_register_fail (reg, error, "cannot read the register");
  if (form == NULL)
    {
      g_set_error (error, TF_ERROR, TF_ERROR_FORMAT,
                   "%s: a tapform register that does not say which form it is for: "
                   "damaged, refused", reg->display);
      return FALSE;
    }
  if (!g_str_equal (form, reg->form->id_version))
    {
      g_autofree char *shown = g_utf8_make_valid (form, -1);
      g_set_error (error, TF_ERROR, TF_ERROR_FORMAT,
                   "%s: a register of the replies to %s, not to %s: use the form "
                   "definition it was made with, or another register", reg->display,
                   shown, reg->form->id_version);
      return FALSE;
    }
  return TRUE;
}

/* The connection's settings, for a register (new or not). */
static gboolean
configure (TfRegister *reg, GError **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean wal = FALSE;
  if (sqlite3_prepare_v2 (reg->db, "PRAGMA journal_mode", -1, &stmt, NULL) == SQLITE_OK
      && sqlite3_step (stmt) == SQLITE_ROW)
    wal = g_ascii_strcasecmp ((const char *) sqlite3_column_text (stmt, 0), "wal") == 0;
  sqlite3_finalize (stmt);
  /* A register whose journal someone changed with the sqlite3 shell is put
   * back; a killed run leaves a WAL file that the next open replays. With
   * WAL, synchronous NORMAL loses no committed reply when a process dies
   * (only, at worst, the last ones at a power cut: then read them again). */
  return (wal || set_wal (reg, error))
         && tf_register_exec (reg, "PRAGMA synchronous = NORMAL",
                              "cannot set the register's journal", error);
}

TfRegister *
tf_register_open (const char *path, const TfForm *form, const TfRegisterOptions *options,
                  GError **error)
{
  TfRegisterOptions defaults = TF_REGISTER_OPTIONS_INIT;
  if (options == NULL)
    options = &defaults;
  g_autoptr (TfRegister) reg = g_new0 (TfRegister, 1);
  reg->path = g_strdup (path);
  reg->display = g_filename_display_name (path);
  reg->form = form;
  reg->busy_timeout = options->busy_timeout;

  gboolean exists = g_file_test (path, G_FILE_TEST_EXISTS);
  if (!exists && !options->create)
    {
      g_set_error (error, TF_ERROR, TF_ERROR_NOT_FOUND, "%s: no such register",
                   reg->display);
      return NULL;
    }
  if (exists && g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, TF_ERROR, TF_ERROR_IO, "%s: a folder, not a register",
                   reg->display);
      return NULL;
    }
  int flags = SQLITE_OPEN_READWRITE | (options->create ? SQLITE_OPEN_CREATE : 0);
  int rc = sqlite3_open_v2 (path, &reg->db, flags, NULL);
  if (rc != SQLITE_OK)
    {
      tf_register_fail (reg, error, "cannot open the register");
      return NULL;
    }
  sqlite3_extended_result_codes (reg->db, 0);
  sqlite3_busy_timeout (reg->db, (int) MIN (reg->busy_timeout, G_MAXINT));

  Header h = { 0 };
  if (!read_header (reg, &h, error) || !check_header (reg, &h, error))
    return NULL;
  if (is_empty (&h) && !options->create)
    {
      g_set_error (error, TF_ERROR, TF_ERROR_FORMAT, "%s: an empty database, not a register",
                   reg->display);
      return NULL;
    }
  if (is_empty (&h) && !initialize (reg, error))
    return NULL;
  if (!configure (reg, error) || !check_form (reg, error))
    return NULL;
  return g_steal_pointer (&reg);
}

void
tf_register_close (TfRegister *reg)
{
  if (reg == NULL)
    return;
  sqlite3_finalize (reg->find);
  sqlite3_finalize (reg->insert);
  if (reg->db != NULL)
    sqlite3_close (reg->db);
  g_free (reg->path);
  g_free (reg->display);
  g_free (reg);
}

const char *
tf_register_path (const TfRegister *reg)
{
  return reg->path;
}
