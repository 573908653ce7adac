#include "batch/worker.h"

#include "batch/channel.h"
#include "common/tf_error.h"

#include <signal.h>
#include <string.h>

/* The longest path a request may hold. */
#define MAX_PATH_FRAME 65536

typedef enum {
  FAULT_NONE,
  FAULT_CRASH,
  FAULT_HANG,
  FAULT_BOMB,
  FAULT_EXIT,
} Fault;

/* The test-only fault for the file at `path` (see worker.h). */
static Fault
test_fault (const char *faults, const char *path)
{
  if (faults == NULL || *faults == '\0')
    return FAULT_NONE;
  g_autofree char *base = g_path_get_basename (path);
  g_auto (GStrv) items = g_strsplit (faults, ",", -1);
  for (guint i = 0; items[i] != NULL; i++)
    {
      const char *colon = strchr (items[i], ':');
      if (colon == NULL || !g_str_equal (colon + 1, base))
        continue;
      gsize kind = (gsize) (colon - items[i]);
      if (kind == 5 && strncmp (items[i], "crash", 5) == 0)
        return FAULT_CRASH;
      if (kind == 4 && strncmp (items[i], "hang", 4) == 0)
        return FAULT_HANG;
      if (kind == 4 && strncmp (items[i], "bomb", 4) == 0)
        return FAULT_BOMB;
      if (kind == 4 && strncmp (items[i], "exit", 4) == 0)
        return FAULT_EXIT;
    }
  return FAULT_NONE;
}

static void
misbehave (Fault fault)
{
  switch (fault)
    {
    case FAULT_NONE:
      return;
    case FAULT_CRASH:
      raise (SIGSEGV);
      _exit (139);
    case FAULT_HANG:
      for (;;)
        g_usleep (G_USEC_PER_SEC);
    case FAULT_BOMB:
      for (;;)
        {
          /* Leaked on purpose: the process is about to be stopped. */
          gsize chunk = 16u << 20;
          volatile char *p = g_malloc (chunk);
          for (gsize i = 0; i < chunk; i += 4096)
            p[i] = 1;
        }
    case FAULT_EXIT:
      _exit (3);
    }
}

GBytes *
tf_worker_answer (const TfRawReply *raw)
{
  GVariant *variant = tf_raw_reply_serialize (raw);
  if (g_variant_get_size (variant) > TF_CHANNEL_MAX_FRAME)
    {
      /* Only a file built to flood its reader lists that much. */
      g_autoptr (TfRawReply) flood = tf_raw_reply_new (
        TF_READ_DAMAGED, "the PDF lists %u form fields and %u radio buttons, far too "
        "many for a reply form", raw->fields->len, raw->radios->len);
      flood->sha256 = g_strdup (raw->sha256);
      flood->size = raw->size;
      if (raw->file_modified != NULL)
        flood->file_modified = g_date_time_ref (raw->file_modified);
      g_variant_unref (variant);
      variant = tf_raw_reply_serialize (flood);
    }
  /* Boxed in a "v": the answer carries its own type, which the batch
   * checks (tf_raw_reply_deserialize) rather than assumes. */
  GVariant *boxed = g_variant_ref_sink (g_variant_new_variant (variant));
  GBytes *bytes = g_variant_get_data_as_bytes (boxed);
  g_variant_unref (boxed);
  g_variant_unref (variant);
  return bytes;
}

GBytes *
tf_worker_read (const char *path)
{
  g_autoptr (TfRawReply) raw = tf_read_file (path);
  return tf_worker_answer (raw);
}

/* sha256 (or nothing), size, the file's time (Unix seconds, or nothing). */
#define PRELUDE_TYPE "(mstmx)"

GBytes *
tf_worker_prelude (const TfLoadedFile *file)
{
  gsize size = file->bytes ? g_bytes_get_size (file->bytes) : 0;
  GVariant *time = file->modified
    ? g_variant_new_int64 (g_date_time_to_unix (file->modified)) : NULL;
  g_autoptr (GVariant) v = g_variant_ref_sink (
    g_variant_new ("(mst@mx)", file->sha256, (guint64) size,
                   g_variant_new_maybe (G_VARIANT_TYPE_INT64, time)));
  return g_variant_get_data_as_bytes (v);
}

static gboolean
is_hex_sha256 (const char *s)
{
  if (strlen (s) != 64)
    return FALSE;
  for (const char *p = s; *p; p++)
    if (!g_ascii_isxdigit (*p) || g_ascii_isupper (*p))
      return FALSE;
  return TRUE;
}

gboolean
tf_worker_prelude_parse (GBytes *frame, TfWorkerPrelude *prelude, GError **error)
{
  *prelude = (TfWorkerPrelude) { 0 };
  g_autoptr (GVariant) v = g_variant_ref_sink (
    g_variant_new_from_bytes (G_VARIANT_TYPE (PRELUDE_TYPE), frame, FALSE));
  /* Small: checked whole, so that a frame of another kind is refused
   * rather than read as default values. */
  if (!g_variant_is_normal_form (v))
    {
      g_set_error (error, TF_ERROR, TF_ERROR_PDF, "malformed prelude");
      return FALSE;
    }
  const char *sha256 = NULL;
  guint64 size = 0;
  g_autoptr (GVariant) time = NULL;
  g_variant_get (v, "(m&st@mx)", &sha256, &size, &time);
  if (sha256 != NULL && !is_hex_sha256 (sha256))
    {
      g_set_error (error, TF_ERROR, TF_ERROR_PDF, "malformed prelude: checksum");
      return FALSE;
    }
  prelude->sha256 = g_strdup (sha256);
  prelude->size = size;
  g_autoptr (GVariant) seconds = g_variant_get_maybe (time);
  if (seconds != NULL)
    prelude->modified = g_date_time_new_from_unix_utc (g_variant_get_int64 (seconds));
  return TRUE;
}

void
tf_worker_prelude_clear (TfWorkerPrelude *prelude)
{
  g_clear_pointer (&prelude->sha256, g_free);
  g_clear_pointer (&prelude->modified, g_date_time_unref);
}

/* Sends `bytes` as one frame. */
static gboolean
send_frame (int fd, GBytes *bytes, GError **error)
{
  gsize size = 0;
  const void *data = g_bytes_get_data (bytes, &size);
  return tf_channel_write (fd, data, size, error);
}

TfRawReply *
tf_worker_answer_parse (GBytes *answer, GError **error)
{
  /* Not trusted: GVariant checks the bytes as it reads them (a malformed
   * part reads as a default value), and deserializing checks the type
   * and every invariant of a raw reply. (Checking the normal form once and
   * then reading the bytes as trusted saves a tenth of the ~0.12 ms this
   * takes: not worth a second path.) */
  g_autoptr (GVariant) boxed = g_variant_ref_sink (
    g_variant_new_from_bytes (G_VARIANT_TYPE_VARIANT, answer, FALSE));
  g_autoptr (GVariant) inner = g_variant_get_variant (boxed);
  return tf_raw_reply_deserialize (inner, error);
}

/* Answers requests until the batch closes the channel. */
static gboolean
serve_requests (int fd, TfOpticalPlan *optical, GError **error)
{
  const char *faults = g_getenv (TF_WORKER_FAULTS_ENV);
  for (;;)
    {
      g_autoptr (GError) local = NULL;
      g_autoptr (GBytes) request = tf_channel_read (fd, MAX_PATH_FRAME, &local);
      if (request == NULL)
        {
          if (local == NULL)
            return TRUE;  /* the batch closed the channel: done */
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
      gsize len = 0;
      const char *data = g_bytes_get_data (request, &len);
      g_autofree char *path = g_strndup (data, len);
      g_autoptr (TfLoadedFile) file = tf_read_load (path);
      g_autoptr (GBytes) prelude = tf_worker_prelude (file);
      if (!send_frame (fd, prelude, error))
        return FALSE;
      misbehave (test_fault (faults, path));
      g_autoptr (TfRawReply) raw = tf_read_loaded_with (file, optical);
      g_autoptr (GBytes) answer = tf_worker_answer (raw);
      if (!send_frame (fd, answer, error))
        return FALSE;
    }
}

gboolean
tf_worker_serve (int fd, TfOpticalPlan *optical, GError **error)
{
  /* Poppler set up once for all the files this worker reads. */
  TfReadSession *session = tf_read_session_new ();
  gboolean ok = serve_requests (fd, optical, error);
  tf_read_session_free (session);
  return ok;
}
