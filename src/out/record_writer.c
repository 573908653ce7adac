#include "out/record_writer.h"

#include "common/tf_error.h"
#include "out/record_csv.h"
#include "out/record_json.h"

#include <errno.h>

struct TfRecordWriter
{
  FILE *out;
  const TfForm *form;
  TfRecordWriterOptions options;
  guint count;
  gboolean started;
  gboolean failed;
  GString *buf;
};

gboolean
tf_record_format_from_name (const char *name, TfRecordFormat *format)
{
  static const struct { const char *name; TfRecordFormat format; } names[] = {
    { "jsonl", TF_FORMAT_JSONL },
    { "json", TF_FORMAT_JSON },
    { "csv", TF_FORMAT_CSV },
  };
  for (guint i = 0; name != NULL && i < G_N_ELEMENTS (names); i++)
    if (g_ascii_strcasecmp (name, names[i].name) == 0)
      {
        *format = names[i].format;
        return TRUE;
      }
  return FALSE;
}

TfRecordWriter *
tf_record_writer_new (FILE *out, const TfForm *form, const TfRecordWriterOptions *options)
{
  TfRecordWriter *w = g_new0 (TfRecordWriter, 1);
  TfRecordWriterOptions defaults = TF_RECORD_WRITER_OPTIONS_INIT;
  w->out = out;
  w->form = form;
  w->options = options ? *options : defaults;
  w->buf = g_string_sized_new (4096);
  return w;
}

void
tf_record_writer_free (TfRecordWriter *writer)
{
  if (writer == NULL)
    return;
  g_string_free (writer->buf, TRUE);
  g_free (writer);
}

/* Writes and empties the buffer. */
static gboolean
flush_buf (TfRecordWriter *w, gboolean flush, GError **error)
{
  if (w->failed)
    {
      g_set_error (error, TF_ERROR, TF_ERROR_IO, "an earlier write failed");
      return FALSE;
    }
  errno = 0;
  gboolean ok = fwrite (w->buf->str, 1, w->buf->len, w->out) == w->buf->len
                && (!flush || fflush (w->out) == 0);
  g_string_truncate (w->buf, 0);
  if (!ok)
    {
      w->failed = TRUE;
      g_set_error (error, TF_ERROR, TF_ERROR_IO, "cannot write the records: %s",
                   g_strerror (errno ? errno : EIO));
    }
  return ok;
}

static void
start (TfRecordWriter *w)
{
  if (w->started)
    return;
  w->started = TRUE;
  if (w->options.format == TF_FORMAT_CSV)
    {
      if (w->options.csv_bom)
        g_string_append (w->buf, TF_CSV_BOM);
      tf_csv_append_header (w->buf, w->form);
    }
  else if (w->options.format == TF_FORMAT_JSON)
    g_string_append (w->buf, "[\n");
}

gboolean
tf_record_writer_add (TfRecordWriter *w, const TfReply *reply, GError **error)
{
  start (w);
  if (w->options.format == TF_FORMAT_CSV)
    tf_csv_append_row (w->buf, w->form, reply);
  else
    {
      gsize len = 0;
      g_autofree char *json = tf_record_to_json (reply, &len);
      if (w->options.format == TF_FORMAT_JSON && w->count > 0)
        g_string_append (w->buf, ",\n");
      g_string_append_len (w->buf, json, (gssize) len);
      if (w->options.format == TF_FORMAT_JSONL)
        g_string_append_c (w->buf, '\n');
    }
  w->count++;
  return flush_buf (w, FALSE, error);
}

gboolean
tf_record_writer_finish (TfRecordWriter *w, GError **error)
{
  gboolean empty = !w->started;
  start (w);
  if (w->options.format == TF_FORMAT_JSON)
    {
      if (empty)
        g_string_assign (w->buf, "[]\n");
      else
        g_string_append (w->buf, "\n]\n");
    }
  return flush_buf (w, TRUE, error);
}
