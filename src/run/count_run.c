#include "run/count_run.h"

#include "common/tf_error.h"
#include "out/workbook.h"
#include "report/chart.h"
#include "report/review.h"
#include "tally/chase.h"

#include <errno.h>
#include <string.h>

gboolean
tf_count_run_wanted (const TfCountRunOptions *o)
{
  return o->tally || o->chase || o->chart || o->review || o->xlsx;
}

/* Tells `error` (and clears it); FALSE. */
static gboolean
told (GError **error, TfReadRunNoticeFunc notice, gpointer notice_data)
{
  if (notice != NULL)
    notice ((*error)->message, notice_data);
  g_clear_error (error);
  return FALSE;
}

static gboolean
print (TfOutput *out, const char *text, GError **error)
{
  if (fputs (text, tf_output_stream (out)) >= 0)
    return TRUE;
  g_set_error (error, TF_ERROR, TF_ERROR_IO, "%s: cannot write: %s", tf_output_name (out),
               g_strerror (errno));
  return FALSE;
}

gboolean
tf_count_run (const TfReader *reader, GPtrArray *replies, GPtrArray *registered,
              const TfCountRunOptions *o, TfOutput *out, TfReadRunNoticeFunc notice,
              gpointer notice_data)
{
  const TfForm *form = tf_reader_form (reader);
  const TfMemberStates *states = tf_reader_member_states (reader);
  g_autoptr (TfTally) tally = tf_tally_count_replies (form, states, replies, &o->counting);
  g_autoptr (TfChase) chase = o->chase || o->xlsx
    ? tf_chase_list_replies (form, states, replies, tally) : NULL;
  gboolean ok = TRUE;
  g_autoptr (GError) error = NULL;
  if (o->tally)
    {
      g_autofree char *text = tf_tally_format (tally, o->tally_format);
      if (!print (out, text, &error))
        ok = told (&error, notice, notice_data);
    }
  if (o->chase)
    {
      g_autofree char *text = tf_chase_format (chase, o->chase_format);
      /* A blank line between the two tables people read. */
      if ((o->tally && o->tally_format == TF_TALLY_TEXT && o->chase_format == TF_CHASE_TEXT
           && !print (out, "\n", &error))
          || !print (out, text, &error))
        ok = told (&error, notice, notice_data);
    }
  if (o->chart && !tf_chart_write (tally, o->chart, &error))
    ok = told (&error, notice, notice_data);
  if (o->review && !tf_review_write (o->review, form, tf_reader_layout (reader), tally,
                                     replies, &error))
    ok = told (&error, notice, notice_data);
  if (o->xlsx)
    {
      TfWorkbookData data = TF_WORKBOOK_DATA_INIT;
      data.form = form;
      data.replies = replies;
      data.registered = registered;
      data.tally = tally;
      data.chase = chase;
      if (!tf_workbook_write (o->xlsx, &data, &error))
        ok = told (&error, notice, notice_data);
    }
  return ok;
}
