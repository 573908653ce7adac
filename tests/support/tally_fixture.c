#include "tally_fixture.h"

#include "reply/reply.h"

TfReply *
make_reply (const TfForm *form, const Row *row)
{
  TfReply *r = tf_reply_new_empty (form, row->file);
  r->status = row->status;
  r->member_state_code = g_strdup (row->code);
  if (row->modified)
    r->pdf_modified = g_date_time_new_from_iso8601 (row->modified, NULL);
  if (row->status == TF_STATUS_INVALID)
    {
      tf_reply_add_problem (r, TF_PROBLEM_NOT_PDF, TF_SEVERITY_ERROR, NULL, "this is a PNG image");
      return r;
    }
  for (guint i = 0; i < form->texts->len; i++)
    {
      const TfText *t = form->texts->pdata[i];
      TfReplyText *rt = g_new0 (TfReplyText, 1);
      rt->key = g_strdup (t->key);
      rt->recommendation = g_strdup (t->designation);
      char a = row->answers ? row->answers[i] : '-';
      rt->authority = a == 'A' ? TF_ANSWER_ASSIGN : a == 'W' ? TF_ANSWER_WITHHOLD : TF_ANSWER_NONE;
      rt->comments = a == 'A' ? TF_ANSWER_NO_COMMENTS : TF_ANSWER_NONE;
      g_ptr_array_add (r->texts, rt);
    }
  return r;
}

Batch
batch_new (const TfForm *form, const Row *rows, guint n)
{
  Batch b = { g_ptr_array_new_with_free_func ((GDestroyNotify) tf_reply_free),
              g_ptr_array_new_with_free_func ((GDestroyNotify) g_date_time_unref),
              g_array_new (FALSE, TRUE, sizeof (TfTallyInput)) };
  for (guint i = 0; i < n; i++)
    {
      TfReply *r = make_reply (form, &rows[i]);
      g_ptr_array_add (b.replies, r);
      GDateTime *t = rows[i].file_time ? g_date_time_new_from_iso8601 (rows[i].file_time, NULL) : NULL;
      if (t)
        g_ptr_array_add (b.times, t);
      TfTallyInput in = { r, t };
      g_array_append_val (b.inputs, in);
    }
  return b;
}

void
batch_free (Batch *b)
{
  g_array_unref (b->inputs);
  g_ptr_array_unref (b->replies);
  g_ptr_array_unref (b->times);
}

