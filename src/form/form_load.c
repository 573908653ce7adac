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
  g_free (text->title);
  g_free (text);
}

static void
sender_field_free (TfSenderField *field)
{
  g_free (field->field);
  g_free (field->label);
  g_free (field);
}

static void
labelled_free (TfLabelled *labelled)
{
  g_free (labelled->label);
  g_free (labelled->value);
  g_free (labelled);
}

void
tf_form_free (TfForm *form)
{
  if (form == NULL)
    return;
  g_free (form->path);
  g_free (form->id);
  g_free (form->id_version);
  g_free (form->title);
  g_free (form->language);
  g_free (form->reference);
  g_free (form->date);
  g_free (form->place);
  g_free (form->study_group_title);
  g_free (form->reply_deadline);
  g_clear_pointer (&form->deadline, g_date_time_unref);
  g_free (form->bureau);

  TfPageWording *page = &form->page;
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

  g_clear_pointer (&form->sender, g_ptr_array_unref);
  g_free (form->choices.assign);
  g_free (form->choices.withhold);
  g_free (form->choices.none);
  g_free (form->choices.attached);
  g_clear_pointer (&form->texts, g_ptr_array_unref);
  g_free (form);
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

static gboolean
load_identity (const TfJsonSource *src, JsonObject *root, TfForm *form,
               GError **error)
{
  JsonObject *o = tf_json_source_object (src, root, "form", error);
  if (o == NULL
      || !tf_json_source_string (src, o, "id", FALSE, &form->id, error)
      || !tf_json_source_int (src, o, "version", &form->version, error)
      || !tf_json_source_string (src, o, "title", FALSE, &form->title, error)
      || !tf_json_source_string (src, o, "language", FALSE, &form->language, error))
    return FALSE;
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
load_page (const TfJsonSource *src, JsonObject *root, TfPageWording *page,
           GError **error)
{
  JsonObject *o = tf_json_source_object (src, root, "page", error);
  if (o == NULL)
    return FALSE;
  struct { const char *member; char **out; } strings[] = {
    { "annex_heading", &page->annex_heading },
    { "subject_label", &page->subject_label },
    { "subject", &page->subject },
    { "to_label", &page->to_label },
    { "to", &page->to },
    { "from_label", &page->from_label },
    { "salutation", &page->salutation },
    { "introduction", &page->introduction },
    { "table_heading", &page->table_heading },
    { "closing", &page->closing },
    { "administration_prefix", &page->administration_prefix },
    { "footer", &page->footer },
    { "page_label", &page->page_label },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (strings); i++)
    if (!tf_json_source_string (src, o, strings[i].member, FALSE, strings[i].out, error))
      return FALSE;

  JsonObject *labels = tf_json_source_object (src, o, "status_labels", error);
  if (labels == NULL
      || !tf_json_source_string (src, labels, "new", FALSE, &page->status_new, error)
      || !tf_json_source_string (src, labels, "revised", FALSE, &page->status_revised, error))
    return FALSE;

  JsonArray *contact = tf_json_source_array (src, o, "to_contact", error);
  if (contact == NULL)
    return FALSE;
  page->to_contact = g_ptr_array_new_with_free_func ((GDestroyNotify) labelled_free);
  for (guint i = 0; i < json_array_get_length (contact); i++)
    {
      JsonNode *node = json_array_get_element (contact, i);
      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          tf_json_source_error (src, error, o, "to_contact",
                                "\"to_contact\" must hold objects with \"label\" and \"value\"");
          return FALSE;
        }
      TfLabelled *l = g_new0 (TfLabelled, 1);
      g_ptr_array_add (page->to_contact, l);
      JsonObject *lo = json_node_get_object (node);
      if (!tf_json_source_string (src, lo, "label", FALSE, &l->label, error)
          || !tf_json_source_string (src, lo, "value", FALSE, &l->value, error))
        return FALSE;
    }
  return TRUE;
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
          || !tf_json_source_string (src, o, "label", FALSE, &f->label, error)
          || !tf_json_source_bool (src, o, "multiline", FALSE, &f->multiline, error))
        return FALSE;
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
load_choices (const TfJsonSource *src, JsonObject *root, TfChoices *choices,
              GError **error)
{
  JsonObject *o = tf_json_source_object (src, root, "choices", error);
  return o != NULL
         && tf_json_source_string (src, o, "assign", FALSE, &choices->assign, error)
         && tf_json_source_string (src, o, "withhold", FALSE, &choices->withhold, error)
         && tf_json_source_string (src, o, "none", FALSE, &choices->none, error)
         && tf_json_source_string (src, o, "attached", FALSE, &choices->attached, error);
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
      || !tf_json_source_string (src, o, "title", FALSE, &t->title, error))
    return FALSE;
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
      || !load_page (src, root, &form->page, error)
      || !load_sender (src, root, form, error)
      || !load_choices (src, root, &form->choices, error)
      || !load_texts (src, root, form, error))
    return NULL;
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

char *
tf_text_dup_heading (const TfForm *form, const TfText *text)
{
  const char *status = text->status == TF_TEXT_NEW ? form->page.status_new
                                                   : form->page.status_revised;
  if (text->short_name)
    return g_strdup_printf ("%s %s (%s)", status, text->designation, text->short_name);
  return g_strdup_printf ("%s %s", status, text->designation);
}
