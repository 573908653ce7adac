/* chase_format.c — the chase list as text, CSV and JSON; see
 * chase_format.h. */
#include "tally/chase_format.h"

#include "out/record_csv.h"

#include <json-glib/json-glib.h>

gboolean
tf_chase_format_from_name (const char *name, TfChaseFormat *format)
{
  static const struct { const char *name; TfChaseFormat format; } names[] = {
    { "text", TF_CHASE_TEXT }, { "csv", TF_CHASE_CSV }, { "json", TF_CHASE_JSON },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_str_equal (name, names[i].name))
      {
        *format = names[i].format;
        return TRUE;
      }
  return FALSE;
}

char *
tf_chase_date_text (GDateTime *date)
{
  if (date == NULL)
    return NULL;
  g_autoptr (GDateTime) utc = g_date_time_to_utc (date);
  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

static const char *
reason_words (TfChaseReason reason)
{
  switch (reason)
    {
    case TF_CHASE_NO_REPLY: return "no reply";
    case TF_CHASE_INCOMPLETE: return "incomplete";
    case TF_CHASE_LATE: return "late";
    }
  return "";
}

static void
pad (GString *out, const char *s, glong width)
{
  g_string_append (out, s);
  for (glong n = g_utf8_strlen (s, -1); n < width; n++)
    g_string_append_c (out, ' ');
}

/* A value that may span lines, on one line of the list. */
static char *
one_line (const char *s)
{
  g_autoptr (GString) line = g_string_new (NULL);
  for (const char *p = s; *p; p++)
    g_string_append_c (line, *p == '\n' || *p == '\r' || *p == '\t' ? ' ' : *p);
  return g_string_free (g_steal_pointer (&line), FALSE);
}

char *
tf_chase_to_text (const TfChase *chase)
{
  GString *out = g_string_new (NULL);
  guint listed = chase->entries->len;
  g_string_append_printf (out, "Chase list of %s (%s of %s, replies due %s%s):\n",
                          chase->form, chase->reference, chase->date, chase->deadline,
                          chase->count_late ? ", late replies counted" : "");
  g_string_append_printf (out, "%u of %u Member States have no complete reply counted: "
                          "%u no reply, %u incomplete, %u late.\n",
                          listed, chase->member_states,
                          tf_chase_count (chase, TF_CHASE_NO_REPLY),
                          tf_chase_count (chase, TF_CHASE_INCOMPLETE),
                          tf_chase_count (chase, TF_CHASE_LATE));
  if (listed > 0)
    g_string_append_c (out, '\n');
  glong width = 0;
  for (guint i = 0; i < listed; i++)
    width = MAX (width, g_utf8_strlen (((TfChaseEntry *) chase->entries->pdata[i])->name, -1));
  for (guint i = 0; i < listed; i++)
    {
      const TfChaseEntry *e = chase->entries->pdata[i];
      g_string_append_printf (out, "%s  ", e->code);
      pad (out, e->name, width);
      g_string_append_printf (out, "  %s\n", reason_words (e->reason));
      if (e->file == NULL)
        continue;
      g_autofree char *file = one_line (e->file);
      g_string_append_printf (out, "     %s", file);
      if (e->received != NULL)
        {
          g_autoptr (GDateTime) utc = g_date_time_to_utc (e->received);
          g_autofree char *when = g_date_time_format (utc, "%Y-%m-%d %H:%M UTC");
          g_string_append_printf (out, ", received %s", when);
        }
      g_string_append (out, e->late && e->reason != TF_CHASE_LATE ? " (late)\n" : "\n");
      if (e->sender_name != NULL || e->sender_email != NULL)
        {
          g_autofree char *name = e->sender_name ? one_line (e->sender_name) : NULL;
          g_autofree char *email = e->sender_email ? one_line (e->sender_email) : NULL;
          g_string_append_printf (out, "     from %s%s%s%s\n", name ? name : "",
                                  name && email ? " <" : email ? "<" : "",
                                  email ? email : "", email ? ">" : "");
        }
      for (guint p = 0; p < e->problems->len; p++)
        {
          g_autofree char *message = one_line (((TfProblem *) e->problems->pdata[p])->message);
          g_string_append_printf (out, "     - %s\n", message);
        }
    }
  if (chase->uncounted->len > 0)
    g_string_append_printf (out, "\n%u %s for no Member State (one of them may be the "
                            "reply of a state above):\n", chase->uncounted->len,
                            chase->uncounted->len == 1 ? "reply counts" : "replies count");
  for (guint i = 0; i < chase->uncounted->len; i++)
    {
      const TfTallyUncounted *u = chase->uncounted->pdata[i];
      g_autofree char *file = one_line (u->file);
      g_autofree char *reason = one_line (u->reason);
      g_string_append_printf (out, "  %s  %s\n", file, reason);
    }
  return g_string_free (out, FALSE);
}

static void
cell (GString *out, const char *value)
{
  tf_csv_append_cell (out, value);
  g_string_append_c (out, ',');
}

static void
end_row (GString *out)
{
  g_string_truncate (out, out->len - 1);
  g_string_append (out, "\r\n");
}

char *
tf_chase_to_csv (const TfChase *chase)
{
  GString *out = g_string_new ("member_state_code,member_state,reason,late,file,sender_name,"
                               "sender_email,received,problems,messages\r\n");
  for (guint i = 0; i < chase->entries->len; i++)
    {
      const TfChaseEntry *e = chase->entries->pdata[i];
      cell (out, e->code);
      cell (out, e->name);
      cell (out, tf_chase_reason_name (e->reason));
      cell (out, e->late ? "true" : "false");
      cell (out, e->file);
      cell (out, e->sender_name);
      cell (out, e->sender_email);
      g_autofree char *received = tf_chase_date_text (e->received);
      cell (out, received);
      g_autoptr (GString) codes = g_string_new (NULL);
      g_autoptr (GString) messages = g_string_new (NULL);
      for (guint p = 0; p < e->problems->len; p++)
        {
          const TfProblem *problem = e->problems->pdata[p];
          if (p > 0)
            {
              g_string_append (codes, "; ");
              g_string_append_c (messages, '\n');
            }
          g_string_append (codes, tf_problem_code_name (problem->code));
          if (problem->field != NULL)
            g_string_append_printf (codes, " %s", problem->field);
          g_string_append (messages, problem->message);
        }
      cell (out, codes->str);
      cell (out, messages->str);
      end_row (out);
    }
  for (guint i = 0; i < chase->uncounted->len; i++)
    {
      const TfTallyUncounted *u = chase->uncounted->pdata[i];
      g_string_append (out, ",,uncounted,false,");
      cell (out, u->file);
      g_string_append (out, ",,,,");
      cell (out, u->reason);
      end_row (out);
    }
  return g_string_free (out, FALSE);
}

static void
add_string (JsonBuilder *b, const char *member, const char *value)
{
  json_builder_set_member_name (b, member);
  if (value != NULL)
    json_builder_add_string_value (b, value);
  else
    json_builder_add_null_value (b);
}

static void
add_entry (JsonBuilder *b, const TfChaseEntry *e)
{
  json_builder_begin_object (b);
  add_string (b, "member_state_code", e->code);
  add_string (b, "member_state", e->name);
  add_string (b, "reason", tf_chase_reason_name (e->reason));
  json_builder_set_member_name (b, "late");
  json_builder_add_boolean_value (b, e->late);
  add_string (b, "file", e->file);
  add_string (b, "sender_name", e->sender_name);
  add_string (b, "sender_email", e->sender_email);
  g_autofree char *received = tf_chase_date_text (e->received);
  add_string (b, "received", received);
  json_builder_set_member_name (b, "problems");
  json_builder_begin_array (b);
  for (guint p = 0; p < e->problems->len; p++)
    {
      const TfProblem *problem = e->problems->pdata[p];
      json_builder_begin_object (b);
      add_string (b, "severity", tf_severity_name (problem->severity));
      add_string (b, "code", tf_problem_code_name (problem->code));
      add_string (b, "field", problem->field);
      add_string (b, "message", problem->message);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
}

char *
tf_chase_to_json (const TfChase *chase)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  json_builder_begin_object (b);
  add_string (b, "form", chase->form);
  add_string (b, "reference", chase->reference);
  add_string (b, "date", chase->date);
  add_string (b, "deadline", chase->deadline);
  json_builder_set_member_name (b, "count_late");
  json_builder_add_boolean_value (b, chase->count_late);
  json_builder_set_member_name (b, "member_states");
  json_builder_add_int_value (b, chase->member_states);
  json_builder_set_member_name (b, "complete");
  json_builder_add_int_value (b, chase->complete);
  json_builder_set_member_name (b, "chase");
  json_builder_begin_array (b);
  for (guint i = 0; i < chase->entries->len; i++)
    add_entry (b, chase->entries->pdata[i]);
  json_builder_end_array (b);
  json_builder_set_member_name (b, "uncounted");
  json_builder_begin_array (b);
  for (guint i = 0; i < chase->uncounted->len; i++)
    {
      const TfTallyUncounted *u = chase->uncounted->pdata[i];
      json_builder_begin_object (b);
      add_string (b, "file", u->file);
      add_string (b, "reason", u->reason);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);

  g_autoptr (JsonNode) root = json_builder_get_root (b);
  g_autoptr (JsonGenerator) gen = json_generator_new ();
  json_generator_set_root (gen, root);
  json_generator_set_pretty (gen, TRUE);
  g_autofree char *json = json_generator_to_data (gen, NULL);
  return g_strconcat (json, "\n", NULL);
}

char *
tf_chase_format (const TfChase *chase, TfChaseFormat format)
{
  switch (format)
    {
    case TF_CHASE_CSV: return tf_chase_to_csv (chase);
    case TF_CHASE_JSON: return tf_chase_to_json (chase);
    case TF_CHASE_TEXT: break;
    }
  return tf_chase_to_text (chase);
}
