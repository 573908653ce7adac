/* register_load.c — every registered reply read back, in the order a
 * folder of the same files is read (register.h).
 *
 * The rows are read in one statement (one read transaction: a run that
 * adds meanwhile is seen whole or not at all), then their records are
 * parsed on every core: parsing JSON is nearly all of the time it takes
 * (json-glib: about 50 µs for a record), and a tally of 10,000 registered
 * replies is to take less than a second. */
#include "register/register_private.h"

#include "out/record_parse.h"

/* Below this many replies, one thread parses them all. */
#define PARALLEL_FROM 512
/* Records a thread takes at a time. */
#define CHUNK 64

enum { REGISTERED, PDF_CREATED, PDF_MODIFIED, FILE_MODIFIED, N_DATES };

typedef struct {
  gint64 id;
  char *record;             /* freed once parsed */
  gsize length;
  char *dates[N_DATES];
  TfReply *reply;           /* the parsed record, or NULL... */
  GError *error;            /* ...with why */
} Row;

typedef struct {
  const TfForm *form;
  GArray *rows;             /* of Row */
  gint next;                /* the next row to take, atomically */
} Work;

static gpointer
parse_rows (gpointer data)
{
  Work *work = data;
  guint n = work->rows->len;
  guint start;
  while ((start = (guint) g_atomic_int_add (&work->next, CHUNK)) < n)
    for (guint i = start; i < MIN (start + CHUNK, n); i++)
      {
        Row *row = &g_array_index (work->rows, Row, i);
        row->reply = tf_record_from_json (work->form, row->record, row->length, &row->error);
        g_clear_pointer (&row->record, g_free);
      }
  return NULL;
}

static void
parse_all (const TfForm *form, GArray *rows)
{
  Work work = { form, rows, 0 };
  guint threads = rows->len < PARALLEL_FROM ? 1 : CLAMP (g_get_num_processors (), 1, 8);
  g_autoptr (GPtrArray) helpers = g_ptr_array_new ();
  for (guint t = 1; t < threads; t++)
    {
      GThread *thread = g_thread_try_new ("register-load", parse_rows, &work, NULL);
      if (thread != NULL)
        g_ptr_array_add (helpers, thread);
    }
  parse_rows (&work);
  for (guint t = 0; t < helpers->len; t++)
    g_thread_join (helpers->pdata[t]);
}

static void
row_clear (gpointer data)
{
  Row *row = data;
  g_free (row->record);
  for (guint d = 0; d < N_DATES; d++)
    g_free (row->dates[d]);
  if (row->reply != NULL)
    tf_reply_free (row->reply);
  g_clear_error (&row->error);
}

static char *
column_text (sqlite3_stmt *stmt, int column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

/* Reads every row, in order; FALSE with the error. */
static gboolean
read_rows (TfRegister *reg, GArray *rows, GError **error)
{
  sqlite3_stmt *stmt = NULL;
  /* BINARY collation: memcmp, the byte order in which a folder is read. */
  int rc = sqlite3_prepare_v2 (reg->db, "SELECT id, registered, pdf_created, pdf_modified, "
                               "file_modified, record FROM replies ORDER BY path, id",
                               -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return tf_register_fail (reg, error, "cannot read the register");
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Row row = { .id = sqlite3_column_int64 (stmt, 0) };
      for (guint d = 0; d < N_DATES; d++)
        row.dates[d] = column_text (stmt, 1 + d);
      const void *record = sqlite3_column_text (stmt, 5);
      row.length = sqlite3_column_bytes (stmt, 5);
      row.record = record ? g_strndup (record, row.length) : g_strdup ("");
      g_array_append_val (rows, row);
    }
  if (rc != SQLITE_DONE)
    tf_register_fail (reg, error, "cannot read the register");
  sqlite3_finalize (stmt);
  return rc == SQLITE_DONE;
}

gboolean
tf_register_load (TfRegister *reg, TfRegisterContents *contents, GError **error)
{
  *contents = (TfRegisterContents) { NULL, NULL };
  g_autoptr (GArray) rows = g_array_new (FALSE, TRUE, sizeof (Row));
  g_array_set_clear_func (rows, row_clear);
  if (!read_rows (reg, rows, error))
    return FALSE;
  parse_all (reg->form, rows);

  contents->replies = g_ptr_array_new_full (rows->len, (GDestroyNotify) tf_reply_free);
  contents->registered = g_ptr_array_new_full (rows->len, (GDestroyNotify) g_date_time_unref);
  for (guint i = 0; i < rows->len; i++)
    {
      Row *row = &g_array_index (rows, Row, i);
      if (row->reply == NULL)
        {
          g_set_error (error, TF_ERROR, TF_ERROR_FORMAT, "%s: reply %" G_GINT64_FORMAT ": %s",
                       reg->display, row->id, row->error->message);
          tf_register_contents_clear (contents);
          return FALSE;
        }
      TfReply *reply = g_steal_pointer (&row->reply);
      reply->pdf_created = tf_register_date_parse (row->dates[PDF_CREATED]);
      reply->pdf_modified = tf_register_date_parse (row->dates[PDF_MODIFIED]);
      reply->file_modified = tf_register_date_parse (row->dates[FILE_MODIFIED]);
      g_ptr_array_add (contents->replies, reply);
      GDateTime *registered = tf_register_date_parse (row->dates[REGISTERED]);
      if (registered == NULL)
        {
          g_set_error (error, TF_ERROR, TF_ERROR_FORMAT, "%s: reply %" G_GINT64_FORMAT ": "
                       "its registration date \"%s\" is not a date", reg->display, row->id,
                       row->dates[REGISTERED] ? row->dates[REGISTERED] : "");
          tf_register_contents_clear (contents);
          return FALSE;
        }
      g_ptr_array_add (contents->registered, registered);
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
