#include "tally/tally_format.h"

#include "out/record_csv.h"

#include <json-glib/json-glib.h>

gboolean
tf_tally_format_from_name (const char *name, TfTallyFormat *format)
{
  static const struct { const char *name; TfTallyFormat format; } names[] = {
    { "text", TF_TALLY_TEXT }, { "csv", TF_TALLY_CSV }, { "json", TF_TALLY_JSON },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_str_equal (name, names[i].name))
      {
        *format = names[i].format;
        return TRUE;
      }
  return FALSE;
}

/* Pads `s` with spaces to `width` characters (not bytes). */
static void
pad (GString *out, const char *s, guint width, gboolean right)
{
  glong n = g_utf8_strlen (s, -1);
  if (right)
    for (glong i = n; i < (glong) width; i++)
      g_string_append_c (out, ' ');
  g_string_append (out, s);
  if (!right)
    for (glong i = n; i < (glong) width; i++)
      g_string_append_c (out, ' ');
}

static char *
percent (const TfTallyText *t)
{
  return t->has_support ? g_strdup_printf ("%.1f %%", t->support * 100) : g_strdup ("–");
}

char *
tf_tally_to_text (const TfTally *tally)
{
  GString *out = g_string_new (NULL);
  g_string_append_printf (out, "Tally of %s: a text goes forward with %g %% or more support "
                          "among the replies received by %s%s.\n\n",
                          tally->form, tally->threshold * 100, tally->deadline,
                          tally->count_late ? " (late replies counted)" : "");
  g_autofree char *meets = g_strdup_printf ("meets %g %%", tally->threshold * 100);
  const char *heads[] = { "text", "replies", "assign", "withhold", "unanswered", "support", meets };
  const guint widths[] = { 14, 8, 7, 9, 11, 9, 0 };
  for (gsize i = 0; i < G_N_ELEMENTS (heads); i++)
    {
      pad (out, heads[i], widths[i], i > 0 && i < 6);
      g_string_append (out, i + 1 < G_N_ELEMENTS (heads) ? "  " : "");
    }
  g_string_append_c (out, '\n');
  for (guint i = 0; i < tally->texts->len; i++)
    {
      const TfTallyText *t = tally->texts->pdata[i];
      g_autofree char *support = percent (t);
      char n[4][16];
      g_snprintf (n[0], 16, "%u", t->replies);
      g_snprintf (n[1], 16, "%u", t->assign);
      g_snprintf (n[2], 16, "%u", t->withhold);
      g_snprintf (n[3], 16, "%u", t->unanswered);
      const char *cells[] = { t->text->designation, n[0], n[1], n[2], n[3], support,
                              t->meets_threshold ? "yes" : "NO" };
      for (gsize c = 0; c < G_N_ELEMENTS (cells); c++)
        {
          pad (out, cells[c], widths[c], c > 0 && c < 6);
          g_string_append (out, c + 1 < G_N_ELEMENTS (cells) ? "  " : "");
        }
      g_string_append_c (out, '\n');
    }
  g_string_append_printf (out, "\n%u replies counted, %u superseded, %u uncounted, %u late%s.\n",
                          tally->counted->len, tally->superseded->len, tally->uncounted->len,
                          tally->late->len, tally->count_late ? " (counted)" : " (not counted)");
  if (tally->superseded->len)
    g_string_append (out, "\nSuperseded by a later reply of the same Member State:\n");
  for (guint i = 0; i < tally->superseded->len; i++)
    {
      const TfTallySuperseded *s = tally->superseded->pdata[i];
      g_string_append_printf (out, "  %s  (by %s)\n", s->file, s->by);
    }
  if (tally->uncounted->len)
    g_string_append (out, "\nNot counted:\n");
  for (guint i = 0; i < tally->uncounted->len; i++)
    {
      const TfTallyUncounted *u = tally->uncounted->pdata[i];
      g_string_append_printf (out, "  %s  %s\n", u->file, u->reason);
    }
  if (tally->late->len)
    g_string_append_printf (out, "\nReceived after %s:\n", tally->deadline);
  for (guint i = 0; i < tally->late->len; i++)
    g_string_append_printf (out, "  %s\n", (const char *) tally->late->pdata[i]);
  return g_string_free (out, FALSE);
}

char *
tf_tally_to_csv (const TfTally *tally)
{
  GString *out = g_string_new ("key,recommendation,replies,assign,withhold,unanswered,"
                               "support,meets_threshold\r\n");
  for (guint i = 0; i < tally->texts->len; i++)
    {
      const TfTallyText *t = tally->texts->pdata[i];
      tf_csv_append_cell (out, t->text->key);
      g_string_append_c (out, ',');
      tf_csv_append_cell (out, t->text->designation);
      g_string_append_printf (out, ",%u,%u,%u,%u,", t->replies, t->assign, t->withhold,
                              t->unanswered);
      if (t->has_support)
        {
          char buf[G_ASCII_DTOSTR_BUF_SIZE];
          g_string_append (out, g_ascii_formatd (buf, sizeof buf, "%.6f", t->support));
        }
      g_string_append_printf (out, ",%s\r\n", t->meets_threshold ? "true" : "false");
    }
  return g_string_free (out, FALSE);
}

static void
add_files (JsonBuilder *b, const char *member, GPtrArray *files)
{
  json_builder_set_member_name (b, member);
  json_builder_begin_array (b);
  for (guint i = 0; i < files->len; i++)
    json_builder_add_string_value (b, files->pdata[i]);
  json_builder_end_array (b);
}

char *
tf_tally_to_json (const TfTally *tally)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "form");
  json_builder_add_string_value (b, tally->form);
  json_builder_set_member_name (b, "threshold");
  json_builder_add_double_value (b, tally->threshold);
  json_builder_set_member_name (b, "deadline");
  json_builder_add_string_value (b, tally->deadline);
  json_builder_set_member_name (b, "count_late");
  json_builder_add_boolean_value (b, tally->count_late);

  json_builder_set_member_name (b, "texts");
  json_builder_begin_array (b);
  for (guint i = 0; i < tally->texts->len; i++)
    {
      const TfTallyText *t = tally->texts->pdata[i];
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "key");
      json_builder_add_string_value (b, t->text->key);
      json_builder_set_member_name (b, "recommendation");
      json_builder_add_string_value (b, t->text->designation);
      const struct { const char *name; guint value; } counts[] = {
        { "replies", t->replies }, { "assign", t->assign },
        { "withhold", t->withhold }, { "unanswered", t->unanswered },
      };
      for (gsize c = 0; c < G_N_ELEMENTS (counts); c++)
        {
          json_builder_set_member_name (b, counts[c].name);
          json_builder_add_int_value (b, counts[c].value);
        }
      json_builder_set_member_name (b, "support");
      if (t->has_support)
        json_builder_add_double_value (b, t->support);
      else
        json_builder_add_null_value (b);
      json_builder_set_member_name (b, "meets_threshold");
      json_builder_add_boolean_value (b, t->meets_threshold);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  add_files (b, "counted", tally->counted);
  json_builder_set_member_name (b, "superseded");
  json_builder_begin_array (b);
  for (guint i = 0; i < tally->superseded->len; i++)
    {
      const TfTallySuperseded *s = tally->superseded->pdata[i];
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "file");
      json_builder_add_string_value (b, s->file);
      json_builder_set_member_name (b, "by");
      json_builder_add_string_value (b, s->by);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "uncounted");
  json_builder_begin_array (b);
  for (guint i = 0; i < tally->uncounted->len; i++)
    {
      const TfTallyUncounted *u = tally->uncounted->pdata[i];
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "file");
      json_builder_add_string_value (b, u->file);
      json_builder_set_member_name (b, "reason");
      json_builder_add_string_value (b, u->reason);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  add_files (b, "late", tally->late);
  json_builder_end_object (b);

  g_autoptr (JsonNode) root = json_builder_get_root (b);
  g_autoptr (JsonGenerator) gen = json_generator_new ();
  json_generator_set_root (gen, root);
  json_generator_set_pretty (gen, TRUE);
  char *json = json_generator_to_data (gen, NULL);
  char *with_newline = g_strconcat (json, "\n", NULL);
  g_free (json);
  return with_newline;
}

char *
tf_tally_format (const TfTally *tally, TfTallyFormat format)
{
  switch (format)
    {
    case TF_TALLY_CSV: return tf_tally_to_csv (tally);
    case TF_TALLY_JSON: return tf_tally_to_json (tally);
    case TF_TALLY_TEXT: break;
    }
  return tf_tally_to_text (tally);
}
