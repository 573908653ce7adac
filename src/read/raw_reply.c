#include "read/raw_reply.h"

#include "common/tf_error.h"

#include <string.h>

static void
field_free (TfRawField *field)
{
  g_free (field->name);
  g_free (field->value);
  g_free (field);
}

static void
radio_free (TfRawRadio *radio)
{
  g_free (radio->field);
  g_free (radio->tooltip);
  g_free (radio);
}

TfRawReply *
tf_raw_reply_new (TfReadOutcome outcome, const char *detail_format, ...)
{
  TfRawReply *raw = g_new0 (TfRawReply, 1);
  raw->outcome = outcome;
  raw->fields = g_ptr_array_new_with_free_func ((GDestroyNotify) field_free);
  raw->radios = g_ptr_array_new_with_free_func ((GDestroyNotify) radio_free);
  if (outcome != TF_READ_OK)
    {
      va_list args;
      va_start (args, detail_format);
      raw->detail = detail_format ? g_strdup_vprintf (detail_format, args)
                                  : g_strdup (tf_read_outcome_name (outcome));
      va_end (args);
    }
  return raw;
}

void
tf_raw_reply_free (TfRawReply *raw)
{
  if (raw == NULL)
    return;
  g_free (raw->detail);
  g_free (raw->sha256);
  g_ptr_array_unref (raw->fields);
  g_ptr_array_unref (raw->radios);
  g_clear_pointer (&raw->created, g_date_time_unref);
  g_clear_pointer (&raw->modified, g_date_time_unref);
  g_free (raw->producer);
  g_clear_pointer (&raw->file_modified, g_date_time_unref);
  tf_raw_optical_free (raw->optical);
  g_free (raw);
}

const TfRawField *
tf_raw_reply_find_field (const TfRawReply *raw, const char *name)
{
  for (guint i = 0; i < raw->fields->len; i++)
    {
      const TfRawField *field = raw->fields->pdata[i];
      if (g_str_equal (field->name, name))
        return field;
    }
  return NULL;
}

const TfRawField *
tf_raw_reply_add_field (TfRawReply *raw, const char *name, TfRawKind kind,
                        const char *value)
{
  const TfRawField *known = tf_raw_reply_find_field (raw, name);
  if (known != NULL)
    return known;
  TfRawField *field = g_new0 (TfRawField, 1);
  field->name = g_strdup (name);
  field->kind = kind;
  field->value = g_strdup (value);
  g_ptr_array_add (raw->fields, field);
  return field;
}

void
tf_raw_reply_add_radio (TfRawReply *raw, const char *field, const char *tooltip,
                        guint page, const TfRect *rect, gboolean on)
{
  TfRawRadio *radio = g_new0 (TfRawRadio, 1);
  radio->field = g_strdup (field);
  radio->tooltip = g_strdup (tooltip);
  radio->page = page;
  radio->rect = *rect;
  radio->on = on;
  g_ptr_array_add (raw->radios, radio);
}

const char *
tf_read_outcome_name (TfReadOutcome outcome)
{
  switch (outcome)
    {
    case TF_READ_OK: return "ok";
    case TF_READ_UNREADABLE: return "unreadable";
    case TF_READ_NOT_PDF: return "not-pdf";
    case TF_READ_DAMAGED: return "damaged";
    case TF_READ_ENCRYPTED: return "encrypted";
    case TF_READ_CRASHED: return "crashed";
    case TF_READ_TIMED_OUT: return "timed-out";
    case TF_READ_OUT_OF_MEMORY: return "out-of-memory";
    case TF_READ_NO_WORKER: return "no-worker";
    case TF_READ_BAD_ANSWER: return "bad-answer";
    case TF_READ_FOLDER_UNREADABLE: return "folder-unreadable";
    }
  return "unknown";
}

/* ---- serialization --------------------------------------------------- */

/* outcome, detail, sha256, size, pages, fields (name, kind, value),
 * radios (field, tooltip, page, (x, y, w, h), on), created, modified
 * (ISO 8601), producer, the file's modification time (ISO 8601). */
#define RAW_TYPE "(umsmstua(sums)a(smsu(dddd)b)msmsmsmsmv)"

static char *
dup_iso (GDateTime *t)
{
  return t ? g_date_time_format_iso8601 (t) : NULL;
}

GVariant *
tf_raw_reply_serialize (const TfRawReply *raw)
{
  GVariantBuilder fields, radios;
  g_variant_builder_init (&fields, G_VARIANT_TYPE ("a(sums)"));
  for (guint i = 0; i < raw->fields->len; i++)
    {
      const TfRawField *f = raw->fields->pdata[i];
      g_variant_builder_add (&fields, "(sums)", f->name, (guint32) f->kind, f->value);
    }
  g_variant_builder_init (&radios, G_VARIANT_TYPE ("a(smsu(dddd)b)"));
  for (guint i = 0; i < raw->radios->len; i++)
    {
      const TfRawRadio *r = raw->radios->pdata[i];
      g_variant_builder_add (&radios, "(smsu(dddd)b)", r->field, r->tooltip,
                             (guint32) r->page, r->rect.x, r->rect.y, r->rect.w,
                             r->rect.h, r->on);
    }
  g_autofree char *created = dup_iso (raw->created);
  g_autofree char *modified = dup_iso (raw->modified);
  g_autofree char *file_modified = dup_iso (raw->file_modified);
  g_autoptr (GVariant) optical = raw->optical ? tf_raw_optical_serialize (raw->optical) : NULL;
  GVariant *v = g_variant_new (RAW_TYPE, (guint32) raw->outcome, raw->detail,
                               raw->sha256, (guint64) raw->size,
                               (guint32) raw->n_pages, &fields, &radios, created,
                               modified, raw->producer, file_modified, optical);
  return g_variant_ref_sink (v);
}

static gboolean
utf8_or_null (const char *s)
{
  return s == NULL || g_utf8_validate (s, -1, NULL);
}

TfRawReply *
tf_raw_reply_deserialize (GVariant *variant, GError **error)
{
  if (variant == NULL || !g_variant_is_of_type (variant, G_VARIANT_TYPE (RAW_TYPE)))
    {
      g_set_error (error, TF_ERROR, TF_ERROR_PDF, "not a serialized raw reply (type %s)",
                   variant ? g_variant_get_type_string (variant) : "none");
      return NULL;
    }
  guint32 outcome, n_pages;
  guint64 size;
  const char *detail, *sha256, *created, *modified, *producer, *file_modified;
  g_autoptr (GVariantIter) fields = NULL;
  g_autoptr (GVariantIter) radios = NULL;
  g_autoptr (GVariant) optical = NULL;
  g_variant_get (variant, "(um&sm&stua(sums)a(smsu(dddd)b)m&sm&sm&sm&smv)", &outcome, &detail,
                 &sha256, &size, &n_pages, &fields, &radios, &created, &modified,
                 &producer, &file_modified, &optical);
  /* The sanity checks a reader of untrusted bytes owes its callers. */
  if (outcome > TF_READ_LAST_WORKER_OUTCOME || (outcome == TF_READ_OK) != (detail == NULL)
      || !utf8_or_null (detail) || !utf8_or_null (producer))
    {
      g_set_error (error, TF_ERROR, TF_ERROR_PDF, "malformed raw reply: outcome %u", outcome);
      return NULL;
    }
  g_autoptr (TfRawReply) raw = tf_raw_reply_new (outcome, NULL);
  g_free (raw->detail);
  raw->detail = g_strdup (detail);
  raw->sha256 = g_strdup (sha256);
  raw->size = size;
  raw->n_pages = n_pages;
  raw->producer = g_strdup (producer);
  raw->created = created ? g_date_time_new_from_iso8601 (created, NULL) : NULL;
  raw->modified = modified ? g_date_time_new_from_iso8601 (modified, NULL) : NULL;
  raw->file_modified = file_modified ? g_date_time_new_from_iso8601 (file_modified, NULL) : NULL;

  const char *name, *value, *tooltip;
  guint32 kind, page;
  gboolean on;
  while (g_variant_iter_next (fields, "(&sum&s)", &name, &kind, &value))
    {
      if (kind > TF_RAW_OTHER || !utf8_or_null (name) || !utf8_or_null (value))
        {
          g_set_error (error, TF_ERROR, TF_ERROR_PDF, "malformed raw reply: field");
          return NULL;
        }
      tf_raw_reply_add_field (raw, name, kind, value);
    }
  TfRect rect;
  while (g_variant_iter_next (radios, "(&sm&su(dddd)b)", &name, &tooltip, &page,
                              &rect.x, &rect.y, &rect.w, &rect.h, &on))
    {
      if (!utf8_or_null (name) || !utf8_or_null (tooltip))
        {
          g_set_error (error, TF_ERROR, TF_ERROR_PDF, "malformed raw reply: radio");
          return NULL;
        }
      tf_raw_reply_add_radio (raw, name, tooltip, page, &rect, on);
    }
  if (optical != NULL && (raw->optical = tf_raw_optical_deserialize (optical, error)) == NULL)
    return NULL;
  return g_steal_pointer (&raw);
}
