#include "run/read_run.h"

typedef struct {
  const TfReader *reader;
  const TfInputs *inputs;
  const TfReadRunOptions *o;
  TfReadRunResult *result;
  GArray *read;             /* of guint: the input of each path read */
  guint next;               /* the next input to make a record of */
  GError *error;            /* the writer's */
} Run;

static void
notice (Run *run, const char *format, ...) G_GNUC_PRINTF (2, 3);

static void
notice (Run *run, const char *format, ...)
{
  run->result->input_failed = TRUE;
  if (run->o->notice == NULL)
    return;
  va_list args;
  va_start (args, format);
  g_autofree char *message = g_strdup_vprintf (format, args);
  va_end (args);
  if (run->o->progress != NULL)
    tf_progress_display_erase (run->o->progress);
  run->o->notice (message, run->o->notice_data);
}

/* Makes, counts, writes and keeps the record of input `index` from `raw`.
 * FALSE when it could not be written. */
static gboolean
take (Run *run, guint index, const TfRawReply *raw)
{
  const TfInput *in = run->inputs->items->pdata[index];
  if (raw->outcome == TF_READ_UNREADABLE)
    notice (run, "%s: cannot be read: %s", in->display, raw->detail);
  else if (raw->outcome == TF_READ_FOLDER_UNREADABLE)
    notice (run, "%s: cannot read the folder: %s", in->display, raw->detail);
  g_autoptr (TfReply) reply = tf_reader_reply (run->reader, in->display, raw);
  switch (reply->status)
    {
    case TF_STATUS_COMPLETE: run->result->complete++; break;
    case TF_STATUS_INCOMPLETE: run->result->incomplete++; break;
    case TF_STATUS_INVALID: run->result->invalid++; break;
    }
  if (run->o->take != NULL && !run->o->take (reply, run->o->take_data, &run->error))
    return FALSE;
  if (run->o->writer != NULL)
    {
      if (run->o->writer_on_terminal && run->o->progress != NULL)
        tf_progress_display_erase (run->o->progress);
      if (!tf_record_writer_add (run->o->writer, reply, &run->error))
        return FALSE;
    }
  if (run->o->keep)
    g_ptr_array_add (run->result->kept, g_steal_pointer (&reply));
  return TRUE;
}

/* Makes the records of the folders that could not be listed, up to
 * (not including) input `until`. */
static gboolean
take_unlisted (Run *run, guint until)
{
  for (; run->next < until; run->next++)
    {
      const TfInput *in = run->inputs->items->pdata[run->next];
      g_autoptr (TfRawReply) raw = tf_raw_reply_new (TF_READ_FOLDER_UNREADABLE, "%s",
                                                     in->unlisted);
      if (!take (run, run->next, raw))
        return FALSE;
    }
  return TRUE;
}

static void
on_progress (guint done, guint total, gpointer user_data)
{
  Run *run = user_data;
  tf_progress_display_update (run->o->progress, done, total);
}

static gboolean
on_result (const TfBatchResult *result, gpointer user_data)
{
  Run *run = user_data;
  guint index = g_array_index (run->read, guint, result->index);
  if (!take_unlisted (run, index))
    return FALSE;
  run->next = index + 1;
  return take (run, index, result->raw);
}

gboolean
tf_read_run (const TfReader *reader, const TfInputs *inputs, const TfReadRunOptions *options,
             TfReadRunResult *result, GError **error)
{
  *result = (TfReadRunResult) { 0 };
  result->kept = g_ptr_array_new_with_free_func ((GDestroyNotify) tf_reply_free);
  g_autoptr (GArray) read = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (GPtrArray) paths = g_ptr_array_new ();
  for (guint i = 0; i < inputs->items->len; i++)
    {
      const TfInput *in = inputs->items->pdata[i];
      if (in->unlisted != NULL)
        continue;
      g_array_append_val (read, i);
      g_ptr_array_add (paths, in->path);
    }
  g_ptr_array_add (paths, NULL);
  Run run = { reader, inputs, options, result, read, 0, NULL };

  /* Replies without form fields are read from their pages, in every
   * language version the reader knows. */
  const TfLayout *layouts[TF_LANG_COUNT];
  for (int l = 0; l < TF_LANG_COUNT; l++)
    layouts[l] = tf_reader_layout_in (reader, (TfLanguage) l);
  g_autoptr (TfOpticalPlan) optical = tf_optical_plan_new (tf_reader_form (reader), layouts);
  TfBatchOptions batch = options->batch;
  batch.progress = options->progress != NULL ? on_progress : NULL;
  if (batch.optical == NULL)
    batch.optical = optical;
  g_autoptr (GError) batch_error = NULL;
  /* FALSE without an error: on_result() stopped it (a write failed). A
   * batch error leaves every result handed over: it is told, no more. */
  tf_batch_read ((const char *const *) paths->pdata, read->len, &batch, on_result, &run,
                 &batch_error);
  if (batch_error != NULL)
    notice (&run, "%s", batch_error->message);
  if (run.error == NULL)
    take_unlisted (&run, inputs->items->len);
  if (options->progress != NULL)
    tf_progress_display_erase (options->progress);
  if (run.error != NULL)
    {
      g_propagate_error (error, run.error);
      return FALSE;
    }
  return TRUE;
}

void
tf_read_run_result_clear (TfReadRunResult *result)
{
  g_clear_pointer (&result->kept, g_ptr_array_unref);
}
