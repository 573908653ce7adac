#include "read/read_pdf.h"

#include "common/tf_sha256.h"
#include "read/sniff.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <cairo-pdf.h>
#include <poppler.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* PDF 32000-1 7.5.2 and 7.5.5, as readers apply them: the header may
 * follow up to 1 KB of junk, and "%%EOF" may be followed by some. */
#define HEADER_WINDOW 1024
#define TRAILER_WINDOW 1024

static gboolean
contains (const guint8 *data, gsize len, const char *needle)
{
  /* An empty GBytes may hold NULL, which memmem must not get. */
  return len > 0 && memmem (data, len, needle, strlen (needle)) != NULL;
}

static TfRawKind
raw_kind (PopplerFormField *field)
{
  switch (poppler_form_field_get_field_type (field))
    {
    case POPPLER_FORM_FIELD_TEXT:
      return TF_RAW_TEXT;
    case POPPLER_FORM_FIELD_BUTTON:
      switch (poppler_form_field_button_get_button_type (field))
        {
        case POPPLER_FORM_BUTTON_RADIO: return TF_RAW_RADIO;
        case POPPLER_FORM_BUTTON_CHECK: return TF_RAW_CHECKBOX;
        case POPPLER_FORM_BUTTON_PUSH: return TF_RAW_PUSH;
        }
      return TF_RAW_OTHER;
    case POPPLER_FORM_FIELD_CHOICE:
      return TF_RAW_CHOICE;
    case POPPLER_FORM_FIELD_SIGNATURE:
      return TF_RAW_SIGNATURE;
    case POPPLER_FORM_FIELD_UNKNOWN:
      break;
    }
  return TF_RAW_OTHER;
}

static void
read_widget (TfRawReply *raw, guint page, const PopplerRectangle *crop,
             const PopplerFormFieldMapping *m)
{
  PopplerFormField *field = m->field;
  g_autofree char *name = poppler_form_field_get_name (field);
  if (name == NULL)
    name = g_strdup ("");
  TfRawKind kind = raw_kind (field);
  if (kind == TF_RAW_TEXT)
    {
      g_autofree char *value = poppler_form_field_text_get_text (field);
      tf_raw_reply_add_field (raw, name, kind, value);
      return;
    }
  tf_raw_reply_add_field (raw, name, kind, NULL);
  if (kind != TF_RAW_RADIO)
    return;
  g_autofree char *tooltip = poppler_form_field_get_alternate_ui_name (field);
  TfRect rect = {
    .x = MIN (m->area.x1, m->area.x2) + crop->x1,
    .y = MIN (m->area.y1, m->area.y2) + crop->y1,
    .w = fabs (m->area.x2 - m->area.x1),
    .h = fabs (m->area.y2 - m->area.y1),
  };
  tf_raw_reply_add_radio (raw, name, tooltip, page, &rect,
                          poppler_form_field_button_get_state (field));
}

static void
read_page (TfRawReply *raw, PopplerDocument *doc, guint index)
{
  PopplerPage *page = poppler_document_get_page (doc, (int) index);
  if (page == NULL)
    return;
  PopplerRectangle crop = { 0, 0, 0, 0 };
  poppler_page_get_crop_box (page, &crop);
  /* Poppler lists a page's widgets last first: put them back in the
   * order of the page's /Annots. */
  GList *mapping = g_list_reverse (poppler_page_get_form_field_mapping (page));
  for (GList *l = mapping; l != NULL; l = l->next)
    read_widget (raw, index, &crop, l->data);
  poppler_page_free_form_field_mapping (mapping);
  g_object_unref (page);
}

/* Whether every field of `raw` is empty: no text typed, no box on. */
static gboolean
fields_all_empty (const TfRawReply *raw)
{
  for (guint i = 0; i < raw->fields->len; i++)
    {
      const TfRawField *f = raw->fields->pdata[i];
      /* form.id and form.language are the form's own, not an answer. */
      if (f->kind == TF_RAW_TEXT && f->value != NULL && *f->value != '\0'
          && !g_str_has_prefix (f->name, "form."))
        return FALSE;
    }
  for (guint i = 0; i < raw->radios->len; i++)
    if (((const TfRawRadio *) raw->radios->pdata[i])->on)
      return FALSE;
  return TRUE;
}

static TfRawReply *
read_document (GBytes *bytes, TfOpticalPlan *plan)
{
  g_autoptr (GError) error = NULL;
  /* Poppler 22.12 declares no g_autoptr for its types. */
  PopplerDocument *doc = poppler_document_new_from_bytes (bytes, NULL, &error);
  if (doc == NULL)
    {
      if (g_error_matches (error, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED))
        return tf_raw_reply_new (TF_READ_ENCRYPTED,
                                 "the PDF is protected by a password that is needed "
                                 "to open it");
      return tf_raw_reply_new (TF_READ_DAMAGED, "the PDF is damaged: %s",
                               error ? error->message : "Poppler cannot open it");
    }
  TfRawReply *raw = tf_raw_reply_new (TF_READ_OK, NULL);
  int n_pages = poppler_document_get_n_pages (doc);
  raw->n_pages = n_pages > 0 ? (guint) n_pages : 0;
  raw->created = poppler_document_get_creation_date_time (doc);
  raw->modified = poppler_document_get_modification_date_time (doc);
  raw->producer = poppler_document_get_producer (doc);
  if (raw->producer != NULL && !g_utf8_validate (raw->producer, -1, NULL))
    g_clear_pointer (&raw->producer, g_free);
  for (guint i = 0; i < raw->n_pages; i++)
    read_page (raw, doc, i);
  if (plan != NULL && fields_all_empty (raw))
    {
      raw->optical = tf_optical_read (plan, doc);
      /* Empty fields over unmarked pages: an unanswered form, read as one. */
      if (raw->fields->len > 0 && !tf_optical_has_marks (raw->optical))
        g_clear_pointer (&raw->optical, tf_raw_optical_free);
    }
  g_object_unref (doc);
  return raw;
}

/* The raw reply of `bytes`, whose checksum is `sha256` (copied). */
static TfRawReply *
read_summed_bytes (GBytes *bytes, const char *sha256, TfOpticalPlan *plan)
{
  gsize len = 0;
  const guint8 *data = g_bytes_get_data (bytes, &len);
  TfRawReply *raw;
  if (!contains (data, MIN (len, HEADER_WINDOW), "%PDF-"))
    {
      g_autofree char *what = tf_sniff_describe (data, len);
      raw = tf_raw_reply_new (TF_READ_NOT_PDF, "%s, not a PDF", what);
    }
  else if (!contains (data + (len > TRAILER_WINDOW ? len - TRAILER_WINDOW : 0),
                      MIN (len, TRAILER_WINDOW), "%%EOF"))
    raw = tf_raw_reply_new (TF_READ_DAMAGED,
                            "the PDF is cut short: it ends before its end-of-file "
                            "marker (%" G_GSIZE_FORMAT " bytes)", len);
  else
    raw = read_document (bytes, plan);
  raw->size = len;
  raw->sha256 = g_strdup (sha256);
  return raw;
}

TfRawReply *
tf_read_bytes (GBytes *bytes)
{
  gsize len = 0;
  const guint8 *data = g_bytes_get_data (bytes, &len);
  g_autofree char *sha256 = tf_sha256_hex (data, len);
  return read_summed_bytes (bytes, sha256, NULL);
}

TfRawReply *
tf_read_bytes_with (GBytes *bytes, TfOpticalPlan *plan)
{
  gsize len = 0;
  const guint8 *data = g_bytes_get_data (bytes, &len);
  g_autofree char *sha256 = tf_sha256_hex (data, len);
  return read_summed_bytes (bytes, sha256, plan);
}

static char *
too_large (void)
{
  return g_strdup_printf ("it is larger than %d MiB, too large to be a reply form",
                          TF_READ_MAX_SIZE >> 20);
}

/* Reads `fd` to its end, whatever fstat said (the file may be growing). */
static char *
read_to_end (int fd, TfReadChunkFunc func, gpointer user_data)
{
  guint64 total = 0;
  for (;;)
    {
      guint8 chunk[65536];
      ssize_t got = read (fd, chunk, sizeof chunk);
      if (got == 0)
        return NULL;
      if (got < 0 && errno == EINTR)
        continue;
      if (got < 0)
        return g_strdup (g_strerror (errno));
      total += (guint64) got;
      if (total > TF_READ_MAX_SIZE)
        return too_large ();
      func (chunk, (gsize) got, user_data);
    }
}

/* Hands the file's bytes to `func` as tf_read_file_chunks() says; sets
 * *mtime (when not NULL) to the file's modification time once it is open. */
static char *
read_chunks (const char *path, TfReadChunkFunc func, gpointer user_data, GDateTime **mtime)
{
  /* O_NONBLOCK: a FIFO named *.pdf must not block the run. */
  int fd = open (path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0)
    return g_strdup (g_strerror (errno));
  char *reason = NULL;
  struct stat st;
  if (fstat (fd, &st) != 0)
    reason = g_strdup (g_strerror (errno));
  else
    {
      if (mtime != NULL)
        *mtime = g_date_time_new_from_unix_utc (st.st_mtime);
      if (!S_ISREG (st.st_mode))
        reason = g_strdup (S_ISDIR (st.st_mode) ? "it is a folder, not a file"
                                                : "it is not a regular file");
      else if (st.st_size > TF_READ_MAX_SIZE)
        reason = too_large ();
      else
        reason = read_to_end (fd, func, user_data);
    }
  close (fd);
  return reason;
}

char *
tf_read_file_chunks (const char *path, TfReadChunkFunc func, gpointer user_data)
{
  return read_chunks (path, func, user_data, NULL);
}

static void
append_chunk (const guint8 *data, gsize len, gpointer user_data)
{
  g_byte_array_append (user_data, data, (guint) len);
}

TfLoadedFile *
tf_read_load (const char *path)
{
  TfLoadedFile *file = g_new0 (TfLoadedFile, 1);
  GByteArray *buf = g_byte_array_new ();
  file->unreadable = read_chunks (path, append_chunk, buf, &file->modified);
  if (file->unreadable != NULL)
    {
      g_byte_array_unref (buf);
      return file;
    }
  file->bytes = g_byte_array_free_to_bytes (buf);
  gsize len = 0;
  const guint8 *data = g_bytes_get_data (file->bytes, &len);
  file->sha256 = tf_sha256_hex (data, len);
  return file;
}

void
tf_loaded_file_free (TfLoadedFile *file)
{
  if (file == NULL)
    return;
  g_clear_pointer (&file->bytes, g_bytes_unref);
  g_free (file->sha256);
  g_free (file->unreadable);
  g_clear_pointer (&file->modified, g_date_time_unref);
  g_free (file);
}

TfRawReply *
tf_read_loaded (const TfLoadedFile *file)
{
  return tf_read_loaded_with (file, NULL);
}

TfRawReply *
tf_read_loaded_with (const TfLoadedFile *file, TfOpticalPlan *plan)
{
  TfRawReply *raw = file->unreadable != NULL
    ? tf_raw_reply_new (TF_READ_UNREADABLE, "%s", file->unreadable)
    : read_summed_bytes (file->bytes, file->sha256, plan);
  if (file->modified != NULL)
    raw->file_modified = g_date_time_ref (file->modified);
  return raw;
}

TfRawReply *
tf_read_file (const char *path)
{
  g_autoptr (TfLoadedFile) file = tf_read_load (path);
  return tf_read_loaded (file);
}

/* ---- a session: Poppler's global parameters kept ------------------------ */

struct TfReadSession {
  PopplerDocument *anchor;  /* an empty one-page document, or NULL */
};

static cairo_status_t
append_bytes (void *closure, const unsigned char *data, unsigned int length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

TfReadSession *
tf_read_session_new (void)
{
  TfReadSession *session = g_new0 (TfReadSession, 1);
  /* The empty document is made by cairo: no file to ship or find. */
  GByteArray *pdf = g_byte_array_new ();
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (append_bytes, pdf, 10, 10);
  cairo_surface_finish (surface);
  gboolean made = cairo_surface_status (surface) == CAIRO_STATUS_SUCCESS;
  cairo_surface_destroy (surface);
  g_autoptr (GBytes) bytes = g_byte_array_free_to_bytes (pdf);
  if (made)
    session->anchor = poppler_document_new_from_bytes (bytes, NULL, NULL);
  return session;
}

void
tf_read_session_free (TfReadSession *session)
{
  if (session == NULL)
    return;
  if (session->anchor != NULL)
    g_object_unref (session->anchor);
  g_free (session);
}
