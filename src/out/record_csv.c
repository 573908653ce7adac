#include "out/record_csv.h"

#include <string.h>

void
tf_csv_append_cell (GString *out, const char *value)
{
  if (value == NULL || *value == '\0')
    return;
  gboolean neutralize = strchr ("=+-@\t\r", value[0]) != NULL;
  gboolean quote = strpbrk (value, ",\"\r\n") != NULL;
  if (quote)
    g_string_append_c (out, '"');
  if (neutralize)
    g_string_append_c (out, '\'');
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  if (quote)
    g_string_append_c (out, '"');
}

static void
end_row (GString *out)
{
  /* The last cell was followed by a separator: make it the line end. */
  if (out->len > 0 && out->str[out->len - 1] == ',')
    g_string_truncate (out, out->len - 1);
  g_string_append (out, "\r\n");
}

static gboolean
is_member_state (const TfSenderField *f)
{
  return g_str_equal (f->field, "member_state");
}

void
tf_csv_append_header (GString *out, const TfForm *form)
{
  g_string_append (out, "file,status,member_state,member_state_code,");
  for (guint i = 0; i < form->sender->len; i++)
    {
      const TfSenderField *f = form->sender->pdata[i];
      if (!is_member_state (f))
        g_string_append_printf (out, "sender_%s,", f->field);
    }
  for (guint i = 0; i < form->texts->len; i++)
    {
      const TfText *t = form->texts->pdata[i];
      g_string_append_printf (out, "%s_authority,%s_comments,", t->key, t->key);
    }
  g_string_append (out, "problems,messages,form,sha256,language,");
  end_row (out);
}

static void
cell (GString *out, const char *value)
{
  tf_csv_append_cell (out, value);
  g_string_append_c (out, ',');
}

void
tf_csv_append_row (GString *out, const TfForm *form, const TfReply *reply)
{
  cell (out, reply->file);
  cell (out, tf_status_name (reply->status));
  cell (out, tf_reply_sender_value (reply, "member_state"));
  cell (out, reply->member_state_code);
  for (guint i = 0; i < form->sender->len; i++)
    {
      const TfSenderField *f = form->sender->pdata[i];
      if (!is_member_state (f))
        cell (out, tf_reply_sender_value (reply, f->field));
    }
  for (guint i = 0; i < form->texts->len; i++)
    {
      const TfText *t = form->texts->pdata[i];
      const TfReplyText *rt = NULL;
      for (guint j = 0; j < reply->texts->len && rt == NULL; j++)
        if (g_str_equal (((const TfReplyText *) reply->texts->pdata[j])->key, t->key))
          rt = reply->texts->pdata[j];
      cell (out, rt ? tf_answer_state (rt->authority) : NULL);
      cell (out, rt ? tf_answer_state (rt->comments) : NULL);
    }
  g_autoptr (GString) codes = g_string_new (NULL);
  g_autoptr (GString) messages = g_string_new (NULL);
  for (guint i = 0; i < reply->problems->len; i++)
    {
      const TfProblem *p = reply->problems->pdata[i];
      if (i > 0)
        {
          g_string_append (codes, "; ");
          g_string_append_c (messages, '\n');
        }
      g_string_append (codes, tf_problem_code_name (p->code));
      if (p->field != NULL)
        g_string_append_printf (codes, " %s", p->field);
      g_string_append (messages, p->message);
    }
  cell (out, codes->str);
  cell (out, messages->str);
  cell (out, reply->form);
  cell (out, reply->sha256);
  cell (out, reply->language);
  end_row (out);
}
