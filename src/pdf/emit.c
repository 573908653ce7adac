#include "pdf/emit.h"

#include "common/tf_error.h"
#include "common/tf_output.h"
#include "pdf/acroform.h"
#include "pdf/haru_objects.h"
#include "pdf/page_draw.h"
#include "pdf/pdf_fonts.h"

#include <stdlib.h>

struct TfEmitter
{
  const TfForm *form;
  const TfLayout *layout;
  /* The streams every document has alike (fonts, pages), compressed once
   * for all the documents this emitter builds. */
  TfDeflateCache *deflated;
};

/* libHaru reports errors through a callback; the first one is kept and
 * turned into a GError when the document is done. */
typedef struct {
  HPDF_STATUS status;
  HPDF_STATUS detail;
} HaruErrors;

static void
on_haru_error (HPDF_STATUS status, HPDF_STATUS detail, void *user_data)
{
  HaruErrors *errors = user_data;
  if (errors->status == HPDF_OK)
    {
      errors->status = status;
      errors->detail = detail;
    }
}

static gboolean
haru_failed (const HaruErrors *errors, const char *what, GError **error)
{
  if (errors->status == HPDF_OK)
    return FALSE;
  g_set_error (error, TF_ERROR, TF_ERROR_PDF,
               "libHaru failed while %s (error 0x%04lX, detail %lu)", what,
               (unsigned long) errors->status, (unsigned long) errors->detail);
  return TRUE;
}

static HPDF_Doc
new_doc (HaruErrors *errors)
{
  HPDF_Doc doc = HPDF_New (on_haru_error, errors);
  if (doc == NULL)
    return NULL;
  HPDF_UseUTFEncodings (doc);
  HPDF_SetCurrentEncoder (doc, "UTF-8");
  HPDF_SetCompressionMode (doc, HPDF_COMP_ALL);
  return doc;
}

TfEmitter *
tf_emitter_new (const TfForm *form, const TfLayout *layout)
{
  TfEmitter *emitter = g_new0 (TfEmitter, 1);
  emitter->form = form;
  emitter->layout = layout;
  emitter->deflated = tf_deflate_cache_new ();
  return emitter;
}

void
tf_emitter_free (TfEmitter *emitter)
{
  if (emitter == NULL)
    return;
  tf_deflate_cache_free (emitter->deflated);
  g_free (emitter);
}

static gint64
creation_time (const TfEmitOptions *options)
{
  if (options->creation_time >= 0)
    return options->creation_time;
  /* Reproducible builds' convention: the samples come out byte-stable. */
  const char *epoch = g_getenv ("SOURCE_DATE_EPOCH");
  if (epoch != NULL && g_ascii_isdigit (epoch[0]))
    return g_ascii_strtoll (epoch, NULL, 10);
  return g_get_real_time () / G_USEC_PER_SEC;
}

static void
set_metadata (HPDF_Doc doc, const TfForm *form, TfLanguage language,
              const TfEmitOptions *options)
{
  tf_haru_set_info (doc, "Title", tf_form_wording (form, language)->title);
  /* The language screen readers and text extraction take the page in. */
  tf_haru_set_text (doc, tf_haru_catalog (doc), "Lang", tf_language_code (language));
  g_autofree char *subject = g_strdup_printf (
    "Reply form (%s) of the Member State consultation of %s, ITU-T Study Group %"
    G_GINT64_FORMAT, form->id_version, form->reference, form->study_group);
  tf_haru_set_info (doc, "Subject", subject);
  tf_haru_set_info (doc, "Author", form->bureau);
  tf_haru_set_info (doc, "Creator", "tapform-emit " TAPFORM_VERSION);
  tf_haru_set_info (doc, "Keywords", form->id_version);

  g_autoptr (GDateTime) t = g_date_time_new_from_unix_utc (creation_time (options));
  HPDF_Date date = {
    g_date_time_get_year (t), g_date_time_get_month (t),
    g_date_time_get_day_of_month (t), g_date_time_get_hour (t),
    g_date_time_get_minute (t), g_date_time_get_second (t), 'Z', 0, 0,
  };
  HPDF_SetInfoDateAttr (doc, HPDF_INFO_CREATION_DATE, date);
}

/* Everything the document pre-fills: the form's identity, always, and what
 * the caller asked for. A new table, borrowing its strings. */
static GHashTable *
prefill (const TfEmitter *emitter, const TfEmitOptions *options)
{
  GHashTable *values = g_hash_table_new (g_str_hash, g_str_equal);
  if (options->values != NULL)
    {
      GHashTableIter it;
      gpointer k, v;
      g_hash_table_iter_init (&it, options->values);
      while (g_hash_table_iter_next (&it, &k, &v))
        g_hash_table_insert (values, k, v);
    }
  if (options->member_state != NULL)
    g_hash_table_insert (values, "sender.member_state", (gpointer) options->member_state);
  g_hash_table_insert (values, TF_FIELD_FORM_ID, emitter->form->id_version);
  g_hash_table_insert (values, TF_FIELD_FORM_LANGUAGE,
                       (gpointer) tf_language_code (emitter->layout->language));
  return values;
}

struct TfEmitDocument
{
  const TfEmitter *emitter;
  HaruErrors errors;          /* libHaru's handler writes here: keep first */
  HPDF_Doc doc;
  TfPdfFonts *fonts;
  GHashTable *texts;          /* field name → TfAcroformText* */
};

/* Builds the whole document; FALSE with `error` set on failure. */
static gboolean
build (TfEmitDocument *d, const TfEmitOptions *options, GError **error)
{
  const TfLayout *layout = d->emitter->layout;
  d->fonts = tf_pdf_fonts_load (d->doc, layout->language, error);
  if (d->fonts == NULL)
    return FALSE;
  set_metadata (d->doc, d->emitter->form, layout->language, options);

  g_autofree HPDF_Page *pages = g_new0 (HPDF_Page, layout->n_pages);
  for (guint i = 0; i < layout->n_pages; i++)
    {
      pages[i] = HPDF_AddPage (d->doc);
      HPDF_Page_SetWidth (pages[i], (HPDF_REAL) layout->page_width);
      HPDF_Page_SetHeight (pages[i], (HPDF_REAL) layout->page_height);
      tf_page_draw (pages[i], i, layout, d->fonts);
    }
  g_autoptr (GHashTable) values = prefill (d->emitter, options);
  d->texts = tf_acroform_add (d->doc, pages, layout, d->fonts, values, error);
  if (d->texts == NULL || !tf_pdf_fonts_finish (d->fonts, error)
      || haru_failed (&d->errors, "building the form", error))
    return FALSE;
  /* What no save changes is compressed now, once: not at every save. */
  for (guint i = 0; i < layout->n_pages; i++)
    tf_haru_page_freeze (pages[i], d->emitter->deflated);
  return tf_pdf_fonts_freeze (d->fonts, d->emitter->deflated, error)
         && !haru_failed (&d->errors, "embedding the fonts", error);
}

TfEmitDocument *
tf_emit_document_new (const TfEmitter *emitter, const TfEmitOptions *options,
                      GError **error)
{
  g_autoptr (TfEmitDocument) d = g_new0 (TfEmitDocument, 1);
  d->emitter = emitter;
  d->doc = new_doc (&d->errors);
  if (d->doc == NULL)
    {
      g_set_error (error, TF_ERROR, TF_ERROR_PDF, "libHaru could not start a document");
      return NULL;
    }
  return build (d, options, error) ? g_steal_pointer (&d) : NULL;
}

void
tf_emit_document_free (TfEmitDocument *d)
{
  if (d == NULL)
    return;
  g_clear_pointer (&d->texts, g_hash_table_unref);
  g_free (d->fonts);
  if (d->doc != NULL)
    HPDF_Free (d->doc);
  g_free (d);
}

gboolean
tf_emit_document_set_member_state (TfEmitDocument *d, const char *name)
{
  g_autofree char *drawn = name ? tf_acroform_drawn_text (name) : NULL;
  if (drawn != NULL && !tf_pdf_fonts_covers (d->fonts, drawn))
    return FALSE;
  tf_acroform_set_text (d->doc, g_hash_table_lookup (d->texts, "sender.member_state"), name);
  return TRUE;
}

GBytes *
tf_emit_document_save (TfEmitDocument *d, GError **error)
{
  HPDF_SaveToStream (d->doc);
  if (haru_failed (&d->errors, "saving the form", error))
    return NULL;
  HPDF_UINT32 size = HPDF_GetStreamSize (d->doc);
  guint8 *data = g_malloc (size);
  HPDF_UINT32 got = size;
  HPDF_GetContents (d->doc, data, &got);
  if (haru_failed (&d->errors, "reading the saved form", error) || got != size)
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, TF_ERROR, TF_ERROR_PDF, "libHaru saved a short document");
      g_free (data);
      return NULL;
    }
  return g_bytes_new_take (data, size);
}

GBytes *
tf_emitter_render (const TfEmitter *emitter, const TfEmitOptions *options,
                   GError **error)
{
  g_autoptr (TfEmitDocument) d = tf_emit_document_new (emitter, options, error);
  return d ? tf_emit_document_save (d, error) : NULL;
}

gboolean
tf_emitter_write (const TfEmitter *emitter, const TfEmitOptions *options,
                  const char *path, GError **error)
{
  g_autoptr (GError) local = NULL;
  g_autoptr (GBytes) bytes = tf_emitter_render (emitter, options, &local);
  if (bytes == NULL)
    {
      g_set_error (error, TF_ERROR, TF_ERROR_PDF, "%s: %s", path, local->message);
      return FALSE;
    }
  return tf_output_write_bytes (path, bytes, error);
}

gboolean
tf_emit_document_write (TfEmitDocument *document, const char *path,
                        GError **error)
{
  g_autoptr (GError) local = NULL;
  g_autoptr (GBytes) bytes = tf_emit_document_save (document, &local);
  if (bytes == NULL)
    {
      g_set_error (error, TF_ERROR, TF_ERROR_PDF, "%s: %s", path, local->message);
      return FALSE;
    }
  return tf_output_write_bytes (path, bytes, error);
}
