/* form_load.c — reads and checks a form definition with json-glib. */
#include "form/form.h"

#include "common/tf_data.h"
#include "common/tf_error.h"
#include "form/json_source.h"

#include <string.h>

static void
text_free (TfText *text)
{
  g_free (text->key);
  g_free (text->designation);
  g_free (text->short_name);
  for (int l = 0; l < TF_LANG_COUNT; l++)
    g_free (text->titles[l]);
  g_free (text);
}

static void
sender_field_free (TfSenderField *field)
{
  g_free (field->field);
  for (int l = 0; l < TF_LANG_COUNT; l++)
    g_free (field->labels[l]);
  g_free (field);
}

static void
labelled_free (TfLabelled *labelled)
{
  g_free (labelled->label);
  g_free (labelled->value);
  g_free (labelled);
}

static void
wording_free (TfWording *w)
{
  if (w == NULL)
    return;
  g_free (w->title);
  TfPageWording *page = &w->page;
  g_free (page->annex_heading);
  g_free (page->subject_label);
  g_free (page->subject);
  g_free (page->to_label);
  g_free (page->to);
  g_clear_pointer (&page->to_contact, g_ptr_array_unref);
  g_free (page->from_label);
  g_free (page->salutation);
  g_free (page->introduction);
  g_free (page->table_heading);
  g_free (page->status_new);
  g_free (page->status_revised);
  g_free (page->closing);
  g_free (page->administration_prefix);
  g_free (page->footer);
  g_free (page->page_label);
  g_free (page->sector);
  g_free (w->choices.assign);
  g_free (w->choices.withhold);
  g_free (w->choices.none);
  g_free (w->choices.attached);
  g_free (w);
}

void
tf_form_free (TfForm *form)
{
  if (form == NULL)
    return;
  g_free (form->path);
  g_free (form->id);
  g_free (form->id_version);
  g_free (form->language);
  g_free (form->reference);
  g_free (form->date);
  g_free (form->place);
  g_free (form->study_group_title);
  g_free (form->reply_deadline);
  g_clear_pointer (&form->deadline, g_date_time_unref);
  g_free (form->bureau);
  /* title, page and choices are borrowed from the default wording. */
  for (int l = 0; l < TF_LANG_COUNT; l++)
    wording_free (form->wording[l]);
  g_clear_pointer (&form->sender, g_ptr_array_unref);
  g_clear_pointer (&form->texts, g_ptr_array_unref);
  g_free (form);
}

/* ---- strings in several languages ------------------------------------- */

/* A string the page shows, read into `out` for each language of `form`:
 * either one string, the same in every language, or an object with one
 * string per language of the form ({"en": "...", "fr": "..."}), no more,
 * no less. The strings are new; `out` is left with NULL for the languages
 * the form lacks. */
static gboolean
localized (const TfJsonSource *src, JsonObject *o, const char *member,
           const TfForm *form, char *out[TF_LANG_COUNT], GError **error)
{
  JsonNode *node = json_object_get_member (o, member);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_autofree char *one = NULL;
      if (!tf_json_source_string (src, o, member, FALSE, &one, error))
        return FALSE;
      for (int l = 0; l < TF_LANG_COUNT; l++)
        if (form->wording[l] != NULL)
          out[l] = g_strdup (one);
      return TRUE;
    }
  JsonObject *per = json_node_get_object (node);
  g_autoptr (GList) members = json_object_get_members (per);
  for (GList *m = members; m != NULL; m = m->next)
    {
      TfLanguage l;
      if (!tf_language_from_code (m->data, &l) || form->wording[l] == NULL)
        {
          tf_json_source_error (src, error, per, m->data,
                                "\"%s\" has a wording in \"%s\", which is not one of "
                                "the form's languages (\"languages\")",
                                member, (const char *) m->data);
          return FALSE;
        }
    }
  for (int l = 0; l < TF_LANG_COUNT; l++)
    {
      if (form->wording[l] == NULL)
        continue;
      const char *code = tf_language_code (l);
      if (!json_object_has_member (per, code))
        {
          tf_json_source_error (src, error, o, member,
                                "\"%s\" has no wording in \"%s\" (%s)", member, code,
                                tf_language_name (l));
          return FALSE;
        }
      if (!tf_json_source_string (src, per, code, FALSE, &out[l], error))
        return FALSE;
    }
  return TRUE;
}

/* The same for an optional member: absent or null leaves `out` NULL. */
static gboolean
localized_optional (const TfJsonSource *src, JsonObject *o, const char *member,
                    const TfForm *form, char *out[TF_LANG_COUNT], GError **error)
{
  JsonNode *node = json_object_get_member (o, member);
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  return localized (src, o, member, form, out, error);
}

/* Moves each language's string of `strings` into `*member` of that
 * language's wording, found `offset` bytes into it. */
static void
distribute (TfForm *form, char *strings[TF_LANG_COUNT], gsize offset)
{
  for (int l = 0; l < TF_LANG_COUNT; l++)
    if (form->wording[l] != NULL)
      *(char **) ((guint8 *) form->wording[l] + offset) = strings[l];
}

/* A text key or sender field name goes into an AcroForm field name, so it is
 * kept to lower-case letters, digits and underscores: no dot, no space. */
static gboolean
is_field_name_part (const char *s)
{
  if (s == NULL || s[0] == '\0')
    return FALSE;
  for (const char *p = s; *p; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '_')
      return FALSE;
  return TRUE;
}

static gboolean
is_iso_date (const char *s)
{
  if (s == NULL || strlen (s) != 10 || s[4] != '-' || s[7] != '-')
    return FALSE;
  g_autoptr (GDateTime) dt = NULL;
  g_autofree char *midnight = g_strconcat (s, "T00:00:00Z", NULL);
  dt = g_date_time_new_from_iso8601 (midnight, NULL);
  return dt != NULL;
}

/* "language" (the default) and "languages" (all of them, the default
 * among them; absent: the default alone): makes one empty wording per
 * language. */
static gboolean
load_languages (const TfJsonSource *src, JsonObject *o, TfForm *form,
                GError **error)
{
  if (!tf_language_from_code (form->language, &form->default_language))
    {
      tf_json_source_error (src, error, o, "language",
                            "\"language\" must be one of %s, not \"%s\"",
                            tf_language_codes (), form->language);
      return FALSE;
    }
  JsonNode *node = json_object_get_member (o, "languages");
  if (node == NULL)
    {
      form->wording[form->default_language] = g_new0 (TfWording, 1);
      form->wording[form->default_language]->language = form->default_language;
      return TRUE;
    }
  JsonArray *a = tf_json_source_array (src, o, "languages", error);
  if (a == NULL)
    return FALSE;
  for (guint i = 0; i < json_array_get_length (a); i++)
    {
      JsonNode *e = json_array_get_element (a, i);
      const char *code = JSON_NODE_HOLDS_VALUE (e)
                           && json_node_get_value_type (e) == G_TYPE_STRING
                         ? json_node_get_string (e) : NULL;
      TfLanguage l;
      if (!tf_language_from_code (code, &l))
        {
          tf_json_source_error (src, error, o, "languages",
                                "\"languages\" may hold only %s", tf_language_codes ());
          return FALSE;
        }
      if (form->wording[l] != NULL)
        {
          tf_json_source_error (src, error, o, "languages",
                                "\"languages\" names \"%s\" twice", code);
          return FALSE;
        }
      form->wording[l] = g_new0 (TfWording, 1);
      form->wording[l]->language = l;
    }
  if (form->wording[form->default_language] == NULL)
    {
      tf_json_source_error (src, error, o, "languages",
                            "\"languages\" must include the form's \"language\" (\"%s\")",
                            form->language);
      return FALSE;
    }
  return TRUE;
}

static gboolean
load_identity (const TfJsonSource *src, JsonObject *root, TfForm *form,
               GError **error)
{
  JsonObject *o = tf_json_source_object (src, root, "form", error);
  if (o == NULL
      || !tf_json_source_string (src, o, "id", FALSE, &form->id, error)
      || !tf_json_source_int (src, o, "version", &form->version, error)
      || !tf_json_source_string (src, o, "language", FALSE, &form->language, error)
      || !load_languages (src, o, form, error))
    return FALSE;
  char *titles[TF_LANG_COUNT] = { NULL };
  if (!localized (src, o, "title", form, titles, error))
    {
      for (int l = 0; l < TF_LANG_COUNT; l++)
        g_free (titles[l]);
      return FALSE;
    }
  distribute (form, titles, G_STRUCT_OFFSET (TfWording, title));
  for (const char *p = form->id; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_')
      {
        tf_json_source_error (src, error, o, "id",
                              "\"id\" may hold only letters, digits, '-' and '_'");
        return FALSE;
      }
  if (form->version < 1)
    {
      tf_json_source_error (src, error, o, "version", "\"version\" must be 1 or more");
      return FALSE;
    }
  form->id_version = g_strdup_printf ("%s@%" G_GINT64_FORMAT, form->id, form->version);
  return TRUE;
}

static gboolean
load_circular (const TfJsonSource *src, JsonObject *root, TfForm *form,
               GError **error)
{
  JsonObject *o = tf_json_source_object (src, root, "circular", error);
  if (o == NULL
      || !tf_json_source_int (src, o, "number", &form->circular_number, error)
      || !tf_json_source_string (src, o, "reference", FALSE, &form->reference, error)
      || !tf_json_source_string (src, o, "date", FALSE, &form->date, error)
      || !tf_json_source_string (src, o, "place", FALSE, &form->place, error)
      || !tf_json_source_int (src, o, "study_group", &form->study_group, error)
      || !tf_json_source_string (src, o, "study_group_title", FALSE, &form->study_group_title, error)
      || !tf_json_source_string (src, o, "reply_deadline", FALSE, &form->reply_deadline, error)
      || !tf_json_source_double (src, o, "approval_threshold", &form->threshold, error)
      || !tf_json_source_string (src, o, "bureau", FALSE, &form->bureau, error))
    return FALSE;
  if (!is_iso_date (form->date))
    {
      tf_json_source_error (src, error, o, "date",
                            "\"date\" must be a date written YYYY-MM-DD, not \"%s\"",
                            form->date);
      return FALSE;
    }
  g_autoptr (GTimeZone) utc = g_time_zone_new_utc ();
  form->deadline = g_date_time_new_from_iso8601 (form->reply_deadline, utc);
  if (form->deadline == NULL)
    {
      tf_json_source_error (src, error, o, "reply_deadline",
                            "\"reply_deadline\" must be an ISO 8601 date and time, not \"%s\"",
                            form->reply_deadline);
      return FALSE;
    }
  if (!(form->threshold > 0.0 && form->threshold <= 1.0))
    {
      tf_json_source_error (src, error, o, "approval_threshold",
                            "\"approval_threshold\" must be a fraction above 0 and at most 1");
      return FALSE;
    }
  return TRUE;
}

static gboolean
load_contact (const TfJsonSource *src, JsonObject *o, TfForm *form,
              GError **error)
{
  JsonArray *contact = tf_json_source_array (src, o, "to_contact", error);
  if (contact == NULL)
    return FALSE;
  for (int l = 0; l < TF_LANG_COUNT; l++)
    if (form->wording[l] != NULL)
      form->wording[l]->page.to_contact
        = g_ptr_array_new_with_free_func ((GDestroyNotify) labelled_free);
  for (guint i = 0; i < json_array_get_length (contact); i++)
    {
      JsonNode *node = json_array_get_element (contact, i);
      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          tf_json_source_error (src, error, o, "to_contact",
                                "\"to_contact\" must hold objects with \"label\" and \"value\"");
          return FALSE;
        }
      JsonObject *lo = json_node_get_object (node);
      char *labels[TF_LANG_COUNT] = { NULL }, *values[TF_LANG_COUNT] = { NULL };
      gboolean ok = localized (src, lo, "label", form, labels, error)
                    && localized (src, lo, "value", form, values, error);
      for (int l = 0; l < TF_LANG_COUNT; l++)
        {
          if (form->wording[l] == NULL)
            continue;
          TfLabelled *labelled = g_new0 (TfLabelled, 1);
          labelled->label = labels[l];
          labelled->value = values[l];
          g_ptr_array_add (form->wording[l]->page.to_contact, labelled);
        }
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

static gboolean
load_page (const TfJsonSource *src, JsonObject *root, TfForm *form,
           GError **error)
{
  JsonObject *o = tf_json_source_object (src, root, "page", error);
  if (o == NULL)
    return FALSE;
#define PAGE(member) G_STRUCT_OFFSET (TfWording, page.member)
  static const struct { const char *member; gsize offset; gboolean optional; } strings[] = {
    { "annex_heading", PAGE (annex_heading), FALSE },
    { "subject_label", PAGE (subject_label), FALSE },
    { "subject", PAGE (subject), FALSE },
    { "to_label", PAGE (to_label), FALSE },
    { "to", PAGE (to), FALSE },
    { "from_label", PAGE (from_label), FALSE },
    { "salutation", PAGE (salutation), FALSE },
    { "introduction", PAGE (introduction), FALSE },
    { "table_heading", PAGE (table_heading), FALSE },
    { "closing", PAGE (closing), FALSE },
    { "administration_prefix", PAGE (administration_prefix), FALSE },
    { "footer", PAGE (footer), FALSE },
    { "page_label", PAGE (page_label), FALSE },
    { "sector", PAGE (sector), TRUE },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (strings); i++)
    {
      char *per[TF_LANG_COUNT] = { NULL };
      gboolean ok = strings[i].optional
        ? localized_optional (src, o, strings[i].member, form, per, error)
        : localized (src, o, strings[i].member, form, per, error);
      distribute (form, per, strings[i].offset);
      if (!ok)
        return FALSE;
    }

  JsonObject *labels = tf_json_source_object (src, o, "status_labels", error);
  if (labels == NULL)
    return FALSE;
  char *status_new[TF_LANG_COUNT] = { NULL }, *status_revised[TF_LANG_COUNT] = { NULL };
  gboolean ok = localized (src, labels, "new", form, status_new, error)
                && localized (src, labels, "revised", form, status_revised, error);
  distribute (form, status_new, PAGE (status_new));
  distribute (form, status_revised, PAGE (status_revised));
#undef PAGE
  return ok && load_contact (src, o, form, error);
}

/* The sender fields the reply record contract names; a definition may add
 * more, but not lack these. */
static const char *const required_sender[] = {
  "name", "title", "address", "fax", "email", "member_state",
};

static gboolean
load_sender (const TfJsonSource *src, JsonObject *root, TfForm *form,
             GError **error)
{
  JsonArray *a = tf_json_source_array (src, root, "sender", error);
  if (a == NULL)
    return FALSE;
  form->sender = g_ptr_array_new_with_free_func ((GDestroyNotify) sender_field_free);
  for (guint i = 0; i < json_array_get_length (a); i++)
    {
      JsonNode *node = json_array_get_element (a, i);
      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          tf_json_source_error (src, error, root, "sender",
                                "sender field %u must be an object", i + 1);
          return FALSE;
        }
      JsonObject *o = json_node_get_object (node);
      TfSenderField *f = g_new0 (TfSenderField, 1);
      g_ptr_array_add (form->sender, f);
      if (!tf_json_source_string (src, o, "field", FALSE, &f->field, error)
          || !localized (src, o, "label", form, f->labels, error)
          || !tf_json_source_bool (src, o, "multiline", FALSE, &f->multiline, error))
        return FALSE;
      f->label = f->labels[form->default_language];
      if (!is_field_name_part (f->field))
        {
          tf_json_source_error (src, error, o, "field",
                                "sender field \"%s\" must be lower-case letters, digits or '_'",
                                f->field);
          return FALSE;
        }
      for (guint j = 0; j + 1 < form->sender->len; j++)
        if (g_str_equal (((TfSenderField *) form->sender->pdata[j])->field, f->field))
          {
            tf_json_source_error (src, error, o, "field",
                                  "sender field \"%s\" appears twice", f->field);
            return FALSE;
          }
    }
  for (gsize i = 0; i < G_N_ELEMENTS (required_sender); i++)
    if (tf_form_find_sender (form, required_sender[i]) == NULL)
      {
        tf_json_source_error (src, error, root, "sender",
                              "sender field \"%s\" is missing", required_sender[i]);
        return FALSE;
      }
  return TRUE;
}

static gboolean
load_choices (const TfJsonSource *src, JsonObject *root, TfForm *form,
              GError **error)
{
  JsonObject *o = tf_json_source_object (src, root, "choices", error);
  if (o == NULL)
    return FALSE;
#define CHOICE(member) G_STRUCT_OFFSET (TfWording, choices.member)
  static const struct { const char *member; gsize offset; } strings[] = {
    { "assign", CHOICE (assign) },
    { "withhold", CHOICE (withhold) },
    { "none", CHOICE (none) },
    { "attached", CHOICE (attached) },
  };
#undef CHOICE
  for (gsize i = 0; i < G_N_ELEMENTS (strings); i++)
    {
      char *per[TF_LANG_COUNT] = { NULL };
      gboolean ok = localized (src, o, strings[i].member, form, per, error);
      distribute (form, per, strings[i].offset);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

static gboolean
load_text (const TfJsonSource *src, JsonObject *o, TfForm *form,
           GError **error)
{
  TfText *t = g_new0 (TfText, 1);
  g_ptr_array_add (form->texts, t);
  g_autofree char *status = NULL;
  if (!tf_json_source_string (src, o, "key", FALSE, &t->key, error)
      || !tf_json_source_string (src, o, "designation", FALSE, &t->designation, error)
      || !tf_json_source_string (src, o, "status", FALSE, &status, error)
      || !tf_json_source_string (src, o, "short_name", TRUE, &t->short_name, error)
      || !localized (src, o, "title", form, t->titles, error))
    return FALSE;
  t->title = t->titles[form->default_language];
  if (!is_field_name_part (t->key))
    {
      tf_json_source_error (src, error, o, "key",
                            "text key \"%s\" must be lower-case letters and digits "
                            "(the Recommendation number without punctuation)", t->key);
      return FALSE;
    }
  if (g_str_equal (status, "new"))
    t->status = TF_TEXT_NEW;
  else if (g_str_equal (status, "revised"))
    t->status = TF_TEXT_REVISED;
  else
    {
      tf_json_source_error (src, error, o, "status",
                            "\"status\" must be \"new\" or \"revised\", not \"%s\"", status);
      return FALSE;
    }
  for (guint j = 0; j + 1 < form->texts->len; j++)
    if (g_str_equal (((TfText *) form->texts->pdata[j])->key, t->key))
      {
        tf_json_source_error (src, error, o, "key",
                              "text key \"%s\" appears twice (first as text %u)",
                              t->key, j + 1);
        return FALSE;
      }
  return TRUE;
}

static gboolean
load_texts (const TfJsonSource *src, JsonObject *root, TfForm *form,
            GError **error)
{
  JsonArray *a = tf_json_source_array (src, root, "texts", error);
  if (a == NULL)
    return FALSE;
  form->texts = g_ptr_array_new_with_free_func ((GDestroyNotify) text_free);
  if (json_array_get_length (a) == 0)
    {
      tf_json_source_error (src, error, root, "texts", "\"texts\" is empty");
      return FALSE;
    }
  for (guint i = 0; i < json_array_get_length (a); i++)
    {
      JsonNode *node = json_array_get_element (a, i);
      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          tf_json_source_error (src, error, root, "texts",
                                "text %u must be an object", i + 1);
          return FALSE;
        }
      if (!load_text (src, json_node_get_object (node), form, error))
        return FALSE;
    }
  return TRUE;
}

TfForm *
tf_form_load (const char *path, GError **error)
{
  g_autoptr (TfJsonSource) src = tf_json_source_load (path, error);
  if (src == NULL)
    return NULL;
  JsonNode *root_node = tf_json_source_root (src);
  if (root_node == NULL || !JSON_NODE_HOLDS_OBJECT (root_node))
    {
      g_set_error (error, TF_ERROR, TF_ERROR_DEFINITION,
                   "%s: a form definition must be a JSON object", path);
      return NULL;
    }
  JsonObject *root = json_node_get_object (root_node);

  g_autoptr (TfForm) form = g_new0 (TfForm, 1);
  form->path = g_strdup (path);
  if (!load_identity (src, root, form, error)
      || !load_circular (src, root, form, error)
      || !load_page (src, root, form, error)
      || !load_sender (src, root, form, error)
      || !load_choices (src, root, form, error)
      || !load_texts (src, root, form, error))
    return NULL;
  /* The members that predate the languages: the default's, borrowed. */
  const TfWording *w = form->wording[form->default_language];
  form->title = w->title;
  form->page = w->page;
  form->choices = w->choices;
  return g_steal_pointer (&form);
}

TfForm *
tf_form_load_default (GError **error)
{
  g_autofree char *path = tf_data_find (TF_FORM_DEFAULT_DEFINITION, error);
  return path ? tf_form_load (path, error) : NULL;
}

const TfText *
tf_form_find_text (const TfForm *form, const char *key)
{
  for (guint i = 0; i < form->texts->len; i++)
    {
      const TfText *t = form->texts->pdata[i];
      if (g_str_equal (t->key, key))
        return t;
    }
  return NULL;
}

const TfSenderField *
tf_form_find_sender (const TfForm *form, const char *field)
{
  for (guint i = 0; form->sender && i < form->sender->len; i++)
    {
      const TfSenderField *f = form->sender->pdata[i];
      if (g_str_equal (f->field, field))
        return f;
    }
  return NULL;
}

const TfWording *
tf_form_wording (const TfForm *form, TfLanguage language)
{
  return language < TF_LANG_COUNT ? form->wording[language] : NULL;
}

gboolean
tf_form_has_language (const TfForm *form, TfLanguage language)
{
  return tf_form_wording (form, language) != NULL;
}

char *
tf_text_dup_designation_in (const TfForm *form, const TfWording *wording,
                            const TfText *text)
{
  const char *from = form->wording[form->default_language]->page.sector;
  const char *to = wording->page.sector;
  gsize n = from ? strlen (from) : 0;
  if (from == NULL || to == NULL || strncmp (text->designation, from, n) != 0
      || text->designation[n] != ' ')
    return g_strdup (text->designation);
  return g_strconcat (to, text->designation + n, NULL);
}

char *
tf_text_dup_heading_in (const TfForm *form, const TfWording *wording,
                        const TfText *text)
{
  const char *status = text->status == TF_TEXT_NEW ? wording->page.status_new
                                                   : wording->page.status_revised;
  g_autofree char *designation = tf_text_dup_designation_in (form, wording, text);
  g_autofree char *named = text->short_name
    ? g_strdup_printf ("%s (%s)", designation, text->short_name)
    : g_strdup (designation);
  if (strstr (status, "{designation}") == NULL)
    return g_strconcat (status, " ", named, NULL);
  g_auto (GStrv) parts = g_strsplit (status, "{designation}", -1);
  return g_strjoinv (named, parts);
}

char *
tf_text_dup_heading (const TfForm *form, const TfText *text)
{
  return tf_text_dup_heading_in (form, form->wording[form->default_language], text);
}
