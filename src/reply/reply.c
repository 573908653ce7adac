/* reply.c — the TfReply record itself: making, freeing, status. */
#include "reply/reply.h"

static void
sender_free (TfReplySender *s)
{
  g_free (s->field);
  g_free (s->value);
  g_free (s);
}

static void
text_free (TfReplyText *t)
{
  g_free (t->key);
  g_free (t->recommendation);
  g_free (t);
}

TfReply *
tf_reply_new_empty (const TfForm *form, const char *file)
{
  TfReply *reply = g_new0 (TfReply, 1);
  reply->file = g_utf8_make_valid (file ? file : "", -1);
  reply->sender = g_ptr_array_new_with_free_func ((GDestroyNotify) sender_free);
  reply->texts = g_ptr_array_new_with_free_func ((GDestroyNotify) text_free);
  reply->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) tf_problem_free);
  reply->source = TF_SOURCE_FIELDS;
  reply->status = TF_STATUS_COMPLETE;
  for (guint i = 0; form != NULL && i < form->sender->len; i++)
    {
      const TfSenderField *f = form->sender->pdata[i];
      TfReplySender *s = g_new0 (TfReplySender, 1);
      s->field = g_strdup (f->field);
      g_ptr_array_add (reply->sender, s);
    }
  return reply;
}

void
tf_reply_free (TfReply *reply)
{
  if (reply == NULL)
    return;
  g_free (reply->file);
  g_free (reply->sha256);
  g_free (reply->form);
  g_free (reply->language);
  g_ptr_array_unref (reply->sender);
  g_free (reply->member_state_code);
  g_ptr_array_unref (reply->texts);
  g_ptr_array_unref (reply->problems);
  g_clear_pointer (&reply->pdf_created, g_date_time_unref);
  g_clear_pointer (&reply->pdf_modified, g_date_time_unref);
  g_clear_pointer (&reply->file_modified, g_date_time_unref);
  g_free (reply);
}

void
tf_reply_add_problem (TfReply *reply, TfProblemCode code, TfSeverity severity,
                      const char *field, const char *format, ...)
{
  va_list args;
  va_start (args, format);
  g_autofree char *message = g_strdup_vprintf (format, args);
  va_end (args);
  g_autofree char *valid = g_utf8_make_valid (message, -1);
  g_ptr_array_add (reply->problems, tf_problem_new (code, severity, field, valid));
}

void
tf_reply_update_status (TfReply *reply)
{
  TfStatus status = TF_STATUS_COMPLETE;
  for (guint i = 0; i < reply->problems->len; i++)
    {
      const TfProblem *p = reply->problems->pdata[i];
      if (tf_problem_code_is_invalid (p->code))
        {
          status = TF_STATUS_INVALID;
          break;
        }
      if (p->severity == TF_SEVERITY_ERROR)
        status = TF_STATUS_INCOMPLETE;
    }
  reply->status = status;
}

const char *
tf_reply_sender_value (const TfReply *reply, const char *field)
{
  for (guint i = 0; i < reply->sender->len; i++)
    {
      const TfReplySender *s = reply->sender->pdata[i];
      if (g_str_equal (s->field, field))
        return s->value;
    }
  return NULL;
}

const TfProblem *
tf_reply_find_problem (const TfReply *reply, TfProblemCode code)
{
  for (guint i = 0; i < reply->problems->len; i++)
    {
      const TfProblem *p = reply->problems->pdata[i];
      if (p->code == code)
        return p;
    }
  return NULL;
}

const char *
tf_status_name (TfStatus status)
{
  switch (status)
    {
    case TF_STATUS_INVALID: return "invalid";
    case TF_STATUS_INCOMPLETE: return "incomplete";
    case TF_STATUS_COMPLETE: return "complete";
    }
  return "invalid";
}

const char *
tf_source_name (TfSource source)
{
  return source == TF_SOURCE_RENDERED ? "rendered" : "fields";
}
